"""Page chrome: share bars, newsletter and cookie prompts, comment forms, ad labels, tag lists,
author boxes, previous/next links, breadcrumbs, skip links, social and footer links.

Chrome is formulaic, so the evidence is the phrase data of ``data/<lang>.json`` matched against
whole short blocks (exactly, or as the start of a short block), plus structure: a breadcrumb's
separators, an author box after its "About the author" header, a headline after "Next article".
Single words that also make good section headings ("Privacy", "Discussion", "Related") are
removed only among other chrome, never when they introduce a paragraph of the article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from .._model import Kind
from .._normalize import normalize, words
from .._segment_text import READER_HEADER, front_matter
from .._pipeline import Document, Drop, Filter, register
from ._evidence import (
    HOME_PAGES,
    TopicProfile,
    alternation,
    cue_pattern,
    dump_field,
    glued_trail,
    has_stopword,
    has_trigger,
    is_headline_shaped,
    is_link_line,
    is_one_link,
    link_density,
    looks_like_residue,
    menu_shaped,
    names_own_site,
    phrase_keys,
    phrase_table,
    prose_residue,
    reported,
    site_consent_notice,
    strip_decoration,
    token_hint,
    token_keys,
    when_patterns,
    word_count,
)
from ._phrases import languages, merged_section

__all__ = ["PageChrome"]

_DETAILS = {
    "share_bar": "share or like buttons",
    "skip_link": "a navigation or account link",
    "ad_label": "an advertising label or sponsor note",
    "comment_form": "comment-form text",
    "prev_next": "a link to the previous or next article",
    "newsletter": "a newsletter, subscription or donation prompt",
    "cookie_notice": "a cookie or consent notice",
    "author_bio": "an author box",
    "tag_list": "a tag or category list",
    "social_follow": "a follow-us prompt",
    "footer": "site footer text",
    "breadcrumb": "a breadcrumb trail",
    "site_name": "the site name appended to the page title",
    "page_header": "a site name, section label or menu entry above the headline",
    "separator": "punctuation or symbols between links, with no word of its own",
    "media_embed": "an image written as markdown markup (![alt](address)), not text",
    "table_of_contents": "a table of contents: links to the article's own section headings",
    "counter": "a bare count beside share, like or comment buttons",
    "metadata_field": "a field an extractor printed with the text (\"Movies: []\"), not text",
    "reader_comment": "a reader's comment under the article: the line naming its writer and when, and its text",
}
# chrome that a thread of readers' comments goes on past (a footer or a newsletter box ends it)
_IN_THREAD = frozenset(("comment_form", "counter", "share_bar", "separator", "media_embed"))
# a link to a reader's profile on the site ("[ArcticFan](https://…/community/members/arcticfan.30517/)")
_PROFILE_LINK = re.compile(r"\]\(https?://[^)\s]*/(?:members?|users?|profiles?|u|people|benutzer|membres?|usuarios?)/", re.I)
# a forum's counts under a writer's name ("Posts: 2,140 +3,377", "Beiträge: 512")
_PROFILE_STATS = re.compile(r"^(?:posts|messages|beiträge|mensajes|reputation|karma|likes)\s*:\s*[\d.,]+(?:\s*\+[\d.,]+)?$")


@cache
def _when(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """A date or a clock time anywhere in a normalised line."""
    date, time = when_patterns(langs)
    return re.compile(rf"(?:{date})|(?<![\d.,$€£])(?:{time})", re.IGNORECASE)


# the site's name after "You're reading", up to a dash, colon or comma
_BLURB_NAME = re.compile(r"\s*([^\s,:\u2013\u2014-][^,:\u2013\u2014]{1,38}?)\s*(?:[,:\u2013\u2014]|\s-\s|$)")
# How long a block may be and still count as chrome when only its start matches.
_PREFIX_MAX_WORDS = {
    "share_bar": 14, "skip_link": 8, "ad_label": 45, "comment_form": 40, "prev_next": 25, "newsletter": 45,
    "cookie_notice": 70, "author_bio": 25, "tag_list": 40, "social_follow": 20, "footer": 40,
}
# Markup evidence: class/id tokens of containers that hold one kind of chrome.
_CONTAINER_TOKENS = {
    "share_bar": ("sharedaddy", "share-buttons", "social-share", "share-bar", "sharebar", "shareaholic",
                  "addtoany", "a2a_kit", "share-links", "jp-sharing", "sharing-buttons", "social-sharing"),
    "comment_form": ("comment-respond", "comment-form", "comments-area", "commentform", "comment-reply-title",
                     "logged-in-as", "comment-notes", "comment-form-comment"),
    "author_bio": ("author-bio", "author-box", "about-author", "author-info", "authorbox", "author-description",
                   "author-card", "saboxplugin-wrap", "abh_box"),
    "tag_list": ("tag-links", "tags-links", "post-tags", "entry-tags", "cat-links", "tagcloud", "tag-list",
                 "article-tags", "post-categories"),
    "breadcrumb": ("breadcrumb", "breadcrumbs", "breadcrumb-trail", "yoast-breadcrumb", "rank-math-breadcrumb"),
    "newsletter": ("newsletter-signup", "newsletter-form", "mc4wp-form", "subscribe-form", "signup-form",
                   "email-signup", "newsletter-box", "newsletter-widget"),
    "cookie_notice": ("cookie-notice", "cookie-banner", "cookie-consent", "cookielawinfo-bar", "cmplz-cookiebanner",
                      "onetrust-banner-sdk", "cookiebanner", "gdpr-banner", "consent-banner"),
    "prev_next": ("post-navigation", "nav-previous", "nav-next", "prev-next", "pagination-single"),
}
_CONTAINER_TOKENS = {k: frozenset(v) for k, v in _CONTAINER_TOKENS.items()}
# Prefix matches that must also carry a word of their kind somewhere in the block, because
# their openings ("Get the latest", "We use cookies") also start ordinary sentences.
_PREFIX_NEEDS = {"newsletter": "newsletter_words", "cookie_notice": "cookie_words"}
# the site speaking to its readers, which a report may quote
_PROMPTS = frozenset(("newsletter", "cookie_notice", "ad_label", "footer"))
# Labels of paid content (not of an ad slot) whose following short block is the ad itself.
_SPONSOR_LABELS = frozenset(("sponsored", "sponsored content", "sponsored post", "sponsored message", "promoted",
                             "promoted content", "paid content", "paid post", "partner content", "gesponsert",
                             "partnerinhalt", "contenu sponsorisé", "sponsorisé", "contenido patrocinado",
                             "patrocinado"))
# Blocks a sponsored box (name, pitch, price, button) holds at most under its label, and the
# words of its button at most.
_SPONSOR_BOX = 4
_BUTTON_WORDS = 6
# Prompts whose box (heading, blurb, button) is chrome as a whole.
_BOX_CATEGORIES = frozenset(("newsletter", "social_follow", "cookie_notice"))
# Containers whose text is chrome whatever it says (the rest only hold links or labels).
_CONTAINER_TEXT = {"author_bio": 90, "cookie_notice": 80, "newsletter": 50, "comment_form": 40}
# Words that are also genuine section headings; removed only next to other chrome.
_WEAK = frozenset(
    "privacy accessibility help discussion featured popular trending recommended related topics topic press careers "
    "contact feedback search home menu next previous reply comments comment website email print share save listen author "
    "authors tags categories keywords follow more send top close account register login x ok agree accept decline "
    "reject customize faq rss disclaimer corrections masthead sitemap imprint newsletter like likes loading threads "
    "pocket telegram messenger pin weiter zurück suche kontakt autor autorin themen kategorien datenschutz menü teilen "
    "drucken précédent suivant recherche contact accueil auteur sujets thèmes partager imprimer anterior siguiente buscar "
    "inicio contacto autor autora temas compartir imprimir discusión diskussion kommentare commentaires "
    "comentarios newsletter boletín werbung advertising presse".split()
)
# a button's label as it stands: a word or a count, no quotes or dashes around it
_BARE_WORD = re.compile(r"^\w+(?:[.,]\w+)?:?$")
# words that join the last item of a sentence's enumeration, which a list of tags has not
_LIST_JOINS = re.compile(r"\s(?:and|und|et|y|or|oder|ou|o)\s", re.IGNORECASE)
# the small words between a menu's link names ("Terms of Use", "Über uns")


def _chain(seeds: set[int], members, kept: list[int], position: dict[int, int]) -> set[int]:
    """``seeds`` and every member a chain of kept neighbours links to one of them; each block
    is reached once, so the walk is linear in the page however long the chains."""
    out = set(seeds)
    stack = list(out)
    while stack:
        k = position[stack.pop()]
        for j in (k - 1, k + 1):
            if 0 <= j < len(kept) and kept[j] in members and kept[j] not in out:
                out.add(kept[j])
                stack.append(kept[j])
    return out


# a like, clap or comment count on a line of its own
_COUNTER = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d[km]|[km])?$")  # "412", "1.2k"; not a score ("8.5")
_MAX_COUNTS = 4  # likes, comments, restacks, shares
_BREADCRUMB_SEP = re.compile(r"\s*(?:»|›|>|→|::|\u2192|\u276f|\u232a)\s*|\s+/\s+")
_BREADCRUMB_CHAR = re.compile("[»›>→:\u2192\u276f\u232a/]")  # in every match of _BREADCRUMB_SEP
# "Tags: AI, Chips, Cloud": short items separated by commas, bullets or pipes, no sentences
_LIST_SEPARATORS = re.compile(r"\s*[,;|\u00b7\u2022/]\s*")
_SENTENCE_MARKS = re.compile(r"[.!?]")
# a markdown image, or a linked one ("[![Jane Doe's profile picture](avatar.png)](profile)")
_MD_IMAGE = re.compile(r"^(?:\[)?!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)(?:\]\([^)\s]*\))?\s*$")
_HOME_SLASH = re.compile(rf"^(?:{'|'.join(sorted(HOME_PAGES | {'start'}))})\s*/", re.IGNORECASE)
_TIGHT_SLASH = re.compile(r"\s*/\s*")
# what no line of tags holds: sentence punctuation, brackets, separators
_TAG_PUNCT = re.compile(r"[.,;:!?\"()\[\]|&\u2013\u2014\u00b7\u2022\u201c\u201d\u00ab\u00bb/]|\s-\s")
_EMAIL_WORD = re.compile(r"\be-?mail\b|\bcorreo\b|\badresse (?:e-?mail|mail|électronique)\b")
_TAG_ITEM_SEP = re.compile(r"\s+[\u00b7|\u2022]\s+")
_LINKS_ONLY = re.compile(r"^(?:\[[^\[\]\n]+\]\([^()\s]+\)[\s,\u00b7|]*)+$")  # markdown links and nothing else
_LINK_TEXT = re.compile(r"\[([^\[\]\n]+)\]\(")
# an item of a text browser's link index: "12. https://example.com/news/"
_URL_ITEM = re.compile(r"^\s*\d{1,4}[.)]\s+(?:https?|ftp|mailto|file):\S+\s*$")
_HOME = HOME_PAGES | frozenset("start page homepage news".split())
_TOC_MAX = 40  # entries a table of contents lists at most
# a section's number as a table of contents or a heading writes it ("2.", "3.1", "IV.")
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)])\s+")
# preprocessor and editor directives, which a code sample puts on lines of their own
_DIRECTIVES = frozenset("if ifdef ifndef else elif endif define undef include import pragma region endregion error line".split())
_HASHTAG = r"#(?=[\w-]*[^\W\d_])\w[\w-]*"  # a word with a letter in it: "#5g", not "#1"
_HASHTAGS = re.compile(rf"^{_HASHTAG}(?:[\s,]+{_HASHTAG})*$")
_ABOUT_NAME = re.compile(r"^(?:about|über|à propos de|sobre|acerca de)\s+\S+(?:\s+\S+){0,3}$", re.IGNORECASE)
_TITLE_SEP = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022\u00bb:/-]|::)\s+|\s*\|\s*")


_ITEM_SEP = re.compile(r"\s*[,;|\u00b7\u2022/]\s*|\s*:\s*|\s+")
# list items set apart by marks (a colon too: "Mini Laptops Tagged With: AI, …")
_MARKED_ITEM_SEP = re.compile(r"\s*[,;:|\u00b7\u2022/]\s*")
_ITEM_MARKS = frozenset(",;|\u00b7\u2022/")


@cache
def _share_words(langs: tuple[str, ...] | None) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """Network names, share labels (longest first), and the words a share line can start with."""
    sec = merged_section("chrome", langs)
    networks = frozenset(sec.get("networks", ()))
    labels = tuple(sorted(set(sec.get("share_labels", ())), key=len, reverse=True))
    starts = frozenset(w.split(" ", 1)[0] for w in (*networks, *labels))
    return networks, labels, starts


@cache
def _multiword_networks(langs: tuple[str, ...] | None) -> tuple[str, ...]:
    """Share-row names of several words ("copier le lien", "link kopieren"), longest first."""
    return tuple(sorted((n for n in _share_words(langs)[0] if " " in n), key=len, reverse=True))


_DIGIT = re.compile(r"\d")
# the arrows of a blog's post navigation: "« previous headline", "next headline »"
_BACK_ARROWS = frozenset(("\u00ab ", "\u2039 ", "\u2190 ", "< "))
_BACK_ARROW_MARKS = frozenset(a[0] for a in _BACK_ARROWS)
_ON_ARROWS = frozenset((" \u00bb", " \u203a", " \u2192", " >"))


def _list_shaped(text: str, item_max: int = 60, max_items: int = 31) -> bool:
    """Short items set apart by commas, bullets, pipes or slashes, no sentence marks (a full
    stop may end the line). (As one regex this backtracks exponentially on a long line of
    commas that ends in "!".)"""
    body = (text[:-1] if text.endswith(".") else text).strip(" ,;|\u00b7\u2022/")
    if not body or _SENTENCE_MARKS.search(body):
        return False
    items = [item for item in _LIST_SEPARATORS.split(body) if item]
    return len(items) <= max_items and all(len(item) <= item_max for item in items)


def _tag_shaped(text: str) -> bool:
    """Tags after a label: items of five words or less when marks set them apart ("Retail
    tech, Germany, AI"), or one run of words; not a sentence that lists ("we test the X
    against the Y, the Z and the W")."""
    items = _MARKED_ITEM_SEP.split(text.strip().rstrip("."))
    if len(items) < 2:
        # one run of words may be longer, when it is names only ("Wintergate 12 Selwyn Store
        # Start menu Insider Preview Dev Channel"; not "Kinderbuch für „…“ von Tommy …")
        return _list_shaped(text) or len(text) <= 100 and not _SENTENCE_MARKS.search(text.rstrip(".")) \
            and not has_stopword(words(normalize(text)))
    return _list_shaped(text) and all(len(item.split()) <= 5 for item in items)


@cache
def _nav_prefixes(langs: tuple[str, ...] | None) -> tuple[str, ...]:
    """The previous/next labels the phrase data matches as prefixes, longest first."""
    return _nav_phrases(langs, "prefix")


def _nav_phrases(langs: tuple[str, ...] | None, kind: str) -> tuple[str, ...]:
    """The previous/next phrases of a phrase table kind ("exact", "prefix"), longest first."""
    found = {p for table in merged_section("chrome", langs).get(kind, ()) for p in table.get("prev_next", ())}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def _links_a_headline(text: str, key: str, langs: tuple[str, ...] | None) -> bool:
    """Does a headline follow a previous/next label ("Next article: The …", "« Previous")?
    After a label that ends in a word, the next word must open a headline (a capital, a
    digit, a quote): "Next article on the agenda is …" is a sentence."""
    label = next((p for p in _nav_prefixes(langs) if key.startswith(p)), "")
    if not label[:1].isalnum() or not label[-1:].isalnum() and label[-1:] != " ":
        return True  # "next article:", "← previous article: …": a mark sets the label apart
    rest = text.lstrip("#*-+> ")[len(label):].lstrip(" :|\u2013\u2014-\u00bb\u203a>\u2192")
    return not rest or rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"'\u201c\u201e\u00ab"


@cache
def _nav_labels(langs: tuple[str, ...] | None) -> dict[str, tuple[str, ...]]:
    """Previous/next labels of two words or more ("previous article", "nächster beitrag") by
    their first letter, longest first: the ones a scraper glues to the headline they link
    ("Next articleThe …")."""
    by_letter: dict[str, list[str]] = {}
    for p in _nav_phrases(langs, "exact"):
        if " " in p:
            by_letter.setdefault(p[0], []).append(p)
    return {c: tuple(ps) for c, ps in by_letter.items()}


def _glued_nav(text: str, labels: tuple[str, ...], linked: bool) -> bool:
    """"Previous articleKindred Audio's new earbuds …": a label run into a linked headline of
    three words or more (a capital, a digit or a quote right after the label, no space); when
    the whole line is the link ("[Next story A 12-year-old bug …](…)"), a space may part them."""
    low = text.casefold()
    for label in labels:
        if low.startswith(label):
            glued = text[len(label) + 1:len(label) + 2] if linked and text[len(label):len(label) + 1] == " " \
                else text[len(label):len(label) + 1]
            return (glued.isupper() or glued.isdigit() or glued in "\"'\u201c\u201e\u00ab") \
                and word_count(text[len(label):]) >= 3
    return False


@cache
def _blurb_prefixes(langs: tuple[str, ...] | None) -> tuple[str, ...]:
    """The words a site's description of itself opens with ("you're reading"), longest first."""
    return tuple(sorted(phrase_keys("chrome", ("site_blurb_prefixes",), langs), key=lambda p: (-len(p), p)))


@cache
def _tag_url(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """A markdown link to one of the site's tag or topic pages ("](https://example.com/tag/e-bikes/)"),
    by the folder names the phrase data lists."""
    folders = alternation(merged_section("chrome", langs).get("tag_folders", ()))
    return re.compile(rf"\]\(https?://[^()\s]*?/(?:{folders})/[^()\s]+\)", re.IGNORECASE)


@cache
def _commenter(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """A commenter's name and a verb of saying over the comment ("henning_w sagt:", "lucie d.
    dit :"), matched against a block's key."""
    verbs = alternation(merged_section("chrome", langs).get("commenter_verbs", ()))
    return re.compile(rf"^[\w.'\u2019-]{{2,30}}(?: [\w.'\u2019-]{{1,30}})? (?:{verbs})\s?:$")


@cache
def _button_words(langs: tuple[str, ...] | None) -> tuple[frozenset[str], frozenset[str]]:
    """The words of network names, and of share and page buttons ("copy", "link", "merken")."""
    sec = merged_section("chrome", langs)
    # single-word names only, and not the ones that are words too ("X" in "4 x 100", "print")
    networks = frozenset(n for n in sec.get("networks", ()) if " " not in n) - frozenset(sec.get("ambiguous_networks", ()))
    words = frozenset(w for n in (*sec.get("share_labels", ()), *sec.get("button_words", ()), *sec.get("networks", ()))
                      for w in n.split())
    return networks, words


def _heading_key(stripped: str) -> str:
    """A heading or a table-of-contents entry without its section number."""
    return _SECTION_NUMBER.sub("", stripped)


def _bare_label(text: str) -> bool:
    """"Tags" or "Temas:" with nothing after it ("Kategorie: Erste Versuche" names its tag)."""
    return len(text.split()) <= 3 and _after_label(text) in ("", text)


def _after_label(text: str) -> str:
    """What follows the label of a labelled line ("Tags: a, b" -> "a, b")."""
    head, sep, rest = text.partition(":")
    return rest.strip() if sep and len(head.split()) <= 3 else text


@register
class PageChrome(Filter):
    """Drop page chrome: share bars, prompts, comment forms, ad labels, tags, author boxes, links."""

    name = "chrome"
    reasons = _DETAILS

    def __init__(self, *, languages: tuple[str, ...] | None = None, bio_max_words: int = 90,
                 header_max_words: int = 12, box_max_blocks: int = 4, box_max_words: int = 30) -> None:
        self.languages = languages
        self.bio_max_words = bio_max_words
        self.header_max_words = header_max_words
        self.box_max_blocks = box_max_blocks
        self.box_max_words = box_max_words

    def _langs(self) -> tuple[str, ...] | None:
        return tuple(self.languages) if self.languages else None

    def decide(self, doc: Document) -> Iterable[Drop]:
        table = phrase_table("chrome", self._langs())
        found: dict[int, tuple[str, bool]] = {}  # index -> (category, weak?)
        memo: dict = {}  # class/id tokens -> token_keys, for this page
        nav = _nav_labels(self._langs())
        for b in doc.blocks:
            if not b.kept or b.index == doc.title_index:
                continue
            hit = self._match(doc, b.index, table, memo, nav)
            if hit is not None:
                found[b.index] = hit

        out: list[Drop] = []
        decided: set[int] = set()
        kept = [b.index for b in doc.blocks if b.kept]
        position = {i: k for k, i in enumerate(kept)}
        # a weak label right beside shop or teaser residue ("Werbung" over a price box) is
        # confirmed by it, as by chrome of its own kind, whether another filter removes that
        # residue before or after this one
        beside_residue = {i for i, (_, weak) in found.items() if weak and any(
            0 <= j < len(doc.blocks) and j not in found and doc.n_words[j] <= 8 and looks_like_residue(doc.keys[j])
            for j in (i - 1, i + 1))}
        hashtags = self._hashtag_runs(doc, kept, found)
        found.update((i, ("tag_list", False)) for i in hashtags)
        found.update((i, ("prev_next", False)) for i in self._nav_pair(doc, kept, found))
        found.update((i, ("comment_form", False)) for i in self._commenters(doc, kept, found))
        found.update((i, ("footer", False)) for i in self._link_index(doc, kept, found))
        confirmed = self._confirm_weak(found, kept, position) | beside_residue
        # a bare "Tags" / "Temas" is weak alone; the tags under it, one per line, confirm it
        matched = set(found)
        # where the article's last long paragraph stands: a line of tags comes after it
        last_long = max((k for k, i in enumerate(kept) if doc.n_words[i] >= 25), default=-1)
        for i in self._bare_tags(doc, kept, last_long):
            found.setdefault(i, ("tag_list", False))
        confirmed.update(i for i, (category, weak) in found.items()
                         if weak and category == "tag_list" and _bare_label(doc.plain[i])
                         and self._tag_items(doc, kept, position[i], matched, last_long))
        header_end = self._header_end(doc, kept, found)
        if header_end is not None:  # above the headline sits the page header
            confirmed.update(i for i in found if i < header_end)
            confirmed.update(self._under_headline(doc, kept, found, position))
        footer = []  # the page footer: the run of chrome and scraps that ends the page
        for i in reversed(kept):
            if i not in found and doc.n_words[i] > 3:
                break
            if i in found:
                footer.append(i)
        # a lone "Ok." at the end of a story is not a footer, nor is the same word twice
        if len({doc.keys[i] for i in footer}) >= 2:
            confirmed.update(footer)
        confirmed -= self._lone_numbers(doc, found, kept, confirmed)
        for i, (category, weak) in sorted(found.items()):
            if weak and i not in confirmed:
                continue
            out.append(Drop(i, category, f"{_DETAILS[category].capitalize()}: {doc.blocks[i].text[:80]!r}."))
            decided.add(i)
        out.extend(self._followers(doc, decided, found, kept, position, last_long, header_end))
        out.extend(self._boxes(doc, decided, found, table, memo))
        out.extend(self._table_of_contents(doc, kept, decided))
        out.extend(self._comment_threads(doc, kept, {d.index: d.reason for d in out}))
        site = self._site_name(doc)
        if site is not None:
            out.append(site)
        return out

    # -- single-block evidence ---------------------------------------------------------------
    def _match(self, doc: Document, i: int, table, memo: dict, nav: dict[str, tuple[str, ...]]
               ) -> tuple[str, bool] | None:
        block = doc.blocks[i]
        key = doc.keys[i]
        if len(key) <= 8 and not any(ch.isalnum() for ch in key):
            return "separator", False
        if (block.text[:2] == "![" or block.text[:3] == "[![") and _MD_IMAGE.match(block.text):
            return "media_embed", False
        if len(key) <= 7 and _COUNTER.match(key):
            return "counter", True  # "412", "1.2k": only beside buttons is a number chrome
        n_words = doc.n_words[i]
        category = table.match_exact(key, doc.stripped[i])
        # (eight words, separators such as "·" aside; longer, only a comment section's header,
        # which counts or dates: "Hemlock said on May 12, 2025 at 10:47 am", "14 Kommentare zu „…“")
        short = n_words <= 8 or len(doc.tokens[i]) <= 8
        if category is None and (short or n_words <= (30 if key[:1].isdigit() else 16)
                                 and _DIGIT.search(key) is not None
                                 and has_trigger(key, "comment_words", self._langs())):
            category = table.match_regex(key)
            if category == "comment_form" and (not short or '"' in key):
                return category, True  # weak: "3 thoughts on “The Bear”" may title a section
            if category is not None and short:
                # "Tetris © 1985 Elorg" may be quoted on a line of its own in a story on rights: a
                # copyright line is the page's only in its header or footer, among more chrome
                return category, category == "footer" and ("\u00a9" in key or "(c)" in key)
            category = None
        if category is not None:
            stripped = doc.stripped[i]
            # "In this article:" heads a list of tags or a table of contents: weak, like "Tags"
            return category, (" " not in stripped and stripped in _WEAK) or (n_words == 1 and len(stripped) <= 2) or (
                category == "tag_list" and stripped in phrase_keys("chrome", ("toc_labels",), self._langs()))
        category = table.match_prefix(key)
        if category is not None:
            # (another category's prefix may hold where the first one's test fails: "join the
            # conversation in our forums: …" is no newsletter's "join the …")
            for category in table.prefix_categories(key) or [category]:
                if self._prefix_holds(category, doc, i, key, n_words):
                    return category, False
        labels = nav.get(key[:1]) if n_words <= 25 else None
        if labels and key.startswith(labels) and _glued_nav(doc.plain[i].lstrip("#*-+> "), labels,
                                                            is_one_link(block, 0.8)):
            return "prev_next", False
        if block.kind is not Kind.TABLE and n_words <= 25 and self._breadcrumb(doc.plain[i]) and (
                doc.title_index is None or i < doc.title_index or self._breadcrumb(doc.plain[i], home_first=True)):
            return "breadcrumb", False
        if doc.title_index is not None and 0 < doc.title_index - i <= 3 \
                and glued_trail(doc.plain[i], doc.plain[doc.title_index]):
            return "breadcrumb", False
        if n_words <= 20 and self._share_list(key):
            return "share_bar", False
        if 4 <= n_words <= 16 and block.kind is not Kind.TABLE and self._button_row(doc.plain[i], key, doc.tokens[i]):
            return "share_bar", False
        if 4 <= n_words <= 25 and menu_shaped(doc.plain[i], doc.tokens[i], self._langs()):
            return ("page_header" if doc.title_index is not None and i < doc.title_index else "footer"), False
        if key[-1:] == "]" and (field := dump_field(doc.plain[i].strip())) is not None \
                and field[1].casefold() not in phrase_keys("byline", ("name_prefixes",), self._langs()):
            return "metadata_field", False  # the byline filter reads the authors' names from theirs
        if n_words <= 40 and "](" in block.text and self._tag_links(block.text):
            return "tag_list", False
        category = prose_residue(key, n_words, self._langs())
        if category is not None:
            return category, False
        if n_words <= 40 and self._site_blurb(doc, key):
            return "footer", False
        # a consent notice in the third person ("Numerosa et ses partenaires déposent des cookies
        # … Vous pouvez accepter"): above the headline only, where no report on one stands
        if doc.title_index is not None and i < doc.title_index and site_consent_notice(key, n_words, self._langs()):
            return "cookie_notice", False
        keys = token_keys(block, depth=4, memo=memo)
        if keys:
            short_link = n_words <= 6 or link_density(block) >= 0.5
            for category, needles in _CONTAINER_TOKENS.items():
                limit = _CONTAINER_TEXT.get(category)
                if (n_words <= limit if limit else short_link) and token_hint(block, needles, keys=keys):
                    return category, False
        return None

    def _prefix_holds(self, category: str, doc: Document, i: int, key: str, n_words: int) -> bool:
        """Is a line that opens with a category's phrase that category's chrome?"""
        if n_words > _PREFIX_MAX_WORDS.get(category, 20):
            return False
        if category == "tag_list":
            return _tag_shaped(_after_label(doc.plain[i]))
        if category == "prev_next":  # "Next article on the agenda is …" is a sentence
            return _links_a_headline(doc.plain[i], key, self._langs())
        if category == "author_bio":
            return doc.blocks[i].kind is not Kind.PARAGRAPH or n_words <= 12
        if category in _PROMPTS and n_words > 6 and reported(key, self._langs()):
            return False  # "“We and our partners remain committed …,” a spokesperson said"
        # "Join the thousands of admins who patched..." is not a prompt
        return category not in _PREFIX_NEEDS or cue_pattern(self._langs(), _PREFIX_NEEDS[category]).search(key) is not None

    def _tag_links(self, text: str) -> bool:
        """A line of links to the site's tag pages, the URLs saying so ("[Broadband](…/tag/
        broadband) [Satellite Internet](…/tag/satellite-internet)"), after a tag label or none
        ("Topics[e-bikes](…/tag/e-bikes/)…"): two such links or more, and most of the line's
        links; after a label one is enough. A link to a tag page in a sentence is the
        article's own."""
        start = text.find("[")
        head, links = text[:start].strip(" *_#:").casefold(), text[start:].rstrip()
        labelled = bool(head) and head in phrase_keys("chrome", ("tag_labels",), self._langs())
        if head and not labelled or _LINKS_ONLY.match(links) is None:
            return False
        tags = len(_tag_url(self._langs()).findall(links))
        return tags >= (1 if labelled else 2) and 2 * tags >= len(_LINK_TEXT.findall(links))

    def _site_blurb(self, doc: Document, key: str) -> bool:
        """The site describing itself under its articles: "You're reading 9to5Mac — experts
        who break news about Apple …". Only when the words after "You're reading" name the
        page's own site (not "You're reading a preview")."""
        prefixes = _blurb_prefixes(self._langs())
        if not key.startswith(prefixes):  # (asked of every short line: one test in C first)
            return False
        prefix = next(p for p in prefixes if key.startswith(p))
        name = _BLURB_NAME.match(key, len(prefix))
        return name is not None and names_own_site(doc, name.group(1))

    @staticmethod
    def _bare_tags(doc: Document, kept: list[int], last_long: int) -> list[int]:
        """A line of tags copied without its label, or with a label but no colon, after the
        article's last paragraph: "Credit Card Magecart Skimmer Supply Chain WooCommerce
        WordPress", "Topics Grocery Delivery Apps", "Halvren · Connected Cars · Car Tech".
        Unlabelled, six words or more (or three items or more set apart by dots or bars),
        mostly capitalised, no punctuation or separators, no postcode, no stopword of any known
        language (a heading or a related story's headline has "the", "für", "de"), and at least two
        of the article's own words: tags name what the article is about."""
        if last_long < 0 or doc.language not in languages():
            return []
        labels = phrase_keys("chrome", ("tag_labels",))
        found = []
        for k, i in enumerate(kept):
            tokens = doc.tokens[i]
            # tags set apart by dots or bars: "Halvren · Connected Cars · Car Tech · SUVs", or
            # markdown links and nothing else: "[Browser Extensions](…) [Online Shopping](…)"
            text = doc.blocks[i].text.strip()
            linked = text[:1] == "[" and _LINKS_ONLY.match(text) is not None
            items = _LINK_TEXT.findall(text) if linked else _TAG_ITEM_SEP.split(doc.plain[i].strip())
            separated = len(items) >= (2 if linked else 3) and all(
                0 < len(t.split()) <= 3 and t[:1].isupper() for t in items)
            if not (3 <= doc.n_words[i] <= 14 and tokens and doc.plain[i][:1].isupper()) \
                    or _TAG_PUNCT.search(" ".join(items) if separated else doc.plain[i]) \
                    or any(len(t) >= 5 and t.isdigit() for t in tokens):
                continue
            if not (tokens[0] in labels and not has_stopword(tokens[1:])  # "Topics Grocery Apps"
                    or (doc.n_words[i] >= 6 or separated) and not has_stopword(tokens)
                    and 2 * sum(w[:1].isupper() for w in doc.plain[i].split()) >= doc.n_words[i]):
                continue
            # after the last long paragraph, or between a long paragraph and residue (tags sit
            # above the related stories, and an author's long bio may follow them)
            if k > last_long or 0 < k < last_long and doc.n_words[kept[k - 1]] >= 25 \
                    and doc.n_words[kept[k + 1]] <= 8 and looks_like_residue(doc.keys[kept[k + 1]]):
                found.append(i)
        if not found:
            return []
        # the article's words: those of the long paragraphs above each line
        out, vocabulary, wanted = [], set(), set(found)
        for i in kept:
            if i in wanted and len({t for t in doc.tokens[i] if t in vocabulary}) >= 2:
                out.append(i)
            if doc.n_words[i] >= 25:
                vocabulary.update(t for t in doc.tokens[i] if len(t) >= 4)
        return out

    def _button_row(self, text: str, key: str, tokens) -> bool:
        """A row of share and page buttons copied as one line: "Facebook X Flipboard Threads
        Email Copy Link 14 comments", "Partager · Réagir (31) · Ajouter à mes favoris". Every
        word is a network, a button's word or a count, two networks or four button words
        among them; no sentence ("Share it on Facebook and X." ends like one), no table row."""
        if text.rstrip()[-1:] in ".!?:":
            return False
        networks, words = _button_words(self._langs())
        if not all(t in words or t in networks or t.isdigit() for t in tokens):
            return False
        if any(t.isdigit() for t in tokens) and not has_trigger(key, "comment_words", self._langs()):
            return False  # a count stands beside comments or shares ("Le 4 x 100" is a relay)
        return len({t for t in tokens if t in networks}) >= 2 or len({t for t in tokens if t in words}) >= 4

    def _share_list(self, key: str) -> bool:
        """"Share: Facebook, X, LinkedIn, Email": a share label and/or only network names."""
        networks, labels, starts = _share_words(self._langs())
        if key.split(" ", 1)[0].strip(":,") not in starts:
            return False
        rest = key
        for label in labels:
            if rest.startswith(label):
                rest = rest[len(label):]
                break
        items = [x for x in map(strip_decoration, _ITEM_SEP.split(rest)) if x]
        if (len(items) >= 2 or rest != key and items) and all(x in networks for x in items):
            return True
        # a name of several words among one-word names ("… WhatsApp Copier le lien")
        joined = [n for n in _multiword_networks(self._langs()) if n in rest]
        if joined:
            for name in joined:
                rest = rest.replace(name, name.replace(" ", "_"))
            items = [x.replace("_", " ") for x in map(strip_decoration, _ITEM_SEP.split(rest)) if x]
            if len(items) >= 2 and all(x in networks for x in items):
                return True
        # items set apart by marks may be several words long ("E-Mail · Copier le lien")
        if _ITEM_MARKS.isdisjoint(rest):
            return False
        items = [x for x in map(strip_decoration, _MARKED_ITEM_SEP.split(rest)) if x]
        return len(items) >= 2 and all(x in networks for x in items)

    @staticmethod
    def _breadcrumb(text: str, home_first: bool = False) -> bool:
        """A trail of short section names ("Home » AI » Chips"); below the headline only one
        that starts at the home page, since "Python 3.12 → 3.13 → 3.14" is article text."""
        if len(text) > 240 or not _BREADCRUMB_CHAR.search(text) or "http" in text or "\u00ab" in text \
                or word_count(text) > 25:
            return False
        label, colon, rest = text.partition(":")
        if colon and len(label.split()) <= 4 and _BREADCRUMB_SEP.search(rest):
            text = rest  # "You are here: Home / News"
        # "Inicio/Consolas/…": slashes without spaces count after the home page's name only
        sep = _TIGHT_SLASH if _HOME_SLASH.match(text) else _BREADCRUMB_SEP
        parts = [p.strip() for p in sep.split(text)]
        # the last step may be the article's own title ("… › KW 11 › Smart Home: Vireo schaltet …")
        if len(parts) < 2 or any(not p or len(p.split()) > (20 if k == len(parts) - 1 and len(parts) >= 3 else 8)
                                 or p[-1] in ".!?;,:" or not p[0].isalnum() for k, p in enumerate(parts)):
            return False
        # section names are words; a year or an issue number may sit between them, but
        # "Python 3.12 → 3.13 → 3.14" is a sequence of versions
        worded = sum(1 for p in parts if any(c.isalpha() for c in p))
        if not any(c.isalpha() for c in parts[0]) or 2 * worded <= len(parts):
            return False
        first = parts[0].casefold().strip(" \u2302\U0001f3e0")
        if home_first:
            return first in _HOME
        return len(parts) >= 3 or first in _HOME

    @staticmethod
    def _hashtag_runs(doc: Document, kept: list[int], found) -> list[int]:
        """Lines of hashtags only ("#webdev"), two or more in a row, where a post's tags stand:
        right under the headline, or after the article (no long paragraph follows). A markdown
        heading has a space after its "#"; "#endif" is code, and hashtags an article lists in
        its course are the article's."""
        out: list[int] = []
        run: list[int] = []
        long_after = 0  # long paragraphs after the current position
        for i in kept:
            if doc.n_words[i] >= 25:
                long_after += 1
        for i in kept + [-1]:
            text = doc.plain[i].strip() if i >= 0 else ""
            if i >= 0 and i not in found and i != doc.title_index and _HASHTAGS.match(text) \
                    and text[1:].split(None, 1)[0].casefold() not in _DIRECTIVES:
                run.append(i)
                continue
            if len(run) >= 2 and (long_after == 0 or doc.prev_kept(run[0]) == doc.title_index):
                out.extend(run)
            run = []
            if i >= 0 and doc.n_words[i] >= 25:
                long_after -= 1
        return out

    def _link_index(self, doc: Document, kept: list[int], found, min_items: int = 3) -> list[int]:
        """A text browser's index of the page's links at the end of its dump ("References",
        then "1. https://…" one per line): three numbered bare URLs or more in a row under
        that label, with no long paragraph after them. An article's own list of links (its
        sources, the phishing addresses it warns of) has a label of its own words."""
        items = [k for k, i in enumerate(kept) if _URL_ITEM.match(doc.blocks[i].text) is not None]
        if len(items) < min_items:
            return []
        out: list[int] = []
        labels = phrase_keys("chrome", ("link_index_labels",), self._langs())
        run: list[int] = []
        for k in items + [-2]:
            if run and k == run[-1] + 1:
                run.append(k)
                continue
            above = run[0] - 1 if run else -1
            if len(run) >= min_items and above >= 0 and doc.stripped[kept[above]] in labels \
                    and not any(doc.n_words[i] >= 25 for i in kept[run[-1] + 1:]):
                out.extend(kept[j] for j in run)
                if kept[above] not in found:
                    out.append(kept[above])
            run = [k]
        return out

    def _commenters(self, doc: Document, kept: list[int], found) -> list[int]:
        """Commenters' names over their comments ("Moni sagt:", "Merritt J. says:"): where the
        comment's date follows the name, or the name stands right under the comment section's
        header or count. A speaker brought in before a quotation ("Patel said:", "Richterin
        Brandt sagt:") has neither, and "The company says:" names no one."""
        pattern = _commenter(self._langs())
        when = _when(self._langs())
        out = []
        for k, i in enumerate(kept):
            if i in found or i == doc.title_index or doc.n_words[i] > 5 or doc.keys[i][-1:] != ":" \
                    or pattern.match(doc.keys[i]) is None or has_stopword(doc.tokens[i][:1]):
                continue
            nxt = kept[k + 1] if k + 1 < len(kept) else None
            dated = nxt is not None and doc.n_words[nxt] <= 8 and when.search(doc.keys[nxt]) is not None
            if dated or k > 0 and found.get(kept[k - 1], ("",))[0] == "comment_form":
                out.append(i)
        return out

    @staticmethod
    def _nav_pair(doc: Document, kept: list[int], found) -> list[int]:
        """A blog's post navigation copied as two lines: "« Streamify erhöht die Preise" over
        "Fernbus-App bekommt Sitzplatzwahl »", the previous post's headline behind an arrow
        that points back and the next one's before an arrow that points on. One line alone
        may be a quotation in French quotes; the two together, one arrow each, each a
        headline opening with a capital, are links (a quotation wrapped over two lines goes on
        in lower case)."""
        out: list[int] = []
        for a, b in zip(kept, kept[1:]):
            if doc.plain[a][:1] not in _BACK_ARROW_MARKS:  # (most lines: one test)
                continue
            first, second = doc.plain[a].strip(), doc.plain[b].strip()
            if first[:2] in _BACK_ARROWS and second[-2:] in _ON_ARROWS and a not in found and b not in found \
                    and "\u00bb" not in first and "\u00ab" not in second and first[2:3].isupper() \
                    and (second[:1].isupper() or second[:1].isdigit()) \
                    and all(3 <= doc.n_words[i] <= 20 for i in (a, b)) and a == b - 1:
                out += [a, b]
        return out

    @staticmethod
    def _lone_numbers(doc: Document, found, kept: list[int], confirmed: set[int]) -> set[int]:
        """Counts that no confirmed button stands beside, through a run of counts: "86 14 9"
        over "Share this" are likes, comments and restacks, but a "2" between an item's photo
        credit and its heading numbers the item of a list, and a count under a label of its
        own ("Our score" / "8", "Price as tested" / "1,299") is the label's value."""
        lone: set[int] = set()
        k = 0
        while k < len(kept):
            if found.get(kept[k], ("",))[0] != "counter":
                k += 1
                continue
            end = k
            while end < len(kept) and found.get(kept[end], ("",))[0] == "counter":
                end += 1
            before = kept[k - 1] if k > 0 else None
            after = kept[end] if end < len(kept) else None
            labelled = before is not None and before not in found and doc.n_words[before] <= 6 \
                and not any(c.isdigit() for c in doc.plain[before]) and not doc.plain[before].rstrip().endswith((".", "!", "?"))
            # … and a count over a short title of its own ranks a list's item ("5" / "Pixel 9a")
            ranked = after is not None and after not in found and doc.n_words[after] <= 12
            # a row of buttons carries a few counts, not a column of numbers
            if labelled or ranked or end - k > _MAX_COUNTS or not any(
                    j is not None and j in found and j in confirmed for j in (before, after)):
                lone.update(kept[k:end])
            k = end
        return lone

    @staticmethod
    def _header_end(doc: Document, kept: list[int], found: dict[int, tuple[str, bool]]) -> int | None:
        """Where the page header ends: at the headline, or at a paragraph of the article's
        (25 words or more, not chrome) standing above what was taken for the headline. In
        markup the headline is the heading the declared title names, wherever it stands; when
        that title names one of the article's subheadings ("…: FAQs" under "How to …"), the
        article's prose, lists and subheadings stand above it, and none of that is header. (A
        plain text's headline is chosen above the article's first long paragraph already.)
        """
        if doc.title_index is None or doc.input_type == "text":
            return doc.title_index
        for i in kept:
            if i >= doc.title_index:
                break
            if doc.n_words[i] >= 25 and i not in found and doc.blocks[i].kind is Kind.PARAGRAPH:
                return i
        return doc.title_index

    @staticmethod
    def _under_headline(doc: Document, kept: list[int], found: dict[int, tuple[str, bool]],
                        position: dict[int, int]) -> set[int]:
        """Weak matches in the row of buttons between the headline (and its dek) and the
        article's first paragraph: "Follow", "Listen", "Share" and a clap count stand among
        other short lines there, a date or a reading time among them, and one of them leads
        to the rest. A one-word heading over a paragraph ("Privacy") is a section of the
        article, and the items of a list ("Open Settings, then tap:") are the article's too."""
        zone: list[int] = []
        dated = False  # a date, a time or a reading time: the byline's row
        for k, i in enumerate(kept):
            if i <= doc.title_index:
                continue
            if i in found:
                if found[i][1] and _BARE_WORD.match(doc.keys[i]):  # not "– „Ok.“", a line of dialogue
                    zone.append(i)
                continue
            n = doc.n_words[i]
            text = doc.plain[i].rstrip()
            # only the dek may be long, and only right under the headline
            if (n >= 15 and zone) or (n >= 15 and k > 0 and kept[k - 1] != doc.title_index) or n > 40 \
                    or text.endswith(":") or doc.blocks[i].kind is Kind.LIST_ITEM:
                break
            dated = dated or (n <= 8 and any(c.isdigit() for c in text))
        if not dated:
            return set()
        members = set(zone)

        def short(k: int) -> bool:  # a name, a date, another button; not a sentence
            return not 0 <= k < len(kept) or kept[k] in found or (
                doc.n_words[kept[k]] <= 8 and not doc.plain[kept[k]].rstrip().endswith((".", "!", "?")))

        # what stands beside a button of the row is one too
        return _chain({i for i in zone if short(position[i] - 1) and short(position[i] + 1)}, members, kept, position)

    @staticmethod
    def _confirm_weak(found: dict[int, tuple[str, bool]], kept: list[int], position: dict[int, int]) -> set[int]:
        """Weak matches count only when a chain of adjacent matches links them to a strong one
        (a footer menu, a share bar); alone, "Discussion" or "Ok." is left to the article."""
        return _chain({i for i, (_, weak) in found.items() if not weak}, found, kept, position)

    # -- the rest of a small box whose prompt or button is chrome (HTML) -------------------
    def _boxes(self, doc: Document, decided: set[int], found, table, memo: dict) -> list[Drop]:
        """A newsletter or follow-us box: its name and blurb go with its button.

        "The Uptime Brief" and "News for people who get paged at 3am" say nothing a phrase list
        could know; the "Get the newsletter" button beside them, in the same container, does
        (even when an earlier filter already removed the button). Only small boxes of short
        blocks count: the paragraphs of an article share a container too, but not a small one.
        """
        groups: dict[str, list[int]] = {}
        for b in doc.blocks:
            if b.hints is not None and b.hints.group:
                groups.setdefault(b.hints.group, []).append(b.index)
        for b in doc.blocks:  # the container's own loose text (a button) is in the box too
            if b.source.xpath in groups and b.index not in groups[b.source.xpath]:
                groups[b.source.xpath].append(b.index)
        out: list[Drop] = []
        removed: dict[int, tuple[str, bool] | None] = {}
        dek: int | None = -1  # not looked for yet
        for members in groups.values():
            if not 2 <= len(members) <= self.box_max_blocks \
                    or any(doc.n_words[i] > self.box_max_words for i in members):
                continue
            rest = [i for i in members if doc.blocks[i].kept and i not in decided and i != doc.title_index
                    and i not in found]
            if not rest:
                continue  # nothing left in the box to remove (main content took it, or this filter)
            anchor = None
            for i in members:
                if doc.blocks[i].kept:
                    hit = found.get(i)
                else:  # a removed block is matched here, once, as the page's kept ones were
                    if i not in removed:
                        removed[i] = self._match(doc, i, table, memo, _nav_labels(self._langs()))
                    hit = removed[i]
                if hit is not None and hit[0] in _BOX_CATEGORIES and not hit[1]:
                    anchor, category = i, hit[0]
                    break
            if anchor is None:
                continue
            if dek == -1:
                dek = self._dek(doc)
            if dek in rest:
                continue  # the headline's dek beside a follow button: the article's, not the box's
            for i in rest:
                out.append(Drop(i, category, f"In the same small box as {doc.blocks[anchor].text[:60]!r} "
                                             f"({_DETAILS[category]}).", ref=anchor))
                decided.add(i)
        return out

    @staticmethod
    def _dek(doc: Document) -> int | None:
        """The dek: twelve words or more right under the headline, on the article's topic
        (not the small print of a sign-up form that may stand there)."""
        dek = doc.next_kept(doc.title_index) if doc.title_index is not None else None
        if dek is None or doc.n_words[dek] < 12:
            return None
        overlap = TopicProfile(doc.tokens, [b.kept for b in doc.blocks]).overlap(dek)
        return dek if overlap is not None and overlap >= 0.4 else None

    # -- blocks that belong to a header already found ---------------------------------------
    @staticmethod
    def _sponsored_card(doc: Document, label: int, i: int, topics) -> bool:
        """The headline or blurb under a "Sponsored" label, about something the article is not."""
        if strip_decoration(doc.keys[label]) not in _SPONSOR_LABELS or doc.n_words[i] > 30:
            return False
        overlap = topics.overlap(i, (label,))
        return overlap is not None and overlap < 0.3

    def _sponsored_box(self, doc: Document, label: int, after: list[int], taken: set[int]) -> list[int]:
        """The blocks of a paid box under a "Sponsored" label: a product name, a pitch, a
        button ("Promoted / Cartwheel: a cart API... / Start free with 10,000 carts... / Try
        Cartwheel free"). The name says nothing a phrase list knows; the pitch or button that
        closes the box does, so the box runs from the label to its last button: a short
        promotional line that is no sentence ("Try Cartwheel free", not "The Pro costs $1,299.").
        Nothing longer than a blurb may sit in between, and only the product's name may be a
        heading (an article's "## Pricing" ends the box)."""
        if strip_decoration(doc.keys[label]) not in _SPONSOR_LABELS:
            return []
        promo = cue_pattern(self._langs(), "promo_cues")
        run: list[int] = []
        last = 0
        for j in after:
            if j in taken or j == doc.title_index or doc.n_words[j] > (30 if not run else 20) \
                    or (run and doc.blocks[j].kind is Kind.HEADING and doc.n_words[j] > _BUTTON_WORDS):
                break
            run.append(j)
            if doc.n_words[j] <= _BUTTON_WORDS and not doc.plain[j].rstrip().endswith((".", "?")) \
                    and promo.search(doc.keys[j]):
                last = len(run)
        return run[:last]

    def _followers(self, doc: Document, decided: set[int], found, kept: list[int], position,
                   last_long: int, header_end: int | None) -> list[Drop]:
        out = []
        topics = TopicProfile(doc.tokens, [b.kept for b in doc.blocks])
        sec = merged_section("chrome", self._langs())
        roles = tuple(sec.get("bio_roles", ()))
        verbs = tuple(sec.get("bio_verbs", ()))
        for i in sorted(decided):
            category = found[i][0]
            k = position[i]
            if k + 1 >= len(kept):
                continue
            j = kept[k + 1]
            if j in decided or j == doc.title_index:
                continue
            block = doc.blocks[j]
            key = doc.keys[j]
            if category == "author_bio" and doc.n_words[j] <= self.bio_max_words:
                if any(r in key for r in roles) or any(v in key for v in verbs):
                    out.append(Drop(j, "author_bio", "The author's bio under an author-box header.", ref=i))
                    decided.add(j)
            elif category == "ad_label" and doc.n_words[i] <= 3:
                box = self._sponsored_box(doc, i, kept[k + 1:k + 1 + _SPONSOR_BOX], decided)
                if not box and doc.n_words[j] <= 40 and (cue_pattern(self._langs(), "promo_cues").search(key)
                                                         or self._sponsored_card(doc, i, j, topics)):
                    box = [j]
                out.extend(Drop(j, "ad_label", "Advertising copy under an advertising label.", ref=i) for j in box)
                decided.update(box)
            elif category == "newsletter" and doc.n_words[j] <= 6 and doc.plain[j].rstrip()[-1:] not in ".?!" \
                    and key.startswith(tuple(sec.get("signup_words", ()))) and (topics.overlap(j) or 0.0) <= 0.34:
                # its button, which names the site and not the newsletter: "Sign up for Gizmotic
                # Today" (a subheading on the article's topic, "Email scams on the rise", stays)
                out.append(Drop(j, "newsletter", "The button of a newsletter prompt.", ref=i))
                decided.add(j)
            elif category == "comment_form" and doc.n_words[j] <= 30 and _EMAIL_WORD.search(key):
                # the form's note under its header: "Deine E-Mail-Adresse wird nicht angezeigt. …"
                out.append(Drop(j, "comment_form", "The note of a comment form.", ref=i))
                decided.add(j)
            elif category == "tag_list" and _bare_label(doc.plain[i]):
                items = self._tag_items(doc, kept, k, decided, last_long)
                out.extend(Drop(j, "tag_list", "A tag under a tag-list label.", ref=i) for j in items)
                decided.update(items)
            elif category == "prev_next" and is_headline_shaped(doc.plain[j], max_words=20) \
                    and not looks_like_residue(key):  # the header of the next box is not a linked title
                if doc.n_words[i] <= 3:
                    out.append(Drop(j, "prev_next", "The headline linked from a previous/next-article label.", ref=i))
                    decided.add(j)
        # The page header above the headline: a site name, a section label, a menu entry, a
        # banner. Never the article's prose (see _header_end); a sentence is still left alone.
        if header_end is not None:
            header = front_matter(doc.blocks) if doc.input_type == "text" else range(0)
            for i in kept:
                if i >= header_end:
                    break
                block = doc.blocks[i]
                if i not in decided and (doc.n_words[i] <= self.header_max_words
                                         and not doc.plain[i].rstrip().endswith((".", "!", "?"))
                                         or READER_HEADER.match(block.text) or i in header):
                    out.append(Drop(i, "page_header", "A short label above the headline (site name, section, menu)."))
                    decided.add(i)
        # A bio that opens an author box without a header ("About Jane Doe" is handled above).
        for i in kept:
            if i in decided or i == doc.title_index:
                continue
            block = doc.blocks[i]
            if _ABOUT_NAME.match(doc.plain[i]) and position[i] + 1 < len(kept):
                j = kept[position[i] + 1]
                key = doc.keys[j]
                if doc.n_words[j] <= self.bio_max_words and (
                    any(r in key for r in roles) and any(v in key for v in verbs)
                ):
                    out.append(Drop(i, "author_bio", "The header of an author box."))
                    out.append(Drop(j, "author_bio", "The author's bio under an author-box header.", ref=i))
                    decided.update((i, j))
        return out

    def _comment_threads(self, doc: Document, kept: list[int], dropped: dict[int, str]) -> list[Drop]:
        """Readers' comments under a comment section's header after the article ("## 19 comments
        on …", "Highest Rated Comments"). Each opens with a line that names its writer and says
        when ("**bayleaf_otter** · 2 hours ago at 10:12 am", "Lutz K. 14. Mai 2025 @ 10:41"),
        and its text follows in a few paragraphs. The first comment must start right under the
        header, and a paragraph counts only under such a line: no paragraph of the article
        stands under one, and a header over the article (a comment button by the byline) has
        no long paragraph before it."""
        when = _when(self._langs())
        out: list[Drop] = []
        taken: set[int] = set()
        long_before = False
        for k, i in enumerate(kept):
            if long_before and dropped.get(i) == "comment_form" and i not in taken:
                thread = self._thread(doc, kept, k + 1, dropped, when)
                taken.update(d.index for d in thread)
                out.extend(thread)
            long_before = long_before or (doc.n_words[i] >= 25 and doc.blocks[i].kind is Kind.PARAGRAPH)
        return out

    def _thread(self, doc: Document, kept: list[int], k: int, dropped: dict[int, str], when: re.Pattern[str],
                body_max_words: int = 150, body_max_blocks: int = 4) -> list[Drop]:
        out: list[Drop] = []
        meta: int | None = None  # the line over the comment being read
        body = 0
        for i in kept[k:]:
            text = doc.plain[i].strip()
            if i in dropped:
                if dropped[i] not in _IN_THREAD:
                    break  # a footer, a newsletter box: the thread has ended
                if self._comment_meta(doc.blocks[i].text.strip(), doc.keys[i], doc.n_words[i], when):
                    meta, body = i, 0  # "Hemlock said on May 12, 2025 at 10:47 am", taken as a form's line
                elif body:
                    meta = None  # "Reply" under a comment closes it; the next one needs its line
                continue  # the thread goes on
            if self._comment_meta(doc.blocks[i].text.strip(), doc.keys[i], doc.n_words[i], when) \
                    or meta is not None and body == 0 and _PROFILE_STATS.match(doc.keys[i]):
                if meta is None or body:
                    meta, body = i, 0
                out.append(Drop(i, "reader_comment", f"The line over a reader's comment: {text[:80]!r}.",
                                ref=None if meta == i else meta))
            elif meta is not None and body < body_max_blocks and doc.n_words[i] <= body_max_words \
                    and doc.blocks[i].kind is not Kind.TABLE and not text.startswith("#"):
                out.append(Drop(i, "reader_comment", f"A reader's comment: {text[:80]!r}.", ref=meta))
                body += 1
            else:
                break
        # a thread is a comment at least: a writer's line and some text under it
        return out if any(d.ref is not None for d in out) else []

    @staticmethod
    def _comment_meta(text: str, key: str, n_words: int, when: re.Pattern[str]) -> bool:
        """The line over a reader's comment (``text`` as written, with its links): a name or
        handle (and "said", "writes:") before a date or a time, or a link to the writer's
        profile; no sentence."""
        if n_words > 16 or text.rstrip(" *_").endswith((".", "!", "?", ":")):
            return False
        if _PROFILE_LINK.search(text) and is_link_line(text):
            return True
        m = when.search(key)
        return m is not None and len(key[:m.start()].split()) <= 6

    def _table_of_contents(self, doc: Document, kept: list[int], taken: set[int]) -> list[Drop]:
        """A "Table of contents" label and the entries under it that name the article's own
        section headings further down ("* What went wrong" over "## What went wrong"). The
        entries are the evidence: a label over anything else, or one entry alone, stays."""
        labels = phrase_keys("chrome", ("toc_labels",), self._langs())
        out: list[Drop] = []
        last_heading: dict[str, int] | None = None  # where each heading text last stands
        for k, i in enumerate(kept):
            if i in taken or doc.n_words[i] > 5 or doc.stripped[i] not in labels:
                continue
            if last_heading is None:
                last_heading = {_heading_key(doc.stripped[j]): j for j in kept if doc.blocks[j].kind is Kind.HEADING}
            entries: list[int] = []
            named: set[str] = set()
            for j in kept[k + 1:k + 1 + _TOC_MAX]:
                key = _heading_key(doc.stripped[j])
                # a name the list already holds is the first heading itself: the list has ended
                if j in taken or doc.n_words[j] > 16 or key in named or last_heading.get(key, -1) <= j:
                    break
                named.add(key)
                entries.append(j)
            if len(entries) >= 2:
                out.append(Drop(i, "table_of_contents", f"A table of contents: {doc.blocks[i].text[:60]!r}."))
                out.extend(Drop(j, "table_of_contents", "An entry of the table of contents.", ref=i) for j in entries)
                taken.update([i, *entries])
        return out

    @staticmethod
    def _tag_items(doc: Document, kept: list[int], k: int, taken: set[int], last_long: int,
                   max_items: int = 20) -> list[int]:
        """The tags under the bare label at ``kept[k]`` ("Tags", "Temas"): one per line as a
        scrape leaves them (short names, none a sentence, at least two, up to the first longer
        line or other chrome), or three or more on the next line, between commas."""
        items = []
        if k + 1 < len(kept):  # or all on the next line: "Wearables, smart glasses, Tessera, news"
            j = kept[k + 1]
            text = doc.plain[j].strip()
            parts = text.split(",")
            # tags, not a sentence ("We cover pricing, battery life and the display"), and at
            # the end of the article, not over more of it
            if j not in taken and j != doc.title_index and len(parts) >= 3 and doc.n_words[j] <= 40 \
                    and not text.endswith((".", "!", "?")) and _list_shaped(text) \
                    and all(1 <= len(p.split()) <= 4 for p in parts) and not _LIST_JOINS.search(text) \
                    and last_long <= k + 1:
                return [j]
        for j in kept[k + 1:k + 1 + max_items]:
            text = doc.plain[j].rstrip()
            if j in taken or j == doc.title_index or doc.n_words[j] > 4 or ":" in text or text.endswith((".", "!", "?")):
                break
            items.append(j)
        return items if len(items) >= 2 else []

    # -- the page title's site-name suffix ---------------------------------------------------
    def _site_name(self, doc: Document) -> Drop | None:
        t = doc.title_index
        if t is None or doc.blocks[t].hints is None or doc.blocks[t].hints.tag != "title":
            return None
        text = doc.blocks[t].text
        seps = list(_TITLE_SEP.finditer(text))
        if not seps:
            return None
        site = (doc.metadata.site_name or "").casefold()
        first, last = seps[0], seps[-1]
        head, tail = text[: last.start()], text[last.end():]
        if (site and tail.casefold() == site) or (not site and word_count(tail) <= 4 < word_count(head) + 2):
            if word_count(head) >= 2:
                return Drop(t, "site_name", f"The site name {tail!r} after the headline.", part=(last.start(), len(text)))
        head, tail = text[: first.start()], text[first.end():]
        if (site and head.casefold() == site) or (not site and word_count(head) <= 3 and word_count(tail) >= 3):
            return Drop(t, "site_name", f"The site name {head!r} before the headline.", part=(0, first.end()))
        return None
