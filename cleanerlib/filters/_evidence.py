"""Evidence shared by the filters: phrase matching, block shape, topic overlap, markup hints.

Filters know nothing of each other; what they share lives here. Everything is a pure function
of its arguments, and the compiled phrase tables are static data derived from the files in
``data/`` (cached per process, identical for every document).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Iterable, Mapping, Sequence

try:  # the (private) parser behind ``re``: what a phrase regex can start with is read from it,
    # and anything it parses in a way this module does not know counts as "any character"
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10 calls them sre_constants and sre_parse
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from .._model import Block, Kind
from .._site import site_of
from .._normalize import normalize, strip_decoration, words
from ._phrases import languages, merged_section, word_set

__all__ = [
    "alternation",
    "when_patterns",
    "site_consent_notice",
    "menu_shaped",
    "own_site_names",
    "names_own_site",
    "names_site_within",
    "squash",
    "dump_field",
    "dump_field_text",
    "HOME_PAGES",
    "strip_decoration",
    "PhraseTable",
    "phrase_table",
    "word_count",
    "is_headline_shaped",
    "ends_with_ellipsis",
    "glued_label",
    "glued_trail",
    "has_stopword",
    "has_trigger",
    "TopicProfile",
    "token_hint",
    "token_keys",
    "is_link_line",
    "is_one_link",
    "link_density",
    "content_words",
    "content_stems",
    "cue_pattern",
    "prose_residue",
    "looks_like_residue",
    "phrase_keys",
    "reported",
]

# a count in brackets after a label: "Comments (23)", "Cart [0]"
_COUNT = re.compile(r"\s*[(\[]\s*\d[\d.,]*\s*[)\]]$")
_LEADING = re.compile(r"^[\s\W_]+")
# a list bullet a scraper left in front of a line ("* Cart (0)", "- $0.00 0 items")
_BULLET = re.compile(r"^\s*[-*+\u2022\u00b7\u25aa\u25e6\u2023\u2013]\s+")
_INNER_SEPARATORS = re.compile(r"\s*[\u00b7|\u2022\u2013\u2014/]\s*|\s+-\s+")
_SEPARATOR_CHAR = re.compile("[\u00b7|\u2022\u2013\u2014/-]")  # in every match of _INNER_SEPARATORS


class PhraseTable:
    """Exact phrases, prefixes and regexes per category, matched against normalised text."""

    def __init__(self, exact: Mapping[str, Iterable[str]], prefix: Mapping[str, Iterable[str]],
                 regex: Mapping[str, Iterable[str]]) -> None:
        # phrases are normalised exactly like block keys, so curly quotes and dashes in the
        # data match whatever variant the page uses
        self.exact: dict[str, str] = {}
        for category, phrases in exact.items():
            for p in phrases:
                self.exact.setdefault(strip_decoration(normalize(p)), category)
        # longer lines cannot equal a phrase, even with some decoration around it
        self.exact_limit = 2 * max(map(len, self.exact), default=0) + 10
        # prefixes bucketed by their first three characters, each bucket in category order: a
        # key is compared only with the phrases it could start with
        self.prefix_buckets: dict[str, list[tuple[int, str, str]]] = {}
        self.prefix_short: list[tuple[int, str, str]] = []  # phrases under three characters
        for order, (category, phrases) in enumerate(prefix.items()):
            for literal in sorted({normalize(p) + (" " if p.endswith(" ") else "") for p in phrases}):
                entry = (order, literal, category)
                if len(literal) < 3:
                    self.prefix_short.append(entry)
                else:
                    self.prefix_buckets.setdefault(literal[:3], []).append(entry)
        # all regexes in one pattern, one named group per category, tried in category order;
        # and, for each character a key may start with, the same pattern made of only the
        # regexes a match of which can start with it: most keys start with a letter few
        # regexes do, and the regex engine tries every alternative in turn
        entries = [(n, p, _openings(p)) for n, patterns in enumerate(regex.values()) for p in patterns]
        self.regex_categories = {f"r{n}": category for n, category in enumerate(regex) if regex[category]}
        self.regex = _joined(entries)
        # a regex that may start anywhere ("^.{3,80}?\s[–-]\s… statt …") is left out of those
        # patterns when its matches all hold some text: a key without it needs no such regex,
        # and a key with it is tried against the whole pattern
        guards = {k: _required(p) if opens is None else "" for k, (_, p, opens) in enumerate(entries)}
        self.regex_guards = tuple(sorted({g for g in guards.values() if g}))
        compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}

        def only(keep) -> re.Pattern[str] | None:
            chosen = tuple(k for k, (_, _, opens) in enumerate(entries)
                           if (opens is None and not guards[k]) or (opens is not None and keep(opens)))
            if chosen not in compiled:
                compiled[chosen] = _joined([entries[k] for k in chosen])
            return compiled[chosen]

        starts = set().union(*(opens[0] for _, _, opens in entries if opens is not None))
        self.regex_by_char = {c: only(lambda opens: c in opens[0] or _classes(c) & opens[1]) for c in sorted(starts)}
        # any other character, by the classes (digit, word, space) it belongs to; looked up
        # beforehand for every other ASCII character, which most keys start with
        self.regex_by_class = {classes: only(lambda opens: classes & opens[1])
                               for classes in {_classes(c) for c in _CLASS_SAMPLES}}
        for c in map(chr, range(128)):
            if c not in self.regex_by_char:
                self.regex_by_char[c] = self.regex_by_class[_classes(c)]

    def match_exact(self, key: str, stripped: str | None = None) -> str | None:
        """The category of a phrase the key is, decoration aside (pass ``stripped``, the
        key's :func:`strip_decoration`, when it is at hand)."""
        if len(key) > self.exact_limit:
            return None
        if stripped is None:
            stripped = strip_decoration(key)
        found = self.exact.get(stripped)
        if found is None and _SEPARATOR_CHAR.search(stripped) and _INNER_SEPARATORS.search(stripped):
            found = self.exact.get(_INNER_SEPARATORS.sub(" ", stripped))
        if found is None and key.endswith((")", "]")):  # "Show comments (23)"
            found = self.exact.get(strip_decoration(_COUNT.sub("", key)))
        return found

    def match_prefix(self, key: str) -> str | None:
        found = self._prefix(key)
        if found is None and key and not key[0].isalnum():
            found = self._prefix(_LEADING.sub("", key))
        return found

    def prefix_categories(self, key: str) -> list[str]:
        """Every category a prefix of which the key starts with, in the table's order (the
        first is :meth:`match_prefix`'s): for a caller whose test of that one fails."""
        if key and not key[0].isalnum() and self._prefix(key) is None:
            key = _LEADING.sub("", key)
        found = sorted({(order, category) for order, literal, category in
                        (*self.prefix_buckets.get(key[:3], ()), *self.prefix_short) if key.startswith(literal)})
        return [category for _, category in found]

    def _prefix(self, key: str) -> str | None:
        best: tuple[int, str] | None = None
        for order, literal, category in self.prefix_buckets.get(key[:3], ()):
            if key.startswith(literal):
                best = (order, category)
                break
        for order, literal, category in self.prefix_short:
            if (best is None or order < best[0]) and key.startswith(literal):
                best = (order, category)
                break
        return best[1] if best is not None else None

    def match_regex(self, key: str) -> str | None:
        text = _BULLET.sub("", key).strip(" .![]")  # "[ 126 comments ]" too
        if not text or _has_trigger(text, self.regex_guards):
            regex = self.regex
        elif text[0] in self.regex_by_char:
            regex = self.regex_by_char[text[0]]
        else:
            regex = self.regex_by_class[_classes(text[0])]
        m = regex.match(text) if regex is not None else None
        return self.regex_categories[m.lastgroup] if m is not None else None

    def match(self, key: str, stripped: str | None = None) -> str | None:
        return self.match_exact(key, stripped) or self.match_regex(key) or self.match_prefix(key)


def _joined(entries: Sequence[tuple[int, str, object]]) -> re.Pattern[str] | None:
    """Regexes ``(category number, pattern, _)`` as one pattern, a named group per category."""
    groups: dict[int, list[str]] = {}
    for n, pattern, _ in entries:
        groups.setdefault(n, []).append(f"(?:{pattern})")
    alternatives = [f"(?P<r{n}>" + "|".join(patterns) + ")" for n, patterns in groups.items()]
    return re.compile("^(?:" + "|".join(alternatives) + ")$") if alternatives else None


_CLASS_TESTS = {"digit": str.isdecimal, "word": lambda c: c.isalnum() or c == "_", "space": str.isspace}
_SRE_CLASSES = {_sre.CATEGORY_DIGIT: "digit", _sre.CATEGORY_WORD: "word", _sre.CATEGORY_SPACE: "space"}
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name))
_CLASS_SAMPLES = "0a ;"  # a character of each combination of classes a character can be in


def _classes(c: str) -> frozenset[str]:
    """The classes among ``\\d``, ``\\w`` and ``\\s`` that match the character ``c``."""
    return frozenset(name for name, test in _CLASS_TESTS.items() if test(c))


class _Unknown(Exception):
    pass


def _openings(pattern: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The characters a match of a regex can start with: a set of characters and the classes
    (``\\d``, ``\\w``, ``\\s``) it allows; None when any character may open a match (``.``,
    a negated class, a flag, a pattern that matches the empty string)."""
    chars: set[str] = set()
    classes: set[str] = set()
    try:
        parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & re.IGNORECASE or _open(parsed.data, chars, classes):
            return None
    except Exception:  # a construct _open does not know, or a parser that changed: any start
        return None
    return frozenset(chars), frozenset(classes)


def _required(pattern: str) -> str:
    """The longest run of plain characters that every match of a regex holds ("statt" in
    "^.{3,80}?\\s[–-]\\s…€\\s+statt\\s+…"), or "" when none is known."""
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # a parser that changed: no required text known
        return ""
    if parsed.state.flags & re.IGNORECASE:
        return ""
    best, run = "", []
    for op, av in [*parsed.data, (None, None)]:  # the items every match goes through, in order
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
    return best


def _open(items, chars: set[str], classes: set[str]) -> bool:
    """Add what a match of the parsed sequence ``items`` can start with to ``chars`` and
    ``classes``; True if it can match the empty string (then what follows it can start the match)."""
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: "^", "\\b", a lookahead
        if op is _sre.LITERAL:
            chars.add(chr(av))
            return False
        if op is _sre.IN:
            for kind, value in av:
                if kind is _sre.LITERAL:
                    chars.add(chr(value))
                elif kind is _sre.RANGE and value[1] - value[0] < 256:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                elif kind is _sre.CATEGORY and value in _SRE_CLASSES:
                    classes.add(_SRE_CLASSES[value])
                else:
                    raise _Unknown
            return False
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            if not _open(av[3], chars, classes):
                return False
        elif op is _sre.BRANCH:  # (every branch adds what it starts with)
            if not any([_open(branch, chars, classes) for branch in av[1]]):
                return False
        elif op in _REPEATS:
            if not _open(av[2], chars, classes) and av[0] > 0:
                return False
        else:
            raise _Unknown
    return True


def alternation(items: Iterable[str], empty: str = "(?!x)x") -> str:
    """Literal alternatives, longest first, as a regex (``empty`` when there are none).

    They are grouped by their first character ("j(?:anuary|une|uly)|f(?:ebruary)|..."): the
    engine then tries only the alternatives a position's character can start, not every one
    in turn at every position. Alternatives of different groups can never both match at one
    position, so which one matches stays the same, unless two first characters match the
    same character case-blind ("k" and the Kelvin sign); then they are left as they are.
    """
    items = sorted(set(items), key=len, reverse=True)
    firsts = list(dict.fromkeys(x[:1] for x in items))
    if "" in firsts or any(a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in firsts for b in firsts):
        return "|".join(map(re.escape, items)) or empty
    return "|".join(re.escape(c) + "(?:" + "|".join(re.escape(x[1:]) for x in items if x[0] == c) + ")"
                    for c in firsts) or empty


@cache
def when_patterns(langs: tuple[str, ...] | None = None) -> tuple[str, str]:
    """The sources of two regexes, for text matched case-blind: a date ("May 21, 2025",
    "14. Mai 2025", "2025-05-21", "2 hours ago") and a clock time ("10:47 am", "19.30 Uhr"),
    from the byline section's months, weekdays and relative times. Bylines and datelines are
    built from them, and so is the line over a reader's comment."""
    sec = merged_section("byline", langs)
    months = alternation(sec.get("months", ()))
    weekdays = alternation(sec.get("weekdays", ()))
    relative = "|".join(sec.get("relative_time", ())) or "(?!x)x"
    date = (
        rf"(?:(?:{weekdays})\.?,?\s+)?(?:"
        rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
        rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}"
        rf"|(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(?:{months})\.?,?\s+(?:de\s+)?\d{{4}}"
        rf"|(?:{months})\.?\s+\d{{4}}"
        rf"|(?:{relative})"
        rf")"
    )
    time = r"(?:\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?(?:\s*(?:utc|gmt|cet|cest|est|edt|pst|pdt|bst|et|pt|mez|mesz)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)"
    return date, time


@cache
def phrase_table(section: str, langs: tuple[str, ...] | None = None) -> PhraseTable:
    """The compiled phrases of one filter's section, for the given languages (default: all)."""
    data = merged_section(section, langs)
    exact: dict[str, list[str]] = {}
    prefix: dict[str, list[str]] = {}
    regex: dict[str, list[str]] = {}
    for lang in langs or languages():
        from ._phrases import section as lang_section

        sec = lang_section(lang, section)
        for kind, target in (("exact", exact), ("prefix", prefix), ("regex", regex)):
            for category, phrases in (sec.get(kind) or {}).items():
                target.setdefault(category, []).extend(phrases)
    del data
    return PhraseTable(exact, prefix, regex)


def first_letters(alternatives: Iterable[str], most: int = 4) -> frozenset[str] | None:
    """The first characters (lower-cased; as many as the shortest alternative has, up to
    ``most``) of case-insensitive alternatives that follow ``^\\W*``; None when one is shorter
    than two, starts with something else than a letter or digit, or holds a character that
    case-insensitively matches an ASCII one ("ſ", the Kelvin sign)."""
    alternatives = list(alternatives)
    size = min(most, min(map(len, alternatives), default=0))
    if size < 2:
        return None
    out = set()
    for alt in alternatives:
        head = alt[:size]
        if not head[0].isalnum():
            return None
        for c in head:
            if not c.isascii() and any(x.isascii() for x in c.lower() + c.upper() + c.casefold()):
                return None
        out.add(head.lower())
    return frozenset(out)


def may_start_with(text: str, letters: frozenset[str] | None, size: int = 2) -> bool:
    """Can ``^\\W*(?:alternatives)`` (case-insensitive) match ``text``? ``letters`` are the
    alternatives' first ``size`` characters (:func:`first_letters`). False only when as many
    characters from the first word character on are ASCII and begin no alternative; anything
    else is left to the regex."""
    if letters is None:
        return True
    if text[:1].isalnum():  # most lines start with their first word
        head = text[:size]
        return not head.isascii() or head.lower() in letters
    for k, c in enumerate(text):
        if c.isalnum() or c == "_":
            head = text[k:k + size]
            return not head.isascii() or head.lower() in letters
    return False


class LetterGated:
    """A ``^\\W*(?:alternatives)`` pattern (case-insensitive) behind :func:`may_start_with`:
    most lines start with a word none of the alternatives does, and are turned away by a
    set lookup of their first few letters before the regex tries each alternative."""

    __slots__ = ("pattern", "letters", "size")

    def __init__(self, pattern: re.Pattern[str], alternatives: Iterable[str]) -> None:
        self.pattern = pattern
        self.letters = first_letters(alternatives)
        self.size = len(next(iter(self.letters))) if self.letters else 2

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if may_start_with(text, self.letters, self.size) else None


@cache
def cue_pattern(langs: tuple[str, ...] | None, name: str, section: str = "chrome") -> re.Pattern[str]:
    """One cue list of a section (the chrome filter's by default) as a single compiled alternation."""
    patterns = merged_section(section, langs).get(name, ())
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!x)x")


@cache
def _triggers(langs: tuple[str, ...] | None, name: str) -> tuple[str, ...]:
    # substring tests: a few ``in`` scans beat one alternation tried at every position; a
    # word that holds another of the list ("donativo" and "don") needs no scan of its own
    found = set(merged_section("chrome", langs).get(name, ()))
    return tuple(sorted(t for t in found if not any(other != t and other in t for other in found)))


def has_trigger(key: str, name: str, langs: tuple[str, ...] | None = None) -> bool:
    """Does a block's key hold one of a chrome word list's words (a cheap test before a pattern)?"""
    return _has_trigger(key, _triggers(langs, name))


def _has_trigger(key: str, triggers: tuple[str, ...]) -> bool:
    for t in triggers:
        if t in key:
            return True
    return False


def prose_residue(key: str, n_words: int, langs: tuple[str, ...] | None = None) -> str | None:
    """``"newsletter"``, ``"ad_label"``, ``"cookie_notice"`` or ``"social_follow"`` for chrome
    written as a sentence, which no phrase list can spell out: a newsletter pitch ("Every Friday
    we send …, it's free"), a donation appeal, a consent notice, or an affiliate disclosure that
    opens with the site's name ("Hearth & Wire may earn a commission when you buy through links
    on our site"), a paywall's meter ("You're reading 1 of your 4 free stories"). A cheap word
    test comes first; reported speech is news, not the site."""
    if n_words <= 40 and _has_trigger(key, _triggers(langs, "newsletter_triggers")) \
            and cue_pattern(langs, "newsletter_cues").search(key) and not _attributed(key, langs):
        return "newsletter"
    # ("… enlaces de afiliado en algunos de sus artículos, aunque no en este": the article's own note)
    if n_words <= 45 and _has_trigger(key, _triggers(langs, "affiliate_triggers")) \
            and cue_pattern(langs, "affiliate_cues").search(key) and not cue_pattern(langs, "affiliate_negations").search(key):
        return "ad_label"
    # "…, weil tausende Menschen uns mit Spenden unterstützen": the site asking, not a quote of
    # (or a report on) a charity the article is about
    if 4 <= n_words <= 40 and _has_trigger(key, _triggers(langs, "donation_triggers")) and '"' not in key \
            and cue_pattern(langs, "donation_cues").search(key) and not _attributed(key, langs):
        return "newsletter"
    # "En El Correo y sus socios usamos cookies … Puedes aceptar": the site's consent notice
    # worded as it likes (a phrase list only knows how such notices start)
    if 8 <= n_words <= 80 and _has_trigger(key, _triggers(langs, "cookie_triggers")) and not _quotes_speech(key) \
            and cue_pattern(langs, "cookie_cues").search(key) and not _attributed(key, langs):
        return "cookie_notice"
    # "You're reading 1 of your 4 free stories this month. Get unlimited …": the paywall's meter
    # (a report quotes the meter: "The message “You're reading 1 of your 4 free stories” now …")
    if n_words <= 40 and _has_trigger(key, _triggers(langs, "paywall_triggers")) and not _QUOTE_MARKS.search(key) \
            and cue_pattern(langs, "paywall_cues").search(key) and not _attributed(key, langs):
        return "newsletter"
    # "Add Earshot Daily as a preferred source on Google News", "Sigue a X en Google Discover"
    if n_words <= 30 and _has_trigger(key, _triggers(langs, "follow_triggers")) \
            and cue_pattern(langs, "follow_cues").search(key) and not _attributed(key, langs):
        return "social_follow"
    # "Advertisement - Ars Mechanica continues after this", "Anzeige · Nach der Werbung geht es
    # weiter": an ad's label set apart at one end of the line, and the article going on
    if n_words <= 14 and _has_trigger(key, _triggers(langs, "ad_continue_triggers")) and _AD_SEPARATORS.search(key) \
            and cue_pattern(langs, "ad_continue_cues").search(key) and _ad_label(langs).search(key):
        return "ad_label"
    return None


_QUOTE_MARKS = re.compile("[\"\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a]")
_QUOTED_LABEL = re.compile(r'" ?[^"\s]+(?: [^"\s]+){0,4} ?"')  # a button's name in quotes: "zustimmen", "accept all"


def _quotes_speech(key: str) -> bool:
    """Does a key quote more than a button's name? A consent notice names its buttons
    ("Mit Klick auf „Zustimmen“ willigen Sie ein"); a report on one quotes what was said."""
    return '"' in key and '"' in _QUOTED_LABEL.sub("", key)
_AD_SEPARATOR_CHARS = "-\u2013\u2014\u00b7:,|\u2022("
_AD_SEPARATORS = re.compile(f"[{_AD_SEPARATOR_CHARS}]")


@cache
def _ad_label(langs: tuple[str, ...] | None) -> re.Pattern[str]:
    """An ad word set apart as a label: first (after a site's name at most, not after an
    article: "Die Anzeige, sagte er, läuft weiter" is a sentence), or last."""
    words = "|".join(map(re.escape, sorted(merged_section("chrome", langs).get("ad_words", ()), key=len, reverse=True)))
    sep = rf"\s*[{_AD_SEPARATOR_CHARS}]\s*"
    articles = "|".join(sorted(_ARTICLES))
    return re.compile(rf"^(?!(?:{articles}) )(?:[\w.'\u2019-]+ ){{0,2}}(?:{words}){sep}|{sep}(?:{words})[.!]?$"
                      if words else "(?!x)x")


def site_consent_notice(key: str, n_words: int, langs: tuple[str, ...] | None = None) -> bool:
    """A consent notice in the third person ("Numerosa et ses partenaires déposent des cookies …
    Vous pouvez accepter"). A report on such a notice reads the same, so callers ask only above
    the headline."""
    return 8 <= n_words <= 80 and _has_trigger(key, _triggers(langs, "cookie_triggers")) \
        and cue_pattern(langs, "site_cookie_cues").search(key) is not None and not _attributed(key, langs)


def reported(key: str, langs: tuple[str, ...] | None = None) -> bool:
    """Is a line someone's words reported (attributed, or quoted beyond a button's name)
    rather than the site's own?"""
    return _attributed(key, langs) or _quotes_speech(key)


def _attributed(key: str, langs: tuple[str, ...] | None) -> bool:
    """Reported speech ("…, the mayor said", "…, pidió el alcalde"): someone in the news
    asking, not the site."""
    said = _attribution(langs)
    return any(w in said for w in words(key))


@cache
def _attribution(langs: tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(merged_section("chrome", langs).get("attribution_words", ()))


_MENU_PUNCTUATION = re.compile(r'[.,;:!?"]')  # what a sentence has and a menu has not
_MENU_CONNECTORS = frozenset("of to and & our us your with the de la y et und uns".split())


@cache
def _menu_words(langs: tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in merged_section("chrome", langs).get("menu_words", ()))


def menu_shaped(text: str, tokens: Sequence[str], langs: tuple[str, ...] | None = None) -> bool:
    """A site's menu copied as one line: "Help Status About Careers Press Blog Privacy
    Terms", "Tests Ratgeber Deals Downloads Praxis Newsletter". Capitalised link names with
    nothing between them, most of them words only menus are made of; a title-case heading
    ("Privacy Policy Changes Hit Blog Owners") has fewer of them."""
    if _MENU_PUNCTUATION.search(text) or sum(
            not (w[:1].isupper() or not w[:1].isalpha() or w in _MENU_CONNECTORS) for w in text.split()) > 1:
        return False  # one item may have a lower-case word of its own ("Text to speech")
    menu = _menu_words(langs)
    content = [t for t in tokens if t not in _MENU_CONNECTORS]
    hits = sum(t in menu for t in content)
    return hits >= 5 and hits >= 0.7 * len(content)


def looks_like_residue(key: str) -> bool:
    """Does a normalised short line match any residue phrase (shop, chrome, teaser header)?

    Used outside the filters where a decision must not be fooled by residue, such as picking
    the headline of a plain-text scrape ("Free shipping on orders over $50" is not one).
    """
    stripped = strip_decoration(key)
    return stripped in phrase_keys("teasers", ("headers", "read_more")) \
        or phrase_table("ecommerce").match(key, stripped) is not None \
        or phrase_table("chrome").match(key, stripped) is not None


@cache
def phrase_keys(section: str, names: tuple[str, ...], langs: tuple[str, ...] | None = None) -> frozenset[str]:
    """The phrases of some lists of a section, keyed like a block (normalised, decoration
    stripped), so a set lookup of ``doc.stripped[i]`` finds them whatever quotes or dashes the
    page uses."""
    sec = merged_section(section, langs)
    return frozenset(strip_decoration(normalize(p)) for name in names for p in sec.get(name, ()))


# a list-valued field of an extractor's metadata dump ("Movies: []", "Images: ['a.jpg']"): a field
# name such a dump writes (in English, whatever the page's language), then Python's repr of a list
# of strings; a program's output in a tutorial ("Output: ['hello', 'world']") has other names
_DUMP_LABELS = frozenset(("authors", "movies", "videos", "images", "keywords", "meta keywords", "tags"))
_QUOTED = re.compile(r"(['\"])(.*?)\1")
_STRING = r"(?:'[^'\n]*'|\"[^\"\n]*\")"
_DUMP_FIELD = re.compile(rf"^([A-Z][A-Za-z ]{{0,14}}):\s*\[\s*(?:{_STRING}(?:\s*,\s*{_STRING})*)?\s*\]$")


def dump_field(text: str) -> re.Match[str] | None:
    """The match of a dump's list field, if ``text`` is one."""
    m = _DUMP_FIELD.match(text)
    return m if m is not None and m[1].casefold() in _DUMP_LABELS else None


def dump_field_text(text: str) -> str:
    """A dump's list field as a line would write it ("Authors: ['Jane Doe']" -> "Authors: Jane Doe")."""
    m = dump_field(text)
    if m is None:
        return text
    items = [item for _, item in _QUOTED.findall(text[m.end(1):])]
    return f"{m[1]}: {', '.join(items)}"


def squash(name: str) -> str:
    """A name as letters and digits only, case- and accent-blind ("XRD Developers" ->
    "xrddevelopers", "Les Numérivores" -> "lesnumerivores": domains drop the accents)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalnum())


def own_site_names(doc) -> frozenset[str]:
    """The page's own site, squashed: its domain's first label and its declared name."""
    found = set()
    domain = site_of(doc.url)
    if domain:
        found.add(squash(domain.split(".", 1)[0]))
    if doc.metadata.site_name:
        found.add(squash(doc.metadata.site_name))
    found.discard("")
    return frozenset(found)


def names_own_site(doc, name: str, sections: bool = False) -> bool:
    """Does ``name`` (as the page writes it) name the page's own site: its name ("Gizmos 365"
    on gizmos365.com), its domain ("Bitlehm.de"), or its initials in capitals ("XRD" on
    xrd-developers.com)? "TikTok", or "Android" on androidpolice.com, does not."""
    wanted = squash(name)
    if len(wanted) < 3:
        return False
    initials = name.strip().isupper() and name.strip().isalpha()
    domain = "." in name
    # ("Rampart" on therampart.co.uk: a domain may open with "the"; "Output" on outputmag.com:
    # a brand's domain may end in a word such as "mag" or "news", and the brand is written as a name)
    brand = name.strip()[:1].isupper()
    if any(site == wanted or site == "the" + wanted or initials and site.startswith(wanted)
           or domain and wanted.startswith(site) and len(wanted) - len(site) <= 4
           or brand and len(wanted) >= 4 and site.startswith(wanted) and site[len(wanted):] in _BRAND_SUFFIXES
           for site in own_site_names(doc)):
        return True
    # with ``sections``, a magazine or section inside the site too: "Epsilono" on
    # elmeridiano.es/epsilono/…, "More Entertainment" on …/entertainment/… (asked only of a
    # header whose cards are checked: a folder may be the article's topic too)
    section = _FIRST_SEGMENT.match(doc.url or "") if sections and brand else None
    return len(wanted) >= 5 and section is not None and squash(section.group(1)) == wanted


# what a brand's domain may add to its name (outputmag.com, gizmodaily.com)
_BRAND_SUFFIXES = frozenset(("mag", "magazine", "news", "online", "blog", "daily", "hq", "media", "tech", "digital",
                             "weekly", "web", "tv", "hub", "site", "now"))
# the first segment of a URL's path ("epsilono" in https://www.elmeridiano.es/epsilono/gadgets/…)
_FIRST_SEGMENT = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]+/([A-Za-z][\w-]*)/", re.IGNORECASE)


def names_site_within(doc, words: list[str], sections: bool = False) -> bool:
    """Does one of the words, or two of them in a row, name the page's own site ("TechCrux's")?
    ``sections`` as for :func:`names_own_site`."""
    words = [w.strip("#*_,;.()[]").removesuffix("'s").removesuffix("\u2019s") for w in words]
    return any(names_own_site(doc, w, sections) or k + 1 < len(words) and names_own_site(doc, f"{w} {words[k + 1]}", sections)
               for k, w in enumerate(words))


#: the home page's name, which starts a breadcrumb trail
HOME_PAGES = frozenset(("home", "startseite", "accueil", "inicio", "portada"))
_EDGE_PUNCT = ".,:;!?\"'()[]“”‘’"


_TRAIL_SEPARATORS = (">", "\u203a", "\u00bb", "/", "\u2192", "\u00b7", "|")


def glued_trail(line: str, title: str) -> bool:
    """A breadcrumb copied without its separators, over the headline it ends in: "Home News
    Security Hijacked WooCommerce plugin injects fake checkout forms". The trail starts at the
    home page, passes through at most four capitalised section names, and its last words
    (four or more) all belong to the headline. With its separators, any trail that ends in the
    headline itself ("Kernspur online > News > 2025 > <headline>")."""
    if len(title) >= 15 and line.endswith(title) and line[:-len(title)].rstrip()[-1:] in _TRAIL_SEPARATORS:
        return True
    words = line.split()
    if len(words) < 6 or words[0].casefold() not in HOME_PAGES or line.rstrip().endswith((".", "!", "?")):
        return False
    in_title = {w.casefold().strip(_EDGE_PUNCT) for w in title.split()}
    if words[0].casefold() in in_title:
        return False  # "Home Depot confirms …" over "Home Depot Confirms …" is a headline's copy
    k = len(words)
    while k > 1 and words[k - 1].casefold().strip(_EDGE_PUNCT) in in_title:
        k -= 1
    sections = words[1:k]
    return len(words) - k >= 4 and 1 <= len(sections) <= 4 and all(w[:1].isupper() for w in sections)


def word_count(text: str) -> int:
    return len(text.split())


_TERMINAL = re.compile(r"""[.;,:!]["'\u201d\u2019)\]]*$""")
_ELLIPSIS = re.compile(r"(?:\u2026|\.\.\.|\[\u2026\]|\[\.\.\.\])\s*[\]\)\"\u201d\u2019]*\s*$")


def ends_with_ellipsis(text: str) -> bool:
    # anchored at the end: searching only the tail spares trying every position of a paragraph
    return bool(_ELLIPSIS.search(text, max(0, len(text) - 80)))


def is_headline_shaped(text: str, *, max_words: int = 22, n_words: int | None = None) -> bool:
    """Short, capitalised, and not ending like a sentence (question marks allowed).

    ``n_words`` is ``word_count(text)`` when the caller has it."""
    n = word_count(text) if n_words is None else n_words
    if n < 2 or n > max_words or _TERMINAL.search(text.rstrip(" \u2192\u00bb\u203a>")):
        return False
    first = next((c for c in text if c.isalnum()), "")
    if first.islower():  # a brand written in camel case opens it: "eSIM-Umzug kostet …", "iPhone 17 …"
        word = text[text.index(first):].split(None, 1)[0]
        return any(c.isupper() for c in word[1:4])
    return bool(first) and (first.isupper() or first.isdigit())


# A category label glued to a headline: "Cloud ComputingWhy Kubernetes..." — a lower-case letter
# (or a closing bracket/digit) directly followed by a capitalised word, after a short label.
# (or a label in capitals run into a capitalised word: "GAMINGThis $60 handheld")
_GLUE = re.compile(r"(?<=[a-z\u00e0-\u00ff)])(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff\u2019']|[A-Z]{2,}\b|\d|I\s)"
                   r"|(?<=[A-Z\u00c0-\u00de]{3})(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff])")
# the words that join a label's capitalised words ("Government & Policy")
_LABEL_JOINS = frozenset("& and und et y".split())
_LABEL_LINKS = _LABEL_JOINS | {"of", "de"}
# what may open a card's line before its label: a markdown link's bracket, bold, a heading's marks
_CARD_OPENING = re.compile(r"[\[*#_ ]*")


def glued_label(text: str) -> int | None:
    """Offset where a glued category label ends, or None.

    The label must look like one (one to four capitalised words, the last at least five
    letters, or four before a headline's first word, or the label several words long) so
    camel-case brands (YouTube, PlayStation, OpenAI) are not mistaken for it.
    """
    start = _CARD_OPENING.match(text).end()  # "[Cloud & InternetHow to …](…)"
    head = text[:start + 60]
    for m in _GLUE.finditer(head, start):
        label = head[start:m.start()]
        rest = text[m.start():]
        label_words = label.split()
        if not 1 <= len(label_words) <= 4 or word_count(rest) < 3:
            continue
        if not all(w[0].isupper() or w in _LABEL_LINKS for w in label_words):
            continue
        last = label_words[-1]
        glued = rest.split()[0]
        # a four-letter label needs a headline's first word after it: "TechYour old router",
        # "AppsLa app de tu banco" (no brand reads "Tech" + "Your")
        if len(last) >= 5 or len(label_words) >= 2 or (len(last) == 4 and glued.casefold() in _OPENERS):
            # a brand ("The YouTube app", "New PlayStation Plus"), unless a headline's first word
            # follows ("ConsumoLas …") or the label joins two categories ("Deals & SalesSamsung …")
            if _camel_brand(last + glued) and glued.casefold() not in _OPENERS \
                    and not any(w in _LABEL_JOINS for w in label_words):
                continue
            return m.start()
    return None


# articles a headline starts with; no camel-cased brand ends in one
_ARTICLES = frozenset("the a an der die das ein eine le la les un une des el los las una".split())
# and the other words a headline opens with
_OPENERS = _ARTICLES | frozenset(
    "why how what your who when where which this these i wie warum was wer wann pourquoi comment quand qui "
    "cómo por qué cuánto cuándo quién".split())


def _camel_brand(token: str) -> bool:
    """A single camel-cased token that is too short to be label + word (e.g. 'SoundCloud')."""
    return len(token) <= 12 and token.count(" ") == 0 and sum(c.isupper() for c in token) == 2


def content_words(key: str | Sequence[str]) -> list[str]:
    """Words that carry topic: no stopwords of any known language, no short tokens or numbers.

    ``key`` is a normalised key or its words (a document's ``tokens``)."""
    stop = _all_stopwords()
    return [w for w in (words(key) if isinstance(key, str) else key)
            if len(w) > 2 and not w.isdigit() and w not in stop]


def content_stems(key: str | Sequence[str]) -> set[str]:
    """Content words of a normalised key cut to five letters: a crude stem that survives
    plural and tense, so a paraphrase still shares them."""
    return {w[:5] for w in content_words(key)}


def has_stopword(tokens: Sequence[str]) -> bool:
    """Does any of a block's tokens belong to a known language's stopwords? A line of tags
    is nouns only; a heading or a sentence needs "the", "und", "de"."""
    stop = _all_stopwords()
    return any(t in stop for t in tokens)


@cache
def _all_stopwords() -> frozenset[str]:
    out: set[str] = set()
    for lang in languages():
        out |= word_set(lang, "stopwords")
    return frozenset(out)


class TopicProfile:
    """How much a block talks about the same things as the rest of the document.

    Cross-promo cards are about other stories; body paragraphs share the article's vocabulary.
    Counts are per block, so a block's own words (and those of blocks excluded as one group,
    such as a whole teaser card) never vouch for it.
    """

    def __init__(self, keys: Sequence[str | Sequence[str]], active: Sequence[bool]) -> None:
        self._keys = keys
        self._active = active
        self.words: list[frozenset[str]] = []
        self.df: dict[str, int] = {}

    def _build(self) -> None:
        """Count words on first use: most documents never ask (no teaser zone, no ad label)."""
        self.words = [frozenset(content_words(k)) if a else frozenset() for k, a in zip(self._keys, self._active)]
        for ws in self.words:
            for w in ws:
                self.df[w] = self.df.get(w, 0) + 1

    def overlap(self, i: int, exclude: Iterable[int] = ()) -> float | None:
        """Share of block ``i``'s content words found in other blocks (None if it has none)."""
        if not self.words:
            self._build()
        own = self.words[i]
        if not own:
            return None
        excluded = [self.words[j] for j in set(exclude) | {i}]
        shared = 0
        for w in own:
            local = sum(1 for ws in excluded if w in ws)
            if self.df.get(w, 0) - local > 0:
                shared += 1
        return shared / len(own)


def token_keys(block: Block, *, depth: int = 8,
               memo: dict[tuple[str, ...], frozenset[str]] | None = None) -> frozenset[str]:
    """The class/id tokens near a block, plus each token's ``-``/``_``-delimited prefixes of
    eight characters or more (``jp-relatedposts-post`` -> ``jp-relatedposts``).

    Blocks of one container share their tokens: a caller asking about every block of a page
    passes a ``memo`` dict (its own, for that page) to derive them once per container."""
    if block.hints is None:
        return frozenset()
    tokens = block.hints.tokens[: depth * 3]
    if memo is not None:
        found = memo.get(tokens)
        if found is None:
            found = memo[tokens] = token_keys(block, depth=depth)
        return found
    out: set[str] = set()
    for token in tokens:
        out.add(token)
        if len(token) > 8:
            for sep in "-_":
                k = token.find(sep, 8)
                while k != -1:
                    out.add(token[:k])
                    k = token.find(sep, k + 1)
    return frozenset(out)


def token_hint(block: Block, needles: Iterable[str], *, depth: int = 8,
               keys: frozenset[str] | None = None) -> str | None:
    """A needle that a class/id token near the block names, or None.

    A token names a needle when it is the needle, or, for needles of eight characters or more,
    starts with it followed by ``-`` or ``_`` (``jp-relatedposts-post``). Substrings do not
    count: ``docked-sharebar-content-container`` wraps a whole article. Pass ``keys``
    (:func:`token_keys`) when asking about one block many times.
    """
    if keys is None:
        keys = token_keys(block, depth=depth)
    if not keys:
        return None
    found = keys.intersection(needles)
    return min(found) if found else None


def link_density(block: Block) -> float:
    return block.hints.link_density(len(block.text)) if block.hints else 0.0


# a markdown line that is one link and nothing else ("### [Headline](https://…)", "* [Headline](…)")
_LINK_LINE = re.compile(r"^(?:[#*+\-\s>]{0,6}|\s{0,3}\d{1,2}[.)]\s{1,3})\[[^\]\n]+\]\([^)\s]+\)\W{0,2}$")


def is_link_line(text: str) -> bool:
    """Is a line of markdown one link and nothing else ("### [Headline](https://…)", or an
    item of a numbered list of them: "4. [Headline](https://…)")?"""
    return _LINK_LINE.match(text) is not None


def is_one_link(block: Block, min_density: float = 0.6) -> bool:
    """Is a block a link and little else: mostly linked text in markup, one markdown link on
    its line in a plain text (where a linked headline is told from the article's prose)?"""
    if block.hints is not None:
        return link_density(block) >= min_density
    return is_link_line(block.text)


def is_body_paragraph(block: Block, *, min_words: int = 25) -> bool:
    return block.kind in (Kind.PARAGRAPH, Kind.QUOTE, Kind.LIST_ITEM) and word_count(block.text) >= min_words
