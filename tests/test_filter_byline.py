"""Byline: author lines, date lines, reading times and photo credits leave the body; the author
and the date move into the result's metadata (moved, not lost). Sentences that start like a
byline ("By 2030 ...", "By contrast, ...") stay."""

from __future__ import annotations

import pytest

from cleanerlib import Block, Document, Drop, Filter, Kind, Metadata, Span, clean
from cleanerlib.filters import Byline

HEADLINE = "Nokia and Ericsson agree to share 6G test sites"
BODY = ("The two network equipment makers agreed to share radio test sites in Finland and Sweden, people "
        "familiar with the plans said, in an arrangement that would have been unthinkable five years ago.")


def run(*lines: str, **options):
    return clean("\n".join([HEADLINE, *lines, BODY]), input_type="text", filters=[Byline(**options)])


def line_block(result):
    """The block of the line under test (the one between the headline and the body)."""
    assert result.blocks[0].text == HEADLINE and result.blocks[-1].text == BODY
    return result.blocks[1]


def assert_line_dropped(result, reason: str) -> None:
    b = line_block(result)
    assert (b.kept, b.dropped_by, b.reason, b.ref) == (False, "byline", reason, None), b
    assert result.text == f"{HEADLINE}\n{BODY}"


# -- author lines --------------------------------------------------------------------------------

@pytest.mark.parametrize("line,author", [
    ("By Nadia Okafor", "Nadia Okafor"),
    ("BY NADIA OKAFOR", "NADIA OKAFOR"),
    ("By Nadia Okafor, Senior Reporter", "Nadia Okafor, Senior Reporter"),
    ("Written by Henrik Lund and Tariq Bensaid", "Henrik Lund and Tariq Bensaid"),
    ("Von Katrin Vogelsang", "Katrin Vogelsang"),
    ("Von Katrin Vogelsang und Felix Rautenberg", "Katrin Vogelsang und Felix Rautenberg"),
    ("Ein Bericht von Katrin Vogelsang", "Katrin Vogelsang"),
    ("By [4]Nadia Okafor", "Nadia Okafor"),  # a text browser's link number
    ("Eine Analyse von Felix Rautenberg", "Felix Rautenberg"),
    ("Par Mathilde Garnier", "Mathilde Garnier"),
    ("Par Mathilde Garnier et Yann Le Gall", "Mathilde Garnier et Yann Le Gall"),
    ("Por Inés Calvo", "Inés Calvo"),
    ("Por Inés Calvo y Rodrigo Peña", "Inés Calvo y Rodrigo Peña"),
    ("Authors: ['Nadia Okafor']", "Nadia Okafor"),  # an extractor's metadata dump
    ("Authors: ['Henrik Lund', 'Tariq Bensaid']", "Henrik Lund, Tariq Bensaid"),
])
def test_author_lines_move_to_metadata(line, author):
    r = run(line)
    assert_line_dropped(r, "byline")
    assert r.metadata.byline == author


def test_only_the_first_byline_fills_metadata():
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "By Tariq Bensaid"]), input_type="text", filters=[Byline()])
    assert [b.reason for b in r.dropped] == ["byline", "byline"]
    assert r.metadata.byline == "Nadia Okafor"


def test_a_declared_author_is_not_overwritten():
    doc = Document.build([Block(0, HEADLINE, Kind.HEADING, Span(None, None)),
                          Block(1, "By Nadia Okafor", Kind.PARAGRAPH, Span(None, None)),
                          Block(2, BODY, Kind.PARAGRAPH, Span(None, None))],
                         input_type="html", metadata=Metadata(byline="N. Okafor"), title_index=0)
    drops = list(Byline().decide(doc))
    assert [(d.index, d.reason, d.metadata) for d in drops] == [(1, "byline", (("byline", "Nadia Okafor"),))]
    assert Metadata(byline="N. Okafor").merged(**dict(drops[0].metadata)).byline == "N. Okafor"


# -- date lines and relative times ---------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "November 17, 2026",
    "Updated Tuesday, November 17, 2026 at 9:14 am ET",
    "Nov 17, 2026, 9:14 AM PST",
    "2026-11-17T09:14:00Z",
    "17. November 2026",
    "Aktualisiert am 17.11.2026, 14:05 Uhr",
    "Publié le 17 novembre 2026 à 14h05",
    "mardi 17 novembre 2026",
    "17 de noviembre de 2026",
    "Actualizado el 17 de noviembre de 2026",
    "2 hours ago",
    "Last updated: 3 hours ago",
    "vor 3 Stunden",
    "il y a 2 heures",
    "hace 5 minutos",
    "Thu 29 May 2025 // 10:17 UTC",
])
def test_date_lines_move_to_metadata(line):
    r = run(line)
    assert_line_dropped(r, "dateline")
    assert r.metadata.date == line


# -- reading times and photo credits -------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "4 min read",
    "7 minute read",
    "Reading time: 6 minutes",
    "Lesezeit: 6 Minuten",
    "Temps de lecture : 5 min",
    "Temps de lecture estimé : 7 minutes",
    "≈ 5 Min. zu lesen",
    "Tiempo de lectura: 3 minutos",
    "12 comments",
    "Reading time · 4 minutes",
    "Lesezeit: 3 Min. · Artikel vorlesen",
    "Temps de lecture : environ 4 min 30",
])
def test_reading_times_and_counts(line):
    r = run(line)
    assert_line_dropped(r, "read_time")
    assert r.metadata.byline is None and r.metadata.date is None


@pytest.mark.parametrize("line", [
    "Photo: Nokia",
    "Image: Getty Images / Reuters",
    "Photograph: Henrik Lund for Wirebench",
    "Image credit: Samsung",
    "Foto: dpa",
    "Bildquelle: Zeiss",
    "Crédit photo : AFP",
    "Foto: EFE",
    "Screenshot by Henrik Lund/Wirebench",
    "Capture d'écran : Mathilde Garnier",
])
def test_photo_credits(line):
    r = run(line)
    assert_line_dropped(r, "photo_credit")


def test_illustration_credit():
    assert_line_dropped(run("Illustration by Henrik Lund"), "photo_credit")


# -- author and date on one line -----------------------------------------------------------------

def test_author_and_date_line_is_dropped():
    r = run("By Nadia Okafor and Tariq Bensaid | November 17, 2026")
    assert_line_dropped(r, "byline")
    assert r.metadata.byline is not None and r.metadata.byline.startswith("Nadia Okafor and Tariq Bensaid")


@pytest.mark.parametrize("line,author,date", [
    ("By Nadia Okafor and Tariq Bensaid | November 17, 2026", "Nadia Okafor and Tariq Bensaid", "November 17, 2026"),
    ("Von Katrin Vogelsang und Felix Rautenberg | 17. November 2026, 14:05 Uhr", "Katrin Vogelsang und Felix Rautenberg",
     "17. November 2026, 14:05 Uhr"),
    ("Par Mathilde Garnier, le 17 novembre 2026 à 14h05", "Mathilde Garnier", "17 novembre 2026 à 14h05"),
    ("Por Inés Calvo - 17 de noviembre de 2026", "Inés Calvo", "17 de noviembre de 2026"),
], ids=["en", "de", "fr", "es"])
def test_author_and_date_line_fills_both_fields(line, author, date):
    r = run(line)
    assert_line_dropped(r, "byline")
    assert (r.metadata.byline, r.metadata.date) == (author, date)


def test_date_and_reading_time_line_fills_the_date_only():
    r = run("November 17, 2026 · 4 min read")
    assert_line_dropped(r, "dateline")
    assert r.metadata.date == "November 17, 2026"


def test_posted_on_date_by_author():
    r = run("Posted on November 17, 2026 by Nadia Okafor")
    assert not line_block(r).kept
    assert r.metadata.byline == "Nadia Okafor"
    # like a date line on its own, the date may keep its "Posted on"
    assert r.metadata.date in ("November 17, 2026", "Posted on November 17, 2026")


def test_name_date_read_time_meta_line():
    r = run("Nadia Okafor · November 17, 2026 · 4 min read")
    assert not line_block(r).kept
    assert (r.metadata.byline, r.metadata.date) == ("Nadia Okafor", "November 17, 2026")


# -- bylines in HTML markup ----------------------------------------------------------------------

def _page(fragment: str) -> str:
    return (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{fragment}"
            f"<p>{BODY}</p></article></body></html>")


@pytest.mark.parametrize("fragment", [
    '<p class="byline">Nadia Okafor</p>',
    '<div class="byline"><a class="author-link" href="/authors/nadia-okafor">Nadia Okafor</a></div>',
])
def test_name_alone_in_byline_markup(fragment):
    r = clean(_page(fragment), input_type="html", filters=[Byline()])
    b = next(b for b in r.blocks if b.text == "Nadia Okafor")
    assert (b.kept, b.dropped_by, b.reason) == (False, "byline", "byline")
    assert r.metadata.byline == "Nadia Okafor"


def test_name_alone_without_byline_markup_is_kept():
    r = clean(_page("<p>Nadia Okafor</p>"), input_type="html", filters=[Byline()])
    assert next(b for b in r.blocks if b.text == "Nadia Okafor").kept


def test_name_in_wordpress_byline_spans():
    fragment = ('<div class="entry-meta"><span class="byline"><span class="author vcard">'
                '<a class="url fn n" href="/author/nadia">Nadia Okafor</a></span></span></div>')
    r = clean(_page(fragment), input_type="html", filters=[Byline()])
    b = next(b for b in r.blocks if b.text == "Nadia Okafor")
    assert (b.kept, b.reason) == (False, "byline")


# -- traps ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "By 2030 the market will double.",
    "By contrast, Huawei kept its prices flat.",
    "By the numbers",
    "By Monday, both companies had confirmed the talks.",
    "Von Anfang an war klar, dass das Netz teurer wird.",
    "Von Berlin bis München stehen neue Funkmasten.",
    "Par ailleurs, Bouygues Telecom conteste la décision.",
    "Par rapport à 2025, les ventes ont reculé de 4 %.",
    "Por otro lado, el regulador no se pronunció.",
    "Por ahora, la operadora no ha dado fechas.",
    "Yesterday Nokia shipped new firmware to every test site.",
    "In March 2026 the test site sent its first 6G signal.",
    "The photo: an antenna that never left the lab.",
])
def test_sentences_that_start_like_a_byline_are_kept(line):
    r = run(line)
    b = line_block(r)
    assert b.kept, b
    assert r.metadata.byline is None and r.metadata.date is None


def test_title_case_section_heading_by_the_numbers_is_kept():
    r = run("By The Numbers")
    assert line_block(r).kept
    assert r.metadata.byline is None


def test_long_lines_are_never_bylines():
    line = "By Nadia Okafor " + "and colleagues " * 10
    r = run(line.strip())
    assert line_block(r).kept


# -- author names without "By" ------------------------------------------------------------------

@pytest.mark.parametrize("name,author", [
    ("Oliver Brandt", "Oliver Brandt"),
    ("Oliver Brandt, Hardware Editor", "Oliver Brandt"),
    ("Marta Quiroga", "Marta Quiroga"),
])
def test_bare_author_name_beside_the_date_line(name, author):
    r = clean("\n".join([HEADLINE, name, "Published 21 January 2026", BODY]), input_type="text",
              filters=[Byline()])
    b = r.blocks[1]
    assert (b.kept, b.dropped_by, b.reason) == (False, "byline", "byline"), b
    assert r.metadata.byline == author
    assert r.text == f"{HEADLINE}\n{BODY}"


def test_bare_name_without_date_line_or_inside_the_article_stays():
    alone = clean("\n".join([HEADLINE, "Oliver Brandt", BODY]), input_type="text", filters=[Byline()])
    assert all(b.kept for b in alone.blocks)
    # (the paragraph right under the headline may be a dek, so "inside" starts after the second)
    later = clean("\n".join([HEADLINE, BODY, BODY, "Tim Cook", "Published 21 January 2026", BODY]),
                  input_type="text", filters=[Byline()])
    assert [b.text for b in later.blocks if not b.kept] == ["Published 21 January 2026"]


def test_bare_author_name_under_the_dek():
    dek = ("Both companies say sharing the sites will cut the cost of early 6G trials, and that the first joint "
           "measurements are due before the end of the year.")
    r = clean("\n".join([HEADLINE, dek, "Oliver Brandt", "Published 21 January 2026", BODY]), input_type="text",
              filters=[Byline()])
    assert [b.text for b in r.blocks if not b.kept] == ["Oliver Brandt", "Published 21 January 2026"]
    assert r.metadata.byline == "Oliver Brandt"


# -- the author's bio after the article -----------------------------------------------------------

BIO = "Nadia Okafor covers telecoms and spectrum policy. She previously reported from Lagos for a business daily."


def test_bio_that_opens_with_the_bylines_name_after_the_article():
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, BIO]), input_type="text", filters=[Byline()])
    b = r.blocks[-1]
    assert (b.kept, b.dropped_by, b.reason) == (False, "byline", "author_bio"), b
    assert r.text == f"{HEADLINE}\n{BODY}"


class _DropLine(Filter):
    """Stands for an earlier filter (main_content) that removed the byline's block."""

    name = "test_drop_line"

    def __init__(self, *, text: str = "") -> None:
        self.text = text

    def decide(self, doc):
        return [Drop(b.index, "outside_main_content", "test") for b in doc.blocks if b.text == self.text]


def test_bio_is_found_from_a_byline_an_earlier_filter_removed():
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f"<p>By Nadia Okafor</p><p>{BODY}</p><p>{BIO}</p></article></body></html>")
    r = clean(html, input_type="html", filters=[_DropLine(text="By Nadia Okafor"), Byline()])
    assert [b.reason for b in r.blocks if b.text == BIO] == ["author_bio"]


def test_paragraph_about_the_author_inside_the_article_or_without_a_byline_stays():
    # (right under the byline it is her bio: see test_a_bio_right_under_the_byline_over_the_article)
    mid = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, BIO, BODY.upper()]), input_type="text", filters=[Byline()])
    assert [b.text for b in mid.blocks if b.kept] == [HEADLINE, BODY, BIO, BODY.upper()]
    unknown = clean("\n".join([HEADLINE, BODY, BIO]), input_type="text", filters=[Byline()])
    assert all(b.kept for b in unknown.blocks)
    other = clean("\n".join([HEADLINE, "By Tariq Bensaid", BODY, BIO]), input_type="text", filters=[Byline()])
    assert other.blocks[-1].kept


def test_photo_credit_in_brackets():
    assert_line_dropped(run("(Photo: Marcus Lee for Reuters)"), "photo_credit")


def test_author_box_with_the_bylines_name_on_a_line_of_its_own_after_the_article():
    bio = ("Covers telecoms and spectrum policy from Helsinki. Before that she reported on energy markets for a "
           "business daily in Lagos for six years.")
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor", bio]), input_type="text",
              filters=[Byline()])
    assert [(b.text, b.reason) for b in r.blocks if not b.kept] == [
        ("By Nadia Okafor", "byline"), ("Nadia Okafor", "author_bio"), (bio, "author_bio")]
    assert r.blocks[-1].ref == 3


def test_a_name_line_before_more_of_the_article_is_kept():
    """A speaker's name in an interview is followed by more of the article."""
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor", "Why now?", BODY]),
              input_type="text", filters=[Byline()])
    assert [b.text for b in r.blocks if not b.kept] == ["By Nadia Okafor"]


def test_wire_time_zone_with_an_offset():
    r = run("March 18, 2025 2:41 PM GMT+1")
    assert [b.reason for b in r.blocks if not b.kept] == ["dateline"]


def test_interviewers_name_as_a_speaker_label_is_kept():
    """In an interview the author's name labels each question: it comes back, a box names its
    author once."""
    question = "What would you tell someone who is about to start a network of their own, as a reporter?"
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor", "Why now?", "Tomi Aho", "Because.",
                         "Nadia Okafor", question, "Tomi Aho", "Start small."]),
              input_type="text", filters=[Byline()])
    assert [b.text for b in r.blocks if not b.kept] == ["By Nadia Okafor"]


@pytest.mark.parametrize("line", ["(hsa)", "(dpa/jk)"])
def test_authors_initials_closing_the_article(line):
    r = clean("\n".join([HEADLINE, BODY, line]), input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks if not b.kept] == ["byline"]


def test_credit_with_an_image_address():
    r = run("Top image: https://example.com/images/6g-test-site-1200x675.jpg")
    assert [b.reason for b in r.blocks if not b.kept] == ["photo_credit"]


def test_an_editors_line_is_dropped_but_names_no_author():
    r = clean("\n".join([HEADLINE, "Edited by Priya Raman", "By Nadia Okafor", BODY]), input_type="text",
              filters=[Byline()])
    assert [b.reason for b in r.blocks if not b.kept] == ["byline", "byline"]
    assert r.metadata.byline == "Nadia Okafor"


def test_a_speakers_answer_in_the_first_person_is_no_bio():
    answer = "I joined the call late, so I only heard the second half, but the engineers were clearly worried."
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor", answer]), input_type="text",
              filters=[Byline()])
    assert [b.text for b in r.blocks if not b.kept] == ["By Nadia Okafor"]


def test_time_zone_offset_does_not_swallow_the_next_part():
    r = run("Jane Doe · March 18, 2025 2:41 PM EST - 12 comments")
    assert (r.metadata.byline, r.metadata.date) == ("Jane Doe", "March 18, 2025 2:41 PM EST")


def test_parenthesised_word_inside_the_article_is_no_initials():
    r = clean("\n".join([HEADLINE, BODY, "(nil)", BODY]), input_type="text", filters=[Byline()])
    assert all(b.kept for b in r.blocks)


# -- a role line under the name, captions that end in their credit --------------------------------

def test_name_over_a_role_line_beside_the_date():
    for name, role, date in (("Nadia Okafor", "Senior Reporter, Telecoms", "April 15, 2026"),
                             ("Lucía Ferrández", "Redactora de tecnología", "15/04/2026 9:45")):
        r = clean("\n".join([HEADLINE, name, role, date, BODY]), input_type="text", filters=[Byline()])
        assert [b.reason for b in r.blocks[1:4]] == ["byline", "byline", "dateline"]
        assert r.metadata.byline == name


def test_a_role_line_needs_a_name_above_it_and_metadata_beside_it():
    # the role word in a subheading with the article's paragraph around it
    r = clean("\n".join([HEADLINE, BODY, "Reporter for a day", BODY]), input_type="text", filters=[Byline()])
    assert all(b.kept for b in r.blocks)


@pytest.mark.parametrize("bio", [
    "Nadia is a staff writer covering telecoms and spectrum policy from Helsinki.",
    "Nadia has been writing about mobile networks since 2019. When she isn't at a trade fair, she runs.",
])
def test_a_bio_that_calls_the_author_by_the_first_name(bio):
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, bio]), input_type="text", filters=[Byline()])
    assert [(b.text, b.reason) for b in r.blocks if not b.kept] == [("By Nadia Okafor", "byline"), (bio, "author_bio")]


@pytest.mark.parametrize("line", [
    "Nadia said the two companies would share the costs of the sites equally.",  # no bio's words
    "Maria is a staff writer at the operator and runs its test site in Oulu.",  # not the author's name
])
def test_a_closing_paragraph_that_opens_with_a_first_name_stays(line):
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, line]), input_type="text", filters=[Byline()])
    assert [b.kept for b in r.blocks if b.text == line] == [True]


COMMENT = ("I switched to the Ericsson kit last year and the coverage in our valley has been much better "
           "than before, though the installer took three weeks to show up and twice forgot the cables.")


@pytest.mark.parametrize("bio", [
    "Nadia has written about mobile networks since 2019, first for a trade weekly in Lagos.",
    "Nadia Okafor covers telecoms and spectrum policy from Helsinki.",
])
def test_a_bio_right_under_the_byline_over_the_article(bio):
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", "Published May 14, 2025", bio, BODY]), input_type="text",
              filters=[Byline()])
    assert [(b.text, b.reason) for b in r.blocks if not b.kept] == [
        ("By Nadia Okafor", "byline"), ("Published May 14, 2025", "dateline"), (bio, "author_bio")]
    assert r.blocks[3].ref == 1


def test_a_bio_under_the_byline_of_an_author_box_with_comments_after_it():
    bio = "Nadia recherchiert zu Mobilfunknetzen und schreibt seit 2019 für uns."
    r = clean("\n".join([HEADLINE, BODY, "Von Nadia Okafor", bio, COMMENT]), input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks if b.text == bio] == ["author_bio"]


@pytest.mark.parametrize("line", [
    "Nadia Okafor, who covers the industry for us, saw the first test site in Oulu on Monday.",  # no verb after the name
    "Nadia said the two companies would share the costs of the sites equally.",  # no bio's words
    "Maria has written about the operator's test site in Oulu for a trade weekly.",  # not the author's name
])
def test_a_paragraph_under_the_byline_that_opens_with_a_name_stays(line):
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", line, BODY]), input_type="text", filters=[Byline()])
    assert [b.kept for b in r.blocks if b.text == line] == [True]


def test_a_first_name_bio_of_a_namesake_in_the_article_stays():
    # the article quotes another Nadia: "Nadia is …" may be about her
    quoted = ("Nadia Hassan, who has worked at the plant since 2019, said the delay left her colleagues unsure "
              "whether to move at all.")
    line = "Nadia is a process engineer who has written about the plant's water use for the union newsletter."
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, quoted, line]), input_type="text", filters=[Byline()])
    assert [b.kept for b in r.blocks if b.text == line] == [True]


_SITE_URL = "https://www.mobilnerds.de/news/nokia-ericsson-6g/"


@pytest.mark.parametrize("name,bio", [
    ("Marlene Hövelmann", "Marlene schreibt bei Mobilnerds über Smartphones, Wearables und alles, was sich falten lässt."),
    ("Marlene Hövelmann", "Marlene Hövelmann is a senior reporter at Mobilnerds, covering phones and networks."),
    ("Sönke Lührs", "Schreibt seit 2017 für Mobilnerds über Smart Home und Netzwerktechnik."),
    ("Tjark", "Tjark schreibt seit 2016 für Mobilnerds über Apps und Smart Home."),
])
def test_an_author_box_that_names_the_site_needs_no_byline(name, bio):
    # comments follow it, so it is not the end of the page
    r = clean("\n".join([HEADLINE, BODY, BODY.upper(), name, bio, COMMENT]), input_type="text",
              filters=[Byline()], url=_SITE_URL)
    assert [b.reason for b in r.blocks if b.text in (name, bio)] == ["author_bio", "author_bio"]
    assert [b.kept for b in r.blocks if b.text == COMMENT] == [True]


@pytest.mark.parametrize("name,bio", [
    # a person the article is about: no word of the site
    ("Marlene Hövelmann", "Marlene Hövelmann is a senior engineer at Ericsson, covering radio tests in Oulu."),
    # the site named, but the paragraph neither opens with the name nor reads as a bio
    ("Marlene Hövelmann", "Ericsson told Mobilnerds that the sites would open to other vendors next year."),
])
def test_a_name_over_a_paragraph_about_someone_else_stays(name, bio):
    r = clean("\n".join([HEADLINE, BODY, name, bio, BODY.upper()]), input_type="text", filters=[Byline()], url=_SITE_URL)
    assert all(b.kept for b in r.blocks if b.text in (name, bio))


@pytest.mark.parametrize("byline,line", [
    # a name's particle is no verb: the article's own people, not the author's bio
    ("Par Laure Dumont", "Laure de La Raudière, présidente de l'Arcep, suit les opérations de fermeture commune par commune."),
    ("Von Ursula Weidenfeld", "Ursula von der Leyen schreibt seit Monaten an die Mitgliedstaaten, um eine Regel durchzusetzen."),
])
def test_a_namesake_with_a_particle_under_the_byline_stays(byline, line):
    r = clean("\n".join([HEADLINE, byline, line, BODY]), input_type="text", filters=[Byline()])
    assert [b.kept for b in r.blocks if b.text == line] == [True]


@pytest.mark.parametrize("label", ["**Update** 22.05.2025 16:40 Uhr", "Update, May 22, 2025, 4:40 PM:"])
def test_an_update_heading_inside_the_article_stays(label):
    update = "The company has since published the list of affected boards on its support page."
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, label, update]), input_type="text", filters=[Byline()])
    assert [b.kept for b in r.blocks if b.text in (label, update)] == [True, True]



def test_an_update_date_over_the_article_is_its_date_line():
    label = "**Update** 22.05.2025 16:40 Uhr"
    r = clean("\n".join([HEADLINE, label, BODY]), input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks if b.text == label] == ["dateline"]


def test_author_box_with_a_role_or_handle_between_name_and_bio():
    bio = ("Nadia covers telecoms and spectrum policy from Helsinki. Before that she reported on energy markets "
           "for a business daily in Lagos for six years.")
    for middle in ("Senior Reporter, Telecoms", "@nokafor", "@n.okafor"):
        r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor", middle, bio, "Latest Stories"]),
                  input_type="text", filters=[Byline()])
        assert [(b.text, b.reason) for b in r.blocks if not b.kept] == [
            ("By Nadia Okafor", "byline"), ("Nadia Okafor", "author_bio"), (middle, "author_bio"), (bio, "author_bio")]


@pytest.mark.parametrize("caption", [
    "A repair crew on the cable ship Teleport in the Gulf of Finland. (Photo: Ericsson)",
    "Ein Techniker prüft eine Antenne auf dem Testgelände in Oulu (Foto: Nokia)",
    "The test site near Kista, north of Stockholm. Credit: Ericsson",
    "Un técnico revisa una antena en Oulu. Foto: Nokia",
    "Les deux sites de test en Finlande | Crédit photo : Nokia",
    # a credit by or via someone, or a "Source:" line glued on
    "The new router's setup screen in the companion app. Image via Nordlink",
    "Der neue Router im Testlabor. Foto von Jana Kurz",
    "The router's admin page after the update as shown in the browser Source: Netwatch",
])
def test_caption_that_ends_in_its_credit(caption):
    assert_line_dropped(run(caption), "photo_caption")


@pytest.mark.parametrize("line", [
    # a paragraph citing its source, and a caption-like sentence with no photo word
    "Spending on radio test sites rose by a third last year, the analysts found. (Source: IDC)",
    "The test site near Kista, north of Stockholm. (Ericsson)",
    "Both firms declined to comment on the photo: it was taken before the deal.",
    "Shipments fell by a third in the first quarter. Source: IDC",
    "The store opened on Friday. Images via the API cost extra.",
    "The router opened on Friday. Photos by the hundreds were posted within the hour.",
    # a chart's or fact box's line with its source
    "Unemployment rose to 4.2 percent in March Source: BLS",
    "Die Durchschnittsmiete stieg auf 13 Euro pro Quadratmeter Quelle: Immowelt",
])
def test_sentences_with_a_source_or_a_photo_word_stay(line):
    assert all(b.kept for b in run(line).blocks)


def test_a_linked_author_name_beside_the_date():
    r = clean("\n".join([HEADLINE, "[Friederike Lanz](https://example.de/autoren/lanz/)", "30. Mai 2026, 9:12 Uhr",
                         BODY]), input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks[1:3]] == ["byline", "dateline"]
    assert r.metadata.byline == "Friederike Lanz"


def test_name_and_site_credits_need_the_site_or_a_picture_agency():
    url = "https://www.telewire.com/news/6g-test-sites"
    caption = "The shared test site near Oulu, seen from the road. Theo Brannigan / Telewire"
    assert_line_dropped(clean("\n".join([HEADLINE, caption, BODY]), input_type="text", filters=[Byline()], url=url),
                        "photo_caption")
    assert_line_dropped(run("Marek Duda/Shutterstock"), "photo_credit")
    # two products after a sentence, or on their own line, are no credit
    assert all(b.kept for b in run("The album is out now on every service. Apple Music / Spotify").blocks)
    assert all(b.kept for b in run("Apple Music/Spotify").blocks)
    # on a line of its own only an agency makes a credit, or the site when no product shares its name
    spotify = clean("\n".join([HEADLINE, "Apple Music / Spotify", BODY]), input_type="text", filters=[Byline()],
                    url="https://newsroom.spotify.com/x")
    assert all(b.kept for b in spotify.blocks)


def test_meta_line_with_a_handle_and_a_comment_count():
    r = run("Nadia Okafor @nokafor \u00b7 Nov 17, 2026 08:40 EST \u00b7 with 14 comments")
    assert not line_block(r).kept
    assert (r.metadata.byline, r.metadata.date) == ("Nadia Okafor", "Nov 17, 2026 08:40 EST")


def test_date_and_time_with_a_comment_count_glued_on():
    assert line_block(run("November 17, 2026 10:27 AM 3")).reason == "dateline"
    assert line_block(run("September 2013/2014")).kept  # a span of years, no time and count


@pytest.mark.parametrize("caption", [
    "The company's logo at its offices in Austin, Texas, Jan. 9, 2026. (AP Photo/Jordan Lee, File)",
    "The new lock screen, with a sponsored card in the corner. \u00a9 Screenshot: Gizmodrome",
    "Die App zeigt nicht allen dieselben Angebote. \u2013 Alle Rechte vorbehalten Bildagentur Nordlicht",
    # credit labels and what a credit says of the picture
    "The base station on a rooftop in Oulu. (Image credit: Nokia)",
    "Die Basisstation auf einem Dach in Oulu. (Bildquelle: Nokia / netzfunk.de)",
    "For a few hours, both test sites were offline. Credit: Telewire composite",
    "La place Bellecour envahie par la foule samedi soir \u2013 Tous droits réservés Jean Dupont",
])
def test_captions_with_agency_and_copyright_credits(caption):
    assert_line_dropped(run(caption), "photo_caption")


def test_a_sentence_about_rights_reserved_stays():
    line = "The founders said all rights reserved under the old licence stay with them. The board disagreed."
    assert all(b.kept for b in run(line).blocks)


@pytest.mark.parametrize("line", ["10:05 AM PDT \u00b7 April 22, 2026", "Updated 6:52 PM EDT, April 24, 2026"])
def test_date_line_with_the_time_first(line):
    assert_line_dropped(run(line), "dateline")


def test_author_box_with_name_and_role_on_one_line():
    bio = ("Nadia covers telecoms and spectrum policy from Helsinki. Before that she reported on energy markets "
           "for a business daily in Lagos for six years.")
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor, Senior Reporter", bio]),
              input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks[-2:]] == ["author_bio", "author_bio"]
    # with a "View Bio" link and a long bio under it
    long_bio = bio + " She also hosts the weekly spectrum podcast and teaches a data-journalism class."
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor, Senior Reporter", long_bio, "View Bio"]),
              input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks[3:5]] == ["author_bio", "author_bio"]


@pytest.mark.parametrize("line", [
    "Step 3 - Screenshot: press the side button and volume up together",
    "What's new in iOS 18 \u2013 Photos: the biggest redesign yet",
    "Der Fernseher zeigt ein sehr gutes Bild. Bild: hervorragend, Ton: gut, Ausstattung: sehr gut",
    "The API accepts one attachment per request for now (image: PNG or JPEG, up to 20 MB each)",
    "Les tests ont été répétés trente fois. Photo : un rendu très net de jour, plus bruité la nuit",
])
def test_a_photo_word_before_a_sentence_is_no_credit(line):
    assert all(b.kept for b in run(line).blocks)


def test_a_subheading_that_starts_with_a_role_word_is_no_role_line():
    r = clean("\n".join([HEADLINE, "Apple Intelligence", "Writer tools in every app", "5 min read", BODY]),
              input_type="text", filters=[Byline()])
    assert [b.kept for b in r.blocks[1:3]] == [True, True]


@pytest.mark.parametrize("line", [
    "Photos: the biggest redesign yet",
    "Fotos: Die Mediathek wird neu sortiert",
    "Die neu gestaltete Version mit Suchfeld und Filtern (Bild: rechts)",
    "Im Test überzeugt der Fernseher mit satten Farben. Bild: Note 1,3",
    "Die App zeigt die Mediathek neu sortiert an (Fotos/Video)",
])
def test_a_photo_word_over_a_subheading_a_position_or_a_rating_is_no_credit(line):
    assert all(b.kept for b in run(line).blocks)


@pytest.mark.parametrize("line", ["Foto: picture alliance/dpa", "Quelle: Nordfunk, vzbv", "Foto: dpa"])
def test_credits_of_picture_desks_and_agencies(line):
    assert_line_dropped(run(line), "photo_credit")


@pytest.mark.parametrize("lines", [
    ["Updated March 3, 2026", "Open Settings, then tap:"],
    ["4 min read", "Good Morning, everyone!"],
])
def test_a_greeting_or_an_instruction_beside_the_date_is_no_author(lines):
    r = clean("\n".join([HEADLINE, *lines, BODY]), input_type="text", filters=[Byline()])
    assert block_of(r, lines[1]).kept


def test_a_version_list_item_is_no_time_first_date():
    assert all(b.kept for b in run("6.10 \u2013 July 2024").blocks)


def test_an_editors_pick_in_the_first_person_is_no_bio():
    pick = ("My pick is the new e-reader with a colour screen, which joined my bag in March and has not left it "
            "since, not even on the long train rides to Oulu.")
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", BODY, "Nadia Okafor, Senior Reporter", pick]),
              input_type="text", filters=[Byline()])
    assert block_of(r, pick).kept


def block_of(result, text):
    return next(b for b in result.blocks if b.text == text)


@pytest.mark.parametrize("line", ["Quelle: kathpress", "Titelbild: Flickr, CC BY 2.0", "Foto: IBU/C. Manzoni; IBU archives"])
def test_credit_lines_under_an_unambiguous_label_need_no_name_shape(line):
    assert_line_dropped(run(line), "photo_credit")


@pytest.mark.parametrize("line", ["11. Juni 2025 · 5–6 Minuten", "Published June 9, 2025 | Comments (63)"])
def test_a_date_with_a_reading_time_range_or_a_comment_count(line):
    assert_line_dropped(run(line), "dateline")


@pytest.mark.parametrize("line", ["5–6 Minuten", "10 minutes"])
def test_minutes_alone_are_no_reading_time(line):
    assert run(line).blocks[1].kept


@pytest.mark.parametrize("caption", ["Une carte Nacre Banque. // Source : Nacre Banque",
                                     "Le tableau de bord de la banque // Source : Numerosa",
                                     "Une borne de recharge près de Lyon / Source : Numerosa"])
def test_a_caption_with_its_source_after_a_double_slash(caption):
    assert_line_dropped(run(caption), "photo_caption")


def test_a_caption_that_ends_in_imagen_bar_site():
    assert_line_dropped(run("Así se ve el estado de la batería en los ajustes. Imagen | Gizmotic"), "photo_caption")


def test_a_caption_that_ends_in_a_copyright_sign_and_its_holder():
    figure = "Die neue Folie am Knick des Kallisto Fold 3 © Kallisto"
    page = (f"<html><body><h1>{HEADLINE}</h1><p>{BODY}</p><figure><img src='a.jpg'><figcaption>{figure}"
            f"</figcaption></figure><p>{BODY}</p></body></html>")
    r = clean(page, input_type="html", filters=[Byline()])
    assert [b.reason for b in r.blocks if b.text == figure] == ["photo_caption"]
    # in a plain text, when the holder is the page's own site
    caption = "L'application Sonora sur un iPhone © Numerosa"
    r = clean("\n".join([HEADLINE, caption, BODY]), input_type="text", filters=[Byline()],
              url="https://www.numerosa.fr/tech/sonora/")
    assert [b.reason for b in r.blocks if b.text == caption] == ["photo_caption"]
    # a report that ends in a copyright line is no caption
    line = "The photo that went viral on Monday carried the watermark © Nexora"
    assert run(line).blocks[1].kept


def test_a_caption_credited_to_the_pages_own_site():
    caption = "La pantalla de envío de la app en un móvil Android. Imagen: El Droide Libre"
    r = clean("\n".join([HEADLINE, caption, BODY]), input_type="text", filters=[Byline()],
              url="https://www.eldroidelibre.com/aplicaciones/pagalo/")
    assert [b.reason for b in r.blocks if b.text == caption] == ["photo_caption"]
    # another "El …" after "Imagen:" is no credit but the caption's own words
    r = clean("\n".join([HEADLINE, caption, BODY]), input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks if b.text == caption] == [None]


def test_a_caption_that_ends_in_photo_by_a_photographer_for_the_site():
    caption = "The reader keeps working offline, but its store will not. Photo by Ines Rauch / The Gadgeteer"
    assert_line_dropped(run(caption), "photo_caption")


def test_a_figure_with_its_source_after_a_double_slash_stays():
    assert run("Les chiffres sont clairs. // Source : INSEE, 12 % de hausse").blocks[1].kept
    assert run("Les chiffres sont clairs / Source : INSEE, 12 % de hausse").blocks[1].kept


def test_a_caption_with_its_source_after_a_bar():
    assert_line_dropped(run("L'Orvéa 5 dans son coloris Sauge | Source : Orvéa"), "photo_caption")
    assert run("Revenue by quarter | Source: IDC, 12% growth").blocks[1].kept


def test_a_name_with_its_handle_glued_on_beside_the_date():
    r = clean("\n".join([HEADLINE, "Ravi Chandran@ravichandran_vb", "April 23, 2025 6:00 AM", BODY]),
              input_type="text", filters=[Byline()])
    assert [b.reason for b in r.blocks[1:3]] == ["byline", "dateline"]
    assert r.metadata.byline == "Ravi Chandran"


def test_a_summary_header_beside_the_date_is_no_author_name():
    r = clean("\n".join([HEADLINE, "By Nadia Okafor", "Published Apr 11, 2025", "Key Takeaways", BODY]),
              input_type="text", filters=[Byline()])
    assert r.blocks[3].kept and r.metadata.byline == "Nadia Okafor"


def test_a_figcaption_that_ends_in_a_name_in_brackets():
    page = (f"<html><body><h1>{HEADLINE}</h1><figure><img src='a.jpg'><figcaption>The controller connects straight "
            f"to the company's servers over Wi-Fi. (Skyrift)</figcaption></figure><p>{BODY}</p></body></html>")
    r = clean(page, input_type="html", filters=[Byline()])
    assert [b.reason for b in r.blocks if b.text.endswith("(Skyrift)")] == ["photo_caption"]
    # a paragraph that ends so is the article's
    r = clean(f"<html><body><h1>{HEADLINE}</h1><p>{BODY} (Skyrift)</p></body></html>", input_type="html",
              filters=[Byline()])
    assert all(b.kept for b in r.blocks)


def test_a_count_of_reactions_is_a_comment_count():
    assert_line_dropped(run("12 réactions"), "read_time")


def test_a_reports_prefix_in_the_articles_course_titles_a_section():
    line = "Ein Test von Stiftung Warentest"
    r = clean("\n".join([HEADLINE, BODY, BODY, line, BODY]), input_type="text", filters=[Byline()])
    assert [b.kept for b in r.blocks if b.text == line] == [True]


@pytest.mark.parametrize("line", ["March 12, 2025 – 47 minutes", "Ein Bericht von Bloomberg",
                                  "Eine Analyse von Counterpoint Research",
                                  "const ratio = width / height // Source: Apple HIG"])
def test_durations_sources_and_code_stay(line):
    assert run(line).blocks[1].kept


@pytest.mark.parametrize("line", [
    "[Nadia Okafor](https://www.example.com/author/nadia-okafor/)",
    "[Nadia Okafor](https://www.example.com/author/nadia-okafor/) [@nokafor](https://x.com/nokafor)",
    "By [Nadia Okafor](https://www.example.com/Author/Nadia-Okafor)",
])
def test_a_name_linked_to_the_authors_page_is_the_byline(line):
    r = clean("\n".join([HEADLINE, line, BODY]), input_type="text", filters=[Byline()])
    assert (r.blocks[1].reason, r.metadata.byline) == ("byline", "Nadia Okafor")


@pytest.mark.parametrize("line", [
    "[Read more about the author](https://www.example.com/author/nadia-okafor/)",
    "[Windows](https://www.example.com/category/windows/)",
])
def test_other_links_under_the_headline_are_no_byline(line):
    r = clean("\n".join([HEADLINE, line, BODY]), input_type="text", filters=[Byline()])
    assert r.blocks[1].kept


def test_a_photographer_and_the_pages_own_site_on_a_line_of_their_own():
    r = clean("\n".join([HEADLINE, BODY, "Priyanka Desrosiers / Android Arbiter", BODY]), input_type="text",
              filters=[Byline()], url="https://www.androidarbiter.com/a/")
    assert r.blocks[2].reason == "photo_credit"
