"""See what the cleaner did: a terminal view of every block and why it was kept or dropped.

    >>> from cleanerlib import clean
    >>> from cleanerlib.report import explain
    >>> explain(clean(page))             # every block in the terminal, dropped ones annotated

Command line: ``cleanerlib clean FILE --explain``. Everything here only reads a
:class:`~cleanerlib.CleanResult`, so it can be used on results loaded back with
``CleanResult.from_dict``.
"""

from ._terminal import explain

__all__ = ["explain"]
