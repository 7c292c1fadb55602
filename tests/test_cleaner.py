"""``Cleaner`` and ``clean()``: options, layout of the result, the safety valve, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from cleanerlib import Cleaner, ConfigError, Drop, Filter, Kind, Span, TimeLimitExceeded, clean
from cleanerlib import _cleaner, _pipeline

TEXT_PAGE = """Home \u203a News \u203a Hardware
Chip makers race to build new fabs across three continents
By Jane Doe | 3 min read
Semiconductor companies announced a wave of new factories this week, promising thousands of jobs.

Analysts say the spending spree reflects worries about supply chains exposed during the pandemic.
Read More \u2192
The first of the new plants is expected to begin production in 2027, the companies said on Monday.
Share this article
"""

HTML_PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Chip makers race to build new fabs | TechSite</title>
<meta name="author" content="Jane Doe"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/deals">Deals</a></li></ul></nav>
<article><h1>Chip makers race to build new fabs</h1>
<p>Semiconductor companies announced a wave of new factories this week, promising thousands of jobs
and billions in investment across three continents, according to people familiar with the plans.</p>
<p>Analysts say the spending spree reflects worries about supply chains that were exposed during the
pandemic, when car makers idled plants for lack of chips and consumers waited months for laptops.</p>
<p>The first of the new plants is expected to begin production in 2027, the companies said on Monday,
with a second phase following two years later if demand for older process nodes recovers.</p>
</article>
<footer><p>Copyright 2025 TechSite. All rights reserved.</p></footer>
</body></html>"""


class DropAll(Filter):
    name = "test_drop_all"

    def decide(self, doc):
        return [Drop(b.index, "everything", "Drops every block.") for b in doc.blocks]


class DropLong(Filter):
    """Drops blocks longer than ``length`` characters."""

    name = "test_drop_long"

    def __init__(self, *, length: int = 60) -> None:
        self.length = length

    def decide(self, doc):
        return [Drop(b.index, "long", "A long block.") for b in doc.blocks if len(b.text) > self.length]


class SelectNothing(DropAll):
    name = "test_select_nothing"
    selects_main_content = True


@pytest.mark.parametrize("page", [TEXT_PAGE, HTML_PAGE, HTML_PAGE.encode("utf-8")])
@pytest.mark.parametrize("options", [{}, {"separator": "\n\n"}, {"input_type": "text"}, {"filters": []}])
def test_clean_is_cleaner_clean(page, options):
    assert clean(page, **options) == Cleaner(**options).clean(page)
    assert clean(page, url="https://e.com/a", **options) == Cleaner(**options).clean(page, url="https://e.com/a")


@pytest.mark.parametrize("separator", ["\n", "\n\n", " ", ""])
def test_separator_joins_kept_blocks_and_output_spans_follow(separator):
    r = clean(TEXT_PAGE, separator=separator, filters=[DropLong(length=90)])
    kept = [b for b in r.blocks if b.kept]
    assert r.separator == separator
    assert r.text == separator.join(b.text for b in kept)
    pos = 0
    for b in kept:
        assert b.output == Span(pos, pos + len(b.text))
        pos += len(b.text) + len(separator)
    assert all(b.output is None for b in r.blocks if not b.kept)


def test_every_block_in_input_order_kept_and_dropped():
    r = clean(TEXT_PAGE, filters=[DropLong(length=90)])
    assert [(b.index, b.kept, b.reason) for b in r.blocks] == [
        (0, True, None), (1, True, None), (2, True, None), (3, False, "long"),
        (4, False, "long"), (5, True, None), (6, False, "long"), (7, True, None),
    ]
    assert r.blocks[1].kind is Kind.HEADING
    assert r.metadata.title == "Chip makers race to build new fabs across three continents"


@pytest.mark.parametrize("empty", ["", "   ", " \n\t\r\n \u3000 ", b"", b"  \n ", "<html><body></body></html>",
                                   "<html><body><script>x()</script></body></html>"])
def test_empty_input_gives_an_empty_result(empty):
    r = clean(empty)
    assert (r.text, r.blocks, r.needs_review, r.review_reason) == ("", (), False, None)
    assert r.counts() == {}


def test_safety_valve_fields():
    ok = clean(TEXT_PAGE, filters=[])
    assert (ok.needs_review, ok.review_reason) == (False, None)
    gone = clean(TEXT_PAGE, filters=[DropAll()])
    # the headline survives (it is protected), but nothing else: flagged
    assert [b.text for b in gone.kept] == ["Chip makers race to build new fabs across three continents"]
    assert (gone.needs_review, gone.review_reason) == (True, "removed_all")
    # the three long paragraphs are about four fifths of the page's text besides the headline
    most = clean(TEXT_PAGE, filters=[DropLong(length=60)])
    assert (most.needs_review, most.review_reason) == (True, "removed_share")
    assert clean(TEXT_PAGE, filters=[DropLong(length=60)], max_removed_share=0.85).needs_review is False
    nothing = clean(TEXT_PAGE, filters=[SelectNothing()])
    assert (nothing.needs_review, nothing.review_reason) == (True, "no_main_content")
    assert gone.to_dict()["needs_review"] is True and gone.to_dict()["review_reason"] == "removed_all"


def test_html_page_with_default_pipeline():
    r = clean(HTML_PAGE)
    assert r.input_type == "html"
    assert r.text.split("\n")[0] == "Chip makers race to build new fabs"
    # the page's <title> is its headline plus the site's name: the headline is the title
    assert r.metadata.title == "Chip makers race to build new fabs"
    assert r.metadata.byline == "Jane Doe" and r.metadata.language == "en"
    outside = [b.text for b in r.blocks if b.reason == "outside_main_content"]
    assert outside[:4] == ["Chip makers race to build new fabs | TechSite", "Home", "News", "Deals"]
    assert "Copyright 2025 TechSite. All rights reserved." in outside
    assert all(b.dropped_by == "main_content" for b in r.blocks if b.reason == "outside_main_content")
    for b in r.blocks:
        if b.kept:
            assert r.text[b.output.start:b.output.end] == b.text


def test_html_without_h1_uses_the_title_element_as_a_kept_heading():
    page = "<html><head><title>Chip makers race</title></head><body><p>Body text here.</p></body></html>"
    r = clean(page, filters=[DropAll()])
    assert [(b.text, b.kind, b.kept) for b in r.blocks] == [
        ("Chip makers race", Kind.HEADING, True), ("Body text here.", Kind.PARAGRAPH, False)]


def test_cleaner_validates_its_options():
    with pytest.raises(ConfigError, match="max_removed_share"):
        Cleaner(max_removed_share=0)
    with pytest.raises(ConfigError, match="time_budget"):
        Cleaner(time_budget=-1)
    with pytest.raises(ConfigError, match="html_offsets"):
        Cleaner(html_offsets="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Cleaner(["positional"])  # type: ignore[misc]
    assert repr(Cleaner(filters=[], separator="\n\n")) == (
        "Cleaner(filters=Pipeline([]), input_type='auto', separator='\\n\\n', language=None, "
        "max_removed_share=0.75, time_budget=None, html_offsets=False)")


def test_html_offsets_are_asked_for_and_text_offsets_always_given():
    """HTML blocks are located by xpath and line; their character offsets in the markup cost a
    second walk over every tag, so they come when asked for. A plain-text block's offsets are
    its only address and always there."""
    page = "<html><body><h1>Chip makers race</h1><p>Body text here.</p></body></html>"
    plain = Cleaner(filters=[]).clean(page).blocks
    assert [(b.source.start, b.source.end, b.source.xpath) for b in plain] == [
        (None, None, "/html/body/h1"), (None, None, "/html/body/p")]
    located = Cleaner(filters=[], html_offsets=True).clean(page).blocks
    assert [page[b.source.start:b.source.end] for b in located] == [
        "<h1>Chip makers race</h1>", "<p>Body text here.</p>"]
    assert [b.source.xpath for b in located] == [b.source.xpath for b in plain]
    text = Cleaner(filters=[]).clean("Chip makers race\nBody text here.").blocks
    assert [(b.source.start, b.source.end) for b in text] == [(0, 16), (17, 32)]


class _Clock:
    """Stands in for the ``time`` module: the clock moves only when a test filter moves it."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now


class Takes(Filter):
    """A filter that takes ``seconds`` on the fake clock and drops nothing."""

    name = "test_takes"
    clock: _Clock

    def __init__(self, *, seconds: float = 1.0) -> None:
        self.seconds = seconds

    def decide(self, doc):
        self.clock.now += self.seconds
        return ()


def test_time_budget_raises_with_the_stage(monkeypatch):
    Takes.clock = clock = _Clock()
    monkeypatch.setattr(_pipeline, "time", clock)
    with pytest.raises(TimeLimitExceeded) as info:
        Cleaner(filters=[DropLong(), Takes(seconds=2.0), DropAll()], time_budget=1.5).clean(TEXT_PAGE)
    assert (info.value.budget, info.value.stage) == (1.5, "filter 'test_takes'")
    assert "time budget of 1.5s exceeded during filter 'test_takes'" in str(info.value)
    # within the budget the page is cleaned as without one
    assert Cleaner(filters=[DropLong(), Takes(seconds=2.0)], time_budget=2.5).clean(TEXT_PAGE) == \
        Cleaner(filters=[DropLong(), Takes(seconds=2.0)]).clean(TEXT_PAGE)


def test_clean_keeps_nothing_between_calls():
    clean(TEXT_PAGE)
    assert not [v for v in vars(_cleaner).values() if isinstance(v, Cleaner)]


def test_same_input_same_result_in_any_order():
    cleaner = Cleaner()
    a1, b1 = cleaner.clean(TEXT_PAGE), cleaner.clean(HTML_PAGE)
    b2, a2 = clean(HTML_PAGE), clean(TEXT_PAGE)
    assert a1.to_dict() == a2.to_dict() and b1.to_dict() == b2.to_dict()
    assert a1 == a2 and b1 == b2


_DETERMINISM = textwrap.dedent("""
    import json, sys
    from cleanerlib import clean
    pages = json.load(sys.stdin)
    print(json.dumps([clean(p).to_dict() for p in pages], sort_keys=True))
""")


def test_same_result_in_another_process_with_another_hash_seed():
    pages = [TEXT_PAGE, HTML_PAGE]
    here = json.dumps([clean(p).to_dict() for p in pages], sort_keys=True)
    for seed in ("0", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", _DETERMINISM], input=json.dumps(pages), capture_output=True,
                             text=True, env=env, check=True).stdout.strip()
        assert out == here
