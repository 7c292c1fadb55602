"""``cleanerlib clean FILE --explain``: every block in order, in the terminal.

Kept blocks print plainly; dropped ones are dimmed and struck through in their filter's colour,
followed by the filter, the reason, its detail, where the block sat in the input and, for a
repeat, which block it repeats. Colour is plain ANSI (SGR) codes, so the view needs no
dependency. Without colour (not a TTY, ``NO_COLOR`` set, ``TERM=dumb``, or ``color="never"``)
the output has no escape codes at all and a ``-`` in the first column marks dropped blocks, so
it can be piped, grepped and diffed.

Page text is hostile input: control characters (an ESC could restyle or clear the terminal)
and bidi overrides are printed escaped, as ``\\x1b``.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from typing import IO, Iterable

from .._model import Block, CleanResult
from ._legend import ANSI_COLOURS, colour_indices, locator, reason_meaning, ref_label, ref_target, snippet, visible

__all__ = ["explain", "use_colour"]

_RESET = "\x1b[0m"
_BOLD = "1"
_DIM = "2"
_STRIKE = "9"
_DEFAULT_WIDTH = 100
_INDEX_WIDTH = 5
_KIND_WIDTH = 10


def use_colour(stream: IO[str], color: str | bool = "auto") -> bool:
    """Whether to colour ``stream``: ``"always"``/``True``, ``"never"``/``False``, or ``"auto"``.

    ``"auto"`` colours a terminal unless ``NO_COLOR`` is set (https://no-color.org) or
    ``TERM`` is ``dumb``.
    """
    if isinstance(color, bool):
        return color
    if color == "always":
        return True
    if color == "never":
        return False
    if color != "auto":
        raise ValueError(f"color must be 'auto', 'always' or 'never', got {color!r}")
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # a closed or detached stream
        return False


class _Painter:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, *codes: str) -> str:
        if not self.on or not codes or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}{_RESET}"


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Lines of ``text`` (its own line breaks kept) wrapped to ``width`` after ``indent``."""
    room = width - len(indent)
    lines: list[str] = []
    for para in text.split("\n") or [""]:
        if room < 20 or width <= 0:
            lines.append(para)
        else:
            lines.extend(textwrap.wrap(para, room, break_long_words=False, break_on_hyphens=False) or [""])
    return lines


def _header(result: CleanResult, paint: _Painter) -> list[str]:
    blocks = result.blocks
    dropped = sum(1 for b in blocks if not b.kept)
    kept_chars = sum(len(b.text) for b in blocks if b.kept)
    all_chars = sum(len(b.text) for b in blocks)
    title = result.metadata.title or "(no title)"
    facts = [result.input_type]
    if result.metadata.language:
        facts.append(result.metadata.language)
    facts.append(f"{len(blocks)} blocks: {len(blocks) - dropped} kept, {dropped} dropped")
    facts.append(f"{kept_chars:,} of {all_chars:,} characters kept")
    lines = [paint(visible(title, keep_newlines=False), _BOLD), " | ".join(facts)]
    if result.metadata.url:
        lines.append(visible(result.metadata.url, keep_newlines=False))
    if result.needs_review:
        lines.append(paint(f"NEEDS REVIEW: {result.review_reason or 'flagged'}", _BOLD, "31"))
    return lines


def _block_lines(result: CleanResult, pos: int, block: Block, colours: dict[str, int],
                 paint: _Painter, width: int) -> list[str]:
    mark = " " if block.kept else "-"
    kind = str(block.kind)[:_KIND_WIDTH]
    lead = f"{mark}{pos:>{_INDEX_WIDTH}}  {kind:<{_KIND_WIDTH}} "
    indent = " " * len(lead)
    text_lines = _wrap(visible(block.text), width, indent)
    if block.kept:
        style: tuple[str, ...] = ()
        lead_out = lead
    else:
        colour = ANSI_COLOURS[colours.get(block.dropped_by or "?", 0)]
        style = (_DIM, _STRIKE, colour)
        lead_out = paint(lead, colour)
    out = [(lead_out if k == 0 else indent) + paint(line, *style) for k, line in enumerate(text_lines)]
    if block.kept:
        return out

    colour = ANSI_COLOURS[colours.get(block.dropped_by or "?", 0)]
    sub = indent + "  "
    why = f"dropped by {paint(block.dropped_by or '?', _BOLD, colour)}: {paint(block.reason or '?', colour)}"
    meaning = reason_meaning(block.dropped_by, block.reason)
    notes = []
    if block.detail:
        notes.append(visible(block.detail, keep_newlines=False))
    elif meaning:
        notes.append(meaning)
    out.append(indent + why + (f" ({'; '.join(notes)})" if notes else ""))
    out.append(sub + "source: " + visible(locator(block.source, result.source_text), keep_newlines=False))
    if block.ref is not None:
        twin = ref_target(result, block)
        if twin is None:
            out.append(sub + f"{ref_label(block)} #{block.ref} (not in this result)")
        else:
            state = "kept" if twin.kept else f"dropped by {twin.dropped_by}"
            quote = visible(snippet(twin.text, max(30, width - len(sub) - 30)), keep_newlines=False)
            out.append(sub + f"{ref_label(block)} #{block.ref} ({state}): \"{quote}\"")
    return out


def _footer(result: CleanResult, colours: dict[str, int], paint: _Painter) -> list[str]:
    counts = result.counts()
    if not counts:
        return ["Nothing was dropped."]
    lines = ["Dropped, by filter and reason:"]
    rows = [(f, r, n) for f, per in counts.items() for r, n in per.items()]
    fw = max(len(f) for f, _, _ in rows)
    rw = max(len(r) for _, r, _ in rows)
    for f, r, n in rows:
        colour = ANSI_COLOURS[colours.get(f, 0)]
        meaning = reason_meaning(f, r)
        line = f"  {paint(f.ljust(fw), colour)}  {r.ljust(rw)}  {n:>4}"
        lines.append(line + (f"  {meaning}" if meaning else ""))
    return lines


def explain(result: CleanResult, stream: IO[str] | None = None, *, color: str | bool = "auto",
            width: int | None = None) -> None:
    """Write every block of ``result`` to ``stream`` (default stdout), dropped ones annotated.

    ``width`` wraps block text (default: the terminal's width, or 100 columns when not
    writing to a terminal; ``0`` does not wrap).
    """
    stream = sys.stdout if stream is None else stream
    colour_on = use_colour(stream, color)
    paint = _Painter(colour_on)
    if width is None:
        isatty = getattr(stream, "isatty", None)
        try:
            tty = bool(isatty and isatty())
        except (ValueError, OSError):
            tty = False
        width = shutil.get_terminal_size((_DEFAULT_WIDTH, 24)).columns if tty else _DEFAULT_WIDTH
    colours = colour_indices(b.dropped_by or "?" for b in result.blocks if not b.kept)
    lines: list[str] = _header(result, paint)
    lines.append("")
    for pos, block in enumerate(result.blocks):
        lines.extend(_block_lines(result, pos, block, colours, paint, width))
    lines.append("")
    lines.extend(_footer(result, colours, paint))
    _write(stream, lines)


def _write(stream: IO[str], lines: Iterable[str]) -> None:
    for line in lines:
        stream.write(line.rstrip() + "\n" if line.strip() else "\n")
    stream.flush()
