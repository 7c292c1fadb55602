"""Cross-promotion: "You may also like" zones and their cards, "Read more" links, inline
"ALSO READ: ..." lines, and teaser tails glued onto a body paragraph.

A teaser zone starts at a header from the phrase data and runs over the cards that follow it:
headlines (often with a category label glued on), summaries (often cut off with "…"), "Read
More →" links, dates. It ends where the article resumes, which is decided on evidence rather
than position: a long paragraph, a paragraph that shares the article's vocabulary, or a heading
followed by such a paragraph. In HTML, link density and related-posts containers
(``jp-relatedposts``, ``yarpp``...) add evidence, but pages with generated class names are
handled by the text evidence alone. Cards without a header are recognised from their "Read
more" link backwards, and only when they look like cards.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache
from typing import Iterable, NamedTuple

from .._model import Block, Kind
from .._normalize import normalize
from .._pipeline import Document, Drop, Filter, register
from ._evidence import (
    LetterGated,
    TopicProfile,
    content_stems,
    ends_with_ellipsis,
    glued_label,
    is_headline_shaped,
    is_link_line,
    is_one_link,
    link_density,
    may_start_with,
    names_own_site,
    names_site_within,
    phrase_keys,
    token_hint,
    word_count,
)
from ._phrases import merged_section

__all__ = ["CrossPromo"]

# Read-more words too common to recognise when glued to a sentence ("More than ...").
_AMBIGUOUS = frozenset({"more", "mehr", "plus", "más", "weiter", "découvrir", "la suite", "read", "read on", "learn more"})
# the arrows a link ends in ("Read More →", "Keep going ›")
_LINK_ARROWS = ("\u2192", "\u00bb", "\u203a", ">", "\u2794", "\u279c", "\u27a1", "\u25b6", "\u25ba", "\u21d2")
_ARROWS = rf"(?:\s*[{''.join(_LINK_ARROWS)}]+\s*|\s*\.{{3}}\s*|\s*\u2026\s*)"
_CAMEL = re.compile(r"^[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]+[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]+$")
_SITE_NAME = re.compile(r"^[^\d.!?;]{1,40}$")
_RELATED_TOKENS = frozenset(("related", "related-posts", "relatedposts", "related-articles", "related-stories",
                   "related-content", "related-links", "related_posts", "post-related", "jp-relatedposts",
                   "yarpp-related", "yarpp", "crp_related", "rp4wp-related-posts", "read-next", "more-stories",
                   "you-may-also-like", "outbrain", "ob-widget", "taboola", "trc_related_container", "more-from",
                   "popular-posts", "most-read", "further-reading", "recommended-posts", "recommended-articles"))


class _Tables(NamedTuple):
    """The phrase data of the languages asked for, compiled once per language set."""

    headers: frozenset[str]
    header_prefixes: re.Pattern[str]
    read_more: frozenset[str]
    glued_head: LetterGated
    glued_tail: re.Pattern[str]
    inline_re: LetterGated
    inline_caps: re.Pattern[str]  # tried behind inline_re's gate: the same phrases open it
    inline_title: re.Pattern[str]  # so is this one
    tail_words: frozenset[str]
    site_re: LetterGated
    sentence_starts: frozenset[str]
    linked_tail: re.Pattern[str]
    site_prefixes: tuple[str, ...]
    site_words: tuple[str, ...]  # "more", "mehr": a header naming the site anywhere opens with one


@cache
def _tables(langs: tuple[str, ...] | None) -> _Tables:
    sec = merged_section("teasers", langs)
    headers = phrase_keys("teasers", ("headers",), langs)
    # "Most read this week", "Lo más leído hoy": a header with a time qualifier is one too
    qualifiers = [normalize(q) for q in sec.get("header_qualifiers", ())]
    headers = frozenset(headers | {f"{h} {q}" for h in headers for q in qualifiers})
    # "Trending on XRD", "Más en Kataxa": a header only when it names the page's own site
    # ("Trending on TikTok" titles a section of a culture piece, "Más en detalle" a detail)
    site_prefixes = tuple(sorted({normalize(p) + " " for p in sec.get("site_header_prefixes", ())}, key=len, reverse=True))
    prefixes = sorted({normalize(p) + " " for p in sec.get("header_prefixes", ())}, key=len, reverse=True)
    header_prefixes = re.compile("^(?:" + ("|".join(re.escape(p) for p in prefixes) or "(?!x)x") + ")(.*)$")
    read_more = phrase_keys("teasers", ("read_more",), langs)
    glueable = sorted((r for r in read_more if r not in _AMBIGUOUS), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in glueable) or "(?!x)x"
    # "Read More →Moreover, ..." (decorated or glued) at the start of a block
    # (the capital that shows the glue is matched case-sensitively: "Read articles from ..."
    # is no "Read article" link glued to "s from ...")
    glued_head = LetterGated(re.compile(rf"^\W*(?:{alt})(?:{_ARROWS}|(?=(?-i:[A-ZÀ-Þ\d\"“])))", re.IGNORECASE),
                             glueable)
    # "... the deal. Read more »" at the end of a block
    glued_tail = re.compile(rf"(?<=[.!?\u2026\"”])\s*[\[(]?(?:{alt}){_ARROWS}?[\])]?\s*$|\s*[\[(](?:{alt}){_ARROWS}?[\])]\s*$",
                            re.IGNORECASE)
    # "Headline of another story Read more →": a card's headline and its link in one block,
    # with no sentence end between them (the arrow is required: it shows the link)
    linked_tail = re.compile(rf"\s(?:{alt})\s*[{''.join(_LINK_ARROWS)}]+\s*$", re.IGNORECASE)
    inline_prefixes = sorted(set(sec.get("inline_prefixes", ())), key=len, reverse=True)
    inline = "|".join(map(re.escape, inline_prefixes))
    # "Lesetipp aus dem Archiv:", "Related from our network:": some labels take a few words
    # before the colon; a word that opens sentences too ("More than a phone:") takes none
    qualified = sorted(set(sec.get("qualified_inline_prefixes", ())), key=len, reverse=True)
    qualified_alt = "|".join(map(re.escape, qualified)) or "(?!x)x"
    inline_re = LetterGated(re.compile(rf"^\W*(?:({inline})|(?:{qualified_alt})(?:\s+[\w'\u2019-]+){{1,4}})"
                                       rf"\s*(?:[:：|»›>\u2192\u2013\u2014-]+)\s*(?=\S)", re.IGNORECASE),
                            inline_prefixes + qualified)
    # "ALSO READ Headline", "Related Story Headline": the label set apart by its capitals
    bare = sorted(set(sec.get("bare_inline_prefixes", ())), key=len, reverse=True)
    inline_caps = re.compile(rf"^\W*({inline})\s+(?=\S)", re.IGNORECASE)
    inline_title = re.compile(rf"^\W*((?i:{'|'.join(map(re.escape, bare)) or '(?!x)x'}))\s+(?=[A-ZÀ-Þ\d])")
    tail_words = frozenset(r.rsplit(" ", 1)[-1] for r in glueable)
    # "En Gadgetario | Por qué…", "Previously in The Backhaul: The hidden cost…": a site's name
    # after a preposition, then a pipe (or, after a longer lead-in, a colon), then a headline
    words = sorted(set(sec.get("site_prefix_words", ())), key=len, reverse=True)
    multi = "|".join(re.escape(w) for w in words if " " in w) or "(?!x)x"
    single = "|".join(re.escape(w) for w in words if " " not in w) or "(?!x)x"
    name = r"[A-ZÀ-Þ][\w.&'’-]*(?:\s+[A-ZÀ-Þ0-9][\w.&'’-]*){0,3}"
    site_re = LetterGated(re.compile(rf"^\W*(?:(?i:{multi})\s+{name}\s*[|:]|(?i:{single})\s+{name}\s*\|)\s*(?=\S)"),
                          words)
    # words a paragraph glued to a capitalised last word of a headline opens with; no
    # camel-cased name ends in one ("GulfThe", but "PlayStation")
    sentence_starts = frozenset(w.casefold() for w in sec.get("sentence_starts", ()))
    site_words = tuple(sorted({normalize(w) + " " for w in sec.get("site_header_words", ())}, key=len, reverse=True))
    return _Tables(headers, header_prefixes, read_more, glued_head, glued_tail, inline_re, inline_caps, inline_title,
                   tail_words, site_re, sentence_starts, linked_tail, site_prefixes, site_words)


# a header and the site it names after a preposition ("… en Perasfera", "… on The Verge")
_SITE_PREPOSITIONS = ("on", "at", "from", "en", "de", "auf", "bei", "sur", "chez")
_ON_SITE = re.compile(rf"^(.+?) (?:{'|'.join(_SITE_PREPOSITIONS)}) \S.{{0,30}}$")
# a lower-case letter (or a digit, a bracket, a question mark) run into a capitalised word
_SENTENCE_END = re.compile(r"[a-z\u00df-\u00ff0-9)][.!?](?:\s|$)")
# ("unaA esto", "cambioPomelo, por", "TiletangleOkafor-Lindgren"; not "RTX 5090D is", a model's letter)
_SEAM = re.compile(r"(?<=[a-z\u00df-\u00ff0-9)?!])(?=[\"\u201c\u00ab\u201e]?(?:[A-Z\u00c0-\u00de][a-z\u00df-\u00ff\u2019'0-9]+"
                   r"|(?<![0-9])[A-Z\u00c0-\u00de])[\s,;:-])")
# a sentence ending inside a line, and a question ending inside one
_INNER_SENTENCE_END = re.compile(r"[.!](?:\s|$)")
# in a headline, a sentence ends where a capital follows ("… they buy. Retailers …"; "Apps und
# Co. – welches …" goes on)
_HEADLINE_SENTENCE_END = re.compile(r"[.!]\s+(?=[\"\u201c\u201e\u00ab]?[A-Z\u00c0-\u00de\d])")
_INNER_QUESTION = re.compile(r"\?(?:\s|$)")


def _is_teaser_headline(rest: str, sentences: int = 1) -> bool:
    """What follows "Also read:" in an inline teaser: one short capitalised headline, which
    does not end in a full stop ("Also: The company said it will keep the old model." is a
    sentence). After a label of several words, which no sentence opens with ("Read more:"),
    the headline may run to two sentences (``sentences=2``): "We tried five trackers. Only
    one canceled anything"."""
    if not rest or word_count(rest) > 25:
        return False
    end = rest.rstrip()
    if end.endswith(".") and not end.endswith(("..", "\u2026")):
        return False
    first = next((c for c in rest if c.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    inner = rest.rstrip(".!?")
    if len(_HEADLINE_SENTENCE_END.findall(inner)) >= sentences:
        return False
    # a headline may ask and go on ("Führerschein? Diese Regeln gelten ab Sommer"); a question
    # and an answer that ends in a full stop are two sentences
    return not (_INNER_QUESTION.search(inner) and rest.rstrip("\"'\u201d\u2019»").endswith((".", "!")))


def _plain_word_label(label: str) -> bool:
    """Is an inline teaser's label one word not set in capitals ("Also:", "Watch:")? Such a
    word opens sentences too; "ALSO:" and "Read more:" are set apart as labels."""
    found = label.split()
    return len(found) == 1 and not found[0].isupper()


_MD_LINK_AT = re.compile(r"[\s*_]*\[[^\[\]\n]+\]\([^()\s]+\)")


def _glued_headline_end(text: str, start: int, starts: frozenset[str], sentences: int = 1) -> int | None:
    """Where the headline of an inline teaser ends when a scraper glued the next paragraph to
    it ("Also: The NAS drive I'd buy todayOn the company's forum, ..."), or None; ``start`` is
    the end of its "Also read:" prefix.

    The seam is a lower-case letter run straight into a capitalised word. A camel-cased name is
    no seam ("PlayStation", "McLaren", "iPhone"): the word before the capital must be two
    letters or more, and when it is capitalised itself ("...ships for the GulfThe operators"),
    the word after must be one a sentence starts with (``starts``), of three letters or more
    ("LinkedIn in April" is no seam, "GulfThe operators" is).
    """
    # a headline linked in markdown ends with its link: no seam inside it ("… a 6,000mAh battery …")
    link = _MD_LINK_AT.match(text, start)
    for seam in _SEAM.finditer(text, link.end() - 1 if link else start, start + 240):
        at = seam.start()
        left = text[text.rfind(" ", 0, at) + 1:at]
        right = text[at:].split(None, 1)[0].strip("\"\u201c\u00ab\u201e")
        if left in ("?", "!"):  # "… en avril 2025 ?Ondalia": the French space before the mark
            pass
        elif left.endswith(")") and "](" in left:  # a markdown link's end: "…](https://…/)To get …"
            pass
        elif len(left) < 2 or (left[0].isupper() and (len(right) < 3 or right.casefold() not in starts
                                                     and not _sentence_follows(text, at))):
            continue
        headline = text[start:at].strip()
        if word_count(headline) >= 3 and _is_teaser_headline(headline, sentences) and word_count(text[at:]) >= 5:
            return at
    return None


def _sentence_follows(text: str, at: int) -> bool:
    """Does a paragraph in sentence case start at ``at``, after a headline in title case
    ("… Fees, RankedTurning Smart Cart off takes about a minute, …")? Most of the words after
    the first are lower-case, and a sentence ends; a name in a headline ("PlayStation Plus To
    PC") goes on capitalised."""
    words = text[at:at + 400].split()
    return len(words) >= 12 and sum(w[:1].islower() for w in words[1:6]) >= 3 \
        and _INNER_SENTENCE_END.search(text, at, at + 400) is not None


# arrows that only links end with ("»" and "›" also close quotes and breadcrumbs)
_LINK_ONLY_ARROWS = tuple(a for a in _LINK_ARROWS if a not in "\u00bb\u203a>")
_ARROW_LINK = re.compile(rf"^[A-ZÀ-Þ][^.!?:;{''.join(_LINK_ONLY_ARROWS)}]*$")


def _arrow_link(text: str, n_words: int) -> bool:
    """A link the site words its own way, set apart by its arrow: "See all 6 free options →",
    "Read the launcher guide →" (a few words, no sentence in them, one arrow at the end)."""
    text = text.strip()
    if not 2 <= n_words <= 6 or not text.endswith(_LINK_ONLY_ARROWS):
        return False
    return _ARROW_LINK.match(text.rstrip("".join(_LINK_ONLY_ARROWS) + " ")) is not None


def _sums_up(doc: Document, headline: int, i: int, reach: int = 12) -> bool:
    """Is block ``i`` the line under a card's ``headline`` that sums it up: a short paragraph
    of a sentence or two that takes up two of the headline's words but not most of them ("The
    best custom ROMs for tablets" over "Breathe new life into an old tablet with one of these
    ROMs."), and more of them than of the article's last long paragraph before the card? The
    article's next paragraph, after a card of a headline only, goes on with the article's words."""
    if doc.blocks[i].kind is not Kind.PARAGRAPH or doc.n_words[i] > 35 \
            or len(_SENTENCE_END.findall(doc.blocks[i].text)) > 2 or doc.plain[i].rstrip().endswith(":"):
        return False
    own = content_stems(doc.tokens[i])
    title = content_stems(doc.tokens[headline])
    shared = len(own & title)
    # (a paragraph that takes up most of the line's words is the article's section under its
    # subheading: "Arizona expansion moves ahead" over "The Arizona expansion moves ahead on …")
    if shared < 2 or shared >= 2 / 3 * len(title):
        return False
    before = next((j for j in range(headline - 1, max(-1, headline - reach), -1)
                   if doc.blocks[j].kept and doc.n_words[j] >= 25), None)
    return before is None or len(own & content_stems(doc.tokens[before])) < shared


def _outside_box(header: Block, block: Block) -> bool:
    """In HTML, is ``block`` outside the container its teaser ``header`` opens? (Plain text
    has no containers: never.)"""
    return header.hints is not None and block.source.xpath is not None \
        and not block.source.xpath.startswith(header.hints.group + "/")


_TAIL_DECORATION = " \t.\u2026])" + "".join(_LINK_ARROWS)


def _ends_like_read_more(text: str, tail_words: frozenset[str]) -> bool:
    last = text.rstrip(_TAIL_DECORATION)
    return bool(last) and last.rsplit(" ", 1)[-1].lower() in tail_words


# a label that tells the reader to read on elsewhere ("À lire aussi :", "Lesen Sie auch:") heads no
# section of the article, whatever the next paragraph is about; "Mehr dazu:" may
_READ_LABEL = re.compile(r"\b(?:read|lesen|lies|lire|leer|lee)\b", re.IGNORECASE)


def _introduces_next(doc: Document, i: int, headline: str) -> bool:
    """Does the paragraph under an unlinked "Mehr dazu: <headline>" line take up its headline?
    Then the line is the article's own subheading ("Mehr dazu: Diese Discounter behalten die
    Datenautomatik" over "Bei den meisten anderen Discountern … bleibt die Datenautomatik"),
    not a teaser for another article, whose headline the next paragraph does not restate."""
    j = doc.next_kept(i)
    own = content_stems(normalize(headline))
    # (a paragraph of its own: a line under a teaser that repeats its words is not one)
    if j is None or len(own) < 3 or doc.blocks[j].kind is not Kind.PARAGRAPH or doc.n_words[j] < 12:
        return False
    return len(own & content_stems(doc.tokens[j])) >= 2 / 3 * len(own)


@register
class CrossPromo(Filter):
    """Drop cross-promotion: teaser zones and cards, read-more links, inline teasers, glued tails."""

    name = "teasers"
    reasons = {
        "teaser_header": "a header that opens a zone of links to other articles",
        "teaser_card": "a headline, summary or label of a card promoting another article",
        "read_more": "a 'Read more' link",
        "inline_teaser": "an inline 'Also read: <headline>' line (alone, or glued to the start of a paragraph: "
                         "then only that part is removed)",
        "teaser_tail": "a 'Read more' link glued to a body paragraph (only that part is removed)",
    }

    def __init__(
        self,
        *,
        summary_max_words: int = 60,
        body_min_words: int = 45,
        body_overlap: float = 0.5,
        max_zone_blocks: int = 40,
        languages: tuple[str, ...] | None = None,
    ) -> None:
        self.summary_max_words = summary_max_words
        self.body_min_words = body_min_words
        self.body_overlap = body_overlap
        self.max_zone_blocks = max_zone_blocks
        self.languages = languages

    def decide(self, doc: Document) -> Iterable[Drop]:
        tables = _tables(tuple(self.languages) if self.languages else None)
        (headers, header_prefixes, read_more, glued_head, glued_tail, inline_re, inline_caps, inline_title, tail_words, site_re,
         sentence_starts, linked_tail, site_prefixes, site_words) = tables
        kept = [b.index for b in doc.blocks if b.kept and b.index != doc.title_index]
        if not kept:
            return []
        topics = TopicProfile(doc.tokens, [b.kept for b in doc.blocks])
        stripped = doc.stripped
        out: dict[int, Drop] = {}
        parts: list[Drop] = []

        # a link the site words its own way ("Keep going ›"): a short line ending in an arrow
        # that stands under two cards or more
        arrows = Counter(stripped[i] for i in kept if doc.n_words[i] <= 4 and stripped[i]
                         and doc.blocks[i].text.rstrip().endswith(_LINK_ARROWS))
        site_links = {key for key, n in arrows.items() if n >= 2}

        def is_read_more(i: int) -> bool:
            return stripped[i] in read_more or stripped[i] in site_links or _arrow_link(doc.plain[i], doc.n_words[i])

        def names_site(i: int) -> bool:
            """A header that names the page's own site: "Trending on XRD", "También te puede
            interesar en Perasfera", "Other Rampart stories you might like"."""
            key = stripped[i]
            if key.startswith(site_prefixes):
                prefix = next(p for p in site_prefixes if key.startswith(p))
                words = doc.plain[i].split()
                n = len(key[len(prefix):].split())
                if n and len(words) >= n and names_own_site(doc, " ".join(words[-n:]), sections=True):
                    return True
            # "También te puede interesar en Perasfera": a known header, then the site's name
            m = _ON_SITE.match(key)
            if m is not None and m.group(1) in headers \
                    and names_own_site(doc, doc.plain[i].split(None, len(m.group(1).split()) + 1)[-1], sections=True):
                return True
            # "Other Rampart stories you might like": the site's name, then a known header; and
            # "En Zakata también te contamos": after a preposition
            words = key.split()
            skip = 1 if words and words[0] in _SITE_PREPOSITIONS else 0
            return 3 <= len(words) <= 8 and any(" ".join(words[skip + k:]) in headers and names_site_within(
                doc, doc.plain[i].split()[skip:skip + k]) for k in (1, 2, 3) if len(words) - skip - k >= 2)

        def is_header(i: int) -> bool:
            key = stripped[i]  # single-spaced: its spaces count its words
            if key.count(" ") >= 8 or not key or key in read_more:
                return False
            if key in headers or names_site(i):
                return True
            # "More TechCrux coverage", "Mehr Foldable-News auf Mobilnerds": a short line opening
            # with "more" that names the page's own site anywhere (a header only over cards:
            # "More from the TechCrux reader survey" may title a section)
            if key.startswith(site_words) and key.count(" ") <= 6 and doc.plain[i].rstrip()[-1:] not in ".!?:" \
                    and names_site_within(doc, doc.plain[i].split()[1:], sections=True):
                return True
            # "More from TechWire": the prefix names a site or section, not a sentence (a
            # hard-wrapped line "mehr aus unserem Leben hätten machen können." ends like one)
            m = header_prefixes.match(key)
            return m is not None and _SITE_NAME.match(m.group(1)) is not None and doc.plain[i][-1:] != "."

        pos = {i: k for k, i in enumerate(kept)}

        # 1. header-triggered zones
        k = 0
        while k < len(kept):
            h = kept[k]
            if not is_header(h):
                k += 1
                continue
            zone, end, tail = self._zone(doc, kept, k + 1, topics, is_read_more, is_header, glued_head)
            # with nothing under it, only a known multi-word header is one: "More on the
            # numbers" (a header's prefix) can just as well be a subheading of the article
            known = " " in stripped[h] and (stripped[h] in headers or names_site(h))
            if known and not zone and tail is None:
                zone = self._lone_card(doc, kept, k + 1, topics, is_header)
                end = k + 1 + len(zone)
                if not zone and self._introduces_body(doc, kept, k + 1, topics):
                    k += 1
                    continue  # "Related reading" over a paragraph of its own: a section of the article
            if zone or tail is not None or known:
                out[h] = Drop(h, "teaser_header", f"Opens a teaser zone of {len(zone)} block(s).")
                for i in zone:
                    reason = "read_more" if is_read_more(i) else "teaser_card"
                    out[i] = Drop(i, reason, f"Part of the teaser zone under {doc.blocks[h].text!r}.", ref=h)
                if tail is not None:
                    parts.append(Drop(tail[0], "teaser_tail", "A teaser's 'Read more' link glued to the next paragraph.",
                                      ref=h, part=(0, tail[1])))
            k = max(end, k + 1)

        # 2. read-more links outside zones, and the cards they close
        for i in kept:
            if i in out or not is_read_more(i):
                continue
            out[i] = Drop(i, "read_more", f"A read-more link: {doc.blocks[i].text!r}.")
            card = self._card_before(doc, kept, pos[i], topics, out)
            for j in card:
                out[j] = Drop(j, "teaser_card", "Part of a teaser card that ends in a read-more link.", ref=i)

        # 3. runs of cards without a known header: headline, then a summary cut off with "…",
        # twice or more; or headlines with a category label glued on, twice or more
        runs = [(run, "a headline and a cut-off summary") for run in self._card_runs(doc, kept, out, topics)] + \
            [(run, "headlines with a category glued on") for run in self._label_runs(doc, kept, out, topics, linked_tail)]
        for run, shape in runs:
            first = run[0]
            before = pos[first] - 1
            head = kept[before] if before >= 0 else None
            ref = first
            if head is not None and head not in out and doc.n_words[head] <= 6 \
                    and is_headline_shaped(doc.blocks[head].text) and not self._body_like(doc, head, topics, run):
                out[head] = Drop(head, "teaser_header", f"Opens a run of {len(run)} teaser blocks ({shape}).")
                ref = head
            for i in run:
                out[i] = Drop(i, "teaser_card", f"A card of a run of teasers ({shape}).",
                              ref=None if i == ref else ref)

        # 4. related-posts containers (HTML evidence)
        for i in kept:
            if i in out:
                continue
            b = doc.blocks[i]
            if b.hints is not None and doc.n_words[i] <= 40 and token_hint(b, _RELATED_TOKENS, depth=5):
                if b.kind is not Kind.PARAGRAPH or link_density(b) >= 0.5 or ends_with_ellipsis(b.text) \
                        or is_headline_shaped(b.text):
                    out[i] = Drop(i, "teaser_card", "Inside a related-posts container.")

        # 5. inline teasers and glued read-more tails on blocks left
        tail_blocks = {p.index for p in parts}
        for i in kept:
            if i in out or i in tail_blocks:
                continue
            text = doc.blocks[i].text
            prefix = self._inline_prefix(text, inline_re, inline_caps, inline_title, site_re)
            hints = doc.blocks[i].hints
            if prefix is not None and (hints is not None and not hints.link_chars and (
                    hints.level or _plain_word_label(text[:prefix.end()]))
                    or hints is None and text[:1] == "#" and "](" not in text):
                # in markup a line that links nowhere may be the article's own: a subheading
                # ("<h2>Mehr zum Thema: Wie andere Hersteller …</h2>", in markdown "## Mehr zum
                # Thema: …" without a link), or a sentence opening with a word that is a label in
                # some language ("Also: Nichts gegen …" in German)
                prefix = None
            if prefix is not None:
                # a glued seam first: a short paragraph run into the teaser's headline
                # ("…all dayHere's how the pricing breaks down:") reads as one headline too
                sentences = 1 if _plain_word_label(text[:prefix.end()]) else 2
                end = _glued_headline_end(text, prefix.end(), sentence_starts, sentences)
                rest = text[prefix.end():].strip()
                # a linked headline may run to two sentences ("… que algunas ciudades. Y acaban de empezar"),
                # in markup or as one markdown link ("**Also:** [I moved my server to Debian. Here's …](…)")
                linked = hints is not None and rest[:1].isupper() and word_count(rest) <= 30 \
                    and hints.link_chars >= 0.8 * len(rest) or hints is None and is_link_line(rest) \
                    and word_count(doc.plain[i]) <= 30 and rest.lstrip("*_ [")[:1].isupper()
                # a label in title case without a colon may be a subheading's first words
                # ("Related Story Arcs Make The Sequel Worth Playing"): only a link or a glued
                # seam shows it
                if end is None and prefix.re is inline_title and not linked:
                    prefix = None
                elif end is None and (linked or _is_teaser_headline(rest, sentences) and (
                        _READ_LABEL.search(text, 0, prefix.end()) or not _introduces_next(doc, i, rest))):
                    out[i] = Drop(i, "inline_teaser", f"An inline teaser: {text[:80]!r}.")
                    continue
                if end is not None:
                    parts.append(Drop(i, "inline_teaser", f"An inline teaser glued to the start of a paragraph: "
                                      f"{text[:end]!r}.", part=(0, end)))
                    continue
            m = glued_head.match(text)
            if m and word_count(text[m.end():]) >= 5:
                parts.append(Drop(i, "teaser_tail", "A 'Read more' link glued to the start of a paragraph.", part=(0, m.end())))
                continue
            # a read-more link glued at the end: only worth a regex search when the block ends
            # with one of the words such a link ends with ("more »", "weiterlesen →", "[…]")
            m = glued_tail.search(text) if _ends_like_read_more(text, tail_words) else None
            if m and m.start() > 0 and word_count(text[: m.start()]) >= 5:
                parts.append(Drop(i, "teaser_tail", "A 'Read more' link glued to the end of a paragraph.",
                                  part=(m.start(), len(text))))
        return list(out.values()) + parts

    # -- zones -------------------------------------------------------------------------------
    def _zone(self, doc, kept, k, topics, is_read_more, is_header, glued_head):
        """Blocks of the zone starting at ``kept[k]``; the position after it; a glued tail.

        Cards in one zone share a shape: once a card has ended (in a read-more link, or in a
        summary cut off with "…"), a block only starts another card if the same ending follows
        it shortly. In HTML the zone also stays inside the header's own container.
        """
        zone: list[int] = []
        start = k
        ending: str | None = None  # how the cards of this zone end: "link" or "ellipsis"
        card_start = True
        header = doc.blocks[kept[start - 1]] if start > 0 else None
        while k < len(kept) and k - start < self.max_zone_blocks:
            i = kept[k]
            b = doc.blocks[i]
            if is_header(i) and zone:
                break
            if header is not None and _outside_box(header, b):
                break
            if is_read_more(i):
                zone.append(i)
                ending, card_start = "link", True
                k += 1
                continue
            m = glued_head.match(b.text)
            if m and word_count(b.text[m.end():]) >= 5:
                return zone, k + 1, (i, m.end())
            nxt = kept[k + 1] if k + 1 < len(kept) else None
            # (a card that opens like the zone's first, with a category glued to its headline,
            # is one however it ends: "MoneyHow to Find …" under "AppsThe Best Free …"; so is
            # a linked headline after a zone that opened with one: the last cards of a box
            # often lose their summary and link)
            if card_start and ending is not None and not self._ending_ahead(doc, kept, k, ending, is_read_more, glued_head) \
                    and not (glued_label(b.text) is not None and any(glued_label(doc.blocks[j].text) for j in zone)) \
                    and not (is_one_link(b) and is_one_link(doc.blocks[zone[0]])):
                break
            if not self._card_like(doc, i, nxt, zone, topics, is_read_more, glued_head):
                break
            zone.append(i)
            card_start = False
            if ends_with_ellipsis(b.text) and not (nxt is not None and (is_read_more(nxt) or glued_head.match(doc.blocks[nxt].text))):
                ending, card_start = ending or "ellipsis", True
            k += 1
        return zone, k, None

    def _introduces_body(self, doc, kept, k, topics) -> bool:
        """Is the block after a header a paragraph of the article (the header then titles a
        section of it)? In HTML only when both sit in the article's own flow: a heading tag
        and a paragraph in the same container."""
        if k >= len(kept):
            return False
        i = kept[k]
        header = doc.blocks[kept[k - 1]]
        if header.hints is not None and (header.hints.tag not in ("h2", "h3", "h4", "h5", "h6")
                                         or header.hints.group != doc.blocks[i].hints.group):
            return False
        return doc.blocks[i].kind is Kind.PARAGRAPH and self._body_like(doc, i, topics, [i])

    def _lone_card(self, doc, kept, k, topics, is_header) -> list[int]:
        """The one card under a known header ("Further Reading", then a linked title) when the
        article goes on right after it, which is why the zone search stopped there: its
        headline, and the line under it that sums the headline up ("The best custom ROMs for
        tablets" over "Breathe new life into an old tablet with one of these ROMs."), which may
        be on the article's topic; the article's next paragraph takes up the article's words."""
        if k >= len(kept):
            return []
        i = kept[k]
        b = doc.blocks[i]
        if _outside_box(doc.blocks[kept[k - 1]], b):
            return []
        if is_header(i) or not is_headline_shaped(b.text, max_words=16, n_words=doc.n_words[i]):
            return []
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if nxt is not None and _sums_up(doc, i, nxt):
            return [i, nxt]
        return [] if self._body_like(doc, i, topics, [i]) else [i]

    @staticmethod
    def _ending_ahead(doc, kept, k, ending, is_read_more, glued_head, span: int = 3) -> bool:
        """Does a card that starts at ``kept[k]`` end the way the zone's cards end?"""
        for j in kept[k:k + span]:
            if ending == "link" and (is_read_more(j) or glued_head.match(doc.blocks[j].text)):
                return True
            if ending == "ellipsis" and ends_with_ellipsis(doc.blocks[j].text):
                return True
        return False

    def _body_like(self, doc, i, topics, exclude) -> bool:
        b = doc.blocks[i]
        n = doc.n_words[i]
        if ends_with_ellipsis(b.text):
            return False
        if n >= self.body_min_words:
            return True
        # two full sentences of 25 words or more on the article's topic: a card's summary is
        # one sentence, and a site's or author's blurb is about something else
        if n >= 25 and b.kind is Kind.PARAGRAPH and b.text.rstrip().endswith((".", "!", "?")) \
                and len(_SENTENCE_END.findall(b.text)) >= 2:
            overlap = topics.overlap(i, exclude)
            if overlap is not None and overlap >= self.body_overlap / 2:
                return True
        if n >= 15 and b.kind is not Kind.HEADING:
            overlap = topics.overlap(i, exclude)
            if overlap is None:
                return False
            # the longer a paragraph, the less shared vocabulary it takes to be the article's
            return overlap >= (self.body_overlap if n < 40 else self.body_overlap * 0.7)
        return False

    def _card_like(self, doc, i, nxt, zone, topics, is_read_more, glued_head) -> bool:
        b = doc.blocks[i]
        text = b.text
        n = doc.n_words[i]
        if n > self.summary_max_words:
            return False
        if zone and is_headline_shaped(doc.blocks[zone[-1]].text) and _sums_up(doc, zone[-1], i):
            return True  # the line under a card's headline, on the article's topic or not
        exclude = list(zone) + [i]
        closes_card = nxt is not None and (is_read_more(nxt) or bool(glued_head.match(doc.blocks[nxt].text)))
        if not closes_card and nxt is not None and doc.n_words[nxt] <= self.summary_max_words \
                and is_headline_shaped(text, max_words=16, n_words=n):
            # a headline, the line that sums it up, then the card's link: on the article's topic
            # or not (related stories are), the three make a card
            after = doc.next_kept(nxt)
            closes_card = after is not None and is_read_more(after)
        if glued_label(text) is not None or ends_with_ellipsis(text) or closes_card:
            return True
        if is_one_link(b):
            return True  # a linked headline ("[Smart rings are having a moment](https://…)" in markdown)
        if self._body_like(doc, i, topics, exclude):
            return False
        if not zone and b.kind is Kind.PARAGRAPH and n >= 12 and _SENTENCE_END.search(text.rstrip() + " ") \
                and text.rstrip().endswith((".", "!")):
            return False  # a header's first card is no full sentence: "More on Europe" titles a section
        if nxt is not None and self._body_like(doc, nxt, topics, exclude):
            return False  # a heading or lead-in that introduces the article's next paragraph
        if n <= 6 and not text.rstrip().endswith((".", "!", "?")):
            return True  # a category label, a date, an author name
        if is_headline_shaped(text):
            return True
        if b.kind is Kind.PARAGRAPH and (n >= 25 and len(_SENTENCE_END.findall(text)) >= 2
                                         or n >= 30 and text.rstrip().endswith((".", "!", "?"))):
            return False  # full sentences, neither cut off nor under a link: the article's prose
        overlap = topics.overlap(i, exclude)
        return overlap is not None and overlap < 0.3 and n <= 40

    def _card_runs(self, doc, kept, taken, topics) -> list[list[int]]:
        """Consecutive (headline, summary…) pairs about other stories, at least two of them."""
        runs: list[list[int]] = []
        current: list[int] = []
        k = 0
        while k + 1 < len(kept):
            a, b = kept[k], kept[k + 1]
            # (the summary cut off with "…" first: few blocks are one)
            pair = (a not in taken and b not in taken
                    and doc.n_words[b] <= self.summary_max_words and ends_with_ellipsis(doc.blocks[b].text)
                    and is_headline_shaped(doc.blocks[a].text, max_words=16, n_words=doc.n_words[a]))
            if pair:
                overlap = topics.overlap(b, (a, b))
                pair = overlap is None or overlap < 0.3
            if pair:
                current += [a, b]
                k += 2
                continue
            if len(current) >= 4:
                runs.append(current)
            current = []
            k += 1
        if len(current) >= 4:
            runs.append(current)
        return runs

    def _label_runs(self, doc, kept, taken, topics, linked_tail) -> list[list[int]]:
        """Consecutive cards whose headlines carry a glued category label ("CloudWhy …") or
        their own read-more link ("… Read more →"), each about another story, at least two of
        them (a summary may follow each headline).

        A glued label is rare in article text and two in a row rarer still, so the run needs
        no header from the phrase data: "Elsewhere in The Ledger" is found from its cards.
        """
        runs: list[list[int]] = []
        current: list[int] = []
        labels = 0
        follows_teaser = False  # the run goes on from a teaser zone or card found before
        previous = None
        for i in kept + [None]:
            if i is not None and i not in taken:
                text = doc.blocks[i].text
                # a headline ends without a full stop ("ProsThe battery lasts two days." is a
                # scraped subheading run into its text)
                end = text.rstrip()
                label = doc.n_words[i] <= 25 and not (end.endswith((".", "!")) and not end.endswith("...")) \
                    and glued_label(text) is not None
                linked = doc.n_words[i] <= 25 and self._linked_card(text, linked_tail)
                if not current:
                    follows_teaser = previous is not None and previous in taken
                previous = i
                # with both a label and its own link a block is a card whatever it talks about,
                # and so is one right under other cards (a related story shares the topic)
                if (label or linked) and ((label and linked) or follows_teaser or self._other_story(topics, i)):
                    current.append(i)
                    labels += 1
                    continue
                if current and doc.n_words[i] <= self.summary_max_words and ends_with_ellipsis(text) \
                        and self._other_story(topics, i):
                    current.append(i)
                    continue
                if current and doc.n_words[i] <= 4 and text.rstrip().endswith(_LINK_ARROWS):
                    current.append(i)  # the card's link, worded the site's own way
                    continue
            elif i is not None and current:
                previous = i
                continue  # a read-more link between the cards, already found
            if i is not None:
                previous = i
            if labels >= 2:
                runs.append(self._camel_card_before(doc, kept, taken, topics, current) + current)
            current, labels = [], 0
        return runs

    @staticmethod
    def _linked_card(text: str, linked_tail) -> bool:
        """A headline and its read-more link in one block: no sentence ends before the link."""
        if not text.rstrip().endswith(_LINK_ARROWS):
            return False
        m = linked_tail.search(text)
        return m is not None and is_headline_shaped(text[:m.start()], max_words=20)

    @staticmethod
    def _other_story(topics, i: int) -> bool:
        overlap = topics.overlap(i, (i,))
        return overlap is None or overlap < 0.3

    @staticmethod
    def _camel_card_before(doc, kept, taken, topics, run: list[int]) -> list[int]:
        """The card just above a run of labelled cards whose label reads like a brand
        ("ComprasCinco trucos …"): alone it would be a brand, above its like it is a card."""
        k = bisect_left(kept, run[0])  # kept is in document order
        if k == 0 or kept[k - 1] in taken:
            return []
        i = kept[k - 1]
        first = doc.blocks[i].text.split(" ", 1)[0]
        if _CAMEL.match(first) and is_headline_shaped(doc.blocks[i].text, max_words=16) \
                and CrossPromo._other_story(topics, i):
            return [i]
        return []

    def _card_before(self, doc, kept, k, topics, taken) -> list[int]:
        """The card that a standalone read-more link closes, walking backwards."""
        card: list[int] = []
        for back in range(k - 1, max(-1, k - 4), -1):
            i = kept[back]
            if i in taken:
                break
            b = doc.blocks[i]
            text = b.text
            evidence = glued_label(text) is not None or ends_with_ellipsis(text) or (
                b.hints is not None and link_density(b) >= 0.6)
            if not evidence and not (card and is_headline_shaped(text) and word_count(text) <= 16):
                if not (word_count(text) <= 4 and not card):
                    break
            if self._body_like(doc, i, topics, card + [i]):
                break
            card.append(i)
        return card

    @staticmethod
    def _inline_prefix(text: str, inline_re, inline_caps, inline_title, site_re) -> re.Match[str] | None:
        """The "ALSO READ:" / "En Gadgetario |" that opens an inline teaser, if one does."""
        listed = may_start_with(text, inline_re.letters, inline_re.size)  # can an inline phrase open it
        m = (inline_re.pattern.match(text) if listed else None) or site_re.match(text)
        if m is None and listed:
            # without a colon, a label set apart by its capitals: "ALSO READ Headline" (so not
            # in a line that opens with a word and a lower-case second character), or a few
            # labels in title case before a capitalised headline ("Related Story Headline")
            if text[:1].isalnum() and text[1:2].islower():
                m = inline_title.match(text)
                return m if m is not None and m.group(1).istitle() else None
            m = inline_caps.match(text)
            if m is None or not m.group(1).isupper() or len(m.group(1)) < 4:
                return None
        return m

