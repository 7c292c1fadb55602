"""A process pool that returns results in input order and enforces a per-record time limit.

Why not ``multiprocessing.Pool`` or ``concurrent.futures``: neither can stop one task that
hangs. A pathological page (a regex blow-up, a parser stuck in native code) would hold its
worker forever, and ``Cleaner(time_budget=...)`` cannot help, as it is only checked between
stages. Here each worker gets one record at a time over its own pipe, the main process knows
when each record was handed out, and a worker that exceeds the limit is killed and replaced;
its record gets a ``TimeLimitExceeded`` error result. A worker that dies (a crash in native
code, the OOM killer) is replaced the same way and its record gets ``WorkerCrashed``. Nothing
is retried: a record that killed one worker would likely kill the next.

Workers are started with the ``spawn`` method on every platform: a forked child would inherit
the parent's threads (the progress bar's monitor) and open handles, and ``spawn`` is what macOS
and Windows use anyway, so the code path is the same everywhere. The job object and the
records are pickled; the job's ``setup()`` runs once in each worker.

Memory is bounded: at most ``window`` records are between the reader and the writer at any
time (being cleaned, or cleaned and waiting for an earlier, slower record).
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from multiprocessing.connection import Connection, wait
from typing import Any, Iterable, Iterator, Protocol

from ._errors import BatchError

__all__ = ["WorkerPool"]

_CTX = mp.get_context("spawn")
#: how long a new worker may take to import cleanerlib and build its cleaner
_START_TIMEOUT = 300.0


class Job(Protocol):
    def setup(self) -> Any: ...

    def failure(self, item: Any, error_type: str, message: str) -> Any: ...


def _serve(conn: Connection, job: Job) -> None:
    """A worker's life: build the job's processor, then process records until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    try:
        process = job.setup()
    except BaseException as e:  # noqa: BLE001 - reported to the main process, which stops
        conn.send(("init_error", f"{type(e).__name__}: {e}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):  # the main process is gone
            return
        if msg is None:
            return
        seq, item = msg
        conn.send((seq, process(item)))


class _Worker:
    def __init__(self, job: Job) -> None:
        parent, child = _CTX.Pipe()
        self.process = _CTX.Process(target=_serve, args=(child, job), daemon=True,
                                    name="cleanerlib-batch-worker")
        self.process.start()
        child.close()
        self.conn = parent
        self.ready = False
        self.seq: int | None = None
        self.item: Any = None
        self.deadline: float | None = None
        self.started = time.monotonic()

    def stop(self, *, force: bool = False) -> None:
        if not force:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``workers`` processes running ``job``; :meth:`imap` yields outcomes in input order.

    ``time_limit`` is the wall-clock seconds one record may take (``None``: no limit).
    Use as a context manager, so the workers are stopped however the run ends.
    """

    def __init__(self, job: Job, *, workers: int, time_limit: float | None = None,
                 window: int | None = None) -> None:
        if workers < 1:
            raise BatchError(f"workers must be at least 1, got {workers}")
        if time_limit is not None and time_limit <= 0:
            raise BatchError(f"the time limit must be positive, got {time_limit}")
        self.job = job
        self.n = workers
        self.time_limit = time_limit
        self.window = window or workers * 8 + 16
        self.workers: list[_Worker] = []
        self.replaced = 0

    def __enter__(self) -> "WorkerPool":
        self.workers = [_Worker(self.job) for _ in range(self.n)]
        return self

    def __exit__(self, *exc: object) -> None:
        for w in self.workers:
            w.stop(force=exc[0] is not None)
        self.workers = []

    # -- running -----------------------------------------------------------------------------
    def imap(self, jobs: Iterable[tuple[bool, Any]]) -> Iterator[Any]:
        """Outcomes of ``jobs`` in order; a job is ``(True, item)`` to process in a worker or
        ``(False, outcome)``, an outcome already known (it keeps its place in the order)."""
        if not self.workers:
            raise BatchError("use the pool as a context manager: with WorkerPool(...) as pool")
        it = iter(jobs)
        exhausted = False
        pending: tuple[bool, Any] | None = None
        results: dict[int, Any] = {}
        next_in = next_out = 0
        while True:
            while not exhausted and next_in - next_out < self.window:
                if pending is None:
                    try:
                        pending = next(it)
                    except StopIteration:
                        exhausted = True
                        break
                todo, payload = pending
                if not todo:
                    results[next_in] = payload
                    next_in += 1
                    pending = None
                    continue
                idle = next((w for w in self.workers if w.ready and w.seq is None), None)
                if idle is None:
                    break
                if self._send(idle, next_in, payload):
                    next_in += 1
                    pending = None
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            if exhausted and pending is None and next_out == next_in:
                return
            if not any(w.seq is not None or not w.ready for w in self.workers):
                # nothing to wait for: the window was full, and every record in it is now out
                # (a slow record held it while the other workers finished the rest); refill
                continue
            self._wait(results)

    def _send(self, w: _Worker, seq: int, item: Any) -> bool:
        try:
            w.conn.send((seq, item))
        except (OSError, ValueError):  # it died while idle: replace it, the record waits
            self._replace(w)
            return False
        w.seq, w.item = seq, item
        w.deadline = time.monotonic() + self.time_limit if self.time_limit else None
        return True

    def _replace(self, w: _Worker) -> None:
        w.stop(force=True)
        self.workers[self.workers.index(w)] = _Worker(self.job)
        self.replaced += 1

    def _fail(self, w: _Worker, results: dict[int, Any], error_type: str, message: str) -> None:
        if w.seq is not None:
            results[w.seq] = self.job.failure(w.item, error_type, message)
        self._replace(w)

    def _wait(self, results: dict[int, Any]) -> None:
        now = time.monotonic()
        deadlines = [w.deadline for w in self.workers if w.seq is not None and w.deadline is not None]
        deadlines += [w.started + _START_TIMEOUT for w in self.workers if not w.ready]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        handles: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        ready = set(wait(handles, timeout))
        for w in list(self.workers):
            if w.conn in ready:
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    msg = None
                if msg is None:  # the pipe closed: the process is gone
                    self._died(w, results)
                elif not w.ready:
                    if msg[0] == "init_error":
                        raise BatchError(f"a worker could not start: {msg[1]}")
                    w.ready = True
                else:
                    seq, outcome = msg
                    results[seq] = outcome
                    w.seq = w.item = w.deadline = None
            elif w.process.sentinel in ready:
                self._died(w, results)
        now = time.monotonic()
        for w in list(self.workers):
            if w.seq is not None and w.deadline is not None and now >= w.deadline:
                self._fail(w, results, "TimeLimitExceeded",
                           f"cleaning took longer than the time limit of {self.time_limit:g}s; "
                           "its worker process was replaced")
            elif not w.ready and now >= w.started + _START_TIMEOUT:
                raise BatchError(f"a worker did not start within {_START_TIMEOUT:g}s")

    def _died(self, w: _Worker, results: dict[int, Any]) -> None:
        w.process.join(timeout=5)  # collect the exit code
        if not w.ready:
            raise BatchError(f"a worker exited while starting (exit code {w.process.exitcode})")
        self._fail(w, results, "WorkerCrashed",
                   f"the worker process exited with code {w.process.exitcode} while cleaning this record")
