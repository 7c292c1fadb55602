"""Running a batch: inputs -> worker processes -> ordered, checkpointed output; and profile builds.

The main process reads (frames) records, hands them to the workers, and writes the outcomes
in input order; it holds at most a window of records at a time, so memory stays bounded
whatever the input size. Results do not depend on the number of workers: each record is
cleaned on its own by the same cleaner config, and output order is input order.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Mapping, Sequence

from .._cleaner import Cleaner
from .._site_profile import SiteProfile
from ._errors import BatchError
from ._pool import WorkerPool
from ._readers import Source, expand_inputs, iter_items
from ._summary import Summary
from ._work import PROVENANCE, CleanJob, Fields, FitJob
from ._writer import OutputWriter

__all__ = ["run_batch", "build_profile", "default_workers", "BatchResult", "ProfileResult"]

#: seconds one record may take before its worker is replaced (a page that takes this long is
#: pathological: the slowest of the 990 eval pages takes well under a second)
DEFAULT_TIME_LIMIT = 60.0


def default_workers() -> int:
    """All cores this process may use (the CPU affinity mask, not just the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _progress(enabled: bool | None, stream: IO[str], initial: int, desc: str) -> Any:
    from tqdm import tqdm

    show = stream.isatty() if enabled is None else enabled
    return tqdm(desc=desc, unit=" pages", initial=initial, disable=not show, file=stream,
                dynamic_ncols=True, smoothing=0.1, mininterval=0.5)


def _items(sources: Sequence[Source], stdin: IO[bytes] | None) -> Iterator[tuple]:
    for source in sources:
        yield from iter_items(source, stdin=stdin)


def _jobs(items: Iterable[tuple], job: Any, skip: int = 0) -> Iterator[tuple[bool, Any]]:
    for n, item in enumerate(items):
        if n < skip:
            continue
        if item[0] == "error":  # a reader's verdict: no worker needed, it keeps its place
            yield False, job.failure(item, item[5], item[6])
        else:
            yield True, item


def _profile_stats(config: Mapping[str, Any]) -> list[list[Any]]:
    """Size and mtime of every site profile the cleaner reads: part of a run's identity."""
    out = []
    for spec in config.get("filters", []):
        path = (spec.get("params") or {}).get("profile")
        if spec.get("name") == "site_template" and path:
            try:
                st = Path(path).stat()
                out.append([path, st.st_size, st.st_mtime_ns])
            except OSError:
                raise BatchError(f"no site profile at {path!r}") from None
    return out


def code_identity() -> dict[str, str]:
    """cleanerlib's version and a digest of its code and phrase data: what cleaned the records.

    A resumed run must clean with the same code as the run it continues; a changed option is
    caught by the cleaner config, a changed rule only by this.
    """
    import cleanerlib

    root = Path(cleanerlib.__file__).resolve().parent
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json") and p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return {"version": cleanerlib.__version__, "digest": h.hexdigest()}


@dataclass(frozen=True)
class BatchResult:
    output: str
    summary: Summary
    new_records: int
    seconds: float
    resumed_from: int
    worker_replacements: int


def run_batch(
    inputs: Sequence[str],
    output: str,
    *,
    cleaner: Cleaner | None = None,
    workers: int | None = None,
    resume: bool = False,
    overwrite: bool = False,
    fields: Fields = Fields(),
    provenance: str = "compact",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    checkpoint_every: int = 1000,
    input_format: str = "auto",
    progress: bool | None = None,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
    stderr: IO[str] | None = None,
) -> BatchResult:
    """Clean every record of ``inputs`` into ``output`` (JSONL, gzip when it ends in ``.gz``).

    Every input record yields exactly one output record, in input order. See
    :mod:`cleanerlib.batch._writer` for the checkpoint and ``resume`` protocol and
    :mod:`cleanerlib.batch._pool` for the time limit.
    """
    stderr = stderr or sys.stderr
    if provenance not in PROVENANCE:
        raise BatchError(f"provenance must be one of {', '.join(PROVENANCE)}, got {provenance!r}")
    sources = expand_inputs(inputs, input_format=input_format)
    cleaner = cleaner or Cleaner()
    config = cleaner.to_config()
    identity = {
        "inputs": [s.identity() for s in sources],
        "cleaner": config,
        "fields": [list(fields.content), fields.url, fields.id],
        "provenance": provenance,
        "site_profiles": _profile_stats(config),
        "cleanerlib": code_identity(),
    }
    writer = OutputWriter(output, identity=identity, resume=resume, overwrite=overwrite,
                          checkpoint_every=checkpoint_every, stdout=stdout, notes=stderr)
    start_records = writer.records
    started = time.perf_counter()
    if writer.complete:
        writer.close()
        return BatchResult(output, writer.summary, 0, 0.0, start_records, 0)
    job = CleanJob(config, fields, provenance)
    bar = _progress(progress, stderr, start_records, "cleaning")
    pool = WorkerPool(job, workers=workers or default_workers(), time_limit=time_limit)
    try:
        with pool:
            for line, error_type, review, counts in pool.imap(_jobs(_items(sources, stdin), job, start_records)):
                writer.summary.add(error_type, review, counts)
                writer.write(line)
                bar.update(1)
        writer.finish()
    except BaseException:
        # Ctrl-C or an error of the run itself: the last periodic checkpoint stands, so a
        # resumed run cuts its gzip members where an uninterrupted one does
        writer.close()
        raise
    finally:
        bar.close()
    return BatchResult(output, writer.summary, writer.records - start_records,
                       time.perf_counter() - started, start_records, pool.replaced)


# ------------------------------------------------------------------------------- profiles


def shard_name(source: Source) -> str | None:
    """A profile shard's name: the digest of the input's bytes, so a file counts once
    whatever it is called (standard input has none and is always counted)."""
    if source.path is None:
        return None
    h = hashlib.blake2b(digest_size=16)
    with source.path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return f"blake2b:{h.hexdigest()}"


@dataclass(frozen=True)
class ProfileResult:
    path: Path
    summary: Summary
    skipped: tuple[str, ...]
    seconds: float
    stats: Mapping[str, int]


def build_profile(
    inputs: Sequence[str],
    output: str | os.PathLike,
    *,
    workers: int | None = None,
    fields: Fields = Fields(),
    input_type: str = "auto",
    min_chars: int = 20,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    input_format: str = "auto",
    progress: bool | None = None,
    stdin: IO[bytes] | None = None,
    stderr: IO[str] | None = None,
) -> ProfileResult:
    """Count the blocks of every page of ``inputs`` into the site profile file ``output``.

    An existing profile is extended. Each input file is one shard, committed when it has been
    read completely: a killed build loses only the file it was reading, and running the same
    command again counts only the files not yet in the profile.
    """
    stderr = stderr or sys.stderr
    sources = expand_inputs(inputs, input_format=input_format)
    path = Path(output)
    profile = SiteProfile.load(path, writable=True) if path.exists() else SiteProfile.create(path, min_chars=min_chars)
    if profile.min_chars != min_chars:
        profile.close()
        raise BatchError(f"{path} counts blocks of at least {profile.min_chars} characters, not {min_chars}")
    job = FitJob(fields, input_type, min_chars)
    summary = Summary()
    skipped: list[str] = []
    started = time.perf_counter()
    bar = _progress(progress, stderr, 0, "counting")
    try:
        with WorkerPool(job, workers=workers or default_workers(), time_limit=time_limit) as pool:
            for source in sources:
                shard = shard_name(source)
                if shard is not None and shard in profile.shards:
                    skipped.append(source.name)
                    continue

                def pages(source: Source = source) -> Iterator[tuple[str | None, tuple[str, ...]]]:
                    for site, fps, error_type in pool.imap(_jobs(iter_items(source, stdin=stdin), job)):
                        summary.add(error_type, None, {})
                        bar.update(1)
                        if error_type is None:
                            yield site, fps

                profile.add_pages(pages(), shard=shard)
        stats = profile.stats()
    finally:
        bar.close()
        profile.close()
    return ProfileResult(path, summary, tuple(skipped), time.perf_counter() - started, stats)
