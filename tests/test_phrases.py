"""Per-language phrase data: every file has the same shape, regexes compile, phrases are written
the way normalised text looks, no phrase means two things, and a new file is a new language."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import cleanerlib.filters as filters_package
from cleanerlib import clean
from cleanerlib._language import detect_language
from cleanerlib._normalize import normalize
from cleanerlib.filters import Byline, Ecommerce, _phrases
from cleanerlib.filters._evidence import strip_decoration

DATA = Path(filters_package.__file__).parent / "data"
LANGS = ("de", "en", "es", "fr")

# lists of regular expressions (everything else is a list of literal phrases)
REGEX_KEYS = {("ecommerce", "regex"), ("chrome", "newsletter_cues"), ("chrome", "promo_cues"),
              ("chrome", "affiliate_cues"), ("chrome", "follow_cues"), ("chrome", "donation_cues"),
              ("chrome", "cookie_cues"), ("chrome", "site_cookie_cues"), ("chrome", "ad_continue_cues"), ("chrome", "affiliate_negations"),
              ("byline", "relative_time"), ("byline", "read_time")}


def load(lang: str) -> dict:
    return json.loads((DATA / f"{lang}.json").read_text(encoding="utf-8"))


def shape(value, path=()) -> set:
    """Paths of every key, with the type of the leaf ('list' or 'str')."""
    if isinstance(value, dict):
        out = set()
        for k, v in value.items():
            out |= shape(v, path + (k,))
        return out
    return {(path, type(value).__name__)}


def lists(value, path=()):
    """(path, list) for every list in the file."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from lists(v, path + (k,))
    elif isinstance(value, list):
        yield path, value


def is_regex(path: tuple) -> bool:
    return path[:2] in REGEX_KEYS


def test_languages_lists_the_four_data_files():
    assert set(LANGS) <= set(_phrases.languages())
    assert _phrases.languages() == tuple(sorted(p.stem for p in DATA.glob("*.json")))


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_the_same_sections_as_english(lang):
    assert shape(load(lang)) == shape(load("en"))


@pytest.mark.parametrize("lang", LANGS)
def test_file_declares_its_own_language(lang):
    assert load(lang)["language"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_list_holds_strings_and_no_section_is_empty(lang):
    data = load(lang)
    for path, values in lists(data):
        assert all(isinstance(v, str) and v.strip() for v in values), path
    for section in ("stopwords",):
        assert len(data[section]) >= 50
    for section in ("teasers", "ecommerce", "chrome", "byline"):
        assert any(values for _, values in lists(data[section])), section


@pytest.mark.parametrize("lang", LANGS)
def test_all_regexes_compile(lang):
    count = 0
    for path, values in lists(load(lang)):
        if is_regex(path):
            for pattern in values:
                re.compile(pattern)
                count += 1
    assert count > 0


@pytest.mark.parametrize("lang", LANGS)
def test_regexes_are_written_for_lowercased_text(lang):
    """Patterns run against normalised (lower-cased) text: an upper-case literal never matches."""
    for path, values in lists(load(lang)):
        if is_regex(path):
            for pattern in values:
                literal = re.sub(r"\\.", "", pattern)  # escapes such as \d, \S, \W are not literals
                assert literal == literal.lower(), (path, pattern)


@pytest.mark.parametrize("lang", LANGS)
def test_phrases_are_lowercase(lang):
    for path, values in lists(load(lang)):
        if is_regex(path):
            continue
        for phrase in values:
            assert phrase == phrase.lower(), (path, phrase)


@pytest.mark.parametrize("lang", LANGS)
def test_no_duplicates_inside_one_list(lang):
    # spelling variants that normalise alike ("by clicking \u201caccept" / "by clicking \"accept") are
    # redundant but harmless; the same string twice is a slip
    for path, values in lists(load(lang)):
        dupes = sorted({v for v in values if values.count(v) > 1})
        assert not dupes, (path, dupes)


def _ambiguous(groups: dict[str, list[str]], key=lambda p: strip_decoration(normalize(p))) -> dict[str, list[str]]:
    """Phrases (normalised like the text they match) that sit in more than one category."""
    where: dict[str, set[str]] = {}
    for category, phrases in groups.items():
        for p in phrases:
            where.setdefault(key(p), set()).add(category)
    return {p: sorted(c) for p, c in sorted(where.items()) if len(c) > 1}


def _merged(section: str, kind: str) -> dict[str, list[str]]:
    """One section's categories across all languages, as the filters match them (the union)."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        for category, phrases in load(lang)[section][kind].items():
            out.setdefault(category, []).extend(phrases)
    return out


def test_no_ecommerce_phrase_is_in_two_categories():
    assert _ambiguous(_merged("ecommerce", "exact")) == {}


def test_no_chrome_phrase_is_in_two_categories():
    assert _ambiguous(_merged("chrome", "exact")) == {}
    assert _ambiguous(_merged("chrome", "prefix"), key=normalize) == {}


def test_no_teaser_header_is_also_a_read_more_link():
    groups = {"headers": [], "read_more": []}
    for lang in LANGS:
        for key in groups:
            groups[key].extend(load(lang)["teasers"][key])
    assert _ambiguous(groups) == {
        # a known overlap: the filter reads these as read-more links, never as zone headers
        "keep reading": ["headers", "read_more"],
        "sigue leyendo": ["headers", "read_more"],
        "weiterlesen": ["headers", "read_more"],
    }


def test_byline_prefix_kinds_do_not_overlap():
    for lang in LANGS:
        sec = load(lang)["byline"]
        groups = {k: sec[k] for k in ("name_prefixes", "date_prefixes", "credit_prefixes")}
        assert _ambiguous(groups, key=normalize) == {}, lang


# -- adding a language is adding a file ----------------------------------------------------------

ITALIAN = {
    "language": "it",
    "stopwords": ["il", "lo", "la", "i", "gli", "le", "di", "del", "della", "dei", "che", "e", "è", "per", "un",
                  "una", "non", "con", "sono", "ha", "hanno", "nel", "nella", "alla", "al", "dal", "si", "da",
                  "come", "anche", "più", "ma", "questo", "questa", "sul", "sulla", "tra", "fra", "entro"],
    "ecommerce": {"exact": {"cart_empty": ["il tuo carrello è vuoto", "nessun prodotto nel carrello"],
                            "shop_button": ["aggiungi al carrello"]}},
    "byline": {"name_prefixes": ["di"], "prefixes": ["di"]},
}

def _clear_caches() -> None:
    """Forget everything derived from the data files (the loader and the filters' compiled tables)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("cleanerlib") or module is None:
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@pytest.fixture
def data_dir_with_italian(tmp_path, monkeypatch):
    """A copy of the package's data folder plus it.json, read by the phrase loader."""
    package = tmp_path / "filters"
    shutil.copytree(DATA, package / "data")
    (package / "data" / "it.json").write_text(json.dumps(ITALIAN, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(_phrases, "resources", SimpleNamespace(files=lambda _package: package))
    _clear_caches()
    yield package / "data"
    monkeypatch.undo()
    _clear_caches()


def test_a_new_data_file_is_a_new_language(data_dir_with_italian):
    assert _phrases.languages() == ("de", "en", "es", "fr", "it")
    assert _phrases.phrasebook("it")["language"] == "it"
    assert "carrello" not in _phrases.word_set("it", "stopwords")


def test_a_new_language_is_detected_and_its_phrases_are_used(data_dir_with_italian):
    article = ("Il governo ha approvato il piano per la rete in fibra, che porterà la connessione veloce in tutte "
               "le aree rurali entro il 2027, e gli operatori hanno già presentato le prime offerte.")
    assert detect_language([normalize(article)]) == "it"
    r = clean("\n".join(["Fibra ottica, via libera al piano per le aree rurali", article,
                         "Il tuo carrello è vuoto", "Aggiungi al carrello", "Di Giulia Conti"]),
              input_type="text", filters=[Ecommerce(), Byline()])
    assert r.metadata.language == "it"
    assert [(b.text, b.dropped_by, b.reason) for b in r.dropped] == [
        ("Il tuo carrello è vuoto", "ecommerce", "cart_empty"),
        ("Aggiungi al carrello", "ecommerce", "shop_button"),
        ("Di Giulia Conti", "byline", "byline"),
    ]
    assert r.metadata.byline == "Giulia Conti"


def test_languages_are_back_to_the_package_data_after_the_fixture():
    assert "it" not in _phrases.languages()
