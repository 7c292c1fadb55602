"""Repeated paragraphs: later exact copies, deks that restate a paragraph and pull quotes go and
point at the kept twin; short repeated phrases, refrains and a conclusion in other words stay.
The cost stays near-linear on long, repetitive documents."""

from __future__ import annotations

import random

import pytest

from cleanerlib import Block, Document, Kind, Metadata, Span, clean
from cleanerlib.filters import Byline, RepeatedParagraphs

HEADLINE = "Firefox ends support for Windows 7 and 8.1"
P1 = ("Mozilla will stop shipping Firefox updates for Windows 7 and 8.1 in March, the foundation said on Wednesday, "
      "and it will keep patching security bugs in an extended-support release for at least one more year.")
P2 = ("The decision goes further than Google, which stopped Chrome updates for the old systems years ago but never "
      "offered a separate release with security fixes for the remaining users.")
QUOTE_PARA = ("\u201cNobody should have to run a browser on an operating system that Microsoft abandoned years "
              "ago,\u201d the foundation\u2019s release manager told reporters, adding that about two percent of "
              "Firefox users were still affected.")
PULL_QUOTE = '"Nobody should have to run a browser on an operating system that Microsoft abandoned years ago"'


def run(*lines: str, **options):
    return clean("\n".join(lines), input_type="text", filters=[RepeatedParagraphs(**options)])


def assert_block(result, index: int, text: str, *, kept: bool, reason: str | None = None,
                 ref: int | None = None) -> None:
    b = result.blocks[index]
    assert b.text == text, b
    if kept:
        assert (b.kept, b.dropped_by, b.reason, b.ref) == (True, None, None, None), b
    else:
        assert (b.kept, b.dropped_by, b.reason, b.ref) == (False, "repeats", reason, ref), b


# -- exact repeats -------------------------------------------------------------------------------

def test_exact_repeat_points_at_the_first_copy():
    r = run(HEADLINE, P1, P2, QUOTE_PARA, P2)
    assert_block(r, 2, P2, kept=True)
    assert_block(r, 4, P2, kept=False, reason="exact_repeat", ref=2)
    assert r.text == "\n".join([HEADLINE, P1, P2, QUOTE_PARA])


def test_exact_repeat_through_curly_and_straight_quotes():
    curly = ("\u201cIt\u2019s the project\u2019s biggest clean-up of old platforms so far,\u201d said Henrik Lund, an "
             "analyst at a Nordic software consultancy.")
    straight = ('"It\'s the project\'s biggest clean-up of old platforms so far," said Henrik Lund, an analyst at a '
                'Nordic software consultancy.')
    r = run(HEADLINE, P1, curly, P2, straight)
    assert_block(r, 2, curly, kept=True)
    assert_block(r, 4, straight, kept=False, reason="exact_repeat", ref=2)


def test_every_later_copy_points_at_the_first():
    r = run(HEADLINE, P1, P2, P1, P2, P1)
    assert [(b.index, b.reason, b.ref) for b in r.dropped] == [
        (3, "exact_repeat", 1), (4, "exact_repeat", 2), (5, "exact_repeat", 1)]


# -- deks and near-repeats -----------------------------------------------------------------------

_DE_TITLE = "Köln lässt Paketroboter auf die Gehwege"
_DE_PARA = ("Die Deutsche Post darf in Köln bis zum Ende des Jahres 2027 bis zu 50 Paketroboter auf Gehwegen fahren "
            "lassen. Die Stadt verlangt nach Angaben des Verkehrsdezernats allerdings, dass in der ersten Phase eine "
            "Begleitperson mitläuft.")
_DE_MORE = "Behindertenverbände befürchten, dass die Roboter Rollstuhlfahrern den Weg versperren."


@pytest.mark.parametrize("headline,dek,para,more", [
    (HEADLINE,
     "Mozilla will stop shipping Firefox updates for Windows 7 and 8.1 in March and keep patching security bugs "
     "for at least one more year.",
     P1, P2),
    (_DE_TITLE,
     "Die Post darf in Köln bis Ende 2027 bis zu 50 Paketroboter auf Gehwegen fahren lassen, die Stadt verlangt "
     "aber eine Begleitperson.",
     _DE_PARA,
     _DE_MORE),
    ("La SNCF mise sur la 5G privée",
     "La SNCF déploiera la 5G privée dans 40 ateliers de maintenance d'ici 2027, selon un accord signé avec Nokia.",
     "Selon un accord signé lundi avec Nokia, la SNCF déploiera un réseau 5G privé dans 40 de ses ateliers de "
     "maintenance d'ici à 2027, afin de connecter les outils de diagnostic et les tablettes des techniciens.",
     "Les syndicats demandent des garanties sur l'usage des données collectées."),
    ("Renfe y el wifi de Cercanías",
     "Renfe instalará wifi gratuito en 600 trenes de Cercanías antes de 2028 con una inversión de 90 millones de "
     "euros.",
     "Renfe instalará wifi gratuito en los 600 trenes de Cercanías que circulan en Madrid, Barcelona y Valencia "
     "antes de 2028, con una inversión de 90 millones de euros, según el contrato que la compañía adjudicó este "
     "martes.",
     "Los usuarios llevan años reclamando una conexión estable en los túneles."),
    # reworded: nearly all of its vocabulary is in the paragraph, little of its phrasing
    ("Lumen's switch firmware bricks older routers",
     "A firmware update pushed last week left thousands of older Lumen mesh routers unable to start, and the "
     "company has not said when a fix will arrive.",
     "Thousands of older Lumen mesh routers stopped working last week after the company pushed out new "
     "firmware to them overnight; owners say the devices no longer start, and Lumen has given no date for a fix "
     "beyond promising that engineers are on it.",
     "Owners began posting photos of the blinking amber light on the company's forum within hours."),
], ids=["en", "de", "fr", "es", "reworded"])
def test_dek_restating_the_first_paragraph_points_at_it(headline, dek, para, more):
    r = run(headline, dek, para, more)
    assert_block(r, 1, dek, kept=False, reason="near_repeat", ref=2)
    assert_block(r, 2, para, kept=True)
    assert_block(r, 3, more, kept=True)


def test_lede_that_sums_up_in_its_own_words_is_kept():
    lede = ("Köln wird zum Testfeld für die Zustellung der Zukunft, doch auf den engen Gehwegen der Altstadt ist "
            "schon heute kaum Platz für Fußgänger.")
    r = run(_DE_TITLE, lede, _DE_PARA, _DE_MORE)
    assert not r.dropped


def test_second_capture_with_other_punctuation_and_a_cut_clause():
    capture = ("Mozilla will stop shipping Firefox updates for Windows 7 and 8.1 in March - the foundation said on "
               "Wednesday - and it will keep patching security bugs for one more year.")
    r = run(HEADLINE, P1, P2, QUOTE_PARA, capture)
    assert_block(r, 1, P1, kept=True)
    assert_block(r, 4, capture, kept=False, reason="near_repeat", ref=1)


# -- deks known by their place (opt-in) -----------------------------------------------------------

_PLACED_TITLE = "Harbor Cloud will charge for its free backup tier"
_PLACED_DEK = "Small accounts will pay monthly for backups; users who won't pay have until late March to rescue archives."
_PLACED_BYLINE = "By Ada Whitcombe | March 3, 2025"
_PLACED_P1 = ("Harbor Cloud told customers on Monday that its free backup tier ends on March 31. Accounts under 50 "
              "gigabytes will cost two dollars a month from April, and free users who do not pay must download "
              "their archives before the end of the month or lose them.")
_PLACED_P2 = ("The company said storage costs had tripled since it launched the tier in 2019, and that fewer than "
              "one in twenty free users ever restored a file.")


def _placed(*lines: str, overlap: float | None = 0.5):
    return clean("\n".join(lines), input_type="text",
                 filters=[Byline(), RepeatedParagraphs(dek_placed_overlap=overlap)])


def test_reworded_dek_over_the_byline_stays_by_default():
    # readers count a standfirst as article text; only a corpus that wants each fact once drops it
    r = _placed(_PLACED_TITLE, _PLACED_DEK, _PLACED_BYLINE, _PLACED_P1, _PLACED_P2, overlap=None)
    assert r.blocks[1].kept


def test_reworded_dek_over_the_byline_goes_when_asked():
    r = _placed(_PLACED_TITLE, _PLACED_DEK, _PLACED_BYLINE, _PLACED_P1, _PLACED_P2)
    b = r.blocks[1]
    assert (b.kept, b.dropped_by, b.reason, b.ref) == (False, "repeats", "near_repeat", 3), b
    assert r.blocks[3].kept and r.blocks[4].kept


def test_lead_over_the_byline_that_tells_more_stays():
    lead = ("The Oslo start-up behind the Fjordline ferry app has been fined for selling riders' location "
            "histories to advertisers, a regulator ruled on Friday.")
    r = _placed(_PLACED_TITLE, lead, _PLACED_BYLINE, _PLACED_P1, _PLACED_P2)
    assert r.blocks[1].kept


def test_dek_without_a_byline_under_it_needs_the_phrasing_test():
    r = _placed(_PLACED_TITLE, _PLACED_DEK, _PLACED_P1, _PLACED_P2)
    assert r.blocks[1].kept


def test_dek_named_by_the_markup_goes_when_asked():
    html = (f"<html><body><article><h1>{_PLACED_TITLE}</h1><p class='article__standfirst'>{_PLACED_DEK}</p>"
            f"<p>{_PLACED_P1}</p><p>{_PLACED_P2}</p></article></body></html>")
    r = clean(html, filters=[RepeatedParagraphs(dek_placed_overlap=0.5)])
    dek = next(b for b in r.blocks if b.text == _PLACED_DEK)
    assert (dek.kept, dek.reason) == (False, "near_repeat"), dek
    assert clean(html, filters=[RepeatedParagraphs()]).text.count(_PLACED_DEK) == 1


# -- pull quotes ---------------------------------------------------------------------------------

def test_pull_quote_before_its_paragraph():
    r = run(HEADLINE, P1, PULL_QUOTE, QUOTE_PARA, P2)
    assert_block(r, 2, PULL_QUOTE, kept=False, reason="pull_quote", ref=3)
    assert_block(r, 3, QUOTE_PARA, kept=True)


def test_pull_quote_after_its_paragraph():
    r = run(HEADLINE, P1, QUOTE_PARA, P2, PULL_QUOTE)
    assert_block(r, 4, PULL_QUOTE, kept=False, reason="pull_quote", ref=2)


def test_pull_quote_far_from_its_paragraph():
    filler = [f"Paragraph {k} of the story lists the add-ons, settings, profiles and the release number {k}, "
              f"which the foundation tested for build {k}." for k in range(12)]
    r = run(HEADLINE, PULL_QUOTE, *filler, QUOTE_PARA)
    assert_block(r, 1, PULL_QUOTE, kept=False, reason="pull_quote", ref=14)


def test_nearly_verbatim_pull_quote_is_a_pull_quote():
    edited = "\u201cNobody should have to run a browser on an operating system that Microsoft dropped years ago.\u201d"
    r = run(HEADLINE, P1, edited, QUOTE_PARA, P2)
    assert_block(r, 2, edited, kept=False, reason="pull_quote", ref=3)


# -- traps ---------------------------------------------------------------------------------------

def test_short_quoted_phrase_the_article_analyses_is_kept():
    r = run(HEADLINE, P1,
            "The release notes put it bluntly: old systems get \u201cno special treatment\u201d, even if that upsets "
            "some users.",
            "\u201cNo special treatment\u201d",
            "\u201cNo special treatment\u201d is a phrase browser makers rarely use about their users, and observers "
            "said it marked a change of tone at Mozilla.",
            P2)
    assert not r.dropped


def test_one_line_refrain_is_kept():
    r = run(HEADLINE, P1, "Patch early, patch often.", P2, "Patch early, patch often.", QUOTE_PARA,
            "Patch early, patch often.")
    assert not r.dropped


def test_conclusion_restating_the_intro_in_other_words_is_kept():
    conclusion = ("In short, anyone who still runs Firefox on a ten-year-old version of Windows has about a year to "
                  "move to a newer system or accept that the browser will stop getting fixes.")
    r = run(HEADLINE, P1, P2, QUOTE_PARA, conclusion)
    assert not r.dropped


def test_similar_sentences_with_different_facts_are_kept():
    r = run(HEADLINE, P1,
            "On Geekbench 6, the M5 scored 4,100 in single-core and 15,800 in multi-core tests.",
            "On Geekbench 6, the M4 scored 3,800 in single-core and 14,900 in multi-core tests.",
            "The 256 GB model costs $1,199 in the US and €1,299 in Germany, and ships in black or silver.",
            "The 512 GB model costs $1,399 in the US and €1,499 in Germany, and ships in black or silver.")
    assert not r.dropped


def test_the_headline_is_never_dropped_as_a_repeat():
    r = run(P1, P1, P2)
    assert r.blocks[0].kept
    assert [(b.index, b.reason, b.ref) for b in r.dropped] == [(1, "exact_repeat", 0)]


def test_min_words_option():
    refrain = "Old systems get no updates, Mozilla says."  # seven words
    assert not run(HEADLINE, P1, refrain, P2, refrain).dropped
    r = run(HEADLINE, P1, refrain, P2, refrain, min_words=5)
    assert_block(r, 4, refrain, kept=False, reason="exact_repeat", ref=2)


# -- growth --------------------------------------------------------------------------------------

def test_five_thousand_blocks_with_many_near_duplicates_finish_and_drop_the_copies():
    """1,000 paragraphs, each followed by four copies with one word changed, and a clause that
    every paragraph shares (which must not turn the index into an all-pairs comparison)."""
    rng = random.Random(20260303)
    vocab = [f"term{i}" for i in range(4000)]
    texts: list[str] = []
    groups, copies = 1000, 5
    for g in range(groups):
        base = [rng.choice(vocab) for _ in range(28)]
        for c in range(copies):
            toks = list(base)
            if c:
                toks[rng.randrange(len(toks))] = f"edit{g}x{c}"
            texts.append(" ".join(toks) + ", the company said on Tuesday.")
    blocks = [Block(i, t, Kind.PARAGRAPH, Span(None, None)) for i, t in enumerate(texts)]
    doc = Document.build(blocks, input_type="text", metadata=Metadata())
    drops = list(RepeatedParagraphs().decide(doc))
    assert len(drops) == groups * (copies - 1)
    assert {d.reason for d in drops} == {"near_repeat"}
    assert all(d.ref is not None and d.ref // copies == d.index // copies for d in drops)
    assert {d.index for d in drops}.isdisjoint(range(0, groups * copies, copies))  # each first copy stays


def test_items_of_a_price_list_that_share_a_template_are_not_repeats():
    """Two plans worded alike differ in their numbers: other facts, not a restatement."""
    from cleanerlib import clean
    from cleanerlib.filters import Byline, RepeatedParagraphs
    items = ["Plan Basic: 7,99 euros al mes, más 2,99 euros por cada miembro extra (máximo uno)",
             "Plan Premium: 15,99 euros al mes, más 2,99 euros por cada miembro extra (máximo dos)"]
    r = clean("\n".join(["Los nuevos precios de la plataforma", *items]), input_type="text",
              filters=[RepeatedParagraphs()])
    assert all(b.kept for b in r.blocks)


def test_an_item_of_a_price_list_whose_words_a_correction_takes_up_stays():
    items = ["- Frais de service : 8 % du prix du billet", "- Frais de gestion : 1,90 € par commande",
             "- Garantie annulation : 6,90 € par billet"]
    correction = ("Correctif : une version précédente de cet article indiquait que les frais de service "
                  "s'élevaient à 12 %. Il s'agit de 8 % du prix du billet, auxquels s'ajoutent les autres frais.")
    r = clean("\n".join(["La billetterie ajoute des frais", "Les frais sont les suivants :", *items, correction]),
              input_type="text", filters=[RepeatedParagraphs()])
    assert all(b.kept for b in r.blocks)


# -- summary boxes ---------------------------------------------------------------------------------

BULLETS = ["- No more Firefox updates for the two Windows versions after March.",
           "- Security fixes go on in a separate extended-support release.",
           "- Chrome dropped the old systems long ago, with no such release."]


@pytest.mark.parametrize("header", ["Key points", "TL;DR", "Das Wichtigste in Kürze", "TechSite's key takeaways",
                                    "TL;DR – the short version"])
def test_a_summary_box_the_article_says_again(header):
    r = run(HEADLINE, header, *BULLETS, P1, P2)
    assert [b.reason for b in r.blocks[1:5]] == ["summary_box"] * 4
    assert r.blocks[1].ref == 2 and r.blocks[2].ref == 5


def test_a_summary_box_with_a_fact_of_its_own_stays_whole():
    r = run(HEADLINE, "Key points", *BULLETS[:2], "- Thunderbird follows in June with its own extended release.",
            P1, P2)
    assert all(b.kept for b in r.blocks)


def test_a_section_that_sums_up_further_down_stays():
    r = run(HEADLINE, P1, QUOTE_PARA, "Key points", *BULLETS, P2)
    assert all(b.kept for b in r.blocks)


def test_a_box_item_that_opens_a_list_stays():
    r = run(HEADLINE, "Ce qu'il faut retenir", "No more Firefox updates for the two Windows versions after:",
            "- March", P1, P2)
    assert all(b.kept for b in r.blocks)


def test_a_summary_box_of_bullets_copied_as_paragraphs_ends_where_the_article_resumes():
    # the article's short line after its longer paragraphs has too few words to be said again
    short = "Thunderbird stays."
    r = run(HEADLINE, "The short version", *(b[2:] for b in BULLETS), P1, P2, short)
    assert [b.reason for b in r.blocks[1:5]] == ["summary_box"] * 4
    assert all(b.kept for b in r.blocks[5:])


def test_a_labelled_summary_line_the_article_says_again():
    line = "Summary: Mozilla ends Firefox updates for old Windows versions in March but keeps a security release."
    r = run(HEADLINE, line, P1, P2)
    assert_block(r, 1, line, kept=False, reason="summary_box", ref=2)


def test_a_markdown_heading_that_quotes_the_article_is_a_section_title():
    heading = "## “Nobody should have to run a browser on an abandoned system”"
    r = run(HEADLINE, P1, heading, QUOTE_PARA, P2)
    assert all(b.kept for b in r.blocks)


_VENDOR = ('The vendor said on Monday that "no data integrity issue has been found," and that the firmware would '
           "ship again next week after more testing.")


def _short(*lines: str):
    return clean("\n".join(lines), input_type="text", filters=[RepeatedParagraphs()])


@pytest.mark.parametrize("quote", ['"No data integrity issue has been found."', "> „No data integrity issue has been found.“"])
def test_a_short_pull_quote_after_the_paragraph_it_lifts_from(quote):
    r = _short("Drive maker pulls firmware update", _VENDOR, quote, "Owners can roll back in the app.")
    b = [b for b in r.blocks if b.text == quote][0]
    assert (b.kept, b.reason, b.ref) == (False, "pull_quote", 1)


@pytest.mark.parametrize("lines", [
    ["Drive maker pulls firmware update", _VENDOR, '"No data integrity issue was ever found."'],  # a word of its own
    ["Drive maker pulls firmware update", _VENDOR, "No data integrity issue has been found."],  # no quotation whole
    # a quote without a full stop after its paragraph may be a subheading
    ["Konzern verschiebt das Werk", "Der Konzern räumte ein: „Wir haben die Kosten unterschätzt“, sagte die "
     "Finanzchefin am Montag in Frankfurt vor Analysten und Journalisten.", "„Wir haben die Kosten unterschätzt“"],
])
def test_short_lines_that_are_no_pull_quote_stay(lines):
    assert all(b.kept for b in _short(*lines, "Owners can roll back in the app.").blocks)


def test_a_quote_over_the_paragraph_it_comes_from_is_a_subheading():
    para = ('"I was locked up for doing my job," he said to applause. Then he added: "I will not be silenced." '
            "The hall stood for a minute.")
    assert all(b.kept for b in _short("Journalist speaks at the book fair", '"I will not be silenced"', para).blocks)
