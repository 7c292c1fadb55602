"""Normalisation for matching, and stable fingerprints.

Matching must see through the differences scrapers introduce (Unicode compatibility forms,
curly vs straight quotes, dash variants, non-breaking spaces, case), while the text returned to
users is never altered: these functions only produce keys for comparison.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["normalize", "words", "fingerprint", "content_key"]

# Characters NFKC leaves alone but that scrapers swap freely.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    }
)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Key for comparing two pieces of text as a reader would: same words, same order."""
    if text.isascii():
        t = text.lower().translate(_TRANSLATE)
    else:
        # translate before NFKC too: NFKC turns some of these into other characters
        # (an acute accent into a space and a combining mark, a double prime into two primes)
        t = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE).casefold()
    return _SPACES.sub(" ", t).strip()


def words(normalized: str) -> list[str]:
    """Word tokens of an already normalised string (punctuation dropped)."""
    return _WORD.findall(normalized)


def content_key(text: str) -> str:
    """Words only, single-spaced: two texts that differ only in punctuation share it."""
    return " ".join(words(normalize(text)))


def fingerprint(text: str) -> str:
    """A stable 16-hex-digit fingerprint of the text's content key.

    Uses blake2b, never Python's salted ``hash()``, so fingerprints agree across processes,
    machines and runs (site profiles are built shard by shard and merged).
    """
    return hashlib.blake2b(content_key(text).encode("utf-8"), digest_size=8).hexdigest()
