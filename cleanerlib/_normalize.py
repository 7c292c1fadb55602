"""Normalisation for matching, and stable fingerprints.

Matching must see through the differences scrapers introduce (Unicode compatibility forms,
curly vs straight quotes, dash variants, non-breaking spaces, case), while the text returned to
users is never altered: these functions only produce keys for comparison.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["normalize", "block_key", "unmark", "words", "strip_decoration", "fingerprint", "content_key"]

# Characters NFKC leaves alone but that scrapers swap freely: folded with one regex pass per
# target character (faster than str.translate with a mapping on non-ASCII text).
_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a]")
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]")
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_WORD = re.compile(r"\w+")


_ANY = re.compile("[\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a\u201c\u201d\u201e\u201f\u2033\u00ab"
                  "\u00bb\u2010-\u2015\u2212\u00ad\u200b\u200c\u200d\ufeff]")


def _fold(text: str) -> str:
    t = _DASHES.sub("-", _DOUBLE_QUOTES.sub('"', _SINGLE_QUOTES.sub("'", text)))
    return _INVISIBLE.sub("", t) if _INVISIBLE.search(t) else t


def normalize(text: str) -> str:
    """Key for comparing two pieces of text as a reader would: same words, same order."""
    if text.isascii():
        t = text.lower()
        if "`" in t:
            t = t.replace("`", "'")
    else:
        # quotes and dashes first: NFKC turns some of them (the acute accent) into other
        # characters that would then escape the folding; most lines hold none of them
        folded = _fold(text) if _ANY.search(text) else text
        t = unicodedata.normalize("NFKC", folded)
        if t is not folded and _ANY.search(t):  # NFKC can produce characters that need folding too
            t = _fold(t)
        t = t.casefold()
    # printable text has no whitespace but the plain space (tabs, line breaks and the other
    # spaces are not printable): then only runs of spaces and spaces at the ends need work
    if t.isprintable() and "  " not in t and t[:1] != " " and t[-1:] != " ":
        return t
    return " ".join(t.split())


# markdown that reader tools (Jina Reader, Firecrawl, html2text) leave around the words
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
# bold and strike-through marks at the edges of words (not "2**10" or "__init__")
_MD_MARKS = re.compile(r"(?<!\w)(?:\*\*|~~)(?=\S)|(?<=\S)(?:\*\*|~~)(?!\w)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# a whole line in italics, as html2text and reader tools write it ("_This article includes
# affiliate links._"); not "__init__" or a "* " bullet
_MD_ITALIC_LINE = re.compile(r"^([_*])(?![_*\s])(.*[^\s_*])\1$", re.S)


# a markdown escape ("\|", "\*", "\_"): html2text and reader tools write one before a
# character that would otherwise be markup; it stands for the character itself
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")


# lynx numbers each link where it stands ("[4]Ioana Petrescu", "[12]Subscribe"); a footnote
# mark follows its word ("… studies[1] show"), so only a number run into a word is one
_LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=[^\W\d_])")


def unmark(text: str) -> str:
    """The words of a line of markdown as a reader sees them: ``[text](address)`` becomes
    ``text`` (an image its alt text), and bold (``**``), strike-through, heading marks, the
    italics around a whole line and the backslashes of escaped characters go, so that
    "[87 Kommentare](https://…)" matches like "87 Kommentare" (and a text browser's "[4]Name"
    like "Name"). Lines without such markup
    come back as they are."""
    if "](" in text:
        for _ in range(2):  # a linked image "[![alt](picture)](link)" takes two passes
            text, n = _MD_LINK.subn(r"\1", text)
            if not n or "](" not in text:
                break
    if "**" in text or "~~" in text:
        text = _MD_MARKS.sub("", text)
    if text[:1] == "#":
        text = _MD_HEADING.sub("", text)
    if text[:1] in "_*" and text[-1:] == text[:1]:
        text = _MD_ITALIC_LINE.sub(r"\2", text)
    if "[" in text:  # a text browser's link number before the link's words: "By [4]Ioana Petrescu"
        text = _LINK_NUMBER.sub("", text)
    if "\\" in text:  # last: an escaped character is not markup ("\*\*" is two asterisks)
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def block_key(text: str) -> str:
    """The key a block is matched by: its words, markdown aside, normalised."""
    return normalize(unmark(text))


def words(normalized: str) -> list[str]:
    """Word tokens of an already normalised string (punctuation dropped)."""
    return _WORD.findall(normalized)


_INNER_SPACE = re.compile(r"\s+")
_LABEL_END = ".,;:!?"


def strip_decoration(key: str) -> str:
    """A normalised key without leading/trailing punctuation, arrows, bullets or emoji.

    Decoration is whatever is not a letter or digit (``[\\s\\W_]`` in a regex), scanned from
    both ends in place: a regex anchored at the end would try every position of a long line.
    """
    n = len(key)
    i = 0
    while i < n and not key[i].isalnum():
        i += 1
    j = n
    while j > i and not key[j - 1].isalnum():
        j -= 1
    if i == 0 and (j == n or (j == n - 1 and key[j] in _LABEL_END)):
        return key[:j]  # nothing, or only a full stop, to take off: the common cases
    inner = key[i:j]
    if inner.isprintable() and "  " not in inner:
        return inner  # single plain spaces only (a normalised key): nothing for the regex to join
    return _INNER_SPACE.sub(" ", inner)


def content_key(text: str) -> str:
    """Words only, single-spaced: two texts that differ only in punctuation share it."""
    return " ".join(words(normalize(text)))


def fingerprint(text: str) -> str:
    """A stable 16-hex-digit fingerprint of the text's content key.

    Uses blake2b, never Python's salted ``hash()``, so fingerprints agree across processes,
    machines and runs (site profiles are built shard by shard and merged).
    """
    return hashlib.blake2b(content_key(text).encode("utf-8"), digest_size=8).hexdigest()
