"""The public surface: one flat ``__all__``, asserted exactly so nothing leaks by accident.

When a name is added to ``cleanerlib.__all__`` on purpose, add it to ``PUBLIC_NAMES`` here.
"""

from __future__ import annotations

import inspect

import cleanerlib

PUBLIC_NAMES = [
    "Block",
    "CleanResult",
    "Cleaner",
    "CleanerlibError",
    "ConfigError",
    "Deadline",
    "DecodeError",
    "Document",
    "Drop",
    "Filter",
    "Hints",
    "InputError",
    "Kind",
    "Metadata",
    "Pipeline",
    "REVIEW_REASONS",
    "SiteProfile",
    "Span",
    "TimeLimitExceeded",
    "UnsupportedInputError",
    "__version__",
    "clean",
    "default_filters",
    "register",
    "registered_filters",
]


def test_all_is_exactly_the_public_names():
    assert sorted(cleanerlib.__all__) == sorted(PUBLIC_NAMES)
    assert len(set(cleanerlib.__all__)) == len(cleanerlib.__all__)


def test_every_public_name_exists():
    for name in PUBLIC_NAMES:
        assert hasattr(cleanerlib, name), name


def test_star_import_gives_the_public_names():
    namespace: dict = {}
    exec("from cleanerlib import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(PUBLIC_NAMES)


def test_exception_hierarchy():
    e = cleanerlib
    assert issubclass(e.InputError, e.CleanerlibError) and issubclass(e.InputError, ValueError)
    assert issubclass(e.UnsupportedInputError, e.InputError) and issubclass(e.UnsupportedInputError, TypeError)
    assert issubclass(e.DecodeError, e.InputError)
    assert issubclass(e.ConfigError, e.CleanerlibError) and issubclass(e.ConfigError, ValueError)
    assert issubclass(e.TimeLimitExceeded, e.CleanerlibError) and issubclass(e.TimeLimitExceeded, TimeoutError)


def test_options_are_keyword_only():
    for func in (cleanerlib.Cleaner.__init__,):
        params = list(inspect.signature(func).parameters.values())[1:]
        assert all(p.kind is p.KEYWORD_ONLY for p in params)
    clean_params = inspect.signature(cleanerlib.clean).parameters
    assert [p.kind for p in clean_params.values()][1:] == [inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD]


def test_version_and_typed_marker():
    assert cleanerlib.__version__ == "0.1.0"
    import importlib.resources

    assert importlib.resources.files("cleanerlib").joinpath("py.typed").is_file()
