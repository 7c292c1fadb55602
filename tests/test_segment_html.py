"""HTML segmentation: every visible run of text is one block, with its element's xpath and span."""

from __future__ import annotations

import lxml.html
import pytest
from bs4 import BeautifulSoup

from cleanerlib import Cleaner, Kind
from cleanerlib._segment_html import parse_html, segment_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Fab race | Site</title><style>p { color: red }</style></head>
<body>
<div id="main" class="post entry-content">
<h1 class="headline">Chip makers race to build new fabs</h1>
<p>Semiconductor firms announced <a href="/a">new plants</a> this week.</p>
<ul><li>Arizona</li><li>Dresden &amp; Magdeburg</li></ul>
<blockquote><p>We are hiring.</p></blockquote>
<figure><img src="x.png"><figcaption>The site in Dresden.</figcaption></figure>
<table><tr><th>Site</th><th>Jobs</th></tr><tr><td>Arizona</td><td>3,000</td></tr></table>
<script>document.write("<p>hidden</p>")</script>
</div>
</body>
</html>"""


def segment(source: str):
    return Cleaner(filters=[], input_type="html", html_offsets=True).clean(source)


def rows(result):
    return [(b.text, b.kind.value, b.source.start, b.source.end, b.source.xpath, b.source.line)
            for b in result.blocks]


def assert_xpaths_select_elements(result):
    root = lxml.html.document_fromstring(result.source_text)
    for b in result.blocks:
        (el,) = root.xpath(b.source.xpath)
        assert el.sourceline == b.source.line
        if b.source.start is not None:
            markup = result.source_text[b.source.start:b.source.end]
            assert markup.lower().startswith("<" + el.tag)


def test_document_blocks_kinds_xpaths_and_spans():
    r = segment(PAGE)
    assert rows(r) == [
        ("Fab race | Site", "other", 39, 69, "/html/head/title", 3),
        ("Chip makers race to build new fabs", "heading", 158, 218, "/html/body/div/h1", 6),
        ("Semiconductor firms announced new plants this week.", "paragraph", 219, 294, "/html/body/div/p", 7),
        ("Arizona", "list_item", 299, 315, "/html/body/div/ul/li[1]", 8),
        ("Dresden & Magdeburg", "list_item", 315, 347, "/html/body/div/ul/li[2]", 8),
        ("We are hiring.", "quote", 365, 386, "/html/body/div/blockquote/p", 9),
        ("The site in Dresden.", "caption", 425, 470, "/html/body/div/figure/figcaption", 10),
        ("Site | Jobs", "table", 487, 522, "/html/body/div/table/tr[1]", 11),
        ("Arizona | 3,000", "table", 522, 561, "/html/body/div/table/tr[2]", 11),
    ]
    assert PAGE[158:218] == '<h1 class="headline">Chip makers race to build new fabs</h1>'
    assert PAGE[315:347] == "<li>Dresden &amp; Magdeburg</li>"
    assert PAGE[522:561] == "<tr><td>Arizona</td><td>3,000</td></tr>"
    assert_xpaths_select_elements(r)


def test_hints_record_structure():
    r = segment(PAGE)
    h1, p = r.blocks[1].hints, r.blocks[2].hints
    assert (h1.tag, h1.level, h1.group) == ("h1", 1, "/html/body/div")
    assert h1.tokens == ("headline", "post", "entry-content", "main")  # own first, then ancestors
    assert (p.tag, p.level, p.link_chars) == ("p", 0, len("new plants"))
    assert p.link_density(len(r.blocks[2].text)) == 10 / len("Semiconductor firms announced new plants this week.")


def test_script_and_style_are_skipped():
    r = segment("<div><p>one</p><script>var a = '<p>no</p>';</script><style>.x{}</style>"
                "<template><p>no</p></template><p>two</p></div>")
    assert [b.text for b in r.blocks] == ["one", "two"]


def test_sloppy_markup_unclosed_and_uppercase_tags():
    source = "<P>one<P>two<UL><LI>a<LI>b</UL><TABLE><TR><TD>x<TD>y<TR><TD>z</TABLE>"
    r = segment(source)
    assert rows(r) == [
        ("one", "paragraph", 0, 6, "/html/body/p[1]", 1),
        ("two", "paragraph", 6, 12, "/html/body/p[2]", 1),
        ("a", "list_item", 16, 21, "/html/body/ul/li[1]", 1),
        ("b", "list_item", 21, 26, "/html/body/ul/li[2]", 1),
        ("x | y", "table", 38, 52, "/html/body/table/tr[1]", 1),
        ("z", "table", 52, 61, "/html/body/table/tr[2]", 1),
    ]
    assert_xpaths_select_elements(r)


def test_double_br_splits_a_run_and_single_br_is_a_space():
    source = "<div>first line<br>same block<br><br>second block</div><p>after</p>"
    r = segment(source)
    at = source.index("<p>after</p>")
    assert rows(r) == [
        ("first line same block", "paragraph", None, None, "/html/body/div", 1),
        ("second block", "paragraph", None, None, "/html/body/div", 1),
        ("after", "paragraph", at, at + len("<p>after</p>"), "/html/body/p", 1),
    ]


def test_loose_text_beside_blocks_points_to_its_enclosing_element():
    r = segment("<div>intro text<p>para</p>outro text</div>")
    assert rows(r) == [
        ("intro text", "paragraph", None, None, "/html/body/div", 1),
        ("para", "paragraph", 15, 26, "/html/body/div/p", 1),
        ("outro text", "paragraph", None, None, "/html/body/div", 1),
    ]


def test_nested_lists():
    source = "<ul>\n<li>one\n<ul><li>inner a</li><li>inner b</li></ul>\n</li>\n<li>two</li>\n</ul>"
    r = segment(source)
    a, b, two = (source.index(s) for s in ("<li>inner a", "<li>inner b", "<li>two"))
    assert rows(r) == [
        ("one", "list_item", None, None, "/html/body/ul/li[1]", 2),
        ("inner a", "list_item", a, a + 16, "/html/body/ul/li[1]/ul/li[1]", 3),
        ("inner b", "list_item", b, b + 16, "/html/body/ul/li[1]/ul/li[2]", 3),
        ("two", "list_item", two, two + 12, "/html/body/ul/li[2]", 5),
    ]
    assert_xpaths_select_elements(r)


def test_table_with_block_content_is_not_a_row_block():
    r = segment("<table><tr><td><p>cell para</p></td><td>loose</td></tr></table>")
    assert [(b.text, b.kind.value) for b in r.blocks] == [("cell para", "table"), ("loose", "table")]


def test_headings_have_levels():
    r = segment("<h2>Second level</h2><h4>Fourth level</h4>")
    assert [(b.kind, b.hints.level) for b in r.blocks] == [(Kind.HEADING, 2), (Kind.HEADING, 4)]


def test_line_numbers_with_crlf():
    source = "<html>\r\n<body>\r\n<h2>Title here</h2>\r\n<p>one\r\ntwo</p>\r\n<p>three</p></body></html>"
    r = segment(source)
    assert rows(r) == [
        ("Title here", "heading", 16, 35, "/html/body/h2", 3),
        ("one two", "paragraph", 37, 52, "/html/body/p[1]", 4),
        ("three", "paragraph", 54, 66, "/html/body/p[2]", 6),
    ]


def test_comments_are_not_text():
    r = segment("<p>before <!-- <p>hidden</p> --> after</p><!-- x --><p>next</p>")
    assert [b.text for b in r.blocks] == ["before after", "next"]
    assert r.blocks[1].source.start == 52


def test_entities_are_decoded_in_text_not_in_source():
    r = segment("<p>caf&eacute; &lt;b&gt; &#8212; &amp;</p><p>x</p>")
    assert r.blocks[0].text == "caf\u00e9 <b> \u2014 &"
    assert r.source_text[r.blocks[0].source.start:r.blocks[0].source.end] == "<p>caf&eacute; &lt;b&gt; &#8212; &amp;</p>"


def test_prefixed_and_custom_tag_names_give_xpaths_that_evaluate():
    source = ("<html><body><fb:root><div><p>first</p></div></fb:root><fb:root><p>second</p></fb:root>"
              "<my-card><h3>third</h3></my-card></body></html>")
    r = segment(source)
    assert [(b.text, b.source.xpath, b.hints.group) for b in r.blocks] == [
        ("first", "/html/body/*[name()='fb:root'][1]/div/p", "/html/body/*[name()='fb:root'][1]/div"),
        ("second", "/html/body/*[name()='fb:root'][2]/p", "/html/body/*[name()='fb:root'][2]"),
        ("third", "/html/body/my-card/h3", "/html/body/my-card"),
    ]
    assert_xpaths_select_elements(r)


def test_xml_declaration_in_str_input_keeps_offsets():
    source = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>x</p><p>y</p></body></html>'
    r = segment(source)
    assert r.source_text == source
    assert [(b.text, b.source.start, b.source.end) for b in r.blocks] == [("x", 51, 59), ("y", 59, 67)]


def test_parse_html_matches_document_fromstring():
    source = "<div><p>a<p>b</div><span>c</span>"
    page = parse_html(source)
    expected = lxml.html.tostring(lxml.html.document_fromstring(source))
    assert lxml.html.tostring(page.root) == expected
    assert [b.text for b in segment_html(page)] == ["a", "b", "c"]


@pytest.mark.parametrize("depth", [300, 5000])
def test_deeply_nested_divs(depth):
    source = "<html><body>" + "<div>" * depth + "<p>deep text</p>" + "</div>" * depth + "<p>after</p></body></html>"
    r = segment(source)  # no RecursionError, and nothing after the parser's depth limit is lost
    assert [b.text for b in r.blocks] == ["deep text", "after"]
    deep, after = r.blocks
    assert source[after.source.start:after.source.end] == "<p>after</p>"
    deep_markup = source[deep.source.start:deep.source.end]
    # within the parser's depth limit the paragraph is its own element; past it, its text
    # belongs to the deepest element the parser kept
    assert deep_markup == "<p>deep text</p>" or (deep_markup.startswith("<div>") and deep_markup.endswith("</div>"))
    assert Cleaner().clean(source).text  # the default pipeline copes too


def test_beautifulsoup_and_lxml_inputs_give_the_same_blocks_as_their_markup():
    markup = "<div><h2>Heading</h2><p>Para one.</p><ul><li>item</li></ul></div>"
    soup = BeautifulSoup(markup, "html.parser")
    root = lxml.html.fromstring(markup)
    expected = [("Heading", "heading"), ("Para one.", "paragraph"), ("item", "list_item")]
    for obj in (soup, root, root.getroottree()):
        r = segment(obj)
        assert [(b.text, b.kind.value) for b in r.blocks] == expected
        assert r.input_type == "html"
        assert_xpaths_select_elements(r)


def test_whitespace_is_collapsed_and_no_block_holds_a_newline():
    r = segment("<p>  one\n\t two  \r\n three </p>")
    assert r.blocks[0].text == "one two three"
