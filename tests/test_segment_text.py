"""Plain-text segmentation: a block per non-blank line, or per paragraph when hard-wrapped."""

from __future__ import annotations

import textwrap

import pytest

from cleanerlib import Kind
from cleanerlib._segment_text import guess_text_kind, segment_text


def spans(blocks):
    return [(b.text, b.source.start, b.source.end) for b in blocks]


def test_each_non_blank_line_is_a_block_and_blank_lines_only_separate():
    text = "First line\n\n\n  Second line  \n\t\nThird"
    assert spans(segment_text(text)) == [("First line", 0, 10), ("Second line", 15, 26), ("Third", 31, 36)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1e"])
def test_every_line_break_style(newline):
    text = newline.join(["alpha beta", "gamma", "", "delta"])
    blocks = segment_text(text)
    assert [b.text for b in blocks] == ["alpha beta", "gamma", "delta"]
    for b in blocks:
        assert text[b.source.start:b.source.end] == b.text


def test_crlf_offsets_are_exact():
    text = "One line here.\r\n\r\nTwo\tcolumns\there.\r\n"
    assert spans(segment_text(text)) == [("One line here.", 0, 14), ("Two\tcolumns\there.", 18, 35)]


def test_inner_whitespace_and_unicode_are_kept():
    text = "  caf\u00e9  \u2014\u00a0na\u00efve \U0001f600  "
    (b,) = segment_text(text)
    assert b.text == "caf\u00e9  \u2014\u00a0na\u00efve \U0001f600"
    assert (b.source.start, b.source.end) == (2, 2 + len(b.text))


def test_a_leading_byte_order_mark_is_not_text():
    text = "\ufeffChip makers race\nBody \ufeff text."
    assert spans(segment_text(text)) == [("Chip makers race", 1, 17), ("Body \ufeff text.", 18, 30)]
    assert segment_text("\ufeff") == []


def test_blank_and_whitespace_only_input():
    assert segment_text("") == []
    assert segment_text(" \n\t\r\n  \u3000") == []


def test_indexes_are_positions():
    assert [b.index for b in segment_text("a\nb\n\nc")] == [0, 1, 2]


PARAS = [
    "Chip makers said on Tuesday that the new plants would open in stages over the next three "
    "years, with the first line running by the end of the decade and the rest following later.",
    "Analysts at two banks expect the spending to slow once demand for older process nodes "
    "recovers from the slump, which they blame on a glut of consumer devices built last year.",
    "The companies did not say how many engineers they would hire, but local officials expect "
    "several thousand jobs at the sites and at suppliers that will move closer to the plants.",
]


def _wrapped(width: int, newline: str = "\n") -> str:
    return (newline * 2).join(newline.join(textwrap.wrap(p, width=width)) for p in PARAS)


@pytest.mark.parametrize("width", [40, 60, 76])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_hard_wrapped_paragraphs_become_one_block_each(width, newline):
    text = _wrapped(width, newline)
    blocks = segment_text(text)
    assert [b.text for b in blocks] == PARAS
    for b in blocks:
        assert "\n" not in b.text
        source = text[b.source.start:b.source.end]
        assert source.replace(newline, " ") == b.text
        assert b.pieces[0] == (0, b.source.start)
        assert len(b.pieces) == source.count(newline) + 1


def test_hard_wrapped_pieces_map_each_line_back():
    text = _wrapped(50)
    b = segment_text(text)[1]
    for k, ch in enumerate(b.text):
        if ch != " ":
            assert text[b.source_offset(k)] == ch


def test_wrapped_paragraph_keeps_bullets_and_headings_apart():
    body = textwrap.wrap(PARAS[0] + " " + PARAS[1], width=60)
    text = "\n".join(body[:3]) + "\n- a bullet item that is short\n" + "\n".join(body[3:]) + "\n\n# Heading\n\n" + \
        "\n".join(textwrap.wrap(PARAS[2], width=60))
    texts = [b.text for b in segment_text(text)]
    assert "- a bullet item that is short" in texts
    assert "# Heading" in texts
    assert texts[0] == " ".join(body[:3])


def test_a_wrapped_line_that_opens_with_a_number_and_a_full_stop_goes_on_the_sentence():
    # "… stellt den Dienst zum" / "30. Juni ein.": a German date, no list item, where the line
    # above breaks off mid-sentence; a list under a line that ends in a colon stays a list
    para = ("Das Berliner Startup Kassenfuchs stellt seinen Express-Checkout zum 30. Juni ein, "
            "wie ein Sprecher am Montag in einer E-Mail an die rund 3.000 Shops bestätigte, die den Dienst nutzen.")
    lines = textwrap.wrap(para, width=68)
    assert any(line.startswith("30. Juni") for line in lines)
    steps = "Die Shops müssen nun drei Dinge tun:\n1. den Button entfernen\n2. die Kasse testen"
    text = "\n\n".join(["\n".join(lines)] + ["\n".join(textwrap.wrap(p, width=68)) for p in PARAS] + [steps])
    texts = [b.text for b in segment_text(text)]
    assert texts == [para, *PARAS, "Die Shops müssen nun drei Dinge tun:", "1. den Button entfernen",
                     "2. die Kasse testen"]


def test_scrape_with_stray_blank_lines_is_not_joined():
    # one paragraph per line, blank lines in odd places, residue lines between: not hard-wrapped
    lines = [
        "Home \u203a News \u203a Hardware",
        "Chip makers race to build new fabs across three continents",
        "By Jane Doe | 3 min read",
        "Semiconductor companies announced a wave of new factories this week, promising jobs.",
        "",
        "Analysts say the spending spree reflects worries about supply chains exposed in 2021.",
        "Read More \u2192",
        "",
        "",
        "The first of the new plants is expected to begin production in 2027, the firms said.",
        "Share this article",
    ]
    text = "\n".join(lines)
    assert [b.text for b in segment_text(text)] == [ln for ln in lines if ln]


GERMAN = [
    "Der Hersteller hat am Montag angekündigt, dass zentrale Funktionen seiner App ab Juni nur noch mit "
    "einem kostenpflichtigen Abo nutzbar sind. Betroffen sind vor allem Besitzer der Saugroboter, die "
    "ihre Wohnung kartieren und einzelne Räume gezielt reinigen lassen wollen.",
    "Bisher konnten Kunden in der App eine Karte ihrer Wohnung anlegen, Räume benennen und Sperrzonen "
    "festlegen. Genau diese Funktionen wandern jetzt in das neue Abo. Ohne Abo fährt der Roboter zwar "
    "weiterhin durch die ganze Wohnung, einzelne Zimmer lassen sich dann aber nicht mehr auswählen.",
    "In der Produktbeschreibung bei mehreren großen Händlern wurde die Raumaufteilung ausdrücklich als "
    "Funktion des Geräts beworben, ohne Hinweis auf spätere Kosten. Die Verbraucherzentrale prüft nach "
    "eigenen Angaben bereits erste Beschwerden von Kunden aus mehreren Bundesländern.",
]


@pytest.mark.parametrize("width", [61, 70, 78])
def test_hard_wrapped_german_is_joined_though_its_nouns_are_capitalised(width):
    # at these widths half the lines of these paragraphs go on with a noun
    text = "\n\n".join("\n".join(textwrap.wrap(p, width=width)) for p in GERMAN)
    assert [b.text for b in segment_text(text)] == GERMAN


@pytest.mark.parametrize("width", [48, 55, 62])
def test_a_wrapper_does_not_break_at_a_no_break_space(width):
    # French puts a no-break space inside its quotes: "«\u00a0Ce" is one word to the wrapper
    paras = ["L'application ajoute des «\u00a0frais de préparation\u00a0» de 2,49 euros à chaque commande, en plus "
             "des frais de livraison existants, et relève le minimum de commande à trente euros.",
             "«\u00a0Ce qui était un service pratique devient un service premium\u00a0», estime un analyste du "
             "commerce en ligne. «\u00a0La trajectoire est celle des plateformes de repas.\u00a0»",
             "La start-up dit que la hausse du coût de la main-d'œuvre dans ses entrepôts l'oblige à facturer "
             "ces frais, et promet de les revoir à la baisse si les volumes augmentent cette année."]
    text = "\n\n".join("\n".join(textwrap.wrap(p, width=width, break_on_hyphens=False)) for p in paras)
    assert [b.text for b in segment_text(text)] == paras


def test_groups_of_capitalised_headlines_are_not_joined():
    groups = [["Neue Grafikkarten kommen später als geplant in den Handel",
               "Händler senken die Preise für Saugroboter und Fernseher deutlich",
               "Behörden prüfen die Abo-Pläne der großen Gerätehersteller genau"],
              ["Datenschützer warnen vor vernetzten Kameras in der Wohnung",
               "Mobilfunkanbieter erhöhen die Gebühren für den Tarifwechsel",
               "Online-Shops müssen ihre Kündigungsknöpfe bald sichtbar machen"]]
    text = "\n\n".join("\n".join(g) for g in groups)
    assert [b.text for b in segment_text(text)] == [line for g in groups for line in g]


def test_lines_ending_sentences_at_similar_width_are_not_joined():
    lines = [
        "The company reported revenue of four billion dollars for the quarter.",
        "Its shares rose by six percent in early trading on the stock exchange.",
        "Analysts had expected a smaller increase after a weak holiday season.",
        "The chief executive said demand for data centre chips remained strong.",
        "A new product line will ship to customers in the second half of the year.",
    ]
    assert [b.text for b in segment_text("\n".join(lines))] == lines


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- a bullet item", Kind.LIST_ITEM),
        ("\u2022 another bullet", Kind.LIST_ITEM),
        ("3) numbered item", Kind.LIST_ITEM),
        ("## Markdown heading", Kind.HEADING),
        ("> a quoted line", Kind.QUOTE),
        ("\u2192 \u2022 |", Kind.OTHER),
        ("2025", Kind.OTHER),
        ("Chip makers race to build new fabs", Kind.HEADING),
        ("Read More \u2192", Kind.HEADING),
        ("This sentence ends with a full stop.", Kind.PARAGRAPH),
        ("lower-case start without a full stop", Kind.PARAGRAPH),
        (" ".join(["word"] * 20), Kind.PARAGRAPH),
    ],
)
def test_guess_text_kind(text, kind):
    assert guess_text_kind(text) is kind


def test_blank_and_line_break_sets_match_python():
    """Lines are cut and trimmed with string methods: their character sets must be exactly
    what splitlines() breaks at and what isspace() calls blank (plus the byte-order mark)."""
    from cleanerlib._segment_text import _BLANK, _LINE_BREAKS

    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert set(_BLANK) == {c for c in every if c.isspace()} | {"\ufeff"}
    assert set(_LINE_BREAKS) == {c for c in every if len(f"a{c}b".splitlines()) == 2}


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n", "a\r\nb", "\r\r\n\n", " \ufeff x \ufeff\u2028y\x85",
                                  "x\x0c\x1c\x1d\x1e z", "\ufeff\n\n  abc  \n"])
def test_lines_keep_exact_offsets(text):
    from cleanerlib._segment_text import _lines

    lines = _lines(text)
    assert len(lines) == len(text.splitlines()) + (1 if not text or text[-1] in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else 0)
    for line in lines:
        if line is not None:
            assert text[line.start:line.end] == line.text
            assert line.text == line.text.strip().strip("\ufeff").strip()


def test_wrapped_list_item_continues_on_its_indented_line():
    """html2text indents list items and their continuation lines: the wrap width counts the
    indentation, or a bullet that just fits is taken for a short line and cut in two."""
    para = ("The company said the change would apply to every plan from the first of March, and that "
            "existing subscribers would be moved automatically without having to do anything at all.")
    wrapped = textwrap.fill(para, 72)
    items = ["  * all eleven raised their subscription price in January or February;",
             "  * nine of them ran a discount code for annual plans in the same",
             "    period;",
             "  * and all eleven get most of their revenue from readers outside the",
             "    country where they live."]
    text = "\n\n".join([wrapped, "\n".join(items), wrapped])
    texts = [b.text for b in segment_text(text)]
    assert "* nine of them ran a discount code for annual plans in the same period;" in texts
    assert "* and all eleven get most of their revenue from readers outside the country where they live." in texts
