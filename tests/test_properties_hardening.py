"""Properties over arbitrary input, with the default filters: the hardening contract.

For any ``str`` or ``bytes`` in any mode: a result that keeps its promises (exact output spans,
every drop explained, a known review reason) or a ``CleanerlibError``, never anything else;
the same result every time; plain-text offsets exact with the default filters too; the clean
text read back gives the same blocks. ``fuzz/run.py`` runs the same checks for minutes.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanerlib import Cleaner, CleanerlibError
from test_hardening import check_result
from test_offsets_properties import any_text, check_text_result, hard_wrapped

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))

DEFAULT = {mode: Cleaner(input_type=mode) for mode in ("auto", "html", "text")}

# -- strategies --------------------------------------------------------------------------------

LINES = [
    "Home \u203a News \u203a Hardware", "Chip makers race to build new fabs", "By Jane Doe | 3 min read",
    "Semiconductor companies announced a wave of new factories this week, promising thousands of jobs.",
    "Read More \u2192", "Share this article", "Subscribe to our newsletter", "Advertisement",
    "Related: Intel delays Ohio plant", "Copyright 2025 TechSite. All rights reserved.", "Tags: chips, fabs",
    "Analysts say the spending spree reflects worries about supply chains exposed during the pandemic.",
    "Die Halbleiterhersteller k\u00fcndigten neue Werke an, sagte ein Sprecher am Montag.",
    "Les fabricants de puces ont annonc\u00e9 de nouvelles usines cette semaine.", "Add to cart \u2013 $19.99",
    "\u82af\u7247\u5236\u9020\u5546\u8868\u793a\u65b0\u5de5\u5382\u5c06\u4e8e2027\u5e74\u6295\u4ea7\u3002",
    "\u0642\u0627\u0644\u062a \u0627\u0644\u0634\u0631\u0643\u0629 \u0625\u0646 \u0627\u0644\u0645\u0635\u0646\u0639 \u0633\u064a\u0641\u062a\u062d.", "", "  ",
]
page_text = st.lists(st.sampled_from(LINES), max_size=16).map("\n".join)

_TOKENS = [
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<title>", "</title>", "<h1>", "</h1>",
    "<h2>", "</h2>", "<p>", "</p>", "<div class='nav menu'>", "<div id='content'>", "</div>", "<span>", "</span>",
    "<article>", "</article>", "<section>", "</section>", "<nav>", "</nav>", "<footer>", "</footer>", "<ul>",
    "</ul>", "<li>", "</li>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<a href='/x'>", "</a>",
    "<br>", "<br/>", "<hr>", "<img alt='x'>", "<script>", "</script>", "<style>", "</style>", "<!--", "-->",
    "<![CDATA[", "]]>", "<?xml version='1.0' encoding='latin-1'?>", "<meta charset='utf-16'>",
    "<!DOCTYPE html>", "<fb:root>", "</fb:root>", "<my-card>", "</my-card>", "<blockquote>", "<figcaption>",
    "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&bogus;", "<", ">", "\x00", "\ud800", "\ufeff", "\u202e", "\n", "\r\n",
    " ", "\t", " | ", " \u00b7 ",
] + [line for line in LINES if line]
tag_soup = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)

_ENCODINGS = ["utf-8", "utf-16", "cp1252", "latin-1", "cp1251", "shift_jis", "gb18030", "utf-8-sig"]


@st.composite
def page_bytes(draw) -> bytes:
    text = draw(st.one_of(tag_soup, page_text, st.text(max_size=200)))
    encoding = draw(st.sampled_from(_ENCODINGS))
    data = text.encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass")
    if draw(st.booleans()):  # damage: cut, splice random bytes, or declare a charset
        cut = draw(st.integers(min_value=0, max_value=len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    if draw(st.booleans()):
        charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "utf-16", "base64", "shift_jis", "x-bogus"]))
        data = f'<meta charset="{charset}">'.encode() + data
    return data


any_str = st.one_of(any_text, tag_soup, page_text, hard_wrapped(), st.text())
any_bytes = st.one_of(page_bytes(), st.binary(max_size=300))


def _clean(cleaner: Cleaner, data):
    """The result, or None for a typed error; anything else propagates and fails the test."""
    try:
        return cleaner.clean(data)
    except CleanerlibError as e:
        assert str(e)  # a message for the person reading the batch summary
        return None


# -- properties --------------------------------------------------------------------------------

@SETTINGS
@given(st.one_of(any_str, any_bytes), st.sampled_from(["auto", "html", "text"]))
def test_any_input_gives_a_sound_result_or_a_typed_error(data, mode):
    result = _clean(DEFAULT[mode], data)
    if result is not None:
        check_result(result)


@SETTINGS
@given(st.one_of(any_str, any_bytes), st.sampled_from(["auto", "html", "text"]))
def test_the_same_input_gives_the_same_result(data, mode):
    first = _clean(DEFAULT[mode], data)
    again = _clean(Cleaner(input_type=mode), data)
    assert (first is None) == (again is None)
    if first is not None:
        assert first == again and first.to_json() == again.to_json()


@SETTINGS
@given(st.one_of(any_text, page_text, hard_wrapped()))
def test_plain_text_offsets_hold_with_the_default_filters(source):
    check_text_result(source, DEFAULT["text"].clean(source))


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
@pytest.mark.parametrize("filters", [None, []], ids=["default_filters", "no_filters"])
@SETTINGS
@given(source=st.one_of(any_text, page_text, hard_wrapped(), st.text()))
def test_cleaning_clean_text_again_changes_nothing(filters, separator, source):
    """``clean(clean(x).text).text == clean(x).text`` for text input: the clean text is read back
    as exactly the blocks it was made of, and the filters keep all of them."""
    cleaner = Cleaner(filters=filters, input_type="text", separator=separator)
    once = cleaner.clean(source).text
    assert cleaner.clean(once).text == once


# With the default filters the clean text is a fixed point too: the headline is chosen the same
# way whether or not the residue above it (breadcrumbs, "Read More") is still there, so the
# second pass keeps what the first one kept.
@pytest.mark.parametrize("source", [
    # residue above the headline: breadcrumbs and a read-more link
    "Home \u203a News\n" * 11 + "Read More \u2192\nChip makers race to build new fabs",
    # breadcrumbs, then lines of text before a headline-shaped last line
    "Home \u203a News \u203a Hardware\n" * 10 + LINES[3] + "\n" + LINES[15] + "\nChip makers race to build new fabs",
])
@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_default_filters_keep_on_a_second_pass_what_they_kept_on_the_first(source, separator):
    cleaner = Cleaner(input_type="text", separator=separator)
    once = cleaner.clean(source).text
    assert cleaner.clean(once).text == once


def test_default_filters_keep_on_a_second_pass_a_button_beside_a_repeated_line():
    line = "We use cookies to give you the b\ufffdst experienckies."
    cleaner = Cleaner(input_type="text")
    once = cleaner.clean(f"{line}\nAccept\n{line}\nAccept").text
    assert once == f"{line}\nAccept\nAccept"
    assert cleaner.clean(once).text == once


def test_default_filters_keep_on_a_second_pass_a_headline_that_repeats():
    """Found by fuzz/run.py (a damaged HTML sample read as plain text): of equally short
    headline candidates the later copy was chosen, and the clean text has fewer copies."""
    source = ('<\ufffddoctyp\ufffd html>\n<html lang="de">\n<head>\n<meta charset="+tf-8">\n'
              '<meta\ufffd </h2></h2></h2></h2></h2></h2>html>\n'
              + '<html lang="de">\n<head>\n<meta charset="+tf-8">\n<meta\ufffd html>\n' * 2).rstrip("\n")
    cleaner = Cleaner(input_type="text")
    once = cleaner.clean(source).text
    assert cleaner.clean(once).text == once


def test_default_filters_keep_on_a_second_pass_a_headline_below_a_dozen_short_labels():
    """Found by fuzz/run.py (damaged HTML read as plain text): past a dozen lines the headline
    was not looked for; the second pass, without the labels the first removed, found it."""
    source = ('<!doctype html>\n<html lang=tega">\n<meta property="og:locale" content="es_ES">\n<link rel="stylesheet" href="/static/css/main.8f3a1c.css">\n</head>\n<body>\n<div class="_1m0fq">\n<div class="_2k8xt">\n  <a class="_9pq2w" href="/">Infraestructura Digital</a>\n  <div class="_7hn3d"><a href="/re"es">Redes</a> <a href="/nube">Nube</a> <a href="/sostenibilidad">Sostenibilidad</a> <a href="/empresas">Empr�sas</a></div>\n</div>\n<div class="_3xk9p">\n  <div class="_4rt7b">\n\r   <span class="_0ws2\x07">Sostenibilidad</span>\n    <h1 class="_8yz1c">La sequía pone a prueba los centros de datos de A')
    cleaner = Cleaner(input_type="text")
    once = cleaner.clean(source).text
    assert cleaner.clean(once).text == once


def test_segmentation_is_idempotent_with_a_single_newline_separator():
    source = "0" * 30 + "\r" + "0" * 29 + "\r\r" + "0" * 27 + "\r000"
    cleaner = Cleaner(filters=[], input_type="text")
    once = cleaner.clean(source).text
    assert cleaner.clean(once).text == once
