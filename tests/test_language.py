"""Document language from stopwords, and how the cleaner uses it."""

from __future__ import annotations

import pytest

from cleanerlib import Cleaner, Filter
from cleanerlib._language import detect_language
from cleanerlib._normalize import normalize
from cleanerlib.filters._phrases import languages


def detect(*texts: str) -> str | None:
    return detect_language(normalize(t) for t in texts)


def test_languages_with_phrase_data():
    assert set(languages()) >= {"en", "de", "fr", "es"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The company said that it would open the new plant in the spring of next year.", "en"),
        ("Das Unternehmen sagte, dass es die neue Fabrik im Fr\u00fchjahr des n\u00e4chsten Jahres er\u00f6ffnen werde.", "de"),
        ("L\u2019entreprise a d\u00e9clar\u00e9 qu\u2019elle ouvrirait la nouvelle usine au printemps de l\u2019ann\u00e9e prochaine.", "fr"),
        ("La empresa dijo que abrir\u00eda la nueva planta en la primavera del pr\u00f3ximo a\u00f1o.", "es"),
    ],
)
def test_detects_the_four_languages(text, lang):
    assert detect(text) == lang


def test_too_few_words_or_no_stopwords_give_none():
    assert detect("Chip fab") is None
    assert detect("1 2 3 4 5 6 7 8 9") is None
    assert detect("") is None


def test_a_close_call_gives_none():
    assert detect("the und and der chip fab news") is None


def test_many_texts_are_read_only_up_to_max_words():
    texts = ["der die das und ist"] * 3 + ["the and of to is"] * 1000
    assert detect_language((normalize(t) for t in texts), max_words=15) == "de"


class SeeLanguage(Filter):
    name = "test_see_language"

    def __init__(self) -> None:
        self.seen: list[str | None] = []

    def decide(self, doc):
        self.seen.append(doc.language)
        return ()


def test_the_cleaner_detects_forces_and_falls_back_to_the_page_language():
    probe = SeeLanguage()
    r = Cleaner(filters=[probe], input_type="text").clean(
        "Die Regierung hat am Montag neue Regeln f\u00fcr die Rechenzentren vorgestellt, die ab dem Sommer gelten.")
    assert r.metadata.language == "de" and probe.seen == ["de"]
    forced = Cleaner(filters=[probe], language="fr").clean("The plant will open in the spring of next year.")
    assert forced.metadata.language == "fr" and probe.seen[-1] == "fr"
    page = '<html lang="es-ES"><body><p>Chip fab</p></body></html>'
    assert Cleaner(filters=[]).clean(page).metadata.language == "es"
