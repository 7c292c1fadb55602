"""Property-based checks of the offset contract.

Plain text: ``source_text[start:end] == block.text`` (a hard-wrapped paragraph's line breaks
become single spaces), blocks in input order and disjoint, no newline inside a block, every
non-blank character in exactly one block (a byte-order mark at a line's edge is blank), and
kept blocks' output spans exact in ``result.text``. HTML: xpaths select the block's element
and start/end span its markup.
"""

from __future__ import annotations

import re
import textwrap

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanerlib import Cleaner, Drop, Filter, Kind

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# str.splitlines() boundaries: what counts as a line break anywhere in cleanerlib
_BREAK = re.compile(r"\s*(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])\s*")


def _collapse_breaks(span: str) -> str:
    """What a hard-wrapped paragraph's source becomes in block.text."""
    return _BREAK.sub(" ", span)


def _text_cleaner(*filters: Filter, separator: str = "\n") -> Cleaner:
    return Cleaner(filters=list(filters), input_type="text", separator=separator)


def check_text_result(source: str, result) -> None:
    src = result.source_text
    assert len(src) == len(source)
    if not re.search("[\x00\ud800-\udfff]", source):
        assert src == source
    covered = [0] * len(src)
    prev_end = 0
    for i, b in enumerate(result.blocks):
        assert b.index == i
        s = b.source
        assert s.xpath is None and s.line is None
        assert prev_end <= s.start < s.end <= len(src)
        prev_end = s.end
        span = src[s.start:s.end]
        assert _collapse_breaks(span) == b.text
        if span != b.text:  # only a joined hard-wrapped paragraph may differ from its source
            assert b.pieces
        assert b.text == b.text.strip()
        assert len(b.text.splitlines()) == 1
        for k in range(s.start, s.end):
            covered[k] += 1
        for k, ch in enumerate(b.text):  # every character maps back to itself
            if not ch.isspace():
                assert src[b.source_offset(k)] == ch
    for k, ch in enumerate(src):
        if ch.isspace() or ch == "\ufeff":  # a byte-order mark at a line's edge is blank too
            assert covered[k] <= 1, (k, ch)
        else:
            assert covered[k] == 1, (k, ch)
    kept = [b for b in result.blocks if b.kept]
    assert result.text == result.separator.join(b.text for b in kept)
    for b in result.blocks:
        if b.kept:
            assert result.text[b.output.start:b.output.end] == b.text
        else:
            assert b.output is None


_ALPHABET = st.sampled_from(
    list("abcdefghij XYZ.,;:!?'\"-") + ["\t", "\n", "\n", "\r\n", "\r", "\n\n", "  ", "\u00a0",
     "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1f", "\u00e9", "\u201c", "\u2014",
     "\u4e2d", "\U0001f600", "\ud800", "\udfff", "\x00", "\ufeff", "<", ">", "&", "\u2192"]
)
texts = st.lists(_ALPHABET, max_size=120).map("".join)
any_text = st.one_of(texts, st.text(max_size=200))

_WORDS = st.lists(
    st.sampled_from("the chip maker said its new fab would open in 2027 after delays caused "
                    "by supply problems and a shortage of skilled workers".split()),
    min_size=12, max_size=80,
).map(" ".join)


@st.composite
def hard_wrapped(draw) -> str:
    width = draw(st.integers(min_value=32, max_value=90))
    paragraphs = draw(st.lists(_WORDS, min_size=1, max_size=5))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    trailing = draw(st.sampled_from(["", " ", "\t"]))
    out = []
    for p in paragraphs:
        lines = textwrap.wrap(p + ".", width=width)
        out.append(newline.join(line + trailing for line in lines))
    return (newline * 2).join(out)


@SETTINGS
@given(any_text)
def test_plain_text_spans_hold_their_text(source):
    check_text_result(source, _text_cleaner().clean(source))


@SETTINGS
@given(hard_wrapped())
def test_hard_wrapped_paragraph_spans_hold_their_text(source):
    result = _text_cleaner().clean(source)
    check_text_result(source, result)


def test_hard_wrapped_text_is_joined_into_paragraphs():
    para = ("Chip makers said on Tuesday that the new plants would open in stages over the "
            "next three years, with the first line running by the end of the decade and the "
            "rest following as demand for older process nodes recovers from the slump.")
    paras = [para, para.replace("Chip", "Memory"), para.replace("Tuesday", "Friday")]
    source = "\n\n".join("\n".join(textwrap.wrap(p, width=60)) for p in paras)
    result = _text_cleaner().clean(source)
    assert [b.text for b in result.blocks] == paras
    assert all(len(b.pieces) > 1 for b in result.blocks)
    check_text_result(source, result)


@SETTINGS
@given(any_text, st.sampled_from(["\n", "\n\n", " | ", ""]))
def test_output_spans_with_any_separator(source, separator):
    result = _text_cleaner(separator=separator).clean(source)
    check_text_result(source, result)


class DropPrefix(Filter):
    """Drops the first ``k`` characters of every block longer than ``k``."""

    name = "test_drop_prefix"

    def __init__(self, *, k: int = 3) -> None:
        self.k = k

    def decide(self, doc):
        return [Drop(b.index, "prefix", "the first characters", part=(0, self.k))
                for b in doc.blocks if b.kept and len(b.text) > self.k]


class RefPrevious(Filter):
    """Drops blocks starting with 'dup' and refers each to the block before it."""

    name = "test_ref_previous"

    def decide(self, doc):
        return [Drop(b.index, "repeat", "repeats the previous block", ref=b.index - 1)
                for b in doc.blocks if b.index > 0 and b.kept and b.text.startswith("dup")]


@SETTINGS
@given(st.one_of(any_text, hard_wrapped()), st.integers(min_value=1, max_value=40))
def test_partial_removal_keeps_both_spans_exact(source, k):
    plain = _text_cleaner().clean(source)
    result = _text_cleaner(DropPrefix(k=k)).clean(source)
    check_text_result(source, result)
    # each original block is now either itself or one or two parts that rebuild its text
    parts = iter(result.blocks)
    for original in plain.blocks:
        first = next(parts)
        if first.kept:
            assert first.text == original.text
            continue
        second = next(parts)
        assert (first.dropped_by, first.reason, first.kind) == ("test_drop_prefix", "prefix", Kind.OTHER)
        assert second.kept and second.dropped_by is None
        assert first.source.start == original.source.start
        assert second.source.end == original.source.end
        assert first.source.end <= second.source.start
        joined = result.source_text[first.source.start:second.source.end]
        assert _collapse_breaks(joined) == original.text
        assert original.text.startswith(first.text)
        assert original.text.endswith(second.text)
    assert next(parts, None) is None


@SETTINGS
@given(st.lists(st.sampled_from(["dup copy", "Read more: Body text here", "plain line", "dup x"]),
                min_size=1, max_size=8))
def test_refs_point_right_after_a_split(lines):
    source = "\n".join(lines)
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]

    def line_of(block) -> int:
        return max(i for i, s in enumerate(starts) if s <= block.source.start)

    # RefPrevious refers each "dup" line to the line before it, in the numbering it saw;
    # DropPrefix then splits "Read more: ..." lines, which renumbers everything after them
    result = _text_cleaner(RefPrevious(), DropPrefix(k=11)).clean(source)
    check_text_result(source, result)
    repeats = [b for b in result.blocks if b.reason == "repeat"]
    assert len(repeats) == sum(1 for i, x in enumerate(lines) if i > 0 and x.startswith("dup"))
    for b in repeats:
        target = result.blocks[b.ref]
        assert line_of(target) == line_of(b) - 1
        # a split line is referred to by its surviving part
        assert target.dropped_by != "test_drop_prefix"
        if lines[line_of(target)].startswith("Read more"):
            assert target.text == "Body text here" and target.kept


# -- HTML --------------------------------------------------------------------------------------

_INLINE = ["span", "a", "b", "em", "strong"]
_WORD = st.sampled_from(["alpha", "beta", "gamma", "delta", "caf\u00e9", "x&amp;y", "1 &lt; 2", "\u2014"])


@st.composite
def html_nodes(draw, depth=0):
    """A list of HTML snippets: blocks nested a few levels, inline elements, loose text."""
    n = draw(st.integers(min_value=1, max_value=4))
    out = []
    for _ in range(n):
        choice = draw(st.integers(min_value=0, max_value=10 if depth < 3 else 3))
        words = " ".join(draw(st.lists(_WORD, min_size=1, max_size=4)))
        upper = draw(st.booleans())
        if choice == 0:
            out.append(words)
        elif choice == 1:
            tag = draw(st.sampled_from(_INLINE))
            out.append(f"<{tag}>{words}</{tag}>")
        elif choice == 2:
            out.append(f"{words}<br><br>{words}")
        elif choice == 3:
            tag = draw(st.sampled_from(["p", "h2", "h3", "blockquote", "figcaption"]))
            close = draw(st.booleans()) or tag != "p"
            t = tag.upper() if upper else tag
            out.append(f"<{t} class=\"c{depth}\">{words}" + (f"</{t}>" if close else ""))
        elif choice in (4, 5):
            tag = draw(st.sampled_from(["div", "section", "article"]))
            inner = "".join(draw(html_nodes(depth + 1)))
            out.append(f"<{tag} id=\"d{depth}\">{inner}</{tag}>")
        elif choice == 6:
            items = draw(st.lists(html_nodes(depth + 1), min_size=1, max_size=3))
            closed = draw(st.booleans())
            lis = "".join("<li>" + "".join(i) + ("</li>" if closed else "") for i in items)
            out.append(f"<ul>{lis}</ul>")
        elif choice == 7:
            rows = draw(st.lists(st.lists(_WORD, min_size=1, max_size=3), min_size=1, max_size=3))
            closed = draw(st.booleans())
            end = "</td>" if closed else ""
            body = "".join("<tr>" + "".join(f"<td>{c}{end}" for c in r) + ("</tr>" if closed else "")
                           for r in rows)
            out.append(f"<table>{body}</table>")
        elif choice == 8:
            out.append(f"<script>var s = '<p>{words}</p>';</script><style>p {{}}</style>")
        elif choice == 9:
            out.append(f"<p>{words}\n<!-- a comment <p>x</p> -->\n{words}</p>")
        else:
            out.append(draw(st.sampled_from([
                f"{words}</p>", f"</div>{words}", f"<li>{words}", f"<td>{words}</td>",
                f"<P>{words}<DIV>{words}</DIV>", f"<a href='#'><div>{words}</div></a>",
                f"<p title='a > b'>{words}</p>", f"<h2>{words}<p>{words}</p></h2>",
                f"<p>{words}<p>{words}", f"<dl><dt>{words}<dd>{words}</dl>",
                f"<img alt='{words}'>{words}<hr>{words}",
                f"<fb:root><p>{words}</p></fb:root>", f"<my-card><h3>{words}</h3>{words}</my-card>",
            ])))
        out.append(draw(st.sampled_from(["", "\n", " ", "\r\n"])))
    return out


def _squash(s: str) -> str:
    return "".join(s.split())


def _visible_text(root) -> str:
    for el in root.xpath(".//script|.//style"):
        el.drop_tree()
    return _squash(root.text_content())


def _copy(el):
    return lxml.html.fragment_fromstring(lxml.html.tostring(el, encoding="unicode", with_tail=False)) \
        if el.tag not in ("html", "body") else lxml.html.document_fromstring(
            lxml.html.tostring(el.getroottree(), encoding="unicode"))


def _reparse(markup: str, tag: str):
    """The element a span's markup describes, parsed on its own."""
    if tag in ("html", "body"):
        root = lxml.html.document_fromstring(markup)
        return root if tag == "html" else root.find("body")
    return lxml.html.fragment_fromstring(markup, create_parent="div")[0]


def check_html_result(result) -> None:
    src = result.source_text
    root = lxml.html.document_fromstring(src)
    prev_start = -1
    for b in result.blocks:
        found = root.xpath(b.source.xpath)
        assert len(found) == 1, b
        el = found[0]
        assert b.source.line == el.sourceline
        # the element holds the block's text (all of it when its markup extent is known)
        assert _squash(b.text.replace(" | ", "")) in _visible_text(_copy(el))
        if b.source.start is not None:
            assert b.source.start > prev_start
            prev_start = b.source.start
            markup = src[b.source.start:b.source.end]
            assert markup.lower().startswith("<" + el.tag)
            again = _reparse(markup, el.tag)
            assert again.tag == el.tag
            assert _squash(b.text.replace(" | ", "")) == _visible_text(again)
        assert "\n" not in b.text and b.text == " ".join(b.text.split())
    assert _squash("".join(b.text.replace(" | ", "") for b in result.blocks)) == _visible_text(root)
    for b in result.blocks:
        if b.kept:
            assert result.text[b.output.start:b.output.end] == b.text


_FRAMES = st.sampled_from([
    ("<html><body>", "</body></html>"),
    ("", ""),
    ("<!DOCTYPE html>\n<HTML lang=en>\n<head><meta charset=utf-8></head>\n<BODY class=x>", "</BODY></HTML>"),
    ("<head><meta charset=utf-8><p>moved out of head</p></head><body>", "</body>"),
    ("<p>before the body tag</p><body>", "</body><p>after it</p>"),
])


@SETTINGS
@given(html_nodes(), _FRAMES)
def test_html_xpaths_and_spans(nodes, frame):
    source = frame[0] + "".join(nodes) + frame[1]
    result = Cleaner(filters=[], input_type="html").clean(source)
    check_html_result(result)
