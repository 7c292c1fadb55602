"""cleanerlib: clean article text from scraped tech-news pages, with a provenance map.

    >>> from cleanerlib import clean
    >>> result = clean(page)            # HTML or plain text; str, bytes, soup or lxml
    >>> result.text                     # the article
    >>> result.blocks                   # every block, kept or dropped, and why
"""

from ._cleaner import Cleaner, clean
from ._exceptions import (
    CleanerlibError,
    ConfigError,
    DecodeError,
    InputError,
    TimeLimitExceeded,
    UnsupportedInputError,
)
from ._model import REVIEW_REASONS, Block, CleanResult, Hints, Kind, Metadata, Span
from ._pipeline import Deadline, Document, Drop, Filter, Pipeline, register, registered_filters
from ._site_profile import SiteProfile
from .filters import default_filters

__version__ = "0.1.0"

__all__ = [
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
