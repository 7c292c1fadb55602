"""Plain-text segmentation: one block per line, or per paragraph when the text is hard-wrapped.

A scrape usually holds one paragraph per line with stray blank lines in between; joining lines
there would glue residue to body text. Only text that is visibly wrapped at a fixed width
(html2text style: most lines end mid-sentence exactly where the next word would overflow, and
the next line goes on with an uncapitalised word) is joined, and then only across the line
breaks the wrapping introduced.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from ._model import Block, Kind, Span

__all__ = ["segment_text", "guess_text_kind", "READER_HEADER", "front_matter"]

# the header lines a reader tool writes above a page's text ("Title: …", "URL Source: …"): the
# page's metadata, not its headline or its text
READER_HEADER = re.compile(r"^(?:Title|URL Source|Published Time|Markdown Content|Description):(?:\s|$)")

# the line boundaries of str.splitlines(), so no block text contains a line break
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# what str.isspace() (and a regex's \s) calls whitespace, plus the byte-order mark
_BLANK = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
         "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_BULLET = re.compile(r"^(?:[-*+\u2022\u00b7\u25aa\u25e6\u2023\u2043\u2013]|\d{1,3}[.)])\s+\S")
_BULLET_FIRST = frozenset("-*+\u2022\u00b7\u25aa\u25e6\u2023\u2043\u2013")  # what _BULLET can start with
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
# a closing quote or bracket is transparent ('... outside their "home region"' and "… (and What
# You Lose)" are no sentences, '… ago."' is), unless the line is a quotation from end to end
_SENTENCE_END = re.compile(r"""[.!?:;,\u2026]["'\u201d\u2019)\]]*$|^["'\u201c\u201e\u00ab\u2018].*["'\u201d\u00bb\u2019]$""")
_LETTER = re.compile(r"[^\W\d_]")
# what a wrapper cannot break: a word, and what a no-break space binds to it ("«\u00a0Ce",
# "préparation\u00a0»" in French)
_FIRST_WORD = re.compile(r"\S+(?:[\u00a0\u202f\u2007]+\S+)*")


class _Line(NamedTuple):
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str
    indent: int = 0  # blank characters before ``start`` on its line (a wrapped list item's)

    @property
    def width(self) -> int:
        """Columns the line takes, its indentation included: what a wrapper measured."""
        return self.indent + len(self.text)


def _lines(text: str) -> list[_Line | None]:
    """Stripped lines with offsets; ``None`` for blank lines.

    Byte-order marks count as blank at the ends of a line: one left in by the reader at the
    start of the text is no content, and neither is a stray zero-width no-break space.
    """
    out: list[_Line | None] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip(_LINE_BREAKS)  # its own line break only: the others split it
        content = line.strip(_BLANK)
        if content:
            indent = len(line) - len(line.lstrip(_BLANK))
            out.append(_Line(pos + indent, pos + indent + len(content), content, indent))
        else:
            out.append(None)
        pos += len(raw)
    if not text or text[-1] in _LINE_BREAKS:
        out.append(None)  # the empty line after a final line break
    return out


def _percentile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _wraps_into(line: _Line, nxt: _Line, width: int) -> bool:
    """True when ``nxt`` continues ``line`` because its first word did not fit on it.

    A line that repeats the one before it is a repeat (a headline printed twice), not the rest
    of a wrapped sentence. A number and a full stop open a list item, except after a sentence
    cut off mid-way by the wrapping ("… zum" over "30. Juni ein."): a date in German or a
    ranking in running text, where the line above is no list item of its own.
    """
    if _MD_HEADING.match(nxt.text) or nxt.text == line.text:
        return False
    if _BULLET.match(nxt.text) and not (nxt.text[0].isdigit() and not line.indent and not _BULLET.match(line.text)
                                        and not _SENTENCE_END.search(line.text)):
        return False
    first = _FIRST_WORD.match(nxt.text)
    return line.width + 1 + (len(first.group()) if first else 0) > width


def _wrap_width(lines: list[_Line | None]) -> int | None:
    """The fixed width the text is wrapped at, or None when it is not hard-wrapped."""
    nonblank = [ln for ln in lines if ln is not None]
    if len(nonblank) < 4:
        return None
    followed = [(a, b) for a, b in zip(lines, lines[1:]) if a is not None and b is not None]
    if len(followed) < 3 or 2 * len(followed) < len(nonblank) - len(followed):
        return None
    # wrapped paragraphs are separated by blank lines: text with one line per block and no
    # blank line (cleanerlib's own output, for one) is never taken for wrapped text
    paragraphs = sum(1 for a, b, c in zip(lines, lines[1:], lines[2:]) if a is None and b is not None and c is not None)
    if lines[0] is not None and len(lines) > 1 and lines[1] is not None:
        paragraphs += 1
    if paragraphs < 2:
        return None
    width = _percentile([a.width for a, _ in followed], 0.9)
    if not 30 <= width <= 200:
        return None
    wrapped = [(a, b) for a, b in followed if _wraps_into(a, b, width)]
    mid_sentence = sum(1 for a, _ in wrapped if not _SENTENCE_END.search(a.text))
    # a wrapped sentence goes on with a word that is mostly not capitalised; a list of short
    # headlines or menu items (one capitalised line after another) only looks wrapped. German
    # capitalises its nouns: where nearly every line breaks off mid-sentence, a quarter of
    # them going on in lower case is enough (a list of headlines has next to none)
    goes_on = sum(1 for _, b in wrapped if not b.text[0].isupper())
    lower_share = 4 if 5 * mid_sentence >= 4 * len(wrapped) else 2
    if 4 * len(wrapped) < 3 * len(followed) or 2 * mid_sentence < len(wrapped) or lower_share * goes_on < len(wrapped):
        return None
    return width


_YAML_LINE = re.compile(r"^(?:[\w-]+:(?:\s|$)|- |\s)")


def front_matter(blocks: Sequence[Block], limit: int = 40) -> range:
    """The blocks of a YAML front matter a clipper or a static-site scrape opens with ("---",
    "title: …", "source: …", "tags:", "- clippings", "---"): the page's metadata, not its
    text. An empty range when the text opens otherwise."""
    if not blocks or blocks[0].text.strip() != "---":
        return range(0)
    for b in blocks[1:limit]:
        text = b.text.strip()
        if text == "---":
            return range(0, b.index + 1) if b.index > 1 else range(0)
        if not _YAML_LINE.match(b.text):
            return range(0)
    return range(0)


def guess_text_kind(text: str) -> Kind:
    """Structural kind of a plain-text block from its shape alone."""
    first = text[:1]
    if (first in _BULLET_FIRST or first.isdigit()) and _BULLET.match(text):
        return Kind.LIST_ITEM
    if first == "#" and _MD_HEADING.match(text):
        return Kind.HEADING
    if first == ">":
        return Kind.QUOTE
    if not _LETTER.search(text):
        return Kind.OTHER
    # (the length first: a paragraph's spaces need no counting)
    if len(text) <= 150 and text.count(" ") < 16 and not _SENTENCE_END.search(text.rstrip("\u2192\u00bb> ")):
        first = text[0]
        if first.isupper() or first.isdigit() or not first.isalpha():
            return Kind.HEADING
    return Kind.PARAGRAPH


def segment_text(text: str) -> list[Block]:
    """Blocks of a plain-text document, each with an exact span into ``text``."""
    lines = _lines(text)
    width = _wrap_width(lines)
    groups: list[list[_Line]] = []
    prev: _Line | None = None
    for line in lines:
        if line is None:
            prev = None
            continue
        if width is not None and prev is not None and _wraps_into(prev, line, width):
            groups[-1].append(line)
        else:
            groups.append([line])
        prev = line
    blocks = []
    for i, group in enumerate(groups):
        first, last = group[0], group[-1]
        if len(group) == 1:
            body, pieces = first.text, ()
        else:
            parts, pieces_list, off = [], [], 0
            for ln in group:
                pieces_list.append((off, ln.start))
                parts.append(ln.text)
                off += len(ln.text) + 1
            body, pieces = " ".join(parts), tuple(pieces_list)
        blocks.append(
            Block(
                index=i,
                text=body,
                kind=guess_text_kind(body),
                source=Span(first.start, last.end),
                pieces=pieces,
            )
        )
    return blocks
