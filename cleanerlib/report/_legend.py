"""What the terminal view and the HTML reports share: filter colours, reason meanings, locators.

A registered filter keeps its colour from one report to the next, and two filters in one report
never share a colour while the palette lasts. The meaning of a reason comes from the
``reasons`` mapping of the registered filter of that name; filters a report does not know (a
batch cleaned with a custom filter) simply have no legend text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Mapping

from .._model import Block, CleanResult, Span

__all__ = [
    "HTML_COLOURS",
    "ANSI_COLOURS",
    "colour_indices",
    "filter_summary",
    "reason_meaning",
    "locator",
    "snippet",
    "visible",
    "ref_label",
    "ref_target",
    "referrers",
]

#: distinguishable on white and for the common colour-vision deficiencies, in use order
HTML_COLOURS = (
    "#c2410c",  # orange
    "#1d4ed8",  # blue
    "#a21caf",  # magenta
    "#047857",  # green
    "#b91c1c",  # red
    "#a16207",  # ochre
    "#0e7490",  # cyan
    "#6d28d9",  # violet
    "#be185d",  # pink
    "#4d7c0f",  # olive
)
#: SGR foreground codes, same order as HTML_COLOURS
ANSI_COLOURS = ("33", "34", "35", "32", "31", "93", "36", "94", "95", "92")


def colour_indices(names: Iterable[str]) -> dict[str, int]:
    """Filter name -> index into the palettes.

    A registered filter gets the same colour in every report (its place among the registered
    names), so a page report and a batch summary agree; unknown names follow. When that would
    give two of ``names`` one colour, they are numbered among themselves instead.
    """
    present = sorted(set(names))
    order = sorted(_filter_classes())
    order += [n for n in present if n not in order]
    by_registry = {name: order.index(name) % len(HTML_COLOURS) for name in present}
    if len(set(by_registry.values())) == len(present):
        return by_registry
    return {name: k % len(HTML_COLOURS) for k, name in enumerate(present)}


def _filter_classes() -> Mapping[str, type]:
    try:
        from .._pipeline import registered_filters

        return registered_filters()
    except Exception:  # a broken third-party filter module must not break a report
        return {}


def filter_summary(name: str) -> str | None:
    """The first line of a registered filter's docstring."""
    cls = _filter_classes().get(name)
    doc = (getattr(cls, "__doc__", None) or "").strip()
    return doc.splitlines()[0] if doc else None


def reason_meaning(filter_name: str | None, reason: str | None) -> str | None:
    """What a reason code means, from the registered filter's ``reasons`` mapping."""
    if not filter_name or not reason:
        return None
    cls = _filter_classes().get(filter_name)
    reasons = getattr(cls, "reasons", None) or {}
    meaning = reasons.get(reason) if isinstance(reasons, Mapping) else None
    return str(meaning) if meaning else None


def _line_of(source_text: str, offset: int) -> int | None:
    if not source_text or offset > len(source_text):
        return None
    return source_text.count("\n", 0, offset) + 1


def locator(span: Span | None, source_text: str = "") -> str:
    """Where a block came from, for people: ``/html/body/p[3], line 42, chars 1200-1350``.

    For plain-text input the line is worked out from ``source_text`` when the span has none.
    """
    if span is None:
        return "unknown"
    parts: list[str] = []
    if span.xpath:
        parts.append(span.xpath)
    line = span.line
    if line is None and span.start is not None:
        line = _line_of(source_text, span.start)
    if line is not None:
        parts.append(f"line {line}")
    if span.start is not None and span.end is not None:
        parts.append(f"chars {span.start}-{span.end}")
    elif span.start is not None:
        parts.append(f"from char {span.start}")
    return ", ".join(parts) if parts else "unknown (part of an element)"


_WS = re.compile(r"\s+")


def snippet(text: str, limit: int = 80) -> str:
    """The text on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = _WS.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "\u2026"


# Bidirectional overrides and isolates can make text display in a different order from the one
# it is read in; shown escaped so a hostile page cannot disguise what was removed.
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """Page text made safe for a terminal: control and bidi-control characters as ``\\xNN``."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif code in _BIDI or unicodedata.category(ch) == "Cc":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def ref_target(result: CleanResult, block: Block) -> Block | None:
    """The block a dropped block points to (its kept twin), if the index is valid."""
    if block.ref is None or not 0 <= block.ref < len(result.blocks):
        return None
    return result.blocks[block.ref]


_REPEAT_REASONS = frozenset(("exact_repeat", "near_repeat", "pull_quote"))


def ref_label(block: Block) -> str:
    """How a block relates to the one its ``ref`` names: a repeat's twin, or what it belongs to
    (a card to its teaser header, a bio to its author-box header)."""
    return "duplicate of" if block.reason in _REPEAT_REASONS else "belongs to"


def referrers(result: CleanResult) -> dict[int, list[int]]:
    """Block index -> the indices of the blocks whose ``ref`` points at it."""
    out: dict[int, list[int]] = {}
    for b in result.blocks:
        if b.ref is not None:
            out.setdefault(b.ref, []).append(b.index)
    return out
