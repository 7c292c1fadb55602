"""Normalisation for matching: sees through scraper differences, never changes returned text."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from cleanerlib import Cleaner
from cleanerlib._normalize import block_key, content_key, fingerprint, normalize, unmark, words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("It\u2019s \u201cfast\u201d", "It's \"fast\""),  # curly vs straight quotes
        ("2020\u20132024 \u2014 a range", "2020-2024 - a range"),  # dashes
        ("\ufb01le  \uff21BC", "file abc"),  # NFKC ligature, full-width letters
        ("no\u00a0break\u2009thin", "no break thin"),  # non-breaking and thin spaces
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("STRASSE", "stra\u00dfe"),  # casefold
        ("  Tabs\tand\n\nnewlines ", "tabs and newlines"),
        ("\u00abGuillemets\u00bb", '"guillemets"'),
    ],
)
def test_normalize_sees_through_scraper_differences(a, b):
    assert normalize(a) == normalize(b)


def test_normalize_exact_values():
    assert normalize("  Read MORE \u2192 ") == "read more \u2192"
    assert normalize("\u201cQuoted\u201d \u2013 Text") == '"quoted" - text'
    assert normalize("`tick\u00b4") == "'tick'"
    assert normalize("") == ""


def test_words_and_content_key_ignore_punctuation():
    assert words(normalize("Hello, World! It's 2025.")) == ["hello", "world", "it", "s", "2025"]
    assert content_key("Hello,   world!") == content_key("hello world") == "hello world"
    assert content_key("\u2192 \u2022 |") == ""


def test_fingerprint_is_blake2b_of_the_content_key():
    expected = hashlib.blake2b(b"hello world", digest_size=8).hexdigest()
    assert fingerprint("Hello, World!") == expected
    assert len(expected) == 16
    assert fingerprint("It\u2019s") == fingerprint("it's")


def test_fingerprint_is_stable_across_processes():
    code = "from cleanerlib._normalize import fingerprint; print(fingerprint('Chip makers race'))"
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2")
    }
    assert outs == {fingerprint("Chip makers race")}


def test_normalisation_never_changes_the_text_returned():
    source = "\u201cQuoted\u201d headline \u2014 with\u00a0spaces and \ufb01 ligature"
    result = Cleaner(filters=[], input_type="text").clean(source)
    assert result.text == source
    assert result.blocks[0].text == source


def test_characters_nfkc_would_rewrite_are_translated_first():
    assert normalize("it\u00b4s") == normalize("it's") == "it's"  # acute accent as apostrophe
    assert normalize("12\u2033 screen") == normalize('12" screen')  # double prime as inch mark


@pytest.mark.parametrize("marked, plain", [
    ("[87 Kommentare](https://forum.example.de/read.php?thread=1)", "87 Kommentare"),
    ("Themen: [Smart Home](https://example.de/s/), [Insolvenz](https://example.de/i/)", "Themen: Smart Home, Insolvenz"),
    ("[![Jane Doe's profile picture](https://cdn.example.com/a.png)](https://example.com/u/jd)",
     "Jane Doe's profile picture"),
    ("**Código descuento:** 10 % con ~~HOLA5~~ HOLA10", "Código descuento: 10 % con HOLA5 HOLA10"),
    ("### Cafetera superautomática", "Cafetera superautomática"),
    # code and arithmetic keep their characters: "2**10", "__init__", a hashtag
    ("2**10 calls to __init__ per #release", "2**10 calls to __init__ per #release"),
    ("A paragraph with no markup at all.", "A paragraph with no markup at all."),
    # a whole line in italics; not a bullet or a dunder name
    ("_Este artículo incluye enlaces de afiliado._", "Este artículo incluye enlaces de afiliado."),
    ("*Prices may have changed since publication.*", "Prices may have changed since publication."),
    ("__main__", "__main__"),
    ("* a bullet point *", "* a bullet point *"),
    # a text browser's link numbers go; footnote marks after a word stay
    ("By [4]Ioana Petrescu [5]Security", "By Ioana Petrescu Security"),
    ("Two studies[1] show it, see [2].", "Two studies[1] show it, see [2]."),
])
def test_unmark_reads_markdown_as_words(marked, plain):
    assert unmark(marked) == plain
    assert block_key(marked) == normalize(plain)


def test_markdown_escapes_read_as_the_characters_they_stand_for():
    assert unmark("\\| May 8 2025 - 9:41 am PT") == "| May 8 2025 - 9:41 am PT"
    assert unmark("\\*\\*not bold\\*\\*") == "**not bold**"  # escaped marks are not markup
    assert unmark("\\# not a heading") == "# not a heading"
    assert unmark("C:\\Users\\jane") == "C:\\Users\\jane"  # a backslash before a letter stays
