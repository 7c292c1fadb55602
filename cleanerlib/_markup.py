"""Character offsets of elements in the markup they were parsed from.

lxml reports only the line where a start tag ends, so offsets are recovered by walking a light
tokenisation of the source alongside the parsed tree: start tags are matched to elements in
document order (the line number keeps the walk from drifting past tags the parser invented,
such as an implied ``<tbody>``), and end tags are matched with a stack that closes what HTML
closes implicitly (an open ``<p>`` before a block, a previous ``<li>``). When the markup is too
broken to say where an element ends, its offsets are unknown (``None``) rather than wrong.
``<html>``, ``<head>`` and ``<body>`` are found by name: the parser implies them and moves
content into them out of source order (a ``<p>`` in ``<head>`` opens the body).
"""

from __future__ import annotations

import re
from typing import Collection, Iterable

__all__ = ["locate_elements", "flatten_deep"]

# Comments and raw-text elements run to their first closing marker (or the end of the page),
# written as "unrolled loops" (runs of characters that cannot start the marker, then one that
# does but does not) rather than lazy ``.*?``, which tries the marker at every character of a
# long inline script.
_TOKEN = re.compile(
    r"<!--[^-]*(?:-(?!->)[^-]*)*(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp)\b[^>]*>[^<]*(?:<(?!/\1\s*>)[^<]*)*(?:</\1\s*>|\Z)"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9:_.-]*)(?:\s[^>]*)?/?>",
    re.S | re.I,
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen command basefont frame isindex".split()
)
# the start tags that close an open <p> in libxml2's parser (HTML 4: <section> and the other
# HTML 5 elements do not, they nest inside the paragraph)
_CLOSES_P = frozenset(
    "address blockquote center dir div dl fieldset form h1 h2 h3 h4 h5 h6 hr menu ol p pre table ul".split()
)
# elements the parser creates when it needs them and merges later tags into, so their start
# tags can come after content they hold; they are located apart from the document-order walk
_FRAME = frozenset(("html", "head", "body"))
# open element -> start tags that close it implicitly
_CLOSED_BY = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"},
              "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}, "option": {"option"}}


# open elements that some start tag can close implicitly
_IMPLIED_TOPS = frozenset(("p", "li", "dt", "dd", "tr", "td", "th", "option"))


def _closes(name: str, top: str) -> bool:
    """Whether a start tag ``name`` closes the open element ``top`` implicitly."""
    return (top == "p" and name in _CLOSES_P) or name in _CLOSED_BY.get(top, ())


class _OpenElements:
    """The stack of open elements while walking tags, with a count per name so that an end tag
    that closes nothing is dismissed at once (deep markup makes a linear search quadratic)."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, object]] = []  # (name, what the caller keeps for it)
        self.counts: dict[str, int] = {}

    def push(self, name: str, data: object) -> None:
        self.stack.append((name, data))
        self.counts[name] = self.counts.get(name, 0) + 1

    def _pop_to(self, depth: int) -> list[tuple[str, object]]:
        popped = self.stack[depth:]
        del self.stack[depth:]
        for name, _ in popped:
            self.counts[name] -= 1
        return popped

    def close(self, name: str) -> list[tuple[str, object]] | None:
        """Close the innermost open ``name`` and what is open inside it (matched one first)."""
        if not self.counts.get(name):
            return None
        if self.stack[-1][0] == name:  # the common case: the element just opened
            self.counts[name] -= 1
            return [self.stack.pop()]
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == name:
                popped = self._pop_to(depth)
                return popped
        return None

    def close_implied(self, name: str) -> list[tuple[str, object]]:
        """Pop (and return) the open elements that a start tag ``name`` closes implicitly."""
        if not self.stack or self.stack[-1][0] not in _IMPLIED_TOPS:
            return []
        closed = []
        while self.stack and _closes(name, self.stack[-1][0]):
            closed.extend(self._pop_to(len(self.stack) - 1))
        return closed

    def __len__(self) -> int:
        return len(self.stack)


def locate_elements(source: str, elements: Iterable[object], wanted: Collection[object] | None = None
                    ) -> dict[object, tuple[int, int]]:
    """Map each element (lxml, in document order) to its ``(start, end)`` in ``source``.

    Every element takes part in the walk (that keeps tags and elements in step), but only
    those in ``wanted`` (all of them when it is None) are put in the mapping. Elements whose
    extent cannot be established are left out.
    """
    starts: list[tuple[int, int, str]] = []  # (offset, line, name)
    frame: dict[str, int] = {}  # html/head/body -> offset of its first start tag
    ends: dict[int, int] = {}  # start offset -> end offset
    stack = _OpenElements()  # (name, start offset)
    line = 1
    last = 0
    count = source.count
    for m in _TOKEN.finditer(source):
        raw_name, slash, name = m.groups()
        if name is None:
            if raw_name is None:
                continue  # comment
            pos = m.start()  # raw-text element: one token holds start to end
            line += count("\n", last, pos)
            last = pos
            starts.append((pos, line, raw_name.lower()))
            ends[pos] = m.end()
            continue
        name = name.lower()
        if slash:  # end tag
            closed = stack.close(name)
            if closed:
                ends[closed[0][1]] = m.end()
                for _, open_pos in closed[1:]:
                    ends[open_pos] = m.start()  # closed implicitly by the end of their ancestor
            continue
        pos = m.start()  # (lines are counted at start tags only, the ones matched to elements)
        line += count("\n", last, pos)
        last = pos
        for _, open_pos in stack.close_implied(name):
            ends[open_pos] = pos
        if name in _FRAME:
            frame.setdefault(name, pos)
        else:
            starts.append((pos, line, name))
        if name in _VOID or source[m.end() - 2] == "/":
            ends[pos] = m.end()
        else:
            stack.push(name, pos)

    located: dict[object, tuple[int, int]] = {}
    frames = []
    p = 0
    n = len(starts)
    for el in elements:
        tag = el.tag
        if tag.__class__ is not str:
            continue
        if tag in _FRAME:
            if wanted is None or el in wanted:
                frames.append(el)
            continue
        el_line = getattr(el, "sourceline", None) or 0
        q = p
        while q < n and starts[q][1] <= el_line:
            if starts[q][2] == tag:
                break
            q += 1
        else:
            continue  # implied by the parser: no start tag of its own
        if q >= n:
            continue
        offset = starts[q][0]
        p = q + 1
        if wanted is None or el in wanted:
            end = ends.get(offset)
            if end is not None:
                located[el] = (offset, end)
    for el in frames:
        offset = frame.get(el.tag)
        end = None if offset is None else ends.get(offset)
        if end is None:
            continue
        # the parser may have put content in the element before its tag ("<p>…</p><body>")
        # or moved content out of it ("<head><p>…"): then it has no markup extent of its own
        inside = set(el.iterdescendants())
        if all(offset < located[d][0] < end for d in inside if d in located) and not any(
            offset < start < end for d, (start, _) in located.items() if d not in inside
        ):
            located[el] = (offset, end)
    return located


def flatten_deep(source: str, max_depth: int) -> str:
    """``source`` with the tags of elements nested deeper than ``max_depth`` blanked out.

    Parsers give up on absurdly deep markup (libxml2 stops at 256 open elements and drops the
    rest of the page). Blanking a tag replaces it with spaces of the same length (line breaks
    kept), so every offset and line number into ``source`` stays valid; the text of the
    flattened elements then belongs to their nearest ancestor that was kept.
    """
    out: list[str] = []
    last = 0
    stack = _OpenElements()  # (name, blanked)

    def blank(m: re.Match) -> None:
        nonlocal last
        out.append(source[last:m.start()])
        out.append(_NOT_NEWLINE.sub(" ", m.group(0)))
        last = m.end()

    for m in _TOKEN.finditer(source):
        name = m.group(3)
        if name is None:
            continue  # comment or raw-text element: no nesting inside
        name = name.lower()
        if m.group(2):  # end tag
            closed = stack.close(name)
            if closed and closed[0][1]:
                blank(m)
            continue
        stack.close_implied(name)
        if name in _VOID or source[m.end() - 2] == "/":
            continue
        deep = len(stack) >= max_depth
        if deep:
            blank(m)
        stack.push(name, deep)
    if not out:
        return source
    out.append(source[last:])
    return "".join(out)
