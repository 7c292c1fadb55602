"""Hostile input, the time budget and the safety valve.

Every page here gives a clean result or a typed ``CleanerlibError`` with a clear message: never
a hang, a ``RecursionError`` or another untyped exception. Cases already covered elsewhere are
not repeated: BOMs, lying ``<meta charset>``, windows-1252 and binary magic numbers in
``test_decode.py``; empty and whitespace-only pages in ``test_cleaner.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from cleanerlib import (
    REVIEW_REASONS,
    Cleaner,
    CleanerlibError,
    ConfigError,
    Deadline,
    DecodeError,
    Drop,
    Filter,
    TimeLimitExceeded,
    clean,
)
from cleanerlib import _pipeline

ARTICLE = ("Semiconductor companies announced a wave of new factories this week, promising thousands "
           "of jobs and billions in investment across three continents.")
HTML = "<html><head><title>Chip makers race</title></head><body><h1>Chip makers race</h1><p>{}</p></body></html>"


def check_result(result) -> None:
    """What every result promises, whatever the input was."""
    kept = [b for b in result.blocks if b.kept]
    assert result.text == result.separator.join(b.text for b in kept)
    for i, b in enumerate(result.blocks):
        assert b.index == i
        assert b.kept or (b.dropped_by and b.reason and b.detail)
        assert b.ref is None or 0 <= b.ref < len(result.blocks)
        if b.kept:
            assert result.text[b.output.start:b.output.end] == b.text
        if b.source.start is not None:
            assert 0 <= b.source.start <= b.source.end <= len(result.source_text)
    assert result.review_reason is None or result.review_reason in REVIEW_REASONS
    assert result.needs_review == (result.review_reason is not None)
    assert "\x00" not in result.text and "\x00" not in result.source_text
    result.to_json()  # serialisable: no lone surrogates, nothing exotic


# -- charsets, mojibake, NUL, surrogates -------------------------------------------------------

@pytest.mark.parametrize("charset", ["base64", "rot13", "zlib", "hex", "undefined", "utf-7", "utf-16le",
                                     "utf-32", "cp037", "unicode_escape", "no-such-charset"])
def test_a_declared_charset_that_cannot_be_the_page_is_ignored(charset):
    # not UTF-8 (a lone windows-1252 e-acute), so the declaration is consulted, and must not win
    page = (f'<html><head><meta charset="{charset}"></head><body><p>Caf\u00e9 society: {ARTICLE}</p>'
            "</body></html>").encode("cp1252")
    result = clean(page, filters=[])
    assert result.input_type == "html"
    assert f"Caf\u00e9 society: {ARTICLE}" in result.text


def test_mojibake_is_kept_as_it_is():
    # UTF-8 read as windows-1252 and saved again: valid UTF-8, so it is not guessed at
    garbled = "Caf\u00e9 \u2014 ok".encode("utf-8").decode("cp1252").encode("utf-8")
    result = clean(garbled + b"\n" + ARTICLE.encode(), filters=[])
    assert result.text.startswith("Caf\u00c3\u00a9 \u00e2\u20ac\u201d ok")
    check_result(result)


@pytest.mark.parametrize("page", [
    f"{ARTICLE}\x00 and a NUL".encode(),
    HTML.format(f"{ARTICLE}\x00 and a NUL"),
    HTML.format(f"{ARTICLE}\x00 and a NUL").encode(),
])
def test_nul_becomes_a_replacement_character_in_place(page):
    result = clean(page, filters=[])
    assert f"{ARTICLE}\ufffd and a NUL" in result.text
    check_result(result)


@pytest.mark.parametrize("page", [
    # what os.fsdecode() and open(errors="surrogateescape") make of undecodable bytes
    (ARTICLE + " caf\xe9").encode("latin-1").decode("utf-8", "surrogateescape"),
    HTML.format(ARTICLE + " \udce9\ud800"),
])
def test_surrogate_escapes_become_replacement_characters(page):
    result = clean(page, filters=[])
    assert len(result.source_text) == len(page)
    assert "\ufffd" in result.text
    check_result(result)


def test_surrogate_escaped_bytes_are_decoded_like_the_original_bytes():
    raw = (ARTICLE + " caf\xe9").encode("cp1252")
    escaped = raw.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape")
    assert clean(escaped, filters=[]).text == clean(raw, filters=[]).text == ARTICLE + " caf\u00e9"


@pytest.mark.parametrize("entity", ["&#0;", "&#xD800;", "&#x110000;", "&#xFFFE;", "&#1;", "&bogus;", "&amp"])
def test_odd_character_references(entity):
    check_result(clean(HTML.format(f"{ARTICLE} {entity} end"), filters=[]))


# -- binary files passed as HTML ---------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n" + bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    b"GIF89a" + bytes(range(256)),
    b"\x00\x01\x02\x03" * 1000,
])
@pytest.mark.parametrize("input_type", ["auto", "html", "text"])
def test_binary_input_is_a_decode_error_in_every_mode(data, input_type):
    with pytest.raises(DecodeError, match="not text or HTML"):
        clean(data, input_type=input_type)


# -- empty, tiny, script-only, unclosed --------------------------------------------------------

@pytest.mark.parametrize("page", ["\ufeff", b"\xef\xbb\xbf", b"\xff\xfe", "<html></html>", "<p></p>",
                                  "<html><!-- only a comment --></html>", "\ufeff\n\ufeff \ufeff"])
def test_pages_without_text(page):
    result = clean(page)
    check_result(result)
    assert (result.text, result.blocks, result.needs_review) == ("", (), False)


@pytest.mark.parametrize("page", ["</a>", "<!<HTML>", "</p></div>", "<!x>"])
def test_markup_that_parses_to_no_document_is_an_empty_page(page):
    # lxml raises ParserError("Document is empty") for these
    for mode in ("html", "auto"):
        result = clean(page, input_type=mode)
        check_result(result)
    assert clean(page, input_type="html").text == ""


@pytest.mark.parametrize("size", [10, 100_000])
def test_a_page_that_is_only_a_script_has_no_text(size):
    page = "<script>" + "var a = 1;" * size + "</script>"
    result = clean(page)
    assert (result.input_type, result.text, result.blocks) == ("html", "", ())


def test_one_long_element_is_html_however_long():
    result = clean("<p>" + "word " * 200_000 + "</p>", filters=[])
    assert result.input_type == "html"
    assert not result.text.startswith("<p>")


@pytest.mark.parametrize("page", [
    "<html><body><p>hello <b>world <i>and <div>" + ARTICLE,
    "<div><p>" + ARTICLE + "<ul><li>one<li>two<table><tr><td>cell",
    "<p>" + ARTICLE + "<!-- never closed " + "x" * 1000,
    "<p>" + ARTICLE + "</p><script>never closed " + "x" * 1000,
    "<" * 10_000 + ARTICLE,
    "<a " * 10_000 + ARTICLE,
    "</p>" * 10_000 + ARTICLE,
])
def test_broken_markup(page):
    result = clean(page)
    check_result(result)
    assert result.input_type == "html" or ARTICLE in result.text


def test_loose_separator_before_a_run_of_links_is_in_a_block():
    result = clean("<html><body>\u2014<a>alpha</a><a>alpha</a></body></html>", filters=[])
    assert "\u2014" in "".join(b.text for b in result.blocks)


@pytest.mark.parametrize("page", ["<h2><header>B", "<h3><hgroup>x</hgroup></h3>",
                                  "<html><body><h2><header>Headline</header></h2></body></html>"])
def test_a_block_inside_a_heading(page):
    check_result(clean(page, input_type="html"))


# -- size and depth ----------------------------------------------------------------------------

_DEPTH = 100_000


@pytest.mark.parametrize("opening, closing", [
    ("<div>", "</div>"), ("<div>", ""), ("<span>", "</span>"), ("<div><span>", "</span></div>"),
    ("<table><tr><td>", ""), ("<ul><li>", ""), ("<a href=#>", ""), ("<b>", "</b>"), ("<blockquote>", ""),
])
def test_100000_nested_elements(opening, closing):
    page = "<html><body>" + opening * _DEPTH + ARTICLE + closing * _DEPTH + "</body></html>"
    result = clean(page)
    check_result(result)
    assert ARTICLE in result.text


def test_100000_nested_elements_with_text_at_every_level_lose_none_of_it():
    page = "<html><body>" + "<div>w " * _DEPTH
    result = clean(page, filters=[])
    check_result(result)
    assert result.text.count("w") == _DEPTH


def test_deeply_nested_elements_as_an_lxml_tree():
    import lxml.html

    # lxml cannot parse a tree this deep, and builds one node by node in quadratic time
    root = cur = lxml.html.Element("div")
    for _ in range(10_000):
        cur = lxml.html.etree.SubElement(cur, "div")
    cur.text = ARTICLE
    assert ARTICLE in clean(root).text


def test_100000_nested_elements_as_a_soup():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<html><body>" + "<div>" * _DEPTH + ARTICLE + "</body></html>", "html.parser")
    assert ARTICLE in clean(soup).text


_HANG = textwrap.dedent("""
    import sys
    from cleanerlib import Cleaner
    Cleaner(filters=None if sys.argv[1] == "default" else [], input_type="html").clean(sys.stdin.read())
""")


def _finishes(page: str, seconds: float, filters: str = "none") -> bool:
    """Whether cleaning ``page`` ends within ``seconds`` (in a subprocess, so a hang is stopped).

    Not a speed test: the pages below take tens of seconds to minutes where a linear pass takes
    a second or two.
    """
    try:
        subprocess.run([sys.executable, "-c", _HANG, filters], input=page, text=True, timeout=seconds, check=True)
    except subprocess.TimeoutExpired:
        return False
    return True


@pytest.mark.slow
def test_end_tags_that_close_nothing_under_deep_nesting_do_not_hang():
    assert _finishes("<html><body>" + "<div>" * 30_000 + "x" + "</span>" * 30_000, 5)


@pytest.mark.slow
def test_50000_sibling_elements_do_not_hang():
    assert _finishes("<html><body>" + "<p>para</p>" * 50_000 + "</body></html>", 5)


@pytest.mark.slow
def test_nested_unclosed_tables_do_not_hang_the_default_filters():
    assert _finishes("<html><body>" + "<table>" * 2000 + "x", 5, filters="default")


@pytest.mark.slow
def test_a_long_line_of_commas_after_a_tag_label_does_not_hang():
    # a list shape tested by one regex used to backtrack exponentially on such a line
    article = ("Tessera said on Monday that it will close its two oldest plants next year and move the work to "
               "its new site, which opened in the spring and still has room for two more lines.")
    page = f"<html><body><h1>Tessera closes two plants</h1><p>{article}</p><p>Tags: {'ab, ' * 30}!</p></body></html>"
    assert _finishes(page, 5, filters="default")


_BIG_MB = float(os.environ.get("CLEANERLIB_BIG_PAGE_MB", "3"))


def _big_text(mb: float) -> str:
    n = int(mb * 1e6 / 100)
    return "\n".join(f"Paragraph {i}: chip makers announced new factories this week, promising jobs." for i in range(n))


@pytest.mark.slow
def test_a_big_text_page():
    """3 MB by default; ``CLEANERLIB_BIG_PAGE_MB=50`` for the full size (about 40 s and 2 GB)."""
    page = _big_text(_BIG_MB).encode()
    result = clean(page)
    check_result(result)
    assert len(result.text) > 0.9 * len(page)


@pytest.mark.slow
def test_a_big_html_page():
    """3 MB by default, in sections of 50 paragraphs as real long pages are (50 MB: about 60 s)."""
    lines = _big_text(_BIG_MB).split("\n")
    sections = ("<section>" + "".join(f"<p>{p}</p>" for p in lines[i:i + 50]) + "</section>\n"
                for i in range(0, len(lines), 50))
    page = "<html><body><article><h1>Big</h1>" + "".join(sections) + "</article></body></html>"
    result = clean(page)
    check_result(result)
    assert result.input_type == "html" and len(result.text) > 0.9 * sum(map(len, lines))


@pytest.mark.parametrize("page", ["word " * 2_000_000, "x" * 10_000_000, "<p>" + "word " * 1_900_000 + "</p>"])
def test_absurdly_long_lines(page):
    result = clean(page)
    check_result(result)
    assert len(result.text) >= 9_000_000


def test_a_text_node_over_ten_million_characters_is_kept():
    result = clean("<html><body><p>" + "x" * 10_000_001 + "</p></body></html>")
    assert len(result.text) == 10_000_001


def test_nested_sections_holding_paragraphs_keep_their_text():
    page = "<html><body>" + "<section><p>" * 200 + ARTICLE
    assert ARTICLE in clean(page, filters=[]).text


# -- scripts -----------------------------------------------------------------------------------

ARABIC = "\u0642\u0627\u0644\u062a \u0627\u0644\u0634\u0631\u0643\u0629 \u0625\u0646 \u0627\u0644\u0645\u0635\u0646\u0639 \u0627\u0644\u062c\u062f\u064a\u062f \u0633\u064a\u0641\u062a\u062d \u0641\u064a \u0639\u0627\u0645 2027."
HEBREW = "\u05d4\u05d7\u05d1\u05e8\u05d4 \u05d0\u05de\u05e8\u05d4 \u05e9\u05d4\u05de\u05e4\u05e2\u05dc \u05d4\u05d7\u05d3\u05e9 \u05d9\u05d9\u05e4\u05ea\u05d7 \u05d1\u05e9\u05e0\u05ea 2027."
CHINESE = "\u82af\u7247\u5236\u9020\u5546\u8868\u793a\uff0c\u65b0\u5de5\u5382\u5c06\u4e8e2027\u5e74\u6295\u4ea7\u3002"
JAPANESE = "\u534a\u5c0e\u4f53\u30e1\u30fc\u30ab\u30fc\u306f\u3001\u65b0\u5de5\u5834\u304c2027\u5e74\u306b\u7a3c\u50cd\u3059\u308b\u3068\u767a\u8868\u3057\u305f\u3002"
BIDI = "\u202eevil\u202c \u2066isolated\u2069 \u200f\u200e\u200b\u2060"


@pytest.mark.parametrize("body", [ARABIC, HEBREW, CHINESE, JAPANESE, BIDI, f"{ARABIC} {ARTICLE} {CHINESE}"])
@pytest.mark.parametrize("as_html", [False, True])
def test_right_to_left_and_cjk_text_is_kept_unchanged(body, as_html):
    text = "\n".join([body] * 5)
    page = HTML.format("</p><p>".join([body] * 5)) if as_html else text
    for data in (page, page.encode("utf-8")):
        result = clean(data, filters=[])
        check_result(result)
        assert body in result.text.split("\n")


@pytest.mark.parametrize("encoding", ["shift_jis", "euc-jp", "gb18030", "big5", "euc-kr", "cp1256", "iso8859-8"])
def test_declared_legacy_east_asian_and_rtl_encodings(encoding):
    body = {"shift_jis": JAPANESE, "euc-jp": JAPANESE, "gb18030": CHINESE, "big5": "\u65b0\u5de5\u5ee0",
            "euc-kr": "\ubc18\ub3c4\uccb4 \uacf5\uc7a5", "cp1256": ARABIC, "iso8859-8": HEBREW}[encoding]
    page = f'<html><head><meta charset="{encoding}"></head><body><p>{body}</p></body></html>'.encode(encoding)
    assert body in clean(page, filters=[]).text


# -- the time budget ---------------------------------------------------------------------------

class Sleeps(Filter):
    """Sleeps ``seconds`` (really) and drops nothing."""

    name = "test_sleeps"

    def __init__(self, *, seconds: float = 0.2) -> None:
        self.seconds = seconds

    def decide(self, doc):
        time.sleep(self.seconds)
        return ()


def test_a_slow_filter_exceeds_the_budget():
    with pytest.raises(TimeLimitExceeded) as info:
        Cleaner(filters=[Sleeps(seconds=0.2)], time_budget=0.05).clean(HTML.format(ARTICLE))
    assert (info.value.budget, info.value.stage) == (0.05, "filter 'test_sleeps'")
    assert str(info.value) == "time budget of 0.05s exceeded during filter 'test_sleeps'"
    assert isinstance(info.value, CleanerlibError) and isinstance(info.value, TimeoutError)


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now


class ChecksPerBlock(Filter):
    """Takes one second (on the fake clock) per block and checks the deadline before each."""

    name = "test_checks_per_block"
    clock: _Clock
    seen: list

    def decide(self, doc):
        for b in doc.blocks:
            doc.deadline.check()
            self.seen.append(b.index)
            self.clock.now += 1.0
        return ()


def test_a_filter_that_checks_the_deadline_stops_inside_its_loop(monkeypatch):
    ChecksPerBlock.clock = clock = _Clock()
    ChecksPerBlock.seen = seen = []
    monkeypatch.setattr(_pipeline, "time", clock)
    page = "\n".join(f"Line {i} of a page with many lines." for i in range(100))
    with pytest.raises(TimeLimitExceeded) as info:
        Cleaner(filters=[ChecksPerBlock()], time_budget=2.5).clean(page)
    assert info.value.stage == "filter 'test_checks_per_block'"
    assert seen == [0, 1, 2]  # stopped at the fourth block, not after the hundredth


def test_no_result_is_returned_after_the_budget(monkeypatch):
    class Late(Filter):
        name = "test_late"

        def decide(self, doc):
            clock.now += 10.0
            return ()

    clock = _Clock()
    monkeypatch.setattr(_pipeline, "time", clock)
    with pytest.raises(TimeLimitExceeded):
        Cleaner(filters=[Late()], time_budget=5).clean(ARTICLE)


def test_every_document_carries_the_same_deadline_through_the_filters():
    seen = []

    class Looks(Filter):
        name = "test_looks"

        def decide(self, doc):
            seen.append(doc.deadline)
            return [Drop(0, "x", "the first block", part=(0, 3))]

    class LooksAgain(Looks):
        name = "test_looks_again"

    Cleaner(filters=[Looks(), LooksAgain()], time_budget=60).clean(ARTICLE + "\n" + ARTICLE)
    assert len(seen) == 2 and seen[0] is seen[1] and seen[0].budget == 60


def test_deadline_without_a_budget_never_expires():
    d = Deadline()
    d.check()
    d.check("anything")
    assert (d.budget, d.expired, d.remaining()) == (None, False, None)


def test_deadline_with_a_budget(monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(_pipeline, "time", clock)
    d = Deadline(2.0, stage="parsing")
    assert d.remaining() == 2.0 and not d.expired
    clock.now = 2.0
    d.check()  # at the deadline is still in time
    clock.now = 3.0
    assert d.expired and d.remaining() == 0.0
    with pytest.raises(TimeLimitExceeded, match="during parsing"):
        d.check()
    with pytest.raises(TimeLimitExceeded, match="during my loop"):
        d.check("my loop")


@pytest.mark.parametrize("budget", [0, -1, float("nan"), "5", True])
def test_time_budget_must_be_a_positive_number(budget):
    with pytest.raises(ConfigError, match="time_budget"):
        Cleaner(time_budget=budget)


@pytest.mark.parametrize("share", [0, 1.5, float("nan"), "0.5", None])
def test_max_removed_share_must_be_a_share(share):
    with pytest.raises(ConfigError, match="max_removed_share"):
        Cleaner(max_removed_share=share)


def test_an_infinite_budget_is_no_budget():
    assert Cleaner(time_budget=float("inf")).clean(ARTICLE) == clean(ARTICLE)


# -- the safety valve --------------------------------------------------------------------------

class DropChars(Filter):
    """Drops the blocks whose text starts with ``prefix``."""

    name = "test_drop_chars"

    def __init__(self, *, prefix: str = "drop") -> None:
        self.prefix = prefix

    def decide(self, doc):
        return [Drop(b.index, "test", "starts with the prefix") for b in doc.blocks if b.text.startswith(self.prefix)]


def _page(kept: int, dropped: int) -> str:
    """A headline, then a kept block of ``kept`` characters and a dropped one of ``dropped``."""
    return "\n".join(["A headline for the page", "k" * kept, "drop" + "d" * (dropped - 4)])


@pytest.mark.parametrize("kept, dropped, share, flagged", [
    (25, 75, 0.75, False),   # exactly the share: not more than it
    (24, 76, 0.75, True),
    (50, 50, 0.5, False),
    (49, 51, 0.5, True),
    (1, 99, 1.0, False),     # 1.0: only removing everything is flagged
])
def test_review_threshold_is_a_share_of_characters(kept, dropped, share, flagged):
    result = clean(_page(kept, dropped), filters=[DropChars()], max_removed_share=share)
    assert result.needs_review is flagged
    assert result.review_reason == ("removed_share" if flagged else None)


def test_removing_everything_is_flagged_whatever_the_threshold():
    page = "A headline for the page\ndrop this\ndrop that"
    result = clean(page, filters=[DropChars()], max_removed_share=1.0)
    assert (result.needs_review, result.review_reason) == (True, "removed_all")
    assert [b.text for b in result.kept] == ["A headline for the page"]


@pytest.mark.parametrize("page", ["Hello world", "Chip makers race to build new fabs",
                                  "<html><body><h1>Chip makers race</h1></body></html>"])
def test_a_page_that_is_only_a_headline_is_not_flagged(page):
    result = clean(page)
    assert [b.kept for b in result.blocks] == [True]
    assert (result.needs_review, result.review_reason) == (False, None)


def test_review_reasons_are_documented_and_read_only():
    assert set(REVIEW_REASONS) == {"no_main_content", "removed_all", "removed_share"}
    assert all(isinstance(v, str) and len(v) > 20 for v in REVIEW_REASONS.values())
    with pytest.raises(TypeError):
        REVIEW_REASONS["new"] = "x"  # type: ignore[index]


def test_review_fields_round_trip_through_json():
    from cleanerlib import CleanResult

    result = clean("A headline for the page\ndrop this\ndrop that", filters=[DropChars()])
    again = CleanResult.from_dict(__import__("json").loads(result.to_json(include_source=True)))
    assert (again.needs_review, again.review_reason) == (True, "removed_all")
