"""Turning whatever a scraper hands us into one ``str`` that offsets can refer to.

Order of trust for bytes: a byte-order mark; then strict UTF-8 (valid UTF-8 with non-ASCII
bytes is almost never an accident, while ``<meta charset=iso-8859-1>`` on a UTF-8 page is a
common lie); then the charset the page declares; then windows-1252 when the bytes have its
shape (lone accented letters and typographic punctuation between ASCII); then statistical
detection. Binary files (PDF, images, archives) and bytes no detector can read raise
:class:`DecodeError`.

A declared charset is only believed when it is a text encoding that reads ASCII as ASCII: the
declaration itself was just read as ASCII, so UTF-16, UTF-7, EBCDIC and Python's byte
transforms (``base64``, ``rot13``, ``zlib``) cannot be what the page is in, whatever it says.
"""

from __future__ import annotations

import codecs
import re

from ._exceptions import DecodeError

__all__ = ["decode_bytes", "sanitize_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"PK\x03\x04", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"RIFF", "riff"),
    (b"\x00\x00\x01\x00", "ico"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
    (b"\x7fELF", "elf"),
    (b"wOFF", "woff"),
    (b"wOF2", "woff2"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
# C0 controls other than tab/newline/carriage return/form feed: real text almost never has them.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# what en, de, fr, es (and their neighbours) put outside ASCII, as windows-1252 decodes it
_WESTERN = frozenset(
    "\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef"
    "\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00ff\u00df"
    "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf"
    "\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u0152\u0153"
    "\u201c\u201d\u2018\u2019\u201e\u201a\u2013\u2014\u2026\u20ac\u00ab\u00bb\u00b0\u00b7\u2022"
    "\u00a9\u00ae\u2122\u00a1\u00bf\u00a3\u00a7\u00aa\u00ba\u00a0\u00bd\u00bc\u00be\u00d7"
)


def _sniff_binary(data: bytes) -> str | None:
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = data[:4096]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        return "binary"
    return None


# what a page declaring its charset in ASCII must read back unchanged (the escape-based
# codecs, utf-7 and unicode_escape among them, change "+-", "~~" or "\\u0041")
_ASCII_PROBE = bytes(c for c in range(0x20, 0x7f) if c != 0x5C) + b"\t\r\n+-~~\\u0041"


def _declared(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        info = codecs.lookup(name)
        if not getattr(info, "_is_text_encoding", True):
            return None
        if _ASCII_PROBE.decode(info.name) != _ASCII_PROBE.decode("ascii"):
            return None
    except (LookupError, UnicodeError):
        return None
    return info.name


def decode_bytes(data: bytes) -> str:
    """Decode a page's bytes, or raise :class:`DecodeError` for binary or unreadable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return sanitize_text(data[len(bom):].decode(encoding, errors="replace"))
    kind = _sniff_binary(data)
    if kind is not None:
        raise DecodeError(f"input looks like a {kind} file, not text or HTML", kind=kind)
    try:
        return sanitize_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = _declared(data)
    if declared in (None, "utf-8"):
        # mostly UTF-8 with a few broken sequences (a truncated page, one mis-encoded widget)
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        good = sum(1 for ch in text if ord(ch) > 127) - bad
        if good >= 20 * bad:
            return sanitize_text(text)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        # windows-1252 is what browsers use for a page that says iso-8859-1 or ascii
        if declared in ("latin-1", "iso8859-1", "ascii"):
            declared = "cp1252"
        try:
            return sanitize_text(data.decode(declared))
        except UnicodeError:
            pass
    if _looks_cp1252(data):
        return sanitize_text(data.decode("cp1252"))
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise DecodeError("input bytes are not text in any encoding that could be detected", kind="undecodable")
    return sanitize_text(data.decode(best.encoding, errors="replace"))


def _looks_cp1252(data: bytes) -> bool:
    """True for undeclared Western European text (en, de, fr, es) in windows-1252.

    Statistical detectors misread short Western text (a page of English with a few curly
    quotes comes out as Baltic or Cyrillic). Read as windows-1252, those languages show their
    few non-ASCII characters (accented letters, typographic quotes and dashes, the euro sign)
    alone or in pairs between ASCII characters; other encodings read this way produce runs
    of letters (Cyrillic, Greek, CJK) or symbols inside words (``mo\u00bfe``, ``\u00b3``) instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    total = western = 0
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        total += len(run)
        if len(run) <= 2 and all(c in _WESTERN for c in run):
            western += len(run)
    return total > 0 and western >= 0.9 * total


def sanitize_text(text: str) -> str:
    """Replace NUL and lone surrogates one-for-one so offsets stay valid and lxml can parse."""
    # the common case without a regex over the page: no NUL, and no lone surrogate, which
    # is what the encoder (in C, several times faster than the regex) refuses
    if "\x00" not in text:
        try:
            text.encode("utf-8")
            return text
        except UnicodeEncodeError:
            pass
    return _BAD_CHARS.sub("\ufffd", text)
