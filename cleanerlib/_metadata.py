"""What an HTML page says about itself: title, byline, date, language, URL, site name.

Read from the markup conventions publishers actually use (Open Graph, schema.org, Dublin Core,
plain ``<meta>``), cheaply, with a handful of XPath lookups on the tree already parsed.
"""

from __future__ import annotations

from lxml import etree

from ._model import Metadata

__all__ = ["html_metadata"]


def _first(root, paths: tuple[etree.XPath, ...]) -> str | None:
    for xp in paths:
        found = xp(root)
        for value in [found] if isinstance(found, str) else found:
            text = " ".join(str(value).split())
            if text:
                return text
    return None


_X = etree.XPath
_TITLE = (
    _X("//meta[@property='og:title']/@content"),
    _X("//meta[@name='twitter:title']/@content"),
    _X("//meta[@itemprop='headline']/@content"),
    _X("//head/title//text()"),
    _X("//title//text()"),
)
_BYLINE = (
    _X("//meta[@name='author']/@content"),
    _X("//meta[@property='article:author' and not(starts-with(@content, 'http'))]/@content"),
    _X("//meta[@name='byl']/@content"),
    _X("//meta[@name='dc.creator' or @name='DC.creator']/@content"),
    _X("//*[@itemprop='author']//*[@itemprop='name']/@content"),
    _X("string(//*[@itemprop='author']//*[@itemprop='name'][1])"),
    _X("string(//*[@itemprop='author'][1])"),
    _X("string(//a[@rel='author'][1])"),
)
_DATE = (
    _X("//meta[@property='article:published_time']/@content"),
    _X("//meta[@itemprop='datePublished']/@content"),
    _X("//*[@itemprop='datePublished']/@datetime"),
    _X("//meta[@name='date' or @name='dc.date' or @name='DC.date' or @name='pubdate']/@content"),
    _X("//time[@datetime][1]/@datetime"),
)
_LANGUAGE = (
    _X("/html/@lang"),
    _X("/html/@xml:lang"),
    _X("//meta[@http-equiv='content-language' or @http-equiv='Content-Language']/@content"),
    _X("//meta[@property='og:locale']/@content"),
)
_URL = (
    _X("//link[@rel='canonical']/@href"),
    _X("//meta[@property='og:url']/@content"),
)
_SITE = (_X("//meta[@property='og:site_name']/@content"), _X("//meta[@name='application-name']/@content"))
_DESCRIPTION = (
    _X("//meta[@name='description']/@content"),
    _X("//meta[@property='og:description']/@content"),
)


def html_metadata(root, url: str | None = None) -> Metadata:
    language = _first(root, _LANGUAGE)
    if language:
        language = language.replace("_", "-").split("-")[0].lower()[:8] or None
    page_url = _first(root, _URL)
    if page_url and not page_url.startswith(("http://", "https://")):
        page_url = None
    return Metadata(
        title=_first(root, _TITLE),
        byline=_first(root, _BYLINE),
        date=_first(root, _DATE),
        language=language,
        url=url or page_url,
        site_name=_first(root, _SITE),
        description=_first(root, _DESCRIPTION),
    )
