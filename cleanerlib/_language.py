"""Document language from stopwords: cheap, dependency-free, good enough to pick phrase data.

Each language's data file lists its most frequent function words; the language whose words
cover the largest share of the document's tokens wins, if it wins clearly.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Iterable, Sequence

from ._normalize import words
from .filters._phrases import languages, word_set

__all__ = ["detect_language", "language_of_tokens"]


@cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Every stopword of every language -> the languages it belongs to (static data)."""
    out: dict[str, list[str]] = {}
    for lang in languages():
        for word in word_set(lang, "stopwords"):
            out.setdefault(word, []).append(lang)
    return {w: tuple(ls) for w, ls in out.items()}


def detect_language(normalized_texts: Iterable[str], *, max_words: int = 1000) -> str | None:
    return language_of_tokens((words(t) for t in normalized_texts), max_words=max_words)


def language_of_tokens(token_lists: Iterable[Sequence[str]], *, max_words: int = 1000) -> str | None:
    """:func:`detect_language` on texts already split into words (a document's ``tokens``)."""
    tokens: list[str] = []
    for toks in token_lists:
        tokens.extend(toks)
        if len(tokens) >= max_words:
            break
    if len(tokens) < 5:
        return None
    hits = dict.fromkeys(languages(), 0)
    owners = _stopword_languages()
    for token, count in Counter(tokens).items():
        for lang in owners.get(token, ()):
            hits[lang] += count
    scores = sorted(((n, lang) for lang, n in hits.items()), key=lambda s: (-s[0], s[1]))
    best_hits, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    if best_hits < max(3, len(tokens) // 20) or best_hits < 1.25 * runner_up:
        return None
    return best
