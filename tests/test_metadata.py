"""What an HTML page says about itself."""

from __future__ import annotations

import lxml.html
import pytest

from cleanerlib import Cleaner, Metadata
from cleanerlib._metadata import html_metadata

HEAD = """<html lang="de-DE"><head>
<title>Fallback title | Site</title>
<meta property="og:title" content="  Chip   makers race  ">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-01T10:00:00Z">
<link rel="canonical" href="https://example.com/news/chips">
<meta property="og:site_name" content="TechSite">
<meta name="description" content="Fabs everywhere.">
</head><body><p>x</p></body></html>"""


def meta(source: str, url: str | None = None) -> Metadata:
    return html_metadata(lxml.html.document_fromstring(source), url, source=source)


def test_reads_open_graph_meta_and_link_tags():
    assert meta(HEAD) == Metadata(
        title="Chip makers race",
        byline="Jane Doe",
        date="2025-03-01T10:00:00Z",
        language="de",
        url="https://example.com/news/chips",
        site_name="TechSite",
        description="Fabs everywhere.",
    )


def test_fallbacks():
    source = ('<html><head><title>Only the title</title></head><body>'
              '<span itemprop="author">Max Muster</span><time datetime="2024-12-24">Dec 24</time>'
              '</body></html>')
    m = meta(source)
    assert (m.title, m.byline, m.date, m.language, m.url) == ("Only the title", "Max Muster", "2024-12-24", None, None)


def test_schema_org_author_name_not_the_whole_author_box():
    source = ('<html><body><div itemprop="author" itemscope><span itemprop="name">Jane Doe</span>'
              "<p>Jane has covered chips for ten years.</p></div></body></html>")
    assert meta(source).byline == "Jane Doe"


def test_given_url_wins_and_relative_canonical_is_ignored():
    source = '<html><head><link rel="canonical" href="/relative"></head><body></body></html>'
    assert meta(source).url is None
    assert meta(source, "https://example.com/x").url == "https://example.com/x"
    assert meta(HEAD, "https://example.com/given").url == "https://example.com/given"


def test_author_urls_are_not_bylines():
    source = '<html><head><meta property="article:author" content="https://fb.com/jane"></head></html>'
    assert meta(source).byline is None


def test_clean_passes_url_and_metadata_through():
    r = Cleaner(filters=[]).clean(HEAD, url="https://example.com/given")
    assert r.metadata.url == "https://example.com/given"
    assert r.metadata.byline == "Jane Doe" and r.metadata.site_name == "TechSite"
    t = Cleaner(filters=[]).clean("Just a line of text", url="https://example.com/t")
    assert t.metadata.url == "https://example.com/t"


@pytest.mark.parametrize("markup", [
    "<span itemprop=author>Jane Doe</span>",
    "<span ITEMPROP = 'author'>Jane Doe</span>",
    "<p>By <a rel=\"author\" href=\"/jane\">Jane Doe</a></p>",
])
def test_schema_org_and_rel_author_however_the_attribute_is_written(markup: str):
    assert meta(f"<html><body>{markup}<time datetime='2026-01-02'>2 Jan</time></body></html>").byline == "Jane Doe"
