"""Errors a batch run records for a record instead of stopping.

They join the library's tree (:mod:`cleanerlib._exceptions`) so a caller can catch
``CleanerlibError`` as before::

    CleanerlibError
    ├── InputError
    │   └── RecordError          (a record the batch cannot turn into a page)
    │       ├── InvalidRecord    (not JSON, not an object, a field of the wrong type)
    │       ├── MissingField     (no content field)
    │       ├── NotHTML          (a WARC response whose content type is not a web page)
    │       └── CorruptInput     (unreadable bytes: a corrupt gzip member, a broken WARC)
    ├── TimeLimitExceeded        (the record's worker was replaced after the time limit)
    └── WorkerCrashed            (the worker process died while cleaning the record)

In an output record they appear as ``{"type": <class name>, "message": <str(exception)>}``;
``BatchError`` is the one that stops a run (bad arguments, a resume that does not match).
"""

from __future__ import annotations

from .._exceptions import CleanerlibError, InputError

__all__ = ["BatchError", "RecordError", "InvalidRecord", "MissingField", "NotHTML", "CorruptInput",
           "WorkerCrashed"]


class BatchError(CleanerlibError):
    """The run as a whole cannot go on (reported on stderr, exit status 2)."""


class RecordError(InputError):
    """A record the batch cannot turn into a page."""


class InvalidRecord(RecordError):
    """Not a JSON object, or a field of the wrong type."""


class MissingField(RecordError):
    """The record has none of the content fields."""


class NotHTML(RecordError):
    """A WARC response whose payload is not a web page (an image, a PDF, a script)."""


class CorruptInput(RecordError):
    """Bytes of the input that cannot be read back (a corrupt gzip member, a broken WARC)."""


class WorkerCrashed(CleanerlibError):
    """The worker process died while cleaning the record (a crash in native code, the OOM killer)."""
