"""Document language from stopwords: cheap, dependency-free, good enough to pick phrase data.

Each language's data file lists its most frequent function words; the language whose words
cover the largest share of the document's tokens wins, if it wins clearly.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ._normalize import words
from .filters._phrases import languages, word_set

__all__ = ["detect_language", "language_of_tokens"]


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
    # one pass in C per language: how many of the tokens are its stopwords
    hits = {lang: sum(map(word_set(lang, "stopwords").__contains__, tokens)) for lang in languages()}
    scores = sorted(((n, lang) for lang, n in hits.items()), key=lambda s: (-s[0], s[1]))
    best_hits, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    if best_hits < max(3, len(tokens) // 20) or best_hits < 1.25 * runner_up:
        return None
    return best
