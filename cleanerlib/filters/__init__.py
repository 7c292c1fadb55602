"""The built-in filters and the default pipeline.

Each filter lives in its own module and is registered by name; ``default_filters()`` returns a
fresh list of instances in the order the default pipeline runs them.
"""

from __future__ import annotations

from .byline import Byline
from .chrome import PageChrome
from .ecommerce import Ecommerce
from .main_content import MainContent
from .repeats import RepeatedParagraphs
from .site_template import SiteTemplate
from .teasers import CrossPromo

__all__ = ["Byline", "CrossPromo", "Ecommerce", "MainContent", "PageChrome", "RepeatedParagraphs", "SiteTemplate",
           "default_filters"]


def default_filters() -> list:
    """Fresh instances of the default pipeline's filters, in order."""
    return [MainContent(), Ecommerce(), PageChrome(), Byline(), CrossPromo(), RepeatedParagraphs()]
