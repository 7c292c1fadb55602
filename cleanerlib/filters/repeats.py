"""Repeated paragraphs within one document: exact repeats, near-repeats, pull quotes, summary boxes.

Scrapes repeat text in three ways: a paragraph captured twice, a dek or summary that restates
the first paragraph in slightly other words, and a pull quote that lifts a sentence out of the
body. Each is found by word-shingle containment through an inverted index, so the cost grows
with the number of shingles, not with the square of the number of blocks. The copy that is
shorter (or, between equals, later) is dropped and points at the kept twin.

Short repeats are left alone on purpose: a quoted phrase the article analyses, a one-line
refrain. And a conclusion that restates the introduction in other words shares few shingles,
so it survives.

A summary box at the top ("Key points" over a few bullets) says the article again in other
words; it goes only when the article says every item, so nothing is lost with it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Sequence

from .._model import Block, Kind
from .._normalize import normalize, strip_decoration
from .._pipeline import Document, Drop, Filter, register
from ._evidence import content_stems, phrase_keys, when_patterns


def _grams(tokens: Sequence[str], k: int) -> set[str]:
    """The word k-grams of a token list, as strings (built in C; on long documents plain
    strings make smaller, faster sets than tuples)."""
    return set(map(" ".join, zip(*(tokens[j:] for j in range(k)))))


def _marked_heading(block: Block) -> bool:
    """A heading by its markup (``<h2>``, ``## …``), not by its shape: a pull quote is set in a
    box or a blockquote, a section's title in a heading."""
    if block.hints is not None:
        return bool(block.hints.level)
    return block.kind is Kind.HEADING and block.text.lstrip().startswith("#")


def _numbers(tokens: Sequence[str]) -> set[str]:
    return {t for t in tokens if t.isdigit()}


__all__ = ["RepeatedParagraphs"]

# a line that is one quotation whole, a sentence to its full stop (a quote without one may be a
# subheading: "„Wir haben die Kosten unterschätzt“"), or set as a markdown quote
_QUOTED_LINE = re.compile(r"^(?:>[*_\s]*[\"\u201c\u201e\u00ab\u2039'\u2018].+|[*_\s]*[\"\u201c\u201e\u00ab\u2039'\u2018].+[.!?]\s*)"
                          r"[\"\u201d\u201c\u00bb\u203a'\u2019][*_\s]*$")
# a summary header and its gloss after a dash or a bar ("TL;DR – the short version")
_HEADER_PARTS = re.compile(r"\s+[-\u2013\u2014|]\s+")
# "ZedNexus's key takeaways": a summary header with the site's name before it
_POSSESSIVE = re.compile(r"^\S+(?:'s|\u2019s)\s+")
# what sites call the summary under a headline in their markup ("caas-subheadline",
# "ContentHeaderDek", "article__chapo", "standfirst"), matched inside a class or id token
_DEK_CLASSES = ("dek", "deck", "standfirst", "subheadline", "sub-headline", "subtitle", "chapo", "chapeau",
                "sapo", "excerpt", "strapline", "lede", "teaser-text", "intro", "summary", "abstract")


@cache
def _dated(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """A date anywhere in a line: the byline's date under a dek that a main-content pass
    already dropped with the rest of the page header."""
    return re.compile(when_patterns(langs)[0], re.IGNORECASE)


@register
class RepeatedParagraphs(Filter):
    """Drop later exact repeats, near-repeating deks and pull quotes; point at the kept twin.

    - ``min_words``: blocks shorter than this are never dropped as repeats (refrains, quoted
      phrases);
    - ``pull_quote_coverage``: share of a short block's word trigrams found in a longer block
      for it to be a pull quote (nearly verbatim);
    - ``near_coverage``: share of trigrams shared for a near-repeat (a dek restating a paragraph);
    - ``max_postings``: trigrams in more blocks than this carry no evidence and are skipped
      (this bounds the cost on long, repetitive documents);
    - ``candidate_grams``: a block is compared with the blocks that share one of its this many
      rarest trigrams (a twin shares most of them), which keeps the work per block bounded;
    - ``dek_overlap``, ``dek_coverage``, ``dek_score``: a dek (the first text under the
      headline) restates a longer paragraph after it when at least ``dek_overlap`` of its
      content words and ``dek_coverage`` of its trigrams are found there, and the two shares
      add up to ``dek_score``: editors reword a dek, so much of the vocabulary with little of
      the phrasing counts, and so does less vocabulary with more phrasing;
    - ``dek_placed_overlap``: off by default. Set (0.5 is a fair value), a dek known by its
      place (over the byline, or named so by the site's markup) restates the next paragraphs
      when this share of its content words is found in them, whatever its phrasing. Readers
      count such a dek as article text (the eval pages' annotators keep it), so it goes only
      when asked: a corpus that wants each fact once.
    """

    name = "repeats"
    reasons = {
        "exact_repeat": "the same paragraph appears earlier in the document",
        "near_repeat": "restates another paragraph nearly word for word (a dek or a second capture)",
        "pull_quote": "a sentence lifted from another paragraph and shown on its own",
        "summary_box": "a summary box (Key points, TL;DR) whose every item the article says again",
    }

    def __init__(
        self,
        *,
        min_words: int = 8,
        pull_quote_coverage: float = 0.85,
        pull_quote_max_share: float = 0.75,
        near_coverage: float = 0.6,
        shingle: int = 3,
        max_postings: int = 12,
        candidate_grams: int = 16,
        dek_max_words: int = 60,
        dek_overlap: float = 0.55,
        dek_coverage: float = 0.15,
        dek_score: float = 0.85,
        dek_opening: int = 8,
        dek_placed_overlap: float | None = None,
        summary_within: int = 12,
        summary_max_items: int = 6,
        summary_coverage: float = 0.5,
        languages: tuple[str, ...] | None = None,
    ) -> None:
        self.min_words = min_words
        self.pull_quote_coverage = pull_quote_coverage
        self.pull_quote_max_share = pull_quote_max_share
        self.near_coverage = near_coverage
        self.shingle = shingle
        self.max_postings = max_postings
        self.candidate_grams = candidate_grams
        self.dek_max_words = dek_max_words
        self.dek_overlap = dek_overlap
        self.dek_coverage = dek_coverage
        self.dek_score = dek_score
        self.dek_opening = dek_opening
        self.dek_placed_overlap = dek_placed_overlap
        self.summary_within = summary_within
        self.summary_max_items = summary_max_items
        self.summary_coverage = summary_coverage
        self.languages = languages

    def decide(self, doc: Document) -> Iterable[Drop]:
        k = self.shingle
        tokens: dict[int, tuple[str, ...]] = {}
        for b in doc.blocks:
            if b.kept:
                toks = doc.tokens[b.index]
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

        shingles: dict[int, set[str]] = {}
        seen: set[str] = set()
        repeated: set[str] = set()  # word sequences that occur in two blocks or more
        for i, toks in tokens.items():
            if i in dropped:
                continue
            sh = _grams(toks, k)
            shingles[i] = sh
            repeated |= sh & seen
            seen |= sh
        del seen  # the largest set of all; only the repeated sequences are needed from here on
        postings: dict[str, list[int]] = {}  # only for repeated sequences
        for i, sh in shingles.items():
            for s in sh & repeated:
                postings.setdefault(s, []).append(i)
        stock = {g for g, posting in postings.items() if len(posting) > self.max_postings}

        dek_slot = next((b.index for b in doc.blocks[(doc.title_index or 0) + 1:]
                         if b.kept and b.kind is not Kind.HEADING), None) if doc.title_index is not None else None
        for i in sorted(shingles):
            if i == doc.title_index:
                continue
            own = shingles[i]
            common = own & repeated
            if not common:
                continue
            evidence = own - stock  # stock phrases of this document are evidence of nothing
            informative = len(evidence)
            if 2 * informative < len(own):
                continue
            shareable = common - stock
            if len(shareable) < self.near_coverage * informative:
                continue  # no twin can cover enough of it: a few phrases in common by chance
            # candidates: the blocks that share one of this block's rarest sequences (a twin
            # shares most of them); then the exact overlap with each, so the work per block
            # stays bounded however repetitive the document
            rarest = sorted(shareable, key=lambda g: (len(postings[g]), g))[: self.candidate_grams]
            candidates = {j for g in rarest for j in postings[g] if j != i}
            shared = {j: len(evidence & shingles[j]) for j in candidates}
            if not shared:
                continue
            best: tuple[float, int, int] | None = None
            for j, count in shared.items():
                if j in dropped or not self._is_victim(i, j, shingles):
                    continue
                coverage = count / informative
                if coverage >= self.near_coverage:
                    candidate = (coverage, -abs(i - j), j)
                    if best is None or candidate > best:
                        best = candidate
            if best is None:
                continue
            coverage, _, j = best
            if _numbers(tokens[i]) - set(tokens[j]):
                continue  # a number its twin lacks: another item of a list ("Plan Plus: 11,99 €…"), other facts
            if doc.blocks[i].kind is Kind.LIST_ITEM and doc.blocks[j].kind is not Kind.LIST_ITEM \
                    and coverage < self.pull_quote_coverage:
                continue  # an item of a price list whose words a paragraph takes up ("Frais de service : 8 % …")
            share = len(tokens[i]) / len(tokens[j])
            # nearly verbatim: its word sequences, or all its words but one (one word changed);
            # under the headline, a restatement of what follows is a dek, not a pull quote
            verbatim = coverage >= self.pull_quote_coverage or (
                i != dek_slot and len(set(tokens[i]) - set(tokens[j])) <= 1)
            if verbatim and share <= self.pull_quote_max_share and _marked_heading(doc.blocks[i]):
                continue  # "## „Das ist keine Wahl, das ist ein Countdown“": a section titled by a quote
            if verbatim and share <= self.pull_quote_max_share:
                out.append(Drop(i, "pull_quote", f"{coverage:.0%} of it is in block {j}, which is kept.", ref=j))
            else:
                out.append(Drop(i, "near_repeat", f"Restates block {j} ({coverage:.0%} of its word sequences).", ref=j))
            dropped.add(i)
        dek = self._dek(doc, dropped)
        if dek is not None:
            out.append(dek)
            dropped.add(dek.index)
        out.extend(self._summary_boxes(doc, dropped))
        out.extend(self._short_quotes(doc, {d.index for d in out}))
        return out

    def _short_quotes(self, doc: Document, dropped: set[int], min_words: int = 4) -> list[Drop]:
        """A pull quote too short for the word sequences above ("„Meine Kundinnen halten das
        für meinen Button.“"): a line that is a quotation whole, whose words stand in the same
        order inside an earlier paragraph at least twice as long. A quote that adds a word of
        its own, a line that is not all quotation, one without a full stop that is no markdown
        quote, or one over the paragraph it quotes (a subheading, either way) stays."""
        short = [b.index for b in doc.blocks if b.kept and b.index not in dropped and b.index != doc.title_index
                 and min_words <= len(doc.tokens[b.index]) < self.min_words and _QUOTED_LINE.match(b.text.strip())
                 and not _marked_heading(b)]
        if not short:
            return []
        out = []
        longer = [(b.index, " " + " ".join(doc.tokens[b.index]) + " ") for b in doc.blocks
                  if b.kept and b.index not in dropped and len(doc.tokens[b.index]) >= 2 * min_words]
        for i in short:
            words = " " + " ".join(doc.tokens[i]) + " "
            j = next((j for j, text in longer if j < i and len(text) >= 2 * len(words) and words in text), None)
            if j is not None:
                out.append(Drop(i, "pull_quote", f"All of it is in block {j}, which is kept.", ref=j))
        return out

    def _summary_boxes(self, doc: Document, dropped: set[int]) -> list[Drop]:
        """A summary box near the top: "Key points" (or "TL;DR", "Das Wichtigste in Kürze")
        over a few bullets, or one line labelled "Summary:", when the article says every item
        again: most of each item's content words stand in the article's other blocks. A box
        with a fact of its own stays whole, so nothing the article says only there is lost."""
        if doc.title_index is None:
            return []
        langs = tuple(self.languages) if self.languages else None
        headers = phrase_keys("repeats", ("summary_headers",), langs)
        kept = [b.index for b in doc.blocks if b.kept and b.index not in dropped and b.index != doc.title_index]
        out: list[Drop] = []
        taken: set[int] = set()
        long_above = 0  # the article's paragraphs between the headline and here: a box stands above the
        #               second ("Ce qu'il faut retenir" further down heads a section of the article)
        for k, h in enumerate(kept[:self.summary_within]):
            if h < doc.title_index or h in taken:
                continue
            if doc.n_words[h] >= 25 and doc.blocks[h].kind is Kind.PARAGRAPH:
                long_above += 1
            if long_above > 1:
                break
            label, colon, rest = doc.plain[h].partition(":")
            if colon and len(label.split()) <= 3 and len(rest.split()) >= self.min_words \
                    and strip_decoration(normalize(label)) in headers:
                header, items = None, [h]  # "Summary: Die Bonus-App stellt ihr Prämienprogramm um. …"
            elif doc.stripped[h] in headers or _POSSESSIVE.sub("", doc.stripped[h]) in headers \
                    or _HEADER_PARTS.split(doc.stripped[h], 1)[0] in headers:  # "TL;DR – the short version"
                header, items = h, []
                for j in kept[k + 1:k + 1 + self.summary_max_items]:
                    b = doc.blocks[j]
                    # (plain text calls a bullet without its dash a heading; a section's short
                    # heading ends the box)
                    if doc.n_words[j] > 45 or b.kind is Kind.HEADING and doc.n_words[j] < 5 \
                            or items and b.kind is not doc.blocks[items[0]].kind:
                        break
                    # bullets copied as paragraphs: the article resumes with a paragraph of its
                    # own length after two short ones
                    if len(items) >= 2 and b.kind is Kind.PARAGRAPH and doc.n_words[j] >= 25 \
                            and doc.n_words[j] >= 2 * max(doc.n_words[i] for i in items):
                        break
                    items.append(j)
                if not items:
                    continue
            else:
                continue
            box = set(items) | ({header} if header is not None else set())
            others = [j for j in kept if j not in box]
            stems = {j: content_stems(doc.tokens[j]) for j in others}
            article = set().union(*stems.values()) if stems else set()
            found = []
            for j in items:
                own = content_stems(doc.tokens[j] if j != header else ())
                coverage = self.summary_coverage
                if j == h and header is None:  # one labelled line: most of it said again
                    own, coverage = content_stems(normalize(rest)), max(coverage, 0.7)
                if len(own) < 3 or len(own & article) < coverage * len(own) \
                        or doc.plain[j].rstrip().endswith(":"):  # "… tient en trois dates :" opens a list
                    break
                twin = max(others, key=lambda o: (len(own & stems[o]), -o))
                found.append(Drop(j, "summary_box", f"A summary item the article says again ({len(own & article)} of "
                                                    f"its {len(own)} content words).", ref=twin))
            else:
                if header is not None:
                    out.append(Drop(header, "summary_box", "The header of a summary box whose every item the article "
                                                           "says again.", ref=items[0]))
                out.extend(found)
                taken |= box
        return out

    def _dek(self, doc: Document, dropped: set[int]) -> Drop | None:
        """A dek: the summary under the headline that restates the paragraph it introduces.

        Editors write deks in their own words, so word sequences differ; what gives a dek away
        is its place (the first text under the headline), its vocabulary, nearly all of it
        found again in one of the next paragraphs, which is longer, and some of its phrasing
        reused there. A lede that merely sums up what follows shares the topic, not the words.
        """
        t = doc.title_index
        if t is None:
            return None
        after = [b for b in doc.blocks[t + 1:] if b.kept and b.index not in dropped and b.kind is not Kind.HEADING]
        if len(after) < 2:
            return None
        dek = after[0]
        n = doc.n_words[dek.index]
        if not self.min_words <= n <= self.dek_max_words or dek.kind not in (Kind.PARAGRAPH, Kind.QUOTE, Kind.OTHER):
            return None
        own = content_stems(doc.tokens[dek.index])
        if len(own) < 5:
            return None
        k = self.shingle
        toks = doc.tokens[dek.index]
        phrases = _grams(toks, k)
        for b in after[1:4]:
            if doc.n_words[b.index] <= n:
                continue
            shared = len(own & content_stems(doc.tokens[b.index]))
            other = doc.tokens[b.index]
            reused = len(phrases & _grams(other, k))
            # much of its vocabulary and some of its phrasing, or less of one and more of the other
            words_share, phrase_share = shared / len(own), reused / len(phrases)
            if shared >= 5 and words_share >= self.dek_overlap and phrase_share >= self.dek_coverage \
                    and words_share + phrase_share >= self.dek_score:
                return Drop(dek.index, "near_repeat",
                            f"A dek restating block {b.index} ({shared} of its {len(own)} content words).", ref=b.index)
            # the dek opens with the paragraph's own first words, then adds or cuts a clause
            same = 0
            for x, y in zip(toks, other):
                if x != y:
                    break
                same += 1
            if same >= self.dek_opening and same >= self.dek_coverage * len(toks):
                return Drop(dek.index, "near_repeat",
                            f"A dek that opens with the first {same} words of block {b.index}.", ref=b.index)
        return self._placed_dek(doc, dek, after[1:], own) if self.dek_placed_overlap is not None else None

    def _placed_dek(self, doc: Document, dek: Block, rest: list[Block], own: set[str]) -> Drop | None:
        """A dek known by its place, which says the first paragraphs again in words of its own.

        Its place gives it away: the byline stands between it and the article (headline, dek,
        "By …, May 3", article), or the site's markup names it ("standfirst", "dek", "chapo").
        Then half its content words found again in the next paragraphs make it a restatement.
        A lead paragraph above a byline that tells more than what follows keeps its words.
        """
        langs = tuple(self.languages) if self.languages else None
        dated = _dated(langs)
        placed = any(b.reason in ("byline", "dateline") or not b.kept and doc.n_words[b.index] <= 20
                     and dated.search(doc.keys[b.index]) is not None
                     for b in doc.blocks[dek.index + 1:rest[0].index])
        if not placed and dek.hints is not None:
            placed = any(name in token for token in dek.hints.tokens[:4] for name in _DEK_CLASSES)
        if not placed:
            return None
        found = set().union(*(content_stems(doc.tokens[b.index]) for b in rest[:3]))
        shared = len(own & found)
        if shared >= 5 and shared >= self.dek_placed_overlap * len(own):
            return Drop(dek.index, "near_repeat", f"A dek over the byline (or marked as one) restating the paragraphs "
                                                  f"after it ({shared} of its {len(own)} content words).", ref=rest[0].index)
        return None

    @staticmethod
    def _is_victim(i: int, j: int, shingles: dict[int, set]) -> bool:
        """Of two overlapping blocks, the smaller goes; between equals, the later one."""
        a, b = len(shingles[i]), len(shingles[j])
        if a != b:
            return a < b
        return i > j
