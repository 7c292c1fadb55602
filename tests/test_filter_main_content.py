"""Main content (HTML): what trafilatura leaves out is dropped as ``outside_main_content``; the
headline stays even when trafilatura drops it; the ``<title>`` element goes when an ``<h1>`` is
the headline; article text between two main-content blocks of one container is taken back."""

from __future__ import annotations

import pytest

from cleanerlib import clean
from cleanerlib.filters import MainContent

P = [
    "Micron Technology will add a second cleanroom to its Boise fab, the company said on Thursday, bringing the "
    "total investment at the site to more than twenty billion dollars over the next ten years.",
    "The expansion is meant for high-bandwidth memory, the stacked DRAM that sits next to the accelerators in AI "
    "servers and that has been in short supply since last year.",
    "Micron said it chose the site because it already owns the land and the water rights, and because the state "
    "offered tax credits worth several hundred million dollars over two decades.",
    "Construction is expected to start in the spring, with the first wafers coming out of the new cleanroom in "
    "2029 if the equipment arrives on time.",
]
HEADLINE = "Micron expands its Idaho memory fab"


class FixedExtraction(MainContent):
    """MainContent with a given extraction instead of trafilatura's, so the alignment and the
    gap filling are tested on their own, deterministically."""

    def __init__(self, *, extracted: str = "", **options) -> None:
        super().__init__(**options)
        self.extracted = extracted

    def extract(self, doc):
        return self.extracted


def block(result, text: str):
    matches = [b for b in result.blocks if b.text == text]
    assert len(matches) == 1, f"{text!r} is not exactly one block: {[b.text for b in result.blocks]}"
    return matches[0]


def assert_outside(result, text: str) -> None:
    b = block(result, text)
    assert (b.kept, b.dropped_by, b.reason, b.ref) == (False, "main_content", "outside_main_content", None), b


def assert_kept(result, text: str) -> None:
    b = block(result, text)
    assert b.kept and b.dropped_by is None, b


PORTAL = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | ChipLetter</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/memory">Memory</a></li>
<li><a href="/foundry">Foundry</a></li><li><a href="/policy">Policy</a></li></ul></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
<div class="body">
<p>{P[0]}</p>
<p>{P[1]}</p>
<h2>Why Boise</h2>
<p>{P[2]}</p>
<p>{P[3]}</p>
</div></article></main>
<aside><h3>Popular this week</h3><ul><li><a href="/a">Nvidia ships its next GPU early</a></li>
<li><a href="/b">Apple tests its own cellular modem</a></li></ul></aside>
<footer><p>Copyright 2026 ChipLetter Media. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body></html>"""


def test_navigation_sidebar_and_footer_are_outside_the_main_content():
    r = clean(PORTAL, input_type="html", filters=[MainContent()])
    for text in ("Home", "Foundry", "Policy", "Popular this week", "Nvidia ships its next GPU early",
                 "Apple tests its own cellular modem", "Copyright 2026 ChipLetter Media. All rights reserved.",
                 "Privacy", "Terms"):
        assert_outside(r, text)
    assert r.text == "\n".join([HEADLINE, P[0], P[1], "Why Boise", P[2], P[3]])
    assert set(r.counts()) == {"main_content"}


def test_a_menu_word_that_also_occurs_in_the_article_stays_outside():
    """'Memory' is a menu entry; the article's 'memory' does not make it article text."""
    r = clean(PORTAL, input_type="html", filters=[MainContent()])
    assert "memory" in r.text
    assert_outside(r, "Memory")


def test_title_element_is_dropped_when_an_h1_is_the_headline():
    r = clean(PORTAL, input_type="html", filters=[MainContent()])
    title = r.blocks[0]
    assert title.source.xpath == "/html/head/title"
    assert (title.kept, title.reason) == (False, "outside_main_content")
    assert_kept(r, HEADLINE)
    assert r.metadata.title == HEADLINE  # the headline, without the site's name the <title> adds


def test_title_element_is_kept_when_it_is_the_only_headline():
    html = (f"<html><head><title>{HEADLINE}</title></head><body><div><p>{P[0]}</p><p>{P[1]}</p></div>"
            "</body></html>")
    r = clean(html, input_type="html", filters=[FixedExtraction(extracted=f"{P[0]}\n{P[1]}")])
    assert r.blocks[0].source.xpath == "/html/head/title" and r.blocks[0].kept
    assert r.text == "\n".join([HEADLINE, P[0], P[1]])


GENERATED = f"""<html><head><title>{HEADLINE} | ChipLetter</title></head><body>
<div class="css-1q2w3e"><a href="/">ChipLetter</a></div>
<div class="css-9x8y7z"><h1>{HEADLINE}</h1>
<div class="css-4r5t6y"><p>{P[0]}</p><p>{P[1]}</p><h2>Why Boise</h2><p>{P[2]}</p><p>Photo: Micron</p>
<p>{P[3]}</p></div></div>
<div class="css-0o9i8u"><p>Copyright 2026 ChipLetter Media.</p></div></body></html>"""


def test_headline_is_kept_when_the_extraction_leaves_it_out():
    r = clean(GENERATED, input_type="html", filters=[FixedExtraction(extracted="\n".join(P))])
    assert_kept(r, HEADLINE)
    assert block(r, HEADLINE).index == 2
    assert_outside(r, "ChipLetter")
    assert_outside(r, "Copyright 2026 ChipLetter Media.")


class CountedRuns(MainContent):
    """MainContent whose trafilatura runs are recorded: each returns ``found`` (the fast run)
    or all of the article (the run with fallbacks)."""

    def __init__(self, *, found: str = "", **options) -> None:
        super().__init__(**options)
        self.found = found
        self.runs: list[bool] = []

    def _extract(self, doc, *, fast: bool) -> str:
        self.runs.append(fast)
        return self.found if fast else "\n".join(P)


def test_fallbacks_run_when_the_extraction_missed_most_of_the_pages_prose():
    f = CountedRuns(found=P[3])
    r = clean(GENERATED, input_type="html", filters=[f])
    assert f.runs == [True, False]
    assert_kept(r, P[0])


def test_fallbacks_do_not_run_when_the_extraction_found_the_pages_prose():
    """A short article all found: the fallbacks have nothing to recover, so trafilatura runs once."""
    html = f"<html><body><nav><a href='/'>Home</a></nav><h1>{HEADLINE}</h1><p>{P[0]}</p></body></html>"
    f = CountedRuns(found=P[0])
    r = clean(html, input_type="html", filters=[f])
    assert f.runs == [True]
    assert_kept(r, P[0])
    assert_outside(r, "Home")


@pytest.mark.parametrize(("fallbacks", "runs"), [("always", [False]), ("never", [True])])
def test_fallbacks_can_be_forced_on_or_off(fallbacks: str, runs: list[bool]) -> None:
    f = CountedRuns(found=P[3], fallbacks=fallbacks)
    clean(GENERATED, input_type="html", filters=[f])
    assert f.runs == runs


def test_nothing_found_always_tries_the_fallbacks():
    f = CountedRuns(found="")
    clean(f"<html><body><h1>{HEADLINE}</h1><p>Short.</p></body></html>", input_type="html", filters=[f])
    assert f.runs == [True, False]


def test_gap_between_two_main_content_paragraphs_is_filled_back():
    """The extraction kept the first and the last paragraph only: the paragraphs and the heading
    between them, in the same container, are article text; a short credit there is not."""
    r = clean(GENERATED, input_type="html", filters=[FixedExtraction(extracted=f"{P[0]}\n{P[3]}")])
    for text in (HEADLINE, P[0], P[1], "Why Boise", P[2], P[3]):
        assert_kept(r, text)
    assert_outside(r, "Photo: Micron")
    assert_outside(r, "ChipLetter")
    assert_outside(r, "Copyright 2026 ChipLetter Media.")


def test_the_lead_beside_the_h1_in_the_articles_header_is_filled_back():
    """trafilatura leaves out an article's <header>; the lead paragraph beside the <h1> in it is
    the article's, a kicker there too short to count, and a promo box in the header is not."""
    lead = ("In the firmware of several Micron controllers sits a flaw that lets an attacker take over the "
            "cleanroom's scheduling system, and the patch is offered to support customers only.")
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><header><p>Security</p>"
            f"<h1>{HEADLINE}</h1><p>{lead}</p><aside><p>{P[2]}</p></aside></header><div class=\"body\">"
            f"<p>{P[0]}</p><p>{P[1]}</p></div></article></body></html>")
    r = clean(html, input_type="html", filters=[FixedExtraction(extracted=f"{P[0]}\n{P[1]}")])
    assert_kept(r, lead)
    assert_outside(r, "Security")
    assert_outside(r, P[2])


def test_gap_filling_can_be_switched_off():
    r = clean(GENERATED, input_type="html",
              filters=[FixedExtraction(extracted=f"{P[0]}\n{P[3]}", fill_gaps=False)])
    for text in (P[1], "Why Boise", P[2]):
        assert_outside(r, text)
    assert_kept(r, HEADLINE)


def test_list_introduced_by_a_colon_is_filled_back_with_its_lead_in():
    html = (f"<html><head><title>{HEADLINE}</title></head><body><div class=\"css-x1\"><div class=\"css-x2\">"
            f"<h1>{HEADLINE}</h1><p>{P[0]}</p><p>The plan has three parts:</p>"
            "<ul><li>a second cleanroom</li><li>a water recycling plant</li><li>a training centre</li></ul>"
            f"<p>{P[1]}</p></div></div></body></html>")
    r = clean(html, input_type="html",
              filters=[FixedExtraction(extracted=f"{P[0]}\nThe plan has three parts:\n{P[1]}")])
    for text in ("The plan has three parts:", "a second cleanroom", "a water recycling plant", "a training centre"):
        assert_kept(r, text)


def test_sources_listed_under_the_articles_last_paragraph_are_article_text():
    intro = "The full technical analysis and the vendor's own notice are available here:"
    sources = ["Fabwatch: the Boise cleanroom contract, analysed", "Micron notice MU-2026-004"]
    html = (f"<html><head><title>{HEADLINE}</title></head><body><div class=\"css-x1\"><div class=\"css-x2\">"
            f"<h1>{HEADLINE}</h1><p>{P[0]}</p><p>{intro}</p>"
            + "<ul>" + "".join(f'<li><a href="/s{k}">{t}</a></li>' for k, t in enumerate(sources)) + "</ul>"
            "</div><h3>Related Articles:</h3><ul><li><a href='/r'>Chip stocks rally on AI demand</a></li></ul>"
            "</div></body></html>")
    r = clean(html, input_type="html", filters=[FixedExtraction(extracted=f"{P[0]}\n{intro}")])
    for text in sources:
        assert_kept(r, text)
    assert_outside(r, "Chip stocks rally on AI demand")
    # a label is no lead-in: "MORE INFORMATION:" over links is a teaser header
    html = html.replace(intro, "MORE INFORMATION:")
    r = clean(html, input_type="html", filters=[FixedExtraction(extracted=f"{P[0]}\nMORE INFORMATION:")])
    for text in sources:
        assert_outside(r, text)


PROMO = ("Sign up for a free trial of our premium research service and get unlimited access to every market "
         "report we publish this year.")


def _split_article(wrapper: str) -> str:
    """Two article parts with an aside between them, under ``wrapper`` (e.g. '<div>')."""
    close = "</" + wrapper[1:].split()[0].rstrip(">") + ">" if wrapper else ""
    return (f"<html><head><title>{HEADLINE}</title></head><body>{wrapper}"
            f"<section class=\"css-s\"><h1>{HEADLINE}</h1><p>{P[0]}</p><p>{P[1]}</p></section>"
            f"<aside class=\"css-q1\"><p>{PROMO}</p></aside>"
            f"<section class=\"css-s\"><p>{P[2]}</p></section>{close}</body></html>")


def test_page_body_is_not_an_article_container():
    r = clean(_split_article(""), input_type="html",
              filters=[FixedExtraction(extracted="\n".join([P[0], P[1], P[2]]))])
    assert_outside(r, PROMO)
    assert r.text == "\n".join([HEADLINE, P[0], P[1], P[2]])


def test_page_wrapper_div_is_not_an_article_container():
    r = clean(_split_article('<div class="css-x1">'), input_type="html",
              filters=[FixedExtraction(extracted="\n".join([P[0], P[1], P[2]]))])
    assert_outside(r, PROMO)


def test_no_main_content_found_keeps_the_text_but_not_the_page_furniture():
    r = clean(GENERATED, input_type="html", filters=[FixedExtraction(extracted="")])
    kept = [b.text for b in r.kept]
    assert all(p in kept for p in P) and HEADLINE in kept
    assert {b.reason for b in r.dropped} == {"outside_main_content"}
    assert all(b.hints.link_chars or "header" in b.source.xpath or "nav" in b.source.xpath
               or "footer" in b.source.xpath for b in r.dropped)


def test_a_page_of_links_only_is_emptied_and_flagged():
    page = '<html><body><nav><a href="/">Menu</a> <a href="/h">Home</a> <a href="/n">News</a></nav></body></html>'
    r = clean(page, input_type="html", filters=[FixedExtraction(extracted="")])
    assert r.text == "" and r.needs_review and r.review_reason == "no_main_content"


def test_no_main_content_found_can_drop_everything_but_the_headline():
    r = clean(GENERATED, input_type="html", filters=[FixedExtraction(extracted="  ", on_failure="drop")])
    assert [b.text for b in r.kept] == [HEADLINE]
    assert {b.reason for b in r.dropped} == {"outside_main_content"}
    assert r.needs_review and r.review_reason == "no_main_content"


def test_plain_text_input_is_left_alone():
    r = clean("\n".join([HEADLINE, *P, "Copyright 2026 ChipLetter Media."]), input_type="text",
              filters=[MainContent()])
    assert not r.dropped


def test_a_pull_quote_of_a_statement_quoted_again_later_does_not_skip_the_text_between():
    """The pull quote repeats the end of the paragraph above it, and the article quotes the
    statement once more further down: the short paragraph under the pull quote is found where
    it stands, not looked for after the statement's later copy."""
    quote = "Every fab we build stays in Idaho for good, and so do the jobs."
    lead = f"{P[0]} A spokesperson said: \"{quote}\""
    short = "Fabs, forever. Jobs, maybe."
    later = f"\"{quote}\" the spokesperson repeated when asked about the second site."
    page = (f"<html><body><article><h1>{HEADLINE}</h1><p>{lead}</p><aside><p>\"{quote}\"</p></aside>"
            f"<p>{short}</p><p>{P[1]}</p><p>{later}</p><p>{P[2]}</p></article></body></html>")
    extracted = "\n".join([HEADLINE, lead, short, P[1], later, P[2]])
    r = clean(page, input_type="html", filters=[FixedExtraction(extracted=extracted, fill_gaps=False)])
    assert_kept(r, short)
