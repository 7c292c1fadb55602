"""Element offsets recovered from the markup, and flattening of absurdly deep nesting."""

from __future__ import annotations

import lxml.html

from cleanerlib._markup import flatten_deep, locate_elements


def located(source: str) -> list[tuple[str, str | None]]:
    root = lxml.html.document_fromstring(source)
    found = locate_elements(source, root.iter())
    out = []
    for el in root.iter(tag=lxml.html.etree.Element):
        span = found.get(el)
        out.append((el.tag, None if span is None else source[span[0]:span[1]]))
    return out


def test_well_formed_elements():
    assert located("<html><body><div><p>a</p><p>b</p></div></body></html>") == [
        ("html", "<html><body><div><p>a</p><p>b</p></div></body></html>"),
        ("body", "<body><div><p>a</p><p>b</p></div></body>"),
        ("div", "<div><p>a</p><p>b</p></div>"),
        ("p", "<p>a</p>"),
        ("p", "<p>b</p>"),
    ]


def test_implied_html_and_body_have_no_markup_of_their_own():
    assert located("<p>a</p><p>b</p>") == [("html", None), ("body", None), ("p", "<p>a</p>"), ("p", "<p>b</p>")]


def test_implicitly_closed_paragraphs_items_and_cells():
    assert located("<P>one<P>two<DIV>d</DIV>") == [
        ("html", None), ("body", None), ("p", "<P>one"), ("p", "<P>two"), ("div", "<DIV>d</DIV>"),
    ]
    assert located("<ul><li>a<li>b</ul>")[2:] == [("ul", "<ul><li>a<li>b</ul>"), ("li", "<li>a"), ("li", "<li>b")]
    assert located("<table><tr><td>x<td>y<tr><td>z</table>")[2:] == [
        ("table", "<table><tr><td>x<td>y<tr><td>z</table>"),
        ("tr", "<tr><td>x<td>y"), ("td", "<td>x"), ("td", "<td>y"),
        ("tr", "<tr><td>z"), ("td", "<td>z"),
    ]
    assert located("<dl><dt>term<dd>definition</dl>")[3:] == [("dt", "<dt>term"), ("dd", "<dd>definition")]


def test_void_self_closing_and_raw_text_elements():
    source = "<div><img src='a>b'><br/><script>if (a<b) {'</div>'}</script><p>x</p></div>"
    tags = dict((t, m) for t, m in located(source)[2:])
    assert tags["br"] == "<br/>"
    assert tags["script"] == "<script>if (a<b) {'</div>'}</script>"
    assert tags["p"] == "<p>x</p>"
    assert tags["div"] == source


def test_comments_hide_tags():
    source = "<div><!-- <p>not me</p> --><p>me</p></div>"
    assert located(source)[2:] == [("div", source), ("p", "<p>me</p>")]


def test_multiline_start_tags_and_crlf():
    source = '<div\r\n  class="a">\r\n<p\n id="x">text</p>\r\n</div>'
    assert located(source)[2:] == [("div", source), ("p", '<p\n id="x">text</p>')]


def test_unclosed_element_at_the_end_extends_to_its_parent_end():
    source = "<div><p>open paragraph</div><p>next</p>"
    assert located(source)[2:] == [("div", "<div><p>open paragraph</div>"), ("p", "<p>open paragraph"),
                                   ("p", "<p>next</p>")]


def test_flatten_deep_blanks_tags_beyond_the_limit_and_keeps_offsets():
    source = "<div>" * 5 + "<p>x</p>" + "</div>" * 5
    flat = flatten_deep(source, 3)
    assert len(flat) == len(source)
    assert flat == "<div>" * 3 + " " * 10 + "<p>x</p>".replace("<p>x</p>", " " * 3 + "x" + " " * 4) \
        + " " * 12 + "</div>" * 3


def test_flatten_deep_keeps_line_breaks_and_shallow_documents():
    source = "<div><div\nclass='x'><p>y</p></div></div>"
    flat = flatten_deep(source, 1)
    assert flat == "<div>" + "    \n" + " " * 10 + "   y    " + " " * 6 + "</div>"
    assert flat.count("\n") == 1
    shallow = "<div><p>a<p>b</div>"
    assert flatten_deep(shallow, 10) is shallow


def test_content_the_parser_moves_out_of_head_keeps_its_own_tags():
    # a <p> in <head> opens the body early; the real <body> tag comes after that paragraph
    source = "<head><p>para in head</p></head><body><p>b</p></body>"
    assert located(source) == [
        ("html", None),
        ("head", None),  # the parser moved its paragraph into the body
        ("body", None),  # holds content that precedes its tag: no extent of its own
        ("p", "<p>para in head</p>"),
        ("p", "<p>b</p>"),
    ]


def test_late_html_and_body_tags_do_not_derail_the_walk():
    source = "<p>a</p><html><body><p>b</p></body></html>"
    assert [m for _, m in located(source)] == [None, None, "<p>a</p>", "<p>b</p>"]
