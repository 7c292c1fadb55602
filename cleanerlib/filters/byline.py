"""Bylines, datelines, reading times and photo credits: moved into metadata, not lost.

A byline or a date line is about the article, not part of it. Readers and datasets want the
body without them, but the facts are worth keeping, so the first byline and the first date the
filter removes are recorded in ``result.metadata`` (unless the page already declared them).
The name also gives away the author's bio under the article ("Jane Doe covers chips ..."),
which is about the author, not the story.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Iterable

from .._model import Block, Kind
from .._pipeline import Document, Drop, Filter, register
from ._evidence import (alternation, dump_field_text, names_site_within, own_site_names, phrase_keys, squash,
                        token_hint, when_patterns)
from ._phrases import merged_section

__all__ = ["Byline"]

# class/id/itemprop tokens of the markup that holds an article's author name
_AUTHOR_TOKENS = frozenset(("author", "byline", "author-name", "post-author", "entry-author", "article-author", "author-link",
                  "byline-author", "article__author", "c-byline", "writer", "vcard", "fn", "dc.creator"))
_NAME_ONLY = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-ZÀ-ÖØ-Þ]\.)(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-ZÀ-ÖØ-Þ]\.|van|von|de|da|der|del|la|le)){1,4}$")
# a paragraph that opens with a name and goes on with a verb: "Jane Doe covers ..."
_NAME_VERB = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){2,4}[a-zß-öø-ÿ]")
# a bio that calls its author by the first name: "Corbin is a staff writer at …"
_FIRST_NAME_VERB = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w'’-]+)\s+(?!(?:de|da|di|do|du|del|della|dos|das|des|la|le|von|van|der|den|ten|ter|zu|y|bin|ibn|al|el)\s)[a-zß-öø-ÿ]")
# an author box's name line of a first name only ("Tjark"), when the bio under it opens with it
_ONE_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]{2,}$")
# an author's (or agency's) initials closing an article on a line of their own: "(hsa)", "(dpa/jk)"
# a markdown link to an author's page, with a handle after it at most
_AUTHOR_LINK = re.compile(r"^\*{0,2}(?:(?i:by|von|par|por)\s+)?\[([^\]]{3,60})\]\(https?://[^)\s]*/"
                          r"(?i:authors?|autor(?:en|es|a)?|auteurs?|redakteur(?:in)?)/[^)\s]*\)\*{0,2}"
                          r"(?:\s+(?:\[@[\w.]+\]\([^)\s]*\)|@[\w.]+))?$")
_LINK_OPENINGS = ("[", "**[", "By [", "by [", "Von ", "von ", "Par ", "par ", "Por ", "por ")
_INITIALS = re.compile(r"^\([a-z]{2,4}(?:/[a-z]{2,4})*\)$")
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-ZÀ-ÖØ-Þ]\.)"
_SEPARATOR = r"\s*(?:[|·•∙,–—-]|//|(?<=\s)\*(?=\s)|\bat\b|\bon\b|\bam\b|\ble\b|\bel\b)\s*"


@cache
def _organisation_words(langs: tuple[str, ...] | None) -> frozenset[str]:
    """Words that make a name after a report's prefix an organisation ("Counterpoint Research")."""
    return frozenset(merged_section("byline", langs).get("organisation_words", ()))


@cache
def _report_prefixes(langs: tuple[str, ...] | None) -> tuple[str, ...]:
    """"Ein Bericht von", "A report by": they name an author only over the article."""
    return tuple(merged_section("byline", langs).get("report_prefixes", ()))


@cache
def _patterns(langs: tuple[str, ...] | None) -> tuple[re.Pattern[str], ...]:
    sec = merged_section("byline", langs)

    def alts(key: str) -> str:
        return alternation(sec.get(key, ()))

    connectors = alternation(sec.get("connectors", ()), "")
    date, time = when_patterns(langs)
    read_time = "|".join(sec.get("read_time", ())) or "(?!x)x"
    # "5–6 Minuten" is a reading time only after a date and a dot or bar ("11. Juni 2025 · 5–6
    # Minuten"; an outage log's "March 12, 2025 – 47 minutes" is a duration)
    bare_minutes = "|".join(sec.get("read_time_after_date", ())) or "(?!x)x"
    name = rf"{_NAME_WORD}(?:\s+(?:(?:{connectors})\s+)?{_NAME_WORD}){{0,4}}"
    date_prefix = alts("date_prefixes")
    # the time may come first: "10:05 AM PDT · April 22, 2025", "Updated 6:52 PM EDT, April 24, 2025"
    # (a time first has its colon or its am/pm: "6.10 – July 2024" is a version and a date)
    first_time = r"(?:\d{1,2}:\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?(?:\s*(?:utc|gmt|cet|cest|est|edt|pst|pdt|bst|et|pt|mez|mesz))?)"
    dateline = (rf"(?:(?:{date_prefix})\s*:?\s*)?(?:{first_time}(?:{_SEPARATOR}|\s+))?{date}(?:{_SEPARATOR}|\s+)?"
                rf"(?:(?:at|um|à|a las|a la)\s+)?{time}?")
    # "Ein Bericht von Jana Brückner": a report's prefix before a full name ("Ein Bericht von
    # Bloomberg" names the source)
    byline = (
        rf"(?:(?:{alts('name_prefixes')})\s*:?\s*(?:(?<=\b[bB]y)(?=[A-Z]))?\s*"
        rf"|(?:{alts('report_prefixes')})\s+(?={_NAME_WORD}\s+{_NAME_WORD}))"
        rf"{name}"
        rf"(?:\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*{name})*"
        rf"(?:,\s*(?!\d)[\w ]{{2,40}}?)?"
        rf"(?i:{_SEPARATOR}(?:{dateline}|{read_time}))*"
    )
    credit = rf"(?:{alts('credit_prefixes')})\s*:?\s*(?:https?://\S+|.{{0,80}})"
    flags = re.IGNORECASE
    return (
        re.compile(rf"^(?:{byline})$"),
        re.compile(rf"^(?:{dateline})(?:{_SEPARATOR}(?:{read_time})|\s*[|\u00b7\u2022]\s*(?:{bare_minutes}))?$", flags),
        re.compile(rf"^(?:{read_time})(?:{_SEPARATOR}(?:{read_time}|{dateline}))*$", flags),
        re.compile(rf"^(?:{credit})$", flags),
        re.compile(rf"^(?:{alts('name_prefixes')}|{alts('report_prefixes')})\s*:?\s*", flags),
        re.compile(rf"\b(?:(?P<date>{dateline})|(?:{read_time}))", flags),
        re.compile(rf"^(?:{date_prefix})\s*:?\s+", flags),
        re.compile(rf"(?:{date_prefix})\s*:?|{time}|{read_time}", flags),
        re.compile(rf"^(?:{alts('editor_prefixes')})", flags),
    )


_DIGIT = re.compile(r"\d")
_DATEISH = re.compile(r"\b(?:1[89]|20)\d\d\b|\d[:.h]\d\d|\d\s*(?:min|m\b|std|h\b|hrs?|hours?|days?|tag|jour|día|stunde|heure|hora)"
                      r"|\d+\s*(?:comments?|views?|shares?|reads?|kommentar|aufruf|commentaire|réaction|vue|comentario|vista|visita)"
                      r"|\d{1,2}[./-]\d{1,2}[./-]\d{2}", re.IGNORECASE)
_SEPARATOR_EDGES = " |\u00b7\u2022\u2219,\u2013\u2014-:;"
# "By The Numbers" is a section heading; "By The Associated Press" is an author line: a name
# that starts with an article must end like an organisation
_ARTICLES = frozenset("the a an this these our your der die das ein eine le la les un une el los las".split())
_ORGANISATION = frozenset(
    "press news staff agency agencies editors editorial team desk bureau reporters correspondents wire service "
    "redaktion nachrichtenagentur rédaction agence redacción agencia".split())


def _name_like_heading(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[0] in _ARTICLES and words[-1].strip(".,") not in _ORGANISATION


@cache
def _update_label(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """An update note's label at the start of a line ("Update", "Nachtrag", "Mise à jour")."""
    labels = alternation(merged_section("byline", langs).get("update_labels", ()))
    return re.compile(rf"^[\W_]*(?:{labels})\b", re.IGNORECASE)


@cache
def _bio_cues(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """Words an author's bio is made of ("reporter", "covers", "schreibt über"), as whole words:
    the same vocabulary the chrome filter reads author boxes by."""
    sec = merged_section("chrome", langs)
    return re.compile(r"\b(?:" + alternation({*sec.get("bio_roles", ()), *sec.get("bio_verbs", ())}) + r")\b")


def _credit_words(langs: tuple[str, ...] | None) -> str:
    """The photo words a credit opens with ("Foto", "Image credit"), longest first, as one alternation."""
    return alternation(merged_section("byline", langs).get("caption_credits", ()))


@cache
def _caption_credit(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """The credit a photo caption ends in: "… in Madrid. (Foto: Zampa)", "… in Utrecht.
    Credit: Vantle", "… at the launch | Photo: Jane Doe", "… sur iPhone © Clubix", "… en los
    ajustes. Imagen | Xataka", "… (Lucanus cervus). Foto © Jörg Gemsch". Only photo words or the
    copyright sign: a paragraph may end by citing its source ("(Source: IDC)"), a caption by
    naming its photographer."""
    words = _credit_words(langs)
    credit = rf"(?:{words})(?:\s*:|\s+(?:via|by|von|par|por))\s*"  # "Image via Pollux Software"
    # "(AP Photo/Jane Doe)", "… corner. © Screenshot: Gizmodrome", "… – Alle Rechte vorbehalten Agentur"
    agency = rf"\(\s*(?:(?-i:[A-Z]{{1,6}})\s+)?(?:{words})\s*/\s*[^()]{{1,60}}\)"
    rights = r"(?:\u00a9|alle rechte vorbehalten|all rights reserved|tous droits réservés|todos los derechos reservados)"
    return re.compile(rf"(?:\s*\(\s*{credit}[^()]{{1,60}}\)|\s*{agency}|(?<=[.!?\u2026)\"\u201d])\s+{credit}[^.!?()]{{1,60}}"
                      rf"|\s+[|/\u2013\u2014-]\s*{credit}[^.!?()]{{1,60}}"
                      rf"|(?<=[.!?\u2026)\"\u201d])\s+{rights}\s*[^.!?()\u00a9]{{1,60}}|\s+[\u2013\u2014-]\s+{rights}\s*[^.!?()\u00a9]{{1,60}}"
                      rf"|(?P<bare>(?<=\w)\s+\u00a9\s*[^.!?()\u00a9]{{1,40}})"
                      rf"|(?<=[.!?\u2026)\"\u201d])\s+(?:{words})\s*[|\u00a9]\s*[^.!?()|]{{1,60}})"
                      rf"\s*$", re.IGNORECASE)


@cache
def _credit_via(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """A photo word and who it is by or via ("Image via X", "Foto von X"): the cheap test that
    lets a caption without a colon or brackets reach the full pattern."""
    return re.compile(rf"\b(?:{_credit_words(langs)})\s+(?:via|by|von|par|por)\s", re.IGNORECASE)


@cache
def _caption_source(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """Credits without a photo word, tried only when the line's end has their shape: a
    "Source:" line glued on without punctuation ("… as shown in the dashboard Source:
    BreachBeacon"; capitalised, straight after a word, as "(Source: IDC)" after a sentence
    cites a source) or after a slash or a bar ("… // Source : Nacre", "… / Source : Ohmia"),
    or "Name / Site" after a sentence ("… Theo Brannigan / DigitalVerve")."""
    sources = "|".join(re.escape(w[:1].upper()) + re.escape(w[1:]) for w in sorted(
        set(merged_section("byline", langs).get("glued_sources", ())), key=len, reverse=True)) or "(?!x)x"
    glued = rf"(?:(?<=[^\W\d_])\s+|\s+(?://|\||/)\s*)(?P<glued>(?:{sources})\s?:\s*[^.!?()/]{{1,40}})"
    person = rf"(?<=[.!?\u2026\"\u201d])\s+(?P<person>{_PERSON_SITE})"
    return re.compile(rf"(?:{glued}|{person})\s*$")


@cache
def _roles(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """An author's job title ("Senior Reporter, Wearables", "Redactora de tecnología") as it
    stands on a line of its own under the name: a role word, and no sentence."""
    words = alternation(merged_section("chrome", langs).get("bio_roles", ()))
    # the role word closes the title's first part ("Senior Reporter, Wearables") or a
    # preposition follows it ("Redactora de tecnología"); "Writer tools in every app" is none
    return re.compile(r"^(?=[^.!?]{2,60}$)(?:\S+\s+){0,3}(?:" + words
                      + r")(?:\s*(?:,|$)|\s+(?:de|del|at|for|of|bei|für|chez|en|à|au|in)\b)[^.!?]*$")


# a photographer and the site or picture agency: "Theo Brannigan / DigitalVerve", "Marek Duda/Shutterstock"
_PERSON_SITE = (r"[A-Z\u00c0-\u00de][\w'\u2019-]+(?:\s+[A-Z\u00c0-\u00de][\w'\u2019.-]+){1,2}\s*/\s*"
                r"[A-Z\u00c0-\u00de][\w.-]+(?:\s+[A-Z\u00c0-\u00de][\w.-]+)?")
_PERSON_SITE_LINE = re.compile(rf"^{_PERSON_SITE}$")
# a figure with its unit: what a chart's or a fact box's line states
_FIGURE = re.compile(r"\d\s*(?:%|percent\b|prozent\b|pour cent\b|por ciento\b|€|euros?\b|eur\b|dollars?\b|pro\b|per\b|por\b|par\b)"
                     r"|[$€£]\s*\d", re.IGNORECASE)
_PAREN_CREDIT = re.compile(r"\S\s+\((?:[A-Z\u00c0-\u00de][\w&.'\u2019-]*)(?:\s+[A-Z\u00c0-\u00de][\w&.'\u2019-]*){0,3}\)$")
_GLUED_HANDLE = re.compile(r"(?<=[^\W\d_])\s*@[A-Za-z0-9_.]{2,30}$")
_CODE_CHARS = re.compile(r"[=;{}]")
_GLUED_HINT = re.compile(r"(?:[^\W\d_]\s+|(?://|\||/)\s*)[A-Z][^\W\d_]+\s?:")  # "… dashboard Source: X", "… / Source : X"
_SLASH_CREDIT = re.compile(r"\w\s*/\s*[A-Z\u00c0-\u00de]")  # "Theo Brannigan / DigitalVerve", not a link's path
# "Image via Pollux Software", "Photo by Jane Doe": the credit word and its preposition
_VIA = re.compile(r"\s(?:via|by|von|par|por)\s")
_VIA_HEAD = re.compile(r"^\w+\s+(?:via|by|von|par|por)\s+")
# what comes before the name in a credit ("Foto:", "AP Photo/", "© Screenshot:"), and the
# small words between the names of one ("Photo by Jane Doe on Unsplash", "Getty Images via AFP")
_CREDIT_HEAD = re.compile(r"^[^:/|\u00a9]*(?:[:/|]|\u00a9)\s*(?:[^:/]*:\s*)?")
_RIGHTS = re.compile(r"^[\s\u2013\u2014-]*(?:alle rechte vorbehalten|all rights reserved|tous droits réservés|"
                     r"todos los derechos reservados)\s*", re.IGNORECASE)
# what a credit says of the picture besides whose it is ("Mashwire composite", "AP Photo/X, File")
_CREDIT_WORDS = frozenset("composite illustration handout file archive archiv montage collage screenshot".split())
_CREDIT_JOINS = frozenset("by on via for von de del la le du des y et und and of the con für from vía en da di van der "
                          "&".split())

# what a credit names is no medium ("(Fotos/Video)"), no article ("Photos: The Biggest Redesign")
_NOT_CREDITS = frozenset("video videos audio text grafik graphic graphics the a an der die das le la les el los".split())
_NUMBER = re.compile(r"^\d[\d.,]*$")
# credit words that also name an app or a section ("Photos", "Fotos", "Screenshot")
_APP_WORDS = frozenset("photo photos foto fotos image images imagen imágenes bild bilder picture pictures "
                       "screenshot screenshots video videos grafik graphic illustration".split())


def _is_credit_name(credit: str) -> bool:
    """Does a credit name someone: "Jane Doe", "AP Photo/Jordan Lee, File", "Getty Images via
    AFP", "dpa"? Not a sentence ("open the new view"), a rating ("Note 1,3"), a position
    ("rechts") or a title in title case ("The Biggest Redesign Yet")."""
    names = credit.replace("/", " / ").split()
    if not 0 < len(names) <= 8 or names[0].casefold().strip(",") in _NOT_CREDITS \
            or any(_NUMBER.match(w) for w in names):
        return False
    if len(names) == 1:  # one word: a name, an agency's initials ("dpa", "AFP"), an address
        w = names[0]
        return w[:1].isupper() or len(w) <= 4 or "." in w
    if "/" in credit:  # photographer, picture desk and agency: "picture alliance/dpa", "IBU/C. Manzoni"
        agency = credit.rsplit("/", 1)[1].split()
        if (0 < len(agency) <= 3 or names[0][:1].isupper()) and agency and agency[0].casefold() not in _NOT_CREDITS:
            return True
    # names and the small words between them; after the first, short initials ("Nordfunk, vzbv")
    return names[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.casefold() in _CREDIT_JOINS or len(w.strip(",;")) <= 4
        or w.casefold().strip(",;") in _CREDIT_WORDS
        for w in names[1:])


def _credit_sites(doc: Document, langs: tuple[str, ...] | None) -> frozenset[str]:
    """Who a "Name / Site" credit may end in: the page's own site (by its domain or declared
    name) or a picture agency, written as letters and digits only."""
    return own_site_names(doc) | _agencies(langs)


@cache
def _agencies(langs: tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(squash(a) for a in merged_section("byline", langs).get("picture_agencies", ()))


def _figure(block: Block) -> bool:
    """Is a block a picture's caption by its markup: a <figcaption>, or a markdown image with
    the caption after it on its line ("![Box](…) La Box 4 © Fibrane")?"""
    return block.kind is Kind.CAPTION or block.text.startswith(("![", "[!["))


def _compound(credit: str) -> bool:
    """Is the name after a credit's slash two words or camel-cased ("Android Arbiter", "ZedCircuit")?"""
    after = credit.rsplit("/", 1)[-1].strip()
    return " " in after or sum(c.isupper() for c in after) >= 2


def _credits_site(credit: str, sites: frozenset[str]) -> bool:
    """Does "Theo Brannigan / DigitalVerve" end in the site's or an agency's name?"""
    after = squash(credit.rsplit("/", 1)[-1])
    return after in sites or after.removesuffix("com") in sites


def _names_someone(line: str) -> bool:
    """Is a credit line a credit? "Quelle: …", "Image credit: …" always are; after a word an
    app or a section is named by too ("Photos: the biggest redesign yet"), the credit must
    name someone, or be an address ("Image: www.apple.com")."""
    if ":" not in line:
        return True  # "Photo by Jane Doe", "AP Photo/Jordan Lee"
    label, rest = line.split(":", 1)
    if label.strip(" ([").casefold() not in _APP_WORDS:
        return True
    rest = rest.strip(" ()")
    if not rest:
        return True  # "Foto:" alone, its name in the next line
    return "://" in rest or rest.startswith("www.") or _is_credit_name(rest)


# a social handle on its own line in an author box, or in a meta line ("@jdoe")
_HANDLE = re.compile(r"^@[\w.]{2,30}$")


def _role_line(text: str, key: str, roles: re.Pattern[str]) -> bool:
    return text[:1].isupper() and len(key.split()) <= 6 and roles.match(key) is not None


# a bio is written about its author, not by them ("I joined the call late" is an answer)
_FIRST_PERSON = re.compile(r"^(?:i|my|we|our|ich|mein|meine|wir|je|j'|mon|ma|mes|nous|yo|mi|mis)\b", re.IGNORECASE)


def _author_line(text: str, byline, name_prefix, meta_part, date_prefix) -> tuple[str, str | None] | None:
    """``(name, date)`` of an author line ("By Jane Doe, 3 May 2026"), else None.

    Case matters for names ("By Jane Doe" vs "By contrast, ..."): the prefix is matched
    case-insensitively and the name as written.
    """
    m = name_prefix.match(text)
    if m and byline.match(text[: m.end()].lower() + text[m.end():]) and not _name_like_heading(text[m.end():]):
        return _split_meta(text[m.end():], meta_part, date_prefix)
    return None


def _split_meta(text: str, meta_part, date_prefix, matches=None) -> tuple[str, str | None]:
    """What is left of a metadata line without its dates and reading times, and its first date.

    ``matches`` are ``meta_part``'s matches in ``text`` when the caller already has them.
    """
    if matches is None:
        matches = list(meta_part.finditer(text))
    date = None
    pieces = []
    last = 0
    for m in matches:
        found = m.group("date")
        if found and date is None and _DIGIT.search(found):
            date = found.strip(_SEPARATOR_EDGES)
            if date_prefix is not None:  # after a name: "Jane Doe, le 3 mars" -> "3 mars"
                date = date_prefix.sub("", date)
        pieces.append(text[last:m.start()])
        last = m.end()
    pieces.append(text[last:])
    rest = (p.strip(_SEPARATOR_EDGES) for p in pieces)
    return " ".join(p for p in rest if p), date


_AUTHORS_SEP = re.compile(r"\s+(?:and|und|et|y|&)\s+")


def _namesake(doc: Document, first: str, authors: Iterable[str]) -> bool:
    """Does the article name someone else with the author's first name ("Nadia Hassan, who
    works at the plant" on a page by Nadia Okafor)? Then "Nadia is …" may be about them."""
    full = re.compile(rf"\b{re.escape(first)}\s+([A-ZÀ-ÖØ-Þ][\w-]+)")
    own = set(authors)
    return any(f"{first} {m.group(1)}" not in own for b in doc.blocks if b.kept
               for m in full.finditer(doc.plain[b.index]))


def _role_or_handle(doc: Document, i: int, roles: re.Pattern[str]) -> bool:
    """Is block ``i`` the line an author box sets between the name and the bio ("Senior
    Reporter, Wearables", "@jdoe")?"""
    text = doc.plain[i].strip()
    return _HANDLE.match(text) is not None or _role_line(text, doc.keys[i], roles)


def _persons(byline: str) -> list[str]:
    """The people a byline names, first and last name at least ("Jane Doe and John Roe, Staff
    Writers" -> ["Jane Doe", "John Roe"])."""
    return [one for one in _AUTHORS_SEP.split(byline.split(",")[0]) if len(one.split()) >= 2]
_META_SEPARATORS = re.compile(r"[|\u00b7\u2022,\u2013\u2014/-]")
_COUNT_CONNECTORS = frozenset(("with", "mit", "avec", "con"))


@register
class Byline(Filter):
    """Drop bylines, date lines, reading times and photo credits, keeping them as metadata,
    and the author's bio that follows the article."""

    name = "byline"
    reasons = {
        "byline": "the author line; moved to metadata.byline",
        "dateline": "the publication or update date; moved to metadata.date",
        "read_time": "a reading-time, view or comment count",
        "photo_credit": "a photo credit standing on its own",
        "photo_caption": "a photo caption that ends in its credit",
        "author_bio": "a bio of the page's author after the article, opening with the byline's name",
    }

    def __init__(self, *, max_words: int = 16, languages: tuple[str, ...] | None = None,
                 bio_max_words: int = 80, caption_max_words: int = 45) -> None:
        self.max_words = max_words
        self.caption_max_words = caption_max_words
        self.languages = languages
        self.bio_max_words = bio_max_words

    def decide(self, doc: Document) -> Iterable[Drop]:
        langs = tuple(self.languages) if self.languages else None
        byline, dateline, read_time, credit, name_prefix, meta_part, date_prefix, meta_marker, editor = _patterns(langs)
        # the last paragraph of the article: initials "(hsa)" close it, they do not sit in it
        last_long = max((b.index for b in doc.blocks if b.kept and doc.n_words[b.index] >= 25), default=-1)
        longs = [b.index for b in doc.blocks if b.kept and doc.n_words[b.index] >= 25][:2]
        first_long = longs[0] if longs else len(doc.blocks)
        # (a report's byline may stand under a long dek: above the article's second long paragraph)
        second_long = longs[1] if len(longs) > 1 else len(doc.blocks)
        update = _update_label(langs)
        out = []
        caption, source, via = _caption_credit(langs), _caption_source(langs), _credit_via(langs)
        sites = _credit_sites(doc, langs)
        for b in doc.blocks:
            if not b.kept or b.index == doc.title_index:
                continue
            n_words = doc.n_words[b.index]
            if n_words > self.max_words:
                if n_words <= self.caption_max_words and self._captioned(doc.plain[b.index], caption, source, via, sites,
                                                                         _figure(b)):
                    out.append(Drop(b.index, "photo_caption", f"A photo caption with its credit {doc.plain[b.index][:80]!r}."))
                continue
            text = " ".join(doc.plain[b.index].split())
            if text[-1:] == "]":  # "Authors: ['Jane Doe']" in an extractor's dump
                text = dump_field_text(text)
            # a name linked to the author's page, in markdown ("[Apolline Roubaix](https://…/author/
            # apolline-roubaix/)", maybe with a handle after it), over the article or in its author box
            if n_words <= 8 and b.text.startswith(_LINK_OPENINGS) and (linked := _AUTHOR_LINK.match(b.text.strip())) \
                    and _NAME_ONLY.match(name := linked.group(1).strip(" *_")):
                out.append(Drop(b.index, "byline", f"Author name {name!r} linked to the author's page.",
                                metadata=(("byline", name),)))
                continue
            # dates, times and counts need digits, except a few relative words ("yesterday");
            # the long date patterns only run on lines with a year, a time or a count
            digits = _DIGIT.search(text) is not None and _DATEISH.search(text) is not None
            if digits and b.index > first_long and update.match(text) and (nxt := doc.next_kept(b.index)) is not None \
                    and doc.blocks[nxt].kind is Kind.PARAGRAPH and doc.n_words[nxt] >= 8:
                continue  # "Update 22.05.2025 16:40 Uhr" over an update inside the article: its heading
            author = _author_line(text, byline, name_prefix, meta_part, date_prefix)
            if author is not None and text.casefold().startswith(_report_prefixes(langs)) and (
                    b.index > second_long or not _organisation_words(langs).isdisjoint(author[0].casefold().split())):
                # "Ein Test von Stiftung Warentest" in the article's course titles a section, and
                # "Eine Analyse von Counterpoint Research" names a source, not an author
                author = None
            if author is not None:
                name, date = author
                # the editor or reviewer named on a line of their own is no author
                moved = (() if editor.match(text) else (("byline", name),)) + ((("date", date),) if date else ())
                out.append(Drop(b.index, "byline", f"Author line {text!r}.", metadata=moved))
            elif (digits or n_words <= 4) and dateline.match(text):
                date = _split_meta(text, meta_part, None)[1] or text
                out.append(Drop(b.index, "dateline", f"Date line {text!r}.", metadata=(("date", date),)))
            elif digits and read_time.match(text):
                out.append(Drop(b.index, "read_time", f"Reading time or count {text!r}."))
            elif n_words <= 10 and credit.match(inner := text[1:-1].strip() if text[:1] in "([" and text[-1:] in ")]"
                                                else text) and _names_someone(inner):
                # "(Photo: Jane Doe)" as well; "Photos: the biggest redesign yet" is a subheading
                out.append(Drop(b.index, "photo_credit", f"Photo credit {text!r}."))
            elif n_words <= 6 and _PERSON_SITE_LINE.match(text) and (
                    _credits_site(text, _agencies(langs)) or _credits_site(text, sites) and _compound(text)):
                # on a line of its own only a picture agency makes it a credit, or the page's own
                # site when its name is one no product shares ("Priyanka Desrosiers / Android
                # Arbiter", "Corliss Mahoney/ZedCircuit"; not "Apple Music / Spotify" on Spotify's news)
                out.append(Drop(b.index, "photo_credit", f"Photo credit {text!r}."))
            elif self._captioned(text, caption, source, via, sites, _figure(b)) \
                    or b.kind is Kind.CAPTION and _PAREN_CREDIT.search(text):
                # (a <figcaption> that ends in a name in brackets: "… over Wi-Fi. (Skyrift)")
                out.append(Drop(b.index, "photo_caption", f"A photo caption with its credit {text!r}."))
            elif digits and (mixed := self._meta_line(text, meta_part, date_prefix, meta_marker, name_prefix)) is not None:
                reason, name, date = mixed
                moved = tuple((k, v) for k, v in (("byline", name), ("date", date)) if v)
                what = "Author and date line" if reason == "byline" else "Date line"
                out.append(Drop(b.index, reason, f"{what} {text!r}.", metadata=moved))
            elif n_words == 1 and b.index > last_long and _INITIALS.match(text):
                out.append(Drop(b.index, "byline", f"The author's initials {text!r}."))
            elif n_words <= 5 and _NAME_ONLY.match(text) and token_hint(b, _AUTHOR_TOKENS, depth=3):
                out.append(Drop(b.index, "byline", f"Author name {text!r} in the page's byline markup.",
                                metadata=(("byline", text),)))
        out.extend(self._bare_names(doc, {d.index for d in out}, _roles(langs), langs))
        out.extend(self._bios(doc, out, lambda text: self._author_of(text, byline, name_prefix, meta_part,
                                                                      date_prefix, meta_marker)))
        out.extend(self._bylined_bios(doc, out))
        out.extend(self._site_author_boxes(doc, out))
        return out

    def _site_author_boxes(self, doc: Document, found: list[Drop]) -> list[Drop]:
        """An author box that says whose it is, wherever it stands (comments or a shop may
        follow it): a name line ("Marlene Hövelmann", "Tjark"), maybe a role or handle, and a bio
        that opens with that name, its first name or a bio's verb ("Schreibt seit 2017 für …") and
        names the page's own site ("… bei Mobilnerds über Smartphones"). No byline is needed:
        the box names the author and the site itself. A person in the article is described
        by what they do, not as writing for the site."""
        if doc.title_index is None:
            return []
        done = {d.index for d in found}
        cues = _bio_cues(tuple(self.languages) if self.languages else None)
        roles = _roles(tuple(self.languages) if self.languages else None)
        out = []
        for b in doc.blocks[doc.title_index + 1:]:
            i = b.index
            if not b.kept or i in done or doc.n_words[i] > 4 or b.kind is Kind.LIST_ITEM:
                continue
            name = " ".join(doc.plain[i].split()).strip("*_# ")
            if not (_NAME_ONLY.match(name) or _ONE_NAME.match(name)):
                continue
            role, nxt = None, doc.next_kept(i)
            if nxt is not None and nxt not in done and _role_or_handle(doc, nxt, roles):
                role, nxt = nxt, doc.next_kept(nxt)
            if nxt is None or nxt in done or doc.blocks[nxt].kind is not Kind.PARAGRAPH \
                    or doc.n_words[nxt] > self.bio_max_words:
                continue
            bio = doc.plain[nxt].lstrip()
            first = name.split()[0]
            opens = bio.startswith(name + " ") or _FIRST_NAME_VERB.match(bio) is not None and bio.startswith(first + " ") \
                or cues.match(doc.keys[nxt]) is not None
            if opens and cues.search(doc.keys[nxt]) and names_site_within(doc, bio.split()):
                out.append(Drop(i, "author_bio", f"The author's name {name!r} over a bio that names the site."))
                if role is not None:
                    out.append(Drop(role, "author_bio", "The author's role or handle in an author box.", ref=i))
                out.append(Drop(nxt, "author_bio", "The author's bio, naming the site, in an author box.", ref=i))
                done.update((i, nxt) if role is None else (i, role, nxt))
        return out

    def _bylined_bios(self, doc: Document, found: list[Drop]) -> list[Drop]:
        """The author's bio right under the byline that names them: over the article ("By Jane
        Doe" / "Published May 14" / "Jane has been writing about browsers since 2016.") or in an
        author box with comments or a shop after it, where the bios after the article are not
        looked for. Only a short paragraph that opens with that author's name, or first name, in
        a bio's words ("covers", "has written about", "recherchiert zu")."""
        done = {d.index for d in found}
        cues = _bio_cues(tuple(self.languages) if self.languages else None)
        out = []
        for d in found:
            if d.reason != "byline":
                continue
            people = [one for k, v in d.metadata if k == "byline" for one in _persons(v)]
            nxt = doc.next_kept(d.index)
            while nxt is not None and nxt in done and doc.n_words[nxt] <= self.max_words:
                nxt = doc.next_kept(nxt)  # the date line between them
            if not people or nxt is None or nxt in done or doc.blocks[nxt].kind is not Kind.PARAGRAPH \
                    or doc.n_words[nxt] > self.bio_max_words:
                continue
            text = doc.plain[nxt].lstrip()
            first = _FIRST_NAME_VERB.match(text)
            named = next((p for p in people if text.startswith(p + " ") or first is not None
                          and first.group(1) == p.split()[0] and not _namesake(doc, first.group(1), people)), None)
            if named is not None and cues.search(doc.keys[nxt]) and not text.rstrip().endswith("?"):
                out.append(Drop(nxt, "author_bio", f"A bio of the author {named!r} under their byline.", ref=d.index))
                done.add(nxt)
        return out

    def _author_of(self, text: str, byline, name_prefix, meta_part, date_prefix, meta_marker) -> str | None:
        """The author a byline or a metadata line names, if it is one."""
        author = _author_line(text, byline, name_prefix, meta_part, date_prefix)
        if author is not None:
            return author[0]
        if _DIGIT.search(text):
            mixed = self._meta_line(text, meta_part, date_prefix, meta_marker, name_prefix)
            if mixed is not None and mixed[1]:
                return mixed[1]
        return None

    def _bios(self, doc: Document, found: list[Drop], author_of) -> list[Drop]:
        """The author's bio after the article: "Jane Doe covers chips for ..." with no header.

        Only a short paragraph that opens with the name of the page's author followed by a
        verb, and that no long paragraph of the article follows: the article has ended, and a
        paragraph about the author who wrote it is not part of it. The name comes from the
        byline this filter removed, the page's declared author, or a byline an earlier filter
        removed (outside the main content); those are read only when a bio-shaped paragraph
        ends the page.

        An author box that names the author on a line of its own, with the bio under it
        ("Jane Doe" / "Covers chips and cloud from Taipei."), counts too, when no paragraph of
        the article follows it.
        """
        done = {d.index for d in found}
        tail = []  # short paragraphs after the article that open with a name and a verb
        name_lines = []  # lines after the article that could be an author's name
        passed_bio = False  # a long paragraph under a name line at the end, maybe a bio
        openings: set[str] | None = None  # the author names, read when first needed
        first_names: set[str] | None = None  # their first names, from the bylines taken and the declared author
        for b in reversed(doc.blocks):
            if not b.kept or b.index in done or b.index == doc.title_index:
                continue
            n_words = doc.n_words[b.index]
            if n_words <= self.bio_max_words and _NAME_VERB.match(doc.plain[b.index]):
                tail.append(b)
            elif n_words <= self.bio_max_words and (first := _FIRST_NAME_VERB.match(doc.plain[b.index])) \
                    and first.group(1) in (first_names := self._first_names(doc, found) if first_names is None else first_names):
                tail.append(b)
            elif n_words <= 8 and self._box_name(doc.plain[b.index]) is not None:
                name_lines.append(b)
            elif n_words >= 25:
                if name_lines and not passed_bio:
                    # "Latest Stories" under the article is no author's name line
                    openings = self._openings(doc, found, author_of) if openings is None else openings
                    if not any(self._box_name(doc.plain[n.index]) in openings for n in name_lines):
                        name_lines = []
                if passed_bio or name_lines or n_words > self.bio_max_words or not self._under_a_name(doc, b.index):
                    break  # the article's own text
                passed_bio = True
        if not tail and not name_lines:
            return []
        openings = self._openings(doc, found, author_of) if openings is None else openings
        out = []
        cues = _bio_cues(tuple(self.languages) if self.languages else None)
        # the author box first: a name line, maybe a role, and the bio under it (which may open
        # with the first name, as the bios below do); a speaker's name in an interview comes
        # back, the author box names its author once (besides the byline, which is taken)
        lines = Counter(k for j, k in enumerate(doc.keys) if j not in done) if name_lines else Counter()
        roles = _roles(tuple(self.languages) if self.languages else None)
        for b in name_lines:
            nxt = doc.next_kept(b.index)
            name = self._box_name(doc.plain[b.index])
            if name not in openings or nxt is None or nxt in done or lines[doc.keys[b.index]] > 1:
                continue
            role = None  # "Senior Reporter, Wearables" or "@jdoe" between the name and the bio
            if _role_or_handle(doc, nxt, roles):
                role, nxt = nxt, doc.next_kept(nxt)
                if nxt is None or nxt in done:
                    continue
            bio = doc.blocks[nxt]
            if bio.kind is Kind.PARAGRAPH and doc.n_words[nxt] <= self.bio_max_words and not _NAME_ONLY.match(doc.plain[nxt]) \
                    and not doc.plain[nxt].rstrip().endswith("?") and not _FIRST_PERSON.match(doc.plain[nxt]) \
                    and cues.search(doc.keys[nxt]):
                out.append(Drop(b.index, "author_bio", f"The author's name {doc.plain[b.index]!r} over a bio after the article."))
                if role is not None:
                    out.append(Drop(role, "author_bio", "The author's role or handle in an author box.", ref=b.index))
                out.append(Drop(nxt, "author_bio", "The author's bio in an author box after the article.", ref=b.index))
        boxed = {d.index for d in out}
        for b in tail:  # from the end of the page up
            if b.index in boxed:
                continue
            text = doc.plain[b.index]
            opening = next((o for o in openings if text.startswith(o + " ")), None)
            after = text[len(opening):].split(None, 1) if opening is not None else None
            # by the first name alone, only in a bio's words: "Corbin is a staff writer at …",
            # not "Corbin said the update would ship in May."
            first = _FIRST_NAME_VERB.match(text) if opening is None else None
            if first is not None and first.group(1) in {o.split()[0] for o in openings} \
                    and cues.search(doc.keys[b.index]) and not text.rstrip().endswith("?") \
                    and not _namesake(doc, first.group(1), openings):
                out.append(Drop(b.index, "author_bio", f"A bio of the author {first.group(1)!r} after the article."))
            elif after and after[0][:1].islower():  # a verb: "covers", "ist", "es"
                out.append(Drop(b.index, "author_bio", f"A bio of the author {opening!r} after the article."))
            elif doc.n_words[b.index] >= 25:
                break  # someone else's paragraph: the article's own text
        return out

    @staticmethod
    def _captioned(text: str, caption: re.Pattern[str], source: re.Pattern[str], via: re.Pattern[str],
                   sites: frozenset[str], figure: bool = False) -> bool:
        """A caption that ends in its photo credit, with a caption before the credit, and a
        credit that names someone ("Foto: Zampa", "AP Photo/Jordan Lee"), not a sentence
        ("Photos: open the new Collections view", "Bild: hervorragend, Ton: gut"). A bare
        "© Holder" after a word ends a ``figure``'s caption, or names the page's own site or
        a picture agency; elsewhere it may end a report ("… carried the watermark © Nexora")."""
        text = text.rstrip()
        tail = text[-90:]
        slash = "/" in tail and _SLASH_CREDIT.search(tail) is not None
        if not text.endswith(")") and ":" not in tail and "\u00a9" not in tail and "|" not in tail \
                and " vorbehalten " not in tail \
                and "reserv" not in tail and "réserv" not in tail and not slash and not (_VIA.search(tail) and via.search(tail)):
            return False
        # the credit stands at the end: only the tail is searched, however long the line
        m = caption.search(text, max(0, len(text) - 160))
        if m is None and (slash or _GLUED_HINT.search(tail)):
            m = source.search(text, max(0, len(text) - 160))
            if m is not None and m.group("person") is not None:  # "Apple Music / Spotify" is no credit
                return len(text[:m.start()].split()) >= 2 and _credits_site(m.group("person"), sites)
            if m is not None and (_FIGURE.search(text, 0, m.start()) or _CODE_CHARS.search(text, 0, m.start())):
                # "Unemployment rose to 4.2 percent in March Source: BLS" is a chart's fact,
                # "const ratio = width / height // Source: Apple HIG" a line of code
                return False
        if m is None or len(text[:m.start()].split()) < 2:
            return False
        credit = text[m.start():].strip(" ()/")
        # ("Photo by Tobias Wendt / The Brink": after "by" comes the name, not a picture desk's head)
        credit = _RIGHTS.sub("", credit) if _RIGHTS.match(credit) else \
            _VIA_HEAD.sub("", credit) if _VIA_HEAD.match(credit) else _CREDIT_HEAD.sub("", credit)
        if m.re is caption and m.group("bare") is not None and not figure:
            return _credits_site(credit, sites)
        # ("… Imagen: El Droide Libre": the page's own site, whose name may open with an article)
        return _is_credit_name(credit) or _credits_site(credit, sites)

    @staticmethod
    def _declared(doc: Document, found: list[Drop]) -> set[str]:
        """The bylines this filter removed and the page's declared author."""
        names = {v for d in found for k, v in d.metadata if k == "byline"}
        if doc.metadata.byline:
            names.add(doc.metadata.byline)
        return names

    def _first_names(self, doc: Document, found: list[Drop]) -> set[str]:
        """The first names of the authors this filter's bylines and the page's metadata name."""
        return {one.split()[0] for name in self._declared(doc, found) for one in _persons(name)}

    def _openings(self, doc: Document, found: list[Drop], author_of) -> set[str]:
        """The names of the page's authors, as a bio would open with them: from the bylines
        this filter removed, the page's declared author, and bylines an earlier filter removed
        (outside the main content)."""
        names = self._declared(doc, found)
        for b in doc.blocks:
            if not b.kept and doc.n_words[b.index] <= self.max_words:
                name = author_of(" ".join(doc.plain[b.index].split()))
                if name:
                    names.add(name)
        openings = set()
        for name in names:  # each author of "Jane Doe and John Roe, Staff Writers"
            for one in _AUTHORS_SEP.split(name.split(",")[0]):
                parts = one.split()
                if 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts):
                    openings.add(" ".join(parts))
        return openings

    def _under_a_name(self, doc: Document, i: int) -> bool:
        """Does a line that could be a person's name stand right above block ``i`` (or above
        the role or handle line above it)?"""
        above = doc.prev_kept(i)
        if above is not None and doc.n_words[above] <= 8 and self._box_name(doc.plain[above]) is not None:
            return True  # "Jane Doe" or "Jane Doe, Senior Reporter"
        if above is not None and _role_or_handle(doc, above, _roles(tuple(self.languages) if self.languages else None)):
            above = doc.prev_kept(above)
        return above is not None and doc.n_words[above] <= 8 and self._box_name(doc.plain[above]) is not None

    def _box_name(self, text: str) -> str | None:
        """The name an author box's name line holds: "Jane Doe", or "Jane Doe, Senior
        Reporter" with the role after a comma."""
        text = " ".join(text.split())
        if len(text.split()) <= 4 and _NAME_ONLY.match(text):
            return text
        name, _, role = text.partition(",")
        role = role.strip()
        if role and _NAME_ONLY.match(name) and len(name.split()) <= 4 and _role_line(
                role, role.casefold(), _roles(tuple(self.languages) if self.languages else None)):
            return name
        return None

    @staticmethod
    def _bare_names(doc: Document, found: set[int], roles: re.Pattern[str], langs: tuple[str, ...] | None) -> list[Drop]:
        """Author names without a "By": "Jane Doe" or "Jane Doe, Hardware Editor" between the
        headline (or the dek under it) and the article, next to a date or reading-time line
        this filter removes.

        A name alone is no evidence (an interviewee, a heading); the metadata beside it, in the
        place where bylines stand, is.
        """
        if doc.title_index is None or not found:
            return []
        kept = [b.index for b in doc.blocks if b.kept and b.index > doc.title_index]
        out = []
        taken: set[int] = set()  # name lines already read with the role line under them
        for k, i in enumerate(kept):
            if doc.blocks[i].kind is Kind.PARAGRAPH and doc.n_words[i] >= 25:
                if k == 0:
                    continue  # a dek right under the headline: the byline often stands below it
                break  # the article has begun
            if i in found or doc.n_words[i] > 8 or i in taken:
                continue
            text = " ".join(doc.plain[i].split())
            neighbours = (kept[k - 1] if k else None, kept[k + 1] if k + 1 < len(kept) else None)
            above = neighbours[0]
            if above is not None and above not in found and above != doc.title_index \
                    and _role_line(text, doc.keys[i], roles) and any(j in found for j in neighbours):
                # "Jane Doe" over "Senior Reporter" over the date: the name is the line above
                name = " ".join(doc.plain[above].split())
                if doc.n_words[above] <= 4 and _NAME_ONLY.match(name) and not _name_like_heading(name):
                    out.append(Drop(above, "byline", f"Author name {name!r} over their role and the article's "
                                    "date line.", metadata=(("byline", name),)))
                    taken.update((above, i))
                    out.append(Drop(i, "byline", f"The author's role {text!r} beside the article's date line.",
                                    ref=above))
                    continue
            if doc.stripped[i] in phrase_keys("repeats", ("summary_headers",), langs):
                continue  # "Key Takeaways" over the bullets is no name
            name, _, role = text.partition(",")
            role = role.strip()
            # "Ravi Chandran@ravichandran_vb": the name with its handle glued on
            name = _GLUED_HANDLE.sub("", name) if not role else name
            if not _NAME_ONLY.match(name) or len(role.split()) > 4 or _name_like_heading(name):
                continue
            # "Jane Doe, Hardware Editor", not "Open Settings, then tap:" or "Good Morning, everyone!"
            if role and (role.endswith((":", "!", "?")) or not (role[:1].isupper() or _role_line(
                    role[:1].upper() + role[1:], role.casefold(), roles))):
                continue
            if any(j in found for j in neighbours):
                out.append(Drop(i, "byline", f"Author name {text!r} beside the article's date line.",
                                metadata=(("byline", name),)))
        return out

    @staticmethod
    def _meta_line(text: str, meta_part, date_prefix, meta_marker, name_prefix) -> tuple[str, str | None, str | None] | None:
        """A line of article metadata run together: "Jane Doe · Updated 3 May 2026, 10:32 · 4 min read".

        Dates and reading times are taken out; if what is left is a name (or a place, as in
        "Zaragoza, 3 June 2026 - 08:10") the line is metadata. To tell "Apple Event September
        2026" (a heading) from a byline, the line must also carry a marker: an "Updated"-style
        word, a time of day, a reading time, or a separator between the name and the date.
        """
        matches = list(meta_part.finditer(text))
        if not matches:
            return None
        date = _split_meta(text, meta_part, date_prefix, matches)[1]
        rest = " ".join(text[a:b] for a, b in zip([0] + [m.end() for m in matches], [m.start() for m in matches] + [len(text)]))
        marked = bool(meta_marker.search(text)) or bool(_META_SEPARATORS.search(rest))
        # "Jane Doe Site @janedoe · Apr 24, 2025 · with 14 comments": the handle and the
        # connector left by the count are no part of the name
        words = [w for w in _META_SEPARATORS.sub(" ", rest).split() if not _HANDLE.match(w)]
        while words and words[-1].casefold() in _COUNT_CONNECTORS:
            words.pop()
        rest = " ".join(words)
        if not rest:
            return ("dateline", None, date)
        if not marked:
            return None
        if rest.isdigit() and len(rest) <= 3 and ":" in text:
            return ("dateline", None, date)  # "April 24, 2025 10:27 AM 3": the comment count glued on
        m = name_prefix.match(rest)
        name = rest[m.end():] if m else rest
        if _NAME_ONLY.match(name) or (len(name.split()) == 1 and name[:1].isupper() and name.isalpha()):
            if len(name.split()) == 1 and not m:
                return ("dateline", None, date)  # a place: "Zaragoza, 3 de junio de 2026"
            return ("byline", name, date)
        return None
