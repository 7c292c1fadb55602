"""What can be cleaned, and whether it is HTML: decided by markup structure, not a stray '<'."""

from __future__ import annotations

import lxml.etree
import lxml.html
import pytest
from bs4 import BeautifulSoup

from cleanerlib import (
    Cleaner,
    CleanerlibError,
    ConfigError,
    InputError,
    UnsupportedInputError,
    clean,
)
from cleanerlib._input import looks_like_html, read_input


@pytest.mark.parametrize(
    "text",
    [
        "Benchmarks show a < b for most workloads, and b > c when caches are cold.",
        "We <3 the new keyboard.\nThe battery lasts two days.",
        "First line of the article.<br>\nSecond line after one stray break.",
        "Use the <br> tag sparingly, the editor said.",
        "Prices: 4 < 5 < 6; arrows -> and <- everywhere; x<y and y>z.",
        "Use <b>bold</b> for emphasis, the style guide says.",
        "",
    ],
)
def test_plain_text_with_angle_brackets_is_text(text):
    assert looks_like_html(text) is False
    assert read_input(text)[1] == "text"


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><title>x</title>",
        "<html><body>Hello</body></html>",
        "<p>One</p><p>Two</p><p>Three</p>",
        "<p>A single paragraph element.</p>",
        "<div class='post'><h2>Title</h2><p>Body text.</p></div>",
        "Intro text <b>bold</b> and <a href='/x'>a link</a> inside.",
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
        "<?xml version='1.0'?><!DOCTYPE html><html></html>",
    ],
)
def test_fragments_with_a_few_tags_are_html(text):
    assert looks_like_html(text) is True
    assert read_input(text)[1] == "html"


def test_input_type_forces_the_verdict():
    assert read_input("<p>One</p><p>Two</p>", "text") == ("<p>One</p><p>Two</p>", "text")
    assert read_input("just words", "html") == ("just words", "html")
    r = clean("<p>One</p><p>Two</p>", input_type="text", filters=[])
    assert r.input_type == "text" and r.text == "<p>One</p><p>Two</p>"


def test_unknown_input_type_is_a_config_error():
    with pytest.raises(ConfigError, match="input_type must be one of auto, html, text"):
        read_input("x", "markdown")
    with pytest.raises(ConfigError):
        Cleaner(input_type="xml")


@pytest.mark.parametrize("obj", [None, 42, 3.5, ["<p>x</p>"], {"html": "x"}, object()])
def test_unsupported_types_raise_a_clear_error(obj):
    with pytest.raises(UnsupportedInputError) as info:
        clean(obj)
    err = info.value
    assert isinstance(err, InputError) and isinstance(err, CleanerlibError) and isinstance(err, TypeError)
    assert err.type_name == f"builtins.{type(obj).__qualname__}"
    assert "pass str, bytes, a BeautifulSoup object or an lxml element" in str(err)


def test_bytes_like_inputs():
    assert read_input(b"plain words") == ("plain words", "text")
    assert read_input(bytearray(b"plain words")) == ("plain words", "text")
    assert read_input(memoryview(b"<p>a</p><p>b</p>")) == ("<p>a</p><p>b</p>", "html")


def test_str_input_is_the_source_text_itself():
    text = "Line one\r\n\tLine two \u2014 \U0001f600"
    assert read_input(text) == (text, "text")


def test_beautifulsoup_document_and_tag():
    soup = BeautifulSoup("<div><p>a &amp; b</p><p>c</p></div>", "html.parser")
    assert read_input(soup) == ("<div><p>a &amp; b</p><p>c</p></div>", "html")
    assert read_input(soup.find("p")) == ("<p>a &amp; b</p>", "html")
    assert read_input(soup, "text") == ("<div><p>a &amp; b</p><p>c</p></div>", "text")
    r = clean(soup, filters=[])
    assert [b.text for b in r.blocks] == ["a & b", "c"]
    assert r.source_text == str(soup)


def test_beautifulsoup_string_is_plain_text():
    soup = BeautifulSoup("<p>just words</p>", "html.parser")
    assert read_input(soup.p.string) == ("just words", "text")


def test_lxml_element_tree_and_subelement():
    root = lxml.html.fromstring("<div><p>first</p>tail text<p>second</p></div>")
    assert read_input(root) == ("<div><p>first</p>tail text<p>second</p></div>", "html")
    # an element's tail follows it in the parent; it is not part of the element
    assert read_input(root.find("p")) == ("<p>first</p>", "html")
    doc = lxml.html.document_fromstring("<p>x</p>")
    assert read_input(doc.getroottree()) == ("<html><body><p>x</p></body></html>", "html")
    r = clean(root.find("p"), filters=[])
    assert [b.text for b in r.blocks] == ["first"]


def test_lxml_etree_element_from_the_xml_parser():
    el = lxml.etree.fromstring("<root><item>Hello</item></root>")
    text, kind = read_input(el)
    assert kind == "html" and "Hello" in text


def test_surrogates_in_str_are_replaced_one_for_one():
    text, kind = read_input("ab\ud83dcd")
    assert (text, kind) == ("ab\ufffdcd", "text")
