"""What an HTML page says about itself: title, byline, date, language, URL, site name.

Read from the markup conventions publishers actually use (Open Graph, schema.org, Dublin Core,
plain ``<meta>``), cheaply: one pass over the head-like elements of the tree already parsed,
and XPath lookups only for the rarer conventions when the tags say nothing.
"""

from __future__ import annotations

from lxml import etree

from ._model import Metadata

__all__ = ["html_metadata"]


def _clean(value) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _first_xpath(root, paths: tuple[tuple[etree.XPath, str, str], ...], source: str | None) -> str | None:
    """The first value found by an XPath, trying only those whose attribute is in the markup.

    Each XPath scans the whole tree; whether the markup sets the attribute it needs
    (``itemprop="author"``) is read from the source first, in a fraction of that time, and
    most pages do not.
    """
    for xp, attribute, wanted in paths:
        if source is not None and not _sets_attribute(source, attribute, wanted):
            continue
        found = xp(root)
        for value in [found] if isinstance(found, str) else found:
            text = _clean(value)
            if text:
                return text
    return None


def _sets_attribute(source: str, name: str, value: str) -> bool:
    """Whether some ``value`` in the markup follows ``name=`` (quoted or not, any case of the
    name). A literal search: a case-insensitive regex over the whole page costs more than
    the XPath it would spare."""
    start = source.find(value)
    while start != -1:
        before = source[max(0, start - len(name) - 8):start].rstrip("\"' \t\r\n")
        if before.endswith("=") and before[:-1].rstrip().lower().endswith(name):
            return True
        start = source.find(value, start + len(value))
    return False


_X = etree.XPath
# Rarer conventions, looked up only when the page's <meta> tags do not already say it.
_BYLINE_MARKUP = (
    (_X("//*[@itemprop='author']//*[@itemprop='name']/@content"), "itemprop", "author"),
    (_X("string(//*[@itemprop='author']//*[@itemprop='name'][1])"), "itemprop", "author"),
    (_X("string(//*[@itemprop='author'][1])"), "itemprop", "author"),
    (_X("string(//a[@rel='author'][1])"), "rel", "author"),
)
_DATE_MARKUP = ((_X("//*[@itemprop='datePublished']/@datetime"), "itemprop", "datePublished"),)

# (attribute, value) of a <meta> tag, in order of trust, for each field
_META = {
    "title": (("property", "og:title"), ("name", "twitter:title"), ("itemprop", "headline")),
    "byline": (("name", "author"), ("property", "article:author"), ("name", "byl"), ("name", "dc.creator")),
    "date": (("property", "article:published_time"), ("itemprop", "datepublished"), ("name", "date"),
             ("name", "dc.date"), ("name", "pubdate")),
    "language": (("http-equiv", "content-language"), ("property", "og:locale")),
    "url": (("property", "og:url"),),
    "site_name": (("property", "og:site_name"), ("name", "application-name")),
    "description": (("name", "description"), ("property", "og:description")),
}


def html_metadata(root, url: str | None = None, *, source: str | None = None) -> Metadata:
    """One pass over the page's <meta>, <link>, <title> and <time> elements, then the rest.

    ``source`` is the markup the tree was parsed from: an XPath lookup that scans the whole
    tree is skipped when the attribute value it looks for is nowhere in the markup."""
    metas: dict[tuple[str, str], str] = {}
    canonical = title = time = None
    for el in root.iter("meta", "link", "title", "time"):
        tag = el.tag
        if tag == "meta":
            content = _clean(el.get("content"))
            if content is None:
                continue
            for attr in ("property", "name", "itemprop", "http-equiv"):
                value = el.get(attr)
                if value:
                    metas.setdefault((attr, value.strip().lower()), content)
        elif tag == "link":
            if canonical is None and (el.get("rel") or "").strip().lower() == "canonical":
                canonical = _clean(el.get("href"))
        elif tag == "title":
            if title is None:
                title = _clean(el.text_content())
        elif time is None:
            time = _clean(el.get("datetime"))

    def meta(field: str) -> str | None:
        for key in _META[field]:
            value = metas.get(key)
            if value and not (field == "byline" and value.startswith(("http://", "https://"))):
                return value
        return None

    language = _clean(root.get("lang")) or _clean(root.get("{http://www.w3.org/XML/1998/namespace}lang")) \
        or meta("language")
    if language:
        language = language.replace("_", "-").split("-")[0].lower()[:8] or None
    page_url = canonical or meta("url")
    if page_url and not page_url.startswith(("http://", "https://")):
        page_url = None
    return Metadata(
        title=meta("title") or title,
        byline=meta("byline") or _first_xpath(root, _BYLINE_MARKUP, source),
        date=meta("date") or _first_xpath(root, _DATE_MARKUP, source) or time,
        language=language,
        url=url or page_url,
        site_name=meta("site_name"),
        description=meta("description"),
    )
