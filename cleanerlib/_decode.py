"""Turning whatever a scraper hands us into one ``str`` that offsets can refer to.

Order of trust for bytes: a byte-order mark; then strict UTF-8 (valid UTF-8 with non-ASCII
bytes is almost never an accident, while ``<meta charset=iso-8859-1>`` on a UTF-8 page is a
common lie); then the charset the page declares; then statistical detection. Binary files
(PDF, images, archives) and bytes no detector can read raise :class:`DecodeError`.
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


def _sniff_binary(data: bytes) -> str | None:
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = data[:4096]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        return "binary"
    return None


def _declared(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


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
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        # windows-1252 is what browsers use for a page that says iso-8859-1 or ascii
        if declared in ("latin-1", "iso8859-1", "ascii"):
            declared = "cp1252"
        try:
            return sanitize_text(data.decode(declared))
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise DecodeError("input bytes are not text in any encoding that could be detected", kind="undecodable")
    return sanitize_text(data.decode(best.encoding, errors="replace"))


def sanitize_text(text: str) -> str:
    """Replace NUL and lone surrogates one-for-one so offsets stay valid and lxml can parse."""
    if _BAD_CHARS.search(text) is None:
        return text
    return _BAD_CHARS.sub("\ufffd", text)
