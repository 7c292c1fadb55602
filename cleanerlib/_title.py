"""Which block is the page's headline.

The headline is kept as a heading block in its place, and filters may not remove it, so the
choice is conservative: for HTML the ``<h1>`` that matches what the page declares as its title
(``og:title``, ``<title>``), else the ``<title>`` element itself; for plain text the first
headline-shaped line before the article starts, skipping leading residue.
"""

from __future__ import annotations

import re
from typing import Sequence

from ._model import Block, Kind
from ._normalize import words, normalize
from .filters._evidence import looks_like_residue

__all__ = ["html_title_index", "text_title_index"]

_NOT_TITLE = re.compile(
    r"(?:^\S+\s*[\u00bb\u203a>/|]\s*\S)|\bmin(?:ute)?s? read\b|^\W*$|\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


def _overlap(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7\u2022\u00bb:/-]+\s+|\s*\|\s*")


def _core(title: str) -> str:
    """The longest segment of a title split at site-name separators ("Headline | Site")."""
    return max(_TITLE_SEPARATORS.split(title), key=len)


def html_title_index(blocks: Sequence[Block], declared_title: str | None) -> int | None:
    declared = declared_title or ""
    title_words = words(normalize(_core(declared) if len(_core(declared)) >= 15 else declared))
    best, best_score = None, 0.0
    headings = [b for b in blocks if b.hints is not None and b.hints.tag in ("h1", "h2")]
    for b in headings:
        w = words(normalize(b.text))
        score = _overlap(w, title_words)
        joined, tjoined = " ".join(w), " ".join(title_words)
        if w and tjoined and (joined in tjoined or tjoined in joined):
            score = max(score, 0.6 + 0.4 * min(len(w), len(title_words)) / max(len(w), len(title_words)))
        if b.hints.tag == "h2":
            score *= 0.8
        if score > best_score:
            best, best_score = b.index, score
    if best is not None and best_score >= 0.5:
        return best
    h1s = [b for b in headings if b.hints.tag == "h1" and len(b.text.split()) >= 4]
    if len(h1s) == 1:
        return h1s[0].index
    for b in blocks:
        if b.hints is not None and b.hints.tag == "title":
            return b.index
    return None


def text_title_index(blocks: Sequence[Block], *, lookahead: int = 12) -> int | None:
    """First headline-shaped line (five words or more) before the first real paragraph.

    Lines that look like residue (breadcrumbs, cart totals, "Read More →") are skipped and do
    not count towards the lookahead, so the choice is the same whether or not the residue is
    still there (cleaning a clean text again finds the same headline).
    """
    candidates = []
    seen = 0
    for b in blocks:
        if seen >= lookahead:
            break
        n_words = len(b.text.split())
        if b.kind is Kind.PARAGRAPH and n_words >= 25:
            break
        if _NOT_TITLE.search(b.text) or (n_words <= 16 and looks_like_residue(normalize(b.text))):
            continue
        seen += 1
        if b.kind is Kind.HEADING and n_words >= 2:
            candidates.append((n_words, b.index))
    for n_words, index in candidates:
        if n_words >= 5:
            return index
    return max(candidates)[1] if candidates else None
