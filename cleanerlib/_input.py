"""Accepting what scraping code holds: str, bytes, BeautifulSoup objects, lxml elements.

Everything becomes one decoded string (``source_text``) that every offset refers to, plus a
verdict on whether it is HTML. "Is it HTML?" is decided by markup structure, not by a stray
``<`` in prose.
"""

from __future__ import annotations

import re

from ._decode import decode_bytes, sanitize_text
from ._exceptions import ConfigError, UnsupportedInputError

__all__ = ["read_input", "looks_like_html", "INPUT_TYPES"]

INPUT_TYPES = ("auto", "html", "text")

_DOC_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html)",
                          re.IGNORECASE)
_TAG = re.compile(
    r"<(/?)(p|div|span|a|br|h[1-6]|ul|ol|li|table|tr|td|th|article|section|main|nav|header|footer|"
    r"aside|meta|link|script|style|title|img|strong|em|b|i|blockquote|figure|figcaption|form|"
    r"button|input|pre|code|iframe)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)

_END_TAG = re.compile(r"</([a-z][a-z0-9]*)\s*>\Z", re.IGNORECASE)


def _one_element(text: str) -> bool:
    """The whole text is one element, ``<p>...</p>``: looked for at both ends, so a page that
    is a single long element (a script, a 10 MB paragraph) is found past any window."""
    text = text.strip()
    start = _TAG.match(text)
    if start is None or start.group(1):
        return False
    end = _END_TAG.search(text, max(start.end(), len(text) - 64))
    return end is not None and end.group(1).lower() == start.group(2).lower()


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    if _DOC_MARKERS.search(head):
        return True
    tags = _TAG.findall(text[:65536])
    if len(tags) < 3:  # a stray <br> in prose is not markup; one whole element is
        return len(tags) >= 1 and _one_element(text)
    closing = sum(1 for slash, _ in tags if slash)
    names = {name.lower() for _, name in tags}
    # markup closes what it opens: several kinds of elements, or one kind repeated (<p>s)
    return closing >= 1 and (len(names) >= 2 or closing >= 2)


def _serialise(obj: object) -> str | None:
    """Markup of a BeautifulSoup or lxml object, or None if it is neither."""
    module = type(obj).__module__ or ""
    if module.startswith("bs4"):
        return str(obj)
    if module.startswith("lxml"):
        from lxml import etree

        if isinstance(obj, etree._ElementTree):
            obj = obj.getroot()
        if isinstance(obj, etree._Element):
            import lxml.html

            # the element's own markup: its tail is text that follows it, not part of it
            return lxml.html.tostring(obj, encoding="unicode", method="html", with_tail=False)
    return None


def read_input(doc: object, input_type: str = "auto") -> tuple[str, str]:
    """Return ``(source_text, "html" | "text")`` for any accepted input."""
    if input_type not in INPUT_TYPES:
        raise ConfigError(f"input_type must be one of {', '.join(INPUT_TYPES)}, got {input_type!r}")
    if isinstance(doc, str):
        text = sanitize_text(doc)
    elif isinstance(doc, (bytes, bytearray, memoryview)):
        text = decode_bytes(bytes(doc))
    else:
        markup = _serialise(doc)
        if markup is None:
            raise UnsupportedInputError(doc)
        return sanitize_text(markup), "html" if input_type == "auto" else input_type
    if input_type == "auto":
        input_type = "html" if looks_like_html(text) else "text"
    return text, input_type
