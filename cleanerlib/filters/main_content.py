"""Main-content detection, delegated to trafilatura and recorded like any other decision.

trafilatura is the best general main-content extractor we measured, but it returns text, not
the page's elements. We align its text with our blocks in document order: long blocks match
anywhere (they are distinctive), short ones only where the alignment already is, or on a line
of their own, so a menu item that happens to reappear in the article is not taken for it.
Every block trafilatura left out is dropped with the reason ``outside_main_content``, so the
provenance map still accounts for the whole page.
"""

from __future__ import annotations

from typing import ClassVar, Iterable

from .._model import Kind
from .._normalize import words
from .._exceptions import ConfigError
from .._pipeline import Document, Drop, Filter, register

__all__ = ["MainContent"]

_SHINGLE = 3


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < _SHINGLE:
        return {tuple(tokens)}
    return set(zip(*(tokens[j:] for j in range(_SHINGLE))))


@register
class MainContent(Filter):
    """Drop what trafilatura does not consider the page's main content (HTML input only).

    Options are passed to ``trafilatura.extract``; ``on_failure`` says what to do when it finds
    no main content at all: ``"keep"`` leaves the page's text to the other filters (a short
    page is often all article) and drops only links and page furniture (nav, header, footer,
    aside), ``"drop"`` removes everything.
    """

    name = "main_content"
    reasons = {"outside_main_content": "trafilatura did not include this text in the page's main content"}
    selects_main_content: ClassVar[bool] = True

    def __init__(
        self,
        *,
        favor_precision: bool = False,
        favor_recall: bool = False,
        fallbacks: str = "auto",
        fallback_below: int = 1000,
        fallback_prose_ratio: float = 2.0,
        fallback_prose_words: int = 20,
        include_comments: bool = False,
        include_tables: bool = True,
        on_failure: str = "keep",
        min_long_chars: int = 40,
        fuzzy_coverage: float = 0.8,
        fuzzy_min_words: int = 12,
        fill_gaps: bool = True,
        max_gap: int = 25,
        fill_min_words: int = 20,
        fill_caption_words: int = 12,
        max_table_nesting: int = 32,
    ) -> None:
        self.favor_precision = favor_precision
        self.favor_recall = favor_recall
        self.fallbacks = fallbacks
        self.fallback_below = fallback_below
        self.fallback_prose_ratio = fallback_prose_ratio
        self.fallback_prose_words = fallback_prose_words
        self.include_comments = include_comments
        self.include_tables = include_tables
        self.on_failure = on_failure
        self.min_long_chars = min_long_chars
        self.fuzzy_coverage = fuzzy_coverage
        self.fuzzy_min_words = fuzzy_min_words
        self.fill_gaps = fill_gaps
        self.max_gap = max_gap
        self.fill_min_words = fill_min_words
        self.fill_caption_words = fill_caption_words
        self.max_table_nesting = max_table_nesting

    def extract(self, doc: Document) -> str | None:
        """trafilatura's main text; its slower fallback extractors run only when needed.

        With ``fallbacks="auto"`` trafilatura's own extractor runs first, and its readability
        and jusText fallbacks only when that finds less than ``fallback_below`` characters
        while the page holds at least ``fallback_prose_ratio`` times as much prose (text in
        blocks of ``fallback_prose_words`` words or more): that is where they recover an
        article. A page whose prose was all found has nothing for them to recover, and running
        them means running trafilatura a second time. ``"always"`` and ``"never"`` force the
        choice.
        """
        if self.fallbacks not in ("auto", "always", "never"):
            raise ConfigError(f"fallbacks must be 'auto', 'always' or 'never', got {self.fallbacks!r}")
        text = self._extract(doc, fast=self.fallbacks != "always")
        found = len(text or "")
        if self.fallbacks == "auto" and found < self.fallback_below:
            prose = sum(len(b.text) for b in doc.blocks if doc.n_words[b.index] >= self.fallback_prose_words)
            if prose >= self.fallback_prose_ratio * found:
                text = self._extract(doc, fast=False)
        return text

    def _extract(self, doc: Document, *, fast: bool) -> str | None:
        import trafilatura

        return trafilatura.extract(
            doc.page.root,
            url=doc.url,
            favor_precision=self.favor_precision,
            favor_recall=self.favor_recall,
            fast=fast,
            include_comments=self.include_comments,
            include_tables=self.include_tables,
            deduplicate=False,
            with_metadata=False,
        )

    def decide(self, doc: Document) -> Iterable[Drop]:
        if doc.input_type != "html" or doc.page is None or not doc.blocks:
            return ()
        # tables nested hundreds deep (broken or hostile markup) take trafilatura's table
        # handling superlinear time; no article is laid out like that
        nesting = max((b.source.xpath or "").count("/table") for b in doc.blocks)
        extracted = self.extract(doc) if nesting <= self.max_table_nesting else None
        if not extracted or not extracted.strip():
            if self.on_failure == "drop":
                return [
                    Drop(b.index, "outside_main_content", "trafilatura found no main content on this page")
                    for b in doc.blocks
                ]
            # keep the page's text for the other filters, but not its menus: a page that is
            # nothing but navigation then ends up empty and flagged for review
            return [
                Drop(b.index, "outside_main_content",
                     "trafilatura found no main content; links and page furniture are not text")
                for b in doc.blocks
                if b.index != doc.title_index and (
                    (b.hints is not None and b.hints.link_density(len(b.text)) >= 0.5)
                    or any(st.split("[", 1)[0] in _BOXES for st in _steps(b.source.xpath)))
            ]
        in_main = self.align(doc, extracted)
        if self.fill_gaps:
            in_main = self.fill_article_gaps(doc, in_main)
        for b in doc.blocks:  # the <title> element is metadata unless it is the only headline
            if b.hints is not None and b.hints.tag == "title" and b.index != doc.title_index:
                in_main[b.index] = False
        return [
            Drop(b.index, "outside_main_content", "not part of the main content trafilatura extracted")
            for b in doc.blocks
            if b.kept and not in_main[b.index]
        ]

    def fill_article_gaps(self, doc: Document, in_main: list[bool]) -> list[bool]:
        """Take back article text between two main-content blocks inside their common container.

        trafilatura's fallbacks keep some paragraphs and lose others next to them (pages with
        generated class names are where this happens). A substantial paragraph that sits inside
        the article's own container, between two pieces trafilatura kept, is article text; so
        is a heading that introduces such a paragraph, and a list that a paragraph ending in a
        colon introduces (also under the last piece trafilatura kept). Short fragments (labels,
        captions, credits) keep trafilatura's verdict. The headline counts as an anchor, so the
        gap under it is considered too, and so is the headline's own box: the lead paragraph
        beside an <h1> in the article's <header>, which trafilatura leaves out with the header.
        """
        anchors = [i for i, v in enumerate(in_main) if v]
        t = doc.title_index
        if t is not None and doc.blocks[t].hints is not None and doc.blocks[t].hints.tag != "title":
            anchors = sorted(set(anchors) | {t})
        gap: list[int] = []
        for a, b in zip(anchors, anchors[1:]):
            if b - a < 2 or b - a > self.max_gap:
                continue
            sa, sb = _steps(doc.blocks[a].source.xpath), _steps(doc.blocks[b].source.xpath)
            common = 0
            while common < min(len(sa), len(sb)) - 1 and sa[common] == sb[common]:
                common += 1
            if common < 3:  # the page wrapper (html/body/div) is not an article container
                continue
            prefix = sa[:common]
            for i in range(a + 1, b):
                steps = _steps(doc.blocks[i].source.xpath)
                # inside the container, but not in a box of its own (a promo <aside>, a <nav>);
                # the headline's own box is the article's (the lead beside an <h1> in <header>)
                if doc.blocks[i].kept and steps[:common] == prefix and (not any(
                        st.split("[", 1)[0] in _BOXES for st in steps[common:])
                        or a == t and steps[:-1] == sa[:-1]):
                    gap.append(i)
        out = list(in_main)
        for i in gap:
            b = doc.blocks[i]
            n = doc.n_words[i]
            if (b.kind in (Kind.PARAGRAPH, Kind.QUOTE) and n >= self.fill_min_words) or (
                    b.kind is Kind.CAPTION and n >= self.fill_caption_words):
                out[i] = True
        for i in gap:
            b = doc.blocks[i]
            if out[i]:
                continue
            if b.kind is Kind.HEADING and i + 1 < len(out) and out[i + 1] and _same_group(b, doc.blocks[i + 1]):
                out[i] = True
            elif b.kind is Kind.LIST_ITEM:
                j = i - 1
                while j >= 0 and doc.blocks[j].kind is Kind.LIST_ITEM:
                    j -= 1
                if j >= 0 and out[j] and doc.blocks[j].text.rstrip().endswith(":"):
                    out[i] = True
        # the list under the article's last paragraph when that paragraph introduces it ("The
        # full analysis and the vendor's notice are here:"): its links are the article's sources
        last = anchors[-1] if anchors else None
        # (a sentence of its own: "MORE INFORMATION:" over a list of links is a teaser header)
        if last is not None and doc.blocks[last].kind is Kind.PARAGRAPH and doc.n_words[last] >= 8 \
                and doc.blocks[last].text.rstrip().endswith(":"):
            group = None
            for i in range(last + 1, min(len(out), last + 1 + self.max_gap)):
                b = doc.blocks[i]
                if b.kind is not Kind.LIST_ITEM or b.hints is None or group not in (None, b.hints.group):
                    break
                group = b.hints.group
                out[i] = out[i] or b.kept
        return out

    def align(self, doc: Document, extracted: str) -> list[bool]:
        """Which blocks the extracted text covers, matched in document order.

        First the long blocks, which are distinctive, anchor the alignment; then each short
        block is looked for only in the stretch of extracted text between the anchors around
        it (and, before the first or after the last anchor, only as a line of its own).
        """
        hay_parts: list[str] = []
        line_edges: set[int] = set()
        pos = 1
        for line in extracted.splitlines():
            toks = words(line.casefold())
            if not toks:
                continue
            chunk = " ".join(toks)
            line_edges.add(pos)
            hay_parts.append(chunk)
            pos += len(chunk)
            line_edges.add(pos)
            pos += 1
        hay = " " + " ".join(hay_parts) + " "
        shingles: set[tuple[str, ...]] | None = None

        n = len(doc.blocks)
        verdict: list[bool | None] = [None] * n
        keys: dict[int, str] = {}
        for b in doc.blocks:
            toks = doc.tokens[b.index]
            if toks:  # blocks without words (an arrow, a separator) follow their neighbours
                keys[b.index] = " ".join(toks)

        anchors: list[tuple[int, int, int]] = []  # (block, start, end) in hay
        cursor = 0
        for i, key in keys.items():
            if len(key) < self.min_long_chars:
                continue
            found = hay.find(" " + key + " ", cursor)
            if found >= 0 and anchors and hay.find(" " + key + " ", anchors[-1][1] - 1) < found:
                # a sentence of the block just matched (a pull quote of a statement the
                # article quotes again later): in the text, but no anchor, or the short
                # blocks after it would be looked for only after its later copy
                verdict[i] = True
            elif found >= 0:
                verdict[i] = True
                anchors.append((i, found + 1, found + 1 + len(key)))
                cursor = found + len(key) + 1
            elif hay.find(" " + key + " ") >= 0:
                verdict[i] = True  # out of order, but too long to be a coincidence
            elif len(key.split()) < self.fuzzy_min_words:
                verdict[i] = False
            else:
                if shingles is None:
                    shingles = _shingles(hay.split())
                own = _shingles(key.split())
                verdict[i] = len(own & shingles) >= self.fuzzy_coverage * len(own)

        a = 0
        lo, local = 0, 0
        for i, key in keys.items():
            if verdict[i] is not None:
                continue
            while a < len(anchors) and anchors[a][0] < i:
                lo = local = anchors[a][2]
                a += 1
            hi = anchors[a][1] if a < len(anchors) else len(hay)
            inside = 0 < a < len(anchors)
            found = hay.find(" " + key + " ", max(lo, local))
            start, end = found + 1, found + 1 + len(key)
            ok = found >= 0 and end <= hi and (inside or (start in line_edges and end in line_edges))
            verdict[i] = ok
            if ok:
                local = end
        return _fill_gaps(verdict)

_BOXES = frozenset(("aside", "nav", "footer", "header", "form", "menu", "dialog"))


def _same_group(a, b) -> bool:
    return a.hints is not None and b.hints is not None and a.hints.group == b.hints.group


def _steps(xpath: str | None) -> list[str]:
    return xpath.split("/")[1:] if xpath else []


def _fill_gaps(verdict: list[bool | None]) -> list[bool]:
    """Blocks without words inherit the verdict of the blocks on both sides (both must agree)."""
    out = []
    n = len(verdict)
    prev = False
    nxt_of = [False] * n
    nxt = False
    for i in range(n - 1, -1, -1):
        if verdict[i] is not None:
            nxt = bool(verdict[i])
        nxt_of[i] = nxt
    for i, v in enumerate(verdict):
        if v is None:
            out.append(prev and nxt_of[i])
        else:
            prev = v
            out.append(v)
    return out
