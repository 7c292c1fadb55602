"""Which block is the page's headline.

The headline is kept as a heading block in its place, and filters may not remove it, so the
choice is conservative: for HTML the ``<h1>`` that matches what the page declares as its title
(``og:title``, ``<title>``), else the ``<title>`` element itself; for plain text a
headline-shaped line before the article starts, skipping leading residue and author lines, and
of several the first that names the article's topic.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Sequence
from urllib.parse import urlsplit

from ._model import Block, Kind
from ._normalize import block_key, normalize, unmark, words
from ._segment_text import READER_HEADER, front_matter
from .filters._evidence import (content_stems, glued_trail, looks_like_residue, menu_shaped, phrase_table, prose_residue,
                                 site_consent_notice)
from .filters._phrases import merged_section

__all__ = ["html_title_index", "text_title_index", "reported_title", "with_site_name"]

_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u2019\u201d)]*\s+(?=\S)")
_NOT_TITLE = re.compile(
    r"(?:^\S+\s*[\u00bb\u203a>/|]\s*\S)|\bmin(?:ute)?s? read\b|^\W*$|\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|(?:^|[.!?]\s+)(?:photo |image )?credits?:\s"  # "… in Utrecht. Credit: Vantle", not "Tax credits: …"
    r"|^(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado)\b.{0,24}\d{4}$",
    re.IGNORECASE,
)


def _overlap(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


_URL_WORDS = re.compile(r"[-_/.+]+")
# a line that ends like a sentence (a headline may end in a question mark)
_ENDS_SENTENCE = re.compile(r"""[.!:;,]["'\u201d\u2019]*$|^["'\u201c\u201e\u00ab\u2018].*["'\u201d\u00bb\u2019]$""")
# what sets the site's name apart from the headline in a <title> ("… | TechSite", "TechSite – …")
_SITE_SEP = r"\s+[|\u2013\u2014\u00b7\u2022\u00bb-]+\s+|\s*\|\s*"
_SITE_SEPARATOR = re.compile(_SITE_SEP)
_SITE_SEPARATOR_BEFORE = re.compile(rf"(?:{_SITE_SEP})$")
_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7\u2022\u00bb:/-]+\s+|\s*\|\s*")


def _core(title: str) -> str:
    """The longest segment of a title split at site-name separators ("Headline | Site")."""
    return max(_TITLE_SEPARATORS.split(title), key=len)


_HEADLINE_TOKENS = frozenset(("post-title", "entry-title", "article-title", "headline", "article-headline",
                              "post-headline", "story-title"))


def html_title_index(blocks: Sequence[Block], declared_title: str | None) -> int | None:
    first_long = next((b.index for b in blocks if b.kind is Kind.PARAGRAPH and len(b.text.split()) >= 25), len(blocks))
    # Blogger and many themes set the post title in an <h3 class="post-title entry-title">;
    # lower headings only count by such a class (a sidebar's <h3> may echo the title too)
    # (before the article's first paragraph, and named by the title rather than naming it:
    # a related post's "<h3 class=entry-title>" under the article may share the title's words)
    headings = [b for b in blocks if b.hints is not None and (
        b.hints.tag in ("h1", "h2") or b.hints.tag in ("h3", "h4") and b.index < first_long
        and not _HEADLINE_TOKENS.isdisjoint(b.hints.tokens))]
    # the heading og:title names, else the page's one <h1>, else the heading the <title>
    # element names (og:title may be worded for social cards, the <title> carry the headline)
    best = _named_heading(headings, declared_title or "")
    if best is not None:
        return best
    h1s = [b for b in headings if b.hints.tag == "h1" and len(b.text.split()) >= 4]
    if len(h1s) > 1:  # a consent dialog's <h1> beside the article's
        h1s = [b for b in h1s if not _HEADLINE_TOKENS.isdisjoint(b.hints.tokens)]
    if len(h1s) == 1:
        return h1s[0].index
    # by the <title>: a heading of three words or more ("Blog | Post" names the blog too)
    # above the article's first paragraph (a sidebar's "About the Blog" comes after it)
    elements = [b.text for b in blocks if b.hints is not None and b.hints.tag == "title"]
    if elements:
        best = _named_heading([b for b in headings if len(b.text.split()) >= 3 and b.index < first_long], elements[0])
        if best is not None:
            return best
    for b in blocks:
        if b.hints is not None and b.hints.tag == "title":
            return b.index
    return None


def _named_heading(headings: Sequence[Block], declared: str, contained: bool = True) -> int | None:
    """The heading a declared title names best (score 0.5 or more), or None; ``contained``
    counts a heading the title holds whole (or that holds the title) as named."""
    title_words = words(normalize(_core(declared) if len(_core(declared)) >= 15 else declared))
    full = " ".join(words(normalize(declared)))  # the title with its site name, which _core may have cut
    best, best_score = None, 0.0
    for b in headings:
        w = words(normalize(b.text))
        score = _overlap(w, title_words)
        joined, tjoined = " ".join(w), " ".join(title_words)
        if b.hints.tag in ("h3", "h4") and not (len(w) >= 4 and (joined in tjoined or joined in full)):
            continue
        if contained and w and tjoined and (joined in tjoined or tjoined in joined):
            # (the whole declared title, site name and all, names its heading best)
            score = 1.0 if joined == full else \
                max(score, 0.6 + 0.4 * min(len(w), len(title_words)) / max(len(w), len(title_words)))
        if b.hints.tag != "h1":
            score *= 0.8
        if score > best_score:
            best, best_score = b.index, score
    return best if best is not None and best_score >= 0.5 else None


def reported_title(blocks: Sequence[Block], title_index: int, declared: str | None) -> str:
    """The title to report for a page whose headline is ``blocks[title_index]``: the declared
    title (og:title) unless there is none, or it is the headline plus the site's name, or it
    cuts the headline short before its second part ("… glitch" for "… glitch. Here's what you
    need to know."), or it words the story for social cards while the page's <title> carries
    the headline (as it is, with the site's name, or by the words a heading is named by)."""
    headline = blocks[title_index].text
    if not declared or headline in declared and len(headline) >= 15:
        return headline  # (og:title is the headline plus the site's name)
    if len(headline) < 15:
        return declared
    block = blocks[title_index]
    if block.hints is None or block.hints.tag == "title":
        return declared
    if len(declared) >= 15 and headline.startswith(declared) \
            and headline[len(declared):].lstrip()[:1] in (".", ":", "?", "!"):
        return headline
    elements = [b.text for b in blocks if b.hints is not None and b.hints.tag == "title"]
    if any(with_site_name(headline, t) for t in elements):
        return headline
    # (by shared words: "Live updates" is only the start of "Live updates: leaders meet Friday")
    if elements and _named_heading([block], declared) is None \
            and _named_heading([block], elements[0], contained=False) is not None:
        return headline
    return declared


def with_site_name(headline: str, title: str) -> bool:
    """Is ``title`` the headline with the site's name before or after it ("… | TechSite",
    "TechSite – …")? A title that goes on after a colon says more than the headline does."""
    if title == headline:
        return True
    if title.startswith(headline):
        return _SITE_SEPARATOR.match(title, len(headline)) is not None
    return title.endswith(headline) and _SITE_SEPARATOR_BEFORE.search(title, 0, len(title) - len(headline)) is not None


def text_title_index(blocks: Sequence[Block], *, lookahead: int = 12, url: str | None = None,
                     keys: Sequence[str] | None = None) -> int | None:
    """The headline-shaped line (five words or more) before the first real paragraph that
    the article is about.

    Lines that look like residue (breadcrumbs, cart totals, "Read More →") are skipped, and
    they and short labels (which the chrome filter removes above the headline) do not count
    towards the lookahead, so the choice is the same whether or not they are still there
    (cleaning a clean text again finds the same headline). A banner the phrase data
    does not know ("Free UK delivery on orders over £40") has the shape of a headline too; of
    several candidates the first that shares the article's vocabulary wins, and position
    decides only when none does. ``keys`` are the blocks' normalised texts, when at hand.
    """
    if keys is None:
        keys = [block_key(b.text) for b in blocks]
    declared = _reader_title(blocks, keys)
    if declared is not None:
        return declared
    candidates = []
    # a headline written as a sentence ("We charged them twice. Here's why."), with the line
    # read before it (metadata such as bylines and reading times aside), or None
    sentence: tuple[int, int | None] | None = None
    previous: int | None = None
    text_above = False  # a list item or a paragraph stands above: a summary, not a page header
    header = front_matter(blocks)  # a clipper's "---" / "title: …" / "---": metadata
    seen = 0
    stop = len(blocks)
    for b in blocks:
        if seen >= lookahead:
            stop = b.index
            break
        if b.index in header:
            continue
        n_words = len(b.text.split())
        # a headline too long for a heading's shape: capitalised, not ending like a sentence
        # (a dek set in bold ends like a sentence inside its marks: "**… verlieren ihre Daten.**")
        long_headline = 16 < n_words <= 30 and b.kind is Kind.PARAGRAPH and not _ENDS_SENTENCE.search(unmark(b.text)) \
            and next((c for c in b.text if c.isalnum()), "a").isupper()
        # (a lede of 25 words or more that asks or trails off is the article starting)
        if b.kind is Kind.PARAGRAPH and n_words >= 25 and not (
                long_headline and not b.text.rstrip().endswith(("?", "\u2026", "..."))):
            if _residue_paragraph(keys[b.index], n_words):
                continue  # a cookie notice or affiliate disclosure above the headline: not the article
            stop = b.index
            break
        if _NOT_TITLE.search(b.text) or READER_HEADER.match(b.text) or _byline_shaped(b.text):
            continue  # metadata: it may stand between a headline and its dek
        if n_words <= 16 and (looks_like_residue(keys[b.index]) or menu_shaped(b.text, words(keys[b.index]))) \
                or long_headline and _residue_paragraph(keys[b.index], n_words):
            previous = b.index  # page chrome ("Subscribe", "Sign in") parts a blog's name from its headline
            continue
        if n_words > 12 or b.text.rstrip().endswith((".", "!", "?")):
            seen += 1  # short labels above the headline are page header, removed from the clean text
        if (b.kind is Kind.HEADING and n_words >= 2) or long_headline:
            candidates.append((n_words, b.index))
        elif sentence is None and not text_above and b.kind is Kind.PARAGRAPH and 5 <= n_words <= 16 \
                and _headline_sentence(b.text):
            sentence = (b.index, previous)
        if b.kind in (Kind.LIST_ITEM, Kind.PARAGRAPH, Kind.QUOTE):
            text_above = True
        previous = b.index
    long = [index for n_words, index in candidates if n_words >= 5]
    # "Home News Security <the title>" over the headline is a breadcrumb
    long = [index for k, index in enumerate(long)
            if k + 1 == len(long) or not glued_trail(blocks[index].text, blocks[long[k + 1]].text)]
    if len(long) > 1:
        chosen = _on_topic(blocks, keys, long, stop, url)
        if chosen is not None:
            return chosen
    if long:
        return long[0]
    # no heading-shaped line of five words or more: a short sentence is the headline a blogging
    # platform lets end in a full stop, when only labels stand above it and an article follows.
    # A shorter heading right above it (metadata aside) is the headline and the sentence its
    # dek, unless the page header repeats that line (the publication's name).
    if sentence is not None and stop < len(blocks):
        index, above = sentence
        if above is None or above not in {i for _, i in candidates} or keys[:stop].count(keys[above]) > 1:
            return index
        # a kicker over the headline ("Discounter-Laptop im Check" over "Kaufmax verkauft …:
        # Lohnt sich das Eldra Book 15?"): a few words over a headline in two parts
        n_above = len(blocks[above].text.split())
        if n_above <= 4 and ": " in blocks[index].text and len(blocks[index].text.split()) >= 2.5 * n_above:
            return index
    # the longest short candidate; the first of equals, as cleaning may remove a later copy
    return max(candidates, key=lambda c: (c[0], -c[1]))[1] if candidates else None


def _reader_title(blocks: Sequence[Block], keys: Sequence[str], within: int = 40) -> int | None:
    """The headline a reader tool declared in its header ("Title: …" over "URL Source: …"),
    where the page repeats it: the first later line that says the same, above the article's
    second long paragraph (a site's name comes back in its footer; one long paragraph may be
    a consent notice worded as no phrase list knows)."""
    if len(blocks) < 3 or not blocks[0].text.startswith("Title:") or not READER_HEADER.match(blocks[1].text):
        return None
    wanted = block_key(blocks[0].text[len("Title:"):].strip())
    if len(wanted.split()) < 2:
        return None
    paragraphs = 0
    for b in blocks[2:within]:
        if keys[b.index] == wanted:
            return b.index
        n_words = len(b.text.split())
        if b.kind is Kind.PARAGRAPH and n_words >= 25 and not READER_HEADER.match(b.text) \
                and not _residue_paragraph(keys[b.index], n_words):
            paragraphs += 1
            if paragraphs == 2:
                return None
    return None


def _residue_paragraph(key: str, n_words: int) -> bool:
    """A long paragraph that is page chrome, not the article's start: a cookie notice, an
    affiliate disclosure, a newsletter pitch (a headline may stand below it)."""
    return phrase_table("chrome").match_prefix(key) is not None or prose_residue(key, n_words) is not None \
        or site_consent_notice(key, n_words)


def _headline_sentence(text: str) -> bool:
    """One or two short capitalised sentences, as a headline that ends in a full stop (or a
    question mark: a question is no heading's shape either)."""
    first = next((c for c in text if c.isalnum()), "")
    return (first.isupper() or first.isdigit()) and text.rstrip().endswith((".", "!", "?")) \
        and len(_SENTENCE_BREAK.findall(text.rstrip())) <= 1


def _byline_shaped(text: str) -> bool:
    """"By Jane Doe", "Por Lucía Ferrández": an author line, which names no topic."""
    if not 2 <= len(text.split()) <= 6:
        return False
    lowered = text.casefold()
    if not lowered.startswith(_name_starts()):
        return False
    for prefix in _name_prefixes():
        if lowered.startswith(prefix + " ") or lowered.startswith(prefix + ":"):
            rest = text[len(prefix):].lstrip(" :").split()
            return bool(rest) and all(w[:1].isupper() for w in rest if len(w) > 3)
    return False


@cache
def _name_starts() -> tuple[str, ...]:
    """What an author line starts with: a name prefix and a space or a colon (static data)."""
    return tuple(p + sep for p in _name_prefixes() for sep in " :")


@cache
def _name_prefixes() -> tuple[str, ...]:
    """The words that introduce an author's name, in every language (static data)."""
    found = {p.rstrip(":").casefold() for p in merged_section("byline").get("name_prefixes", ())}
    return tuple(sorted(found, key=len, reverse=True))


def _on_topic(blocks: Sequence[Block], keys: Sequence[str], candidates: list[int], stop: int,
              url: str | None = None, *,
              max_words: int = 3000) -> int | None:
    """The first candidate about the article's topic, or the one the URL names.

    The topic is the vocabulary of the article's paragraphs from ``stop`` on (a bounded number
    of words). A headline names it with most of its words; a banner shares a word by chance. A
    banner about the topic itself ("Free shipping over 30 €" above an article about shipping
    fees) is told apart only by the URL's path, which names the headline's words.
    """
    vocabulary: set[str] = set()
    budget = max_words
    for b in blocks[stop:]:
        if budget <= 0:
            break
        n_words = len(b.text.split())
        if b.kind is Kind.PARAGRAPH and n_words >= 15:
            vocabulary |= content_stems(keys[b.index])
            budget -= n_words
    on_topic = []
    for index in candidates:
        own = content_stems(keys[index])
        hits = len(own & vocabulary)
        if hits >= 2 and hits >= 0.5 * len(own):
            on_topic.append((index, own))
    if not on_topic:
        return None
    if url:
        slug = {_unaccented(w) for w in content_stems(normalize(_URL_WORDS.sub(" ", urlsplit(url).path)))}
        named = [(len({_unaccented(w) for w in own} & slug), index) for index, own in on_topic]
        best = max(n for n, _ in named)
        if best >= 2:
            return next(index for n, index in named if n == best)
    return on_topic[0][0]


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
