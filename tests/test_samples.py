"""The pages in ``samples/`` are cleaned exactly right: the regression gate on our own fixtures.

Each page must come out block for block as its gold answer says, every residue item must be a
dropped block with a filter and a reason, and every trap must survive. On top of the exact
check, snippet-level precision and recall over all samples are pinned to floors, so a change
that trades a little accuracy for something else shows up as a number, not only as a diff.
"""

from __future__ import annotations

import re

import pytest

import cleanerlib
from _samples import compare, load_samples, norm

SAMPLES = load_samples()
# Snippet scores over every sample (body blocks are wanted, removed items are not); pinned to
# what the filters reach today, so they can only go up.
FLOOR_PRECISION = 1.0
FLOOR_RECALL = 1.0


def test_there_are_enough_samples():
    languages = {s.gold["language"] for s in SAMPLES}
    kinds = {s.gold["kind"] for s in SAMPLES}
    assert len(SAMPLES) >= 20 and {"en", "de", "fr", "es"} <= languages and kinds == {"html", "text"}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_sample_is_cleaned_exactly(sample):
    result = cleanerlib.clean(sample.raw, url=sample.url)
    assert compare(sample.gold, result) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_traps_survive(sample):
    text = norm(cleanerlib.clean(sample.raw, url=sample.url).text)
    for trap in sample.gold.get("traps", []):
        assert norm(trap) in text


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s.gold["kind"] == "text"], ids=lambda s: s.name)
def test_nothing_is_silently_lost(sample):
    """Every visible character of a text page is in a kept block or an explained dropped one."""
    result = cleanerlib.clean(sample.raw, url=sample.url)
    covered = bytearray(len(result.source_text))
    for b in result.blocks:
        assert b.kept or (b.dropped_by and b.reason and b.detail)
        covered[b.source.start:b.source.end] = b"\x01" * (b.source.end - b.source.start)
    missing = [ch for ch, c in zip(result.source_text, covered) if not c and not ch.isspace()]
    assert missing == []


# elements whose text a browser does not show as the page's text
_HIDDEN = ("script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
           "audio", "select", "datalist", "map", "meta", "link", "base")


def _visible_text(source_text: str) -> str:
    """The page's visible text as lxml parses it, without whitespace, in document order."""
    import lxml.html

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", source_text), parser=parser)
    for el in root.xpath("|".join(f"//{tag}" for tag in _HIDDEN)):
        el.drop_tree()  # the element goes, the text after it stays
    return "".join(root.text_content().split())


_HTML_SAMPLES = [s for s in SAMPLES if s.gold["kind"] == "html"]


@pytest.mark.parametrize("sample", _HTML_SAMPLES, ids=lambda s: s.name)
def test_nothing_is_silently_lost_from_html(sample):
    """Every visible character of an HTML page is in a block, kept or dropped with a reason."""
    result = cleanerlib.clean(sample.raw, url=sample.url)
    assert result.input_type == "html"
    for b in result.blocks:
        assert b.kept or (b.dropped_by and b.reason and b.detail)
    # a table row's cells are joined with " | " in its block, so pipes are left out of the
    # comparison (a pipe in the page's own text, "Privacy | Contact", is in a block too)
    blocks = "".join("".join(b.text.split()) for b in result.blocks).replace("|", "")
    assert blocks == _visible_text(result.source_text).replace("|", "")


def test_accuracy_floors():
    tp = fp = fn = 0
    for sample in SAMPLES:
        out = norm(cleanerlib.clean(sample.raw, url=sample.url).text)
        body = [norm(b) for b in sample.gold["body"]]
        tp += sum(b in out for b in body)
        fn += sum(b not in out for b in body)
        for item in sample.gold["removed"]:
            snippet = norm(item["text"])
            if out.count(snippet) > sum(b.count(snippet) for b in body):
                fp += 1
    assert tp / (tp + fp) >= FLOOR_PRECISION
    assert tp / (tp + fn) >= FLOOR_RECALL
