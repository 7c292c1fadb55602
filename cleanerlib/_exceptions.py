"""Exceptions raised by cleanerlib.

Every error the library raises on purpose belongs to one tree, so a dataset build can catch
``CleanerlibError`` around a page and turn it into an error record without also swallowing
programming mistakes::

    CleanerlibError
    ├── InputError                (the page itself is unusable)          also a ValueError
    │   ├── UnsupportedInputError (not str/bytes/soup/lxml)              also a TypeError
    │   └── DecodeError           (bytes that are binary or undecodable)
    ├── ConfigError               (an unknown filter name, a bad option) also a ValueError
    └── TimeLimitExceeded         (the per-document time budget ran out) also a TimeoutError

Each carries a message meant for the person reading a batch summary, plus the context
(``detail`` attributes) a program needs to route the record.
"""

from __future__ import annotations

__all__ = [
    "CleanerlibError",
    "InputError",
    "UnsupportedInputError",
    "DecodeError",
    "ConfigError",
    "TimeLimitExceeded",
]


class CleanerlibError(Exception):
    """Base class of every error cleanerlib raises deliberately."""


class InputError(CleanerlibError, ValueError):
    """The document cannot be cleaned as given."""


class UnsupportedInputError(InputError, TypeError):
    """The document is of a type cleanerlib does not accept."""

    def __init__(self, obj: object) -> None:
        self.type_name = type(obj).__module__ + "." + type(obj).__qualname__
        super().__init__(
            f"cannot clean an object of type {self.type_name}: pass str, bytes, "
            "a BeautifulSoup object or an lxml element"
        )


class DecodeError(InputError):
    """Bytes that are not text in any encoding we can trust (binary files, garbage)."""

    def __init__(self, message: str, *, kind: str | None = None) -> None:
        #: a short machine-readable label such as ``"pdf"``, ``"png"``, ``"binary"``
        self.kind = kind
        super().__init__(message)


class ConfigError(CleanerlibError, ValueError):
    """A pipeline description or an option that cannot be honoured."""


class TimeLimitExceeded(CleanerlibError, TimeoutError):
    """Cleaning one document took longer than the caller's time budget."""

    def __init__(self, budget: float, stage: str) -> None:
        self.budget = budget
        self.stage = stage
        super().__init__(f"time budget of {budget:g}s exceeded during {stage}")
