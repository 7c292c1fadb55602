"""Dataset builds on one machine: clean JSONL/WARC inputs on all cores into JSONL, resumably.

    cleanerlib batch INPUT... -o OUTPUT.jsonl.gz [--workers N] [--resume] [--site-profile FILE]

From Python, :func:`run_batch` and :func:`build_profile` do what the two commands do. The
design (readers, the worker pool with its time limit, the checkpoint/resume protocol) is
described in the docstrings of the private modules and in ``docs/dataset-builds.md``.
"""

from ._errors import BatchError, CorruptInput, InvalidRecord, MissingField, NotHTML, RecordError, WorkerCrashed
from ._runner import BatchResult, ProfileResult, build_profile, default_workers, run_batch
from ._work import Fields

__all__ = [
    "BatchError",
    "BatchResult",
    "CorruptInput",
    "Fields",
    "InvalidRecord",
    "MissingField",
    "NotHTML",
    "ProfileResult",
    "RecordError",
    "WorkerCrashed",
    "build_profile",
    "default_workers",
    "run_batch",
]
