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

from .._normalize import words
from .._pipeline import Document, Drop, Filter, register

__all__ = ["MainContent"]

_SHINGLE = 3


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + _SHINGLE]) for i in range(max(1, len(tokens) - _SHINGLE + 1))}


@register
class MainContent(Filter):
    """Drop what trafilatura does not consider the page's main content (HTML input only).

    Options are passed to ``trafilatura.extract``; ``on_failure`` says what to do when it finds
    no main content at all: ``"keep"`` leaves every block to the other filters (a short page
    is often all article), ``"drop"`` removes everything.
    """

    name = "main_content"
    reasons = {"outside_main_content": "trafilatura did not include this text in the page's main content"}
    selects_main_content: ClassVar[bool] = True

    def __init__(
        self,
        *,
        favor_precision: bool = False,
        favor_recall: bool = False,
        include_comments: bool = False,
        include_tables: bool = True,
        on_failure: str = "keep",
        min_long_chars: int = 40,
        short_window: int = 400,
        fuzzy_coverage: float = 0.8,
        fuzzy_min_words: int = 12,
    ) -> None:
        self.favor_precision = favor_precision
        self.favor_recall = favor_recall
        self.include_comments = include_comments
        self.include_tables = include_tables
        self.on_failure = on_failure
        self.min_long_chars = min_long_chars
        self.short_window = short_window
        self.fuzzy_coverage = fuzzy_coverage
        self.fuzzy_min_words = fuzzy_min_words

    def extract(self, doc: Document) -> str | None:
        import trafilatura

        return trafilatura.extract(
            doc.page.root,
            url=doc.url,
            favor_precision=self.favor_precision,
            favor_recall=self.favor_recall,
            include_comments=self.include_comments,
            include_tables=self.include_tables,
            deduplicate=False,
            with_metadata=False,
        )

    def decide(self, doc: Document) -> Iterable[Drop]:
        if doc.input_type != "html" or doc.page is None or not doc.blocks:
            return ()
        extracted = self.extract(doc)
        if not extracted or not extracted.strip():
            if self.on_failure == "drop":
                return [
                    Drop(b.index, "outside_main_content", "trafilatura found no main content on this page")
                    for b in doc.blocks
                ]
            return ()
        in_main = self.align(doc, extracted)
        return [
            Drop(b.index, "outside_main_content", "not part of the main content trafilatura extracted")
            for b in doc.blocks
            if b.kept and not in_main[b.index]
        ]

    def align(self, doc: Document, extracted: str) -> list[bool]:
        """Which blocks the extracted text covers, matched in document order."""
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
        cursor = 0
        for b in doc.blocks:
            i = b.index
            toks = words(doc.keys[i])
            if not toks:
                continue  # no words (an arrow, a separator): follows its neighbours below
            key = " ".join(toks)
            found = hay.find(" " + key + " ", cursor)
            if len(key) >= self.min_long_chars:
                if found >= 0:
                    verdict[i] = True
                    cursor = found + len(key) + 1
                elif hay.find(" " + key + " ") >= 0:
                    verdict[i] = True  # out of order, but too long to be a coincidence
                elif len(toks) < self.fuzzy_min_words:
                    verdict[i] = False
                else:
                    if shingles is None:
                        hay_tokens = hay.split()
                        shingles = _shingles(hay_tokens)
                    own = _shingles(toks)
                    verdict[i] = len(own & shingles) >= self.fuzzy_coverage * len(own)
                continue
            start = found + 1
            if found >= 0 and (
                found <= cursor + 1
                or (found - cursor <= self.short_window and start in line_edges and start + len(key) in line_edges)
            ):
                verdict[i] = True
                cursor = found + len(key) + 1
            else:
                verdict[i] = False
        return _fill_gaps(verdict)


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
