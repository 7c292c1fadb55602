"""Bytes to text: BOM, strict UTF-8, declared charset, windows-1252, detection; binary refused."""

from __future__ import annotations

import codecs

import pytest

from cleanerlib import CleanerlibError, DecodeError, InputError, clean
from cleanerlib._decode import decode_bytes, sanitize_text

PAGE = '<html><head><meta charset="{cs}"></head><body><p>{body}</p></body></html>'
FRENCH = "L\u2019\u00e9t\u00e9 sera chaud \u00e0 Paris \u2013 M\u00e9t\u00e9o-France le confirme."


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_mark_decides_and_is_removed(bom, encoding):
    assert decode_bytes(bom + FRENCH.encode(encoding)) == FRENCH


def test_plain_utf8_without_declaration():
    assert decode_bytes(FRENCH.encode("utf-8")) == FRENCH


def test_meta_charset_is_used_when_the_bytes_are_not_utf8():
    body = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440"
    data = PAGE.format(cs="windows-1251", body=body).encode("cp1251")
    assert body in decode_bytes(data)


def test_http_equiv_content_type_charset():
    body = "Gr\u00fc\u00dfe aus M\u00fcnchen"
    data = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'
            f"</head><body><p>{body} \u20ac</p></body></html>").encode("iso-8859-15")
    assert f"{body} \u20ac" in decode_bytes(data)


def test_lying_charset_loses_to_valid_utf8():
    data = PAGE.format(cs="iso-8859-1", body=FRENCH).encode("utf-8")
    assert FRENCH in decode_bytes(data)


def test_latin1_declaration_is_read_as_windows_1252():
    body = "\u201cQuoted\u201d \u2014 costs \u20ac5"  # bytes 0x80-0x9f are punctuation in cp1252
    data = PAGE.format(cs="iso-8859-1", body=body).encode("cp1252")
    assert body in decode_bytes(data)


@pytest.mark.parametrize(
    "text",
    [
        "It costs \u20ac5 \u2014 and that\u2019s \u201cfine\u201d.",
        "Caf\u00e9 na\u00efve \u201cquoted\u201d \u2014 r\u00e9sum\u00e9 fa\u00e7ade d\u00e9j\u00e0 vu.",
        "El a\u00f1o pasado la compa\u00f1\u00eda gan\u00f3 m\u00e1s de 5 millones \u2014 dijo.",
        "Die Stra\u00dfe in M\u00fcnchen ist \u00fcberf\u00fcllt, sagt er \u201eheute\u201c.",
        FRENCH,
    ],
)
def test_undeclared_windows_1252(text):
    assert decode_bytes(text.encode("cp1252")) == text


def test_utf8_declaration_on_windows_1252_bytes():
    body = "na\u00efve caf\u00e9 \u2013 \u201cok\u201d"
    data = PAGE.format(cs="utf-8", body=body).encode("cp1252")
    assert body in decode_bytes(data)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? "
         "\u0412\u0441\u0451 \u0445\u043e\u0440\u043e\u0448\u043e.", "cp1251"),
        ("Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144, polski tekst, mo\u017ce by\u0107", "cp1250"),
    ],
)
def test_other_legacy_encodings_are_not_taken_for_windows_1252(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


def test_xml_declaration_encoding():
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>Caf\u00e9</p></body></html>'.encode("latin-1")
    assert "<p>Caf\u00e9</p>" in decode_bytes(data)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"\x7fELF\x02\x01\x01\x00", "elf"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_input_raises_decode_error(data, kind):
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.kind == kind
    assert "not text or HTML" in str(info.value)


def test_decode_error_belongs_to_the_hierarchy():
    assert issubclass(DecodeError, InputError)
    assert issubclass(DecodeError, CleanerlibError)
    assert issubclass(DecodeError, ValueError)
    with pytest.raises(CleanerlibError):
        clean(b"%PDF-1.4 binary")


def test_empty_bytes_decode_to_empty_text():
    assert decode_bytes(b"") == ""


def test_sanitize_replaces_nul_and_lone_surrogates_one_for_one():
    text = "a\x00b\ud800c\udfffd"
    out = sanitize_text(text)
    assert out == "a\ufffdb\ufffdc\ufffdd"
    assert len(out) == len(text)
    assert sanitize_text("plain") == "plain"
    assert sanitize_text("\U0001f600") == "\U0001f600"  # a real astral character is kept


def test_bytes_and_str_give_the_same_blocks():
    page = PAGE.format(cs="utf-8", body=FRENCH)
    a = clean(page.encode("utf-8"), filters=[])
    b = clean(page, filters=[])
    assert a.source_text == b.source_text == page
    assert a.to_dict() == b.to_dict()
