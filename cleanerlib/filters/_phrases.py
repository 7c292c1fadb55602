"""Per-language phrase data, kept apart from the filters' logic.

Each language is one JSON file in ``data/`` (``en.json``, ``de.json``, ...); adding a language
is adding a file. A file holds a ``stopwords`` list (used to detect the document's language) and
one section per filter. Files are read once per process: the data is static, so this cannot
make one document's output depend on another's.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

__all__ = ["languages", "phrasebook", "section", "merged_section", "word_set"]


@cache
def languages() -> tuple[str, ...]:
    """Codes of the languages that have a data file, sorted."""
    folder = resources.files(__package__).joinpath("data")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@cache
def phrasebook(language: str) -> Mapping[str, Any]:
    """The whole data file of one language (read-only); empty for unknown languages."""
    if language not in languages():
        return MappingProxyType({})
    path = resources.files(__package__).joinpath("data", f"{language}.json")
    return _freeze(json.loads(path.read_text(encoding="utf-8")))


def section(language: str, name: str) -> Mapping[str, Any]:
    return phrasebook(language).get(name, MappingProxyType({}))


@cache
def merged_section(name: str, langs: tuple[str, ...] | None = None) -> Mapping[str, tuple[str, ...]]:
    """One filter's section across languages: each key maps to the union of phrase lists.

    Residue is often in another language than the article (an English share bar on a German
    page), so filters match the union of all languages unless configured otherwise.
    """
    out: dict[str, list[str]] = {}
    for lang in langs or languages():
        for key, values in section(lang, name).items():
            bucket = out.setdefault(key, [])
            for v in values if isinstance(values, (tuple, list)) else (values,):
                if v not in bucket:
                    bucket.append(v)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


@cache
def word_set(language: str, key: str) -> frozenset[str]:
    """A top-level list of one language's file as a set (e.g. its ``stopwords``)."""
    return frozenset(phrasebook(language).get(key, ()))
