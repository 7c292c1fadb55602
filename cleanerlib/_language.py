"""Document language from stopwords: cheap, dependency-free, good enough to pick phrase data.

Each language's data file lists its most frequent function words; the language whose words
cover the largest share of the document's tokens wins, if it wins clearly.
"""

from __future__ import annotations

from typing import Iterable

from ._normalize import words
from .filters._phrases import languages, word_set

__all__ = ["detect_language"]


def detect_language(normalized_texts: Iterable[str], *, max_words: int = 2000) -> str | None:
    tokens: list[str] = []
    for text in normalized_texts:
        tokens.extend(words(text))
        if len(tokens) >= max_words:
            break
    if len(tokens) < 5:
        return None
    scores = []
    for lang in languages():
        stop = word_set(lang, "stopwords")
        scores.append((sum(1 for t in tokens if t in stop), lang))
    scores.sort(key=lambda s: (-s[0], s[1]))
    best_hits, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    if best_hits < max(3, len(tokens) // 20) or best_hits < 1.25 * runner_up:
        return None
    return best
