"""Repeated paragraphs within one document: exact repeats, near-repeats, pull quotes.

Scrapes repeat text in three ways: a paragraph captured twice, a dek or summary that restates
the first paragraph in slightly other words, and a pull quote that lifts a sentence out of the
body. Each is found by word-shingle containment through an inverted index, so the cost grows
with the number of shingles, not with the square of the number of blocks. The copy that is
shorter (or, between equals, later) is dropped and points at the kept twin.

Short repeats are left alone on purpose: a quoted phrase the article analyses, a one-line
refrain. And a conclusion that restates the introduction in other words shares few shingles,
so it survives.
"""

from __future__ import annotations

from typing import Iterable

from .._normalize import words
from .._pipeline import Document, Drop, Filter, register

__all__ = ["RepeatedParagraphs"]


@register
class RepeatedParagraphs(Filter):
    """Drop later exact repeats, near-repeating deks and pull quotes; point at the kept twin.

    - ``min_words``: blocks shorter than this are never dropped as repeats (refrains, quoted
      phrases);
    - ``pull_quote_coverage``: share of a short block's word trigrams found in a longer block
      for it to be a pull quote (nearly verbatim);
    - ``near_coverage``: share of trigrams shared for a near-repeat (a dek restating a paragraph);
    - ``max_postings``: trigrams in more blocks than this carry no evidence and are skipped
      (this bounds the cost on long, repetitive documents).
    """

    name = "repeats"
    reasons = {
        "exact_repeat": "the same paragraph appears earlier in the document",
        "near_repeat": "restates another paragraph nearly word for word (a dek or a second capture)",
        "pull_quote": "a sentence lifted from another paragraph and shown on its own",
    }

    def __init__(
        self,
        *,
        min_words: int = 8,
        pull_quote_coverage: float = 0.85,
        pull_quote_max_share: float = 0.75,
        near_coverage: float = 0.6,
        shingle: int = 3,
        max_postings: int = 40,
    ) -> None:
        self.min_words = min_words
        self.pull_quote_coverage = pull_quote_coverage
        self.pull_quote_max_share = pull_quote_max_share
        self.near_coverage = near_coverage
        self.shingle = shingle
        self.max_postings = max_postings

    def decide(self, doc: Document) -> Iterable[Drop]:
        k = self.shingle
        tokens: dict[int, list[str]] = {}
        for b in doc.blocks:
            if b.kept:
                toks = words(doc.keys[b.index])
                if len(toks) >= self.min_words:
                    tokens[b.index] = toks

        out: list[Drop] = []
        dropped: set[int] = set()
        first_seen: dict[str, int] = {}
        for i, toks in tokens.items():
            key = " ".join(toks)
            twin = first_seen.setdefault(key, i)
            if twin != i and i != doc.title_index:
                out.append(Drop(i, "exact_repeat", f"Repeats block {twin} word for word.", ref=twin))
                dropped.add(i)

        shingles: dict[int, set[tuple[str, ...]]] = {}
        postings: dict[tuple[str, ...], list[int]] = {}
        for i, toks in tokens.items():
            if i in dropped:
                continue
            sh = {tuple(toks[j:j + k]) for j in range(len(toks) - k + 1)}
            shingles[i] = sh
            for s in sh:
                postings.setdefault(s, []).append(i)

        for i in sorted(shingles):
            if i == doc.title_index:
                continue
            own = shingles[i]
            shared: dict[int, int] = {}
            for s in own:
                posting = postings[s]
                if len(posting) > self.max_postings:
                    continue
                for j in posting:
                    if j != i:
                        shared[j] = shared.get(j, 0) + 1
            best: tuple[float, int, int] | None = None
            for j, count in shared.items():
                if j in dropped or not self._is_victim(i, j, shingles):
                    continue
                coverage = count / len(own)
                if coverage >= self.near_coverage:
                    candidate = (coverage, -abs(i - j), j)
                    if best is None or candidate > best:
                        best = candidate
            if best is None:
                continue
            coverage, _, j = best
            share = len(tokens[i]) / len(tokens[j])
            if coverage >= self.pull_quote_coverage and share <= self.pull_quote_max_share:
                out.append(Drop(i, "pull_quote", f"{coverage:.0%} of it is in block {j}, which is kept.", ref=j))
            else:
                out.append(Drop(i, "near_repeat", f"Restates block {j} ({coverage:.0%} of its word sequences).", ref=j))
            dropped.add(i)
        return out

    @staticmethod
    def _is_victim(i: int, j: int, shingles: dict[int, set]) -> bool:
        """Of two overlapping blocks, the smaller goes; between equals, the later one."""
        a, b = len(shingles[i]), len(shingles[j])
        if a != b:
            return a < b
        return i > j
