"""The built-in filters and the default pipeline.

Each filter lives in its own module and is registered by name; ``default_filters()`` returns a
fresh list of instances in the order the default pipeline runs them.
"""

from __future__ import annotations

from .main_content import MainContent

__all__ = ["MainContent", "default_filters"]


def default_filters() -> list:
    """Fresh instances of the default pipeline's filters, in order."""
    return [MainContent()]
