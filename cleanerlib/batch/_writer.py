"""Writing the output JSONL(.gz) with checkpoints, and the resume protocol.

Output records are written in input order, exactly one per input record, so "how far did we
get" is one number: the count of complete records at the start of the output. Every
``checkpoint_every`` records the writer makes that number durable:

1. the output is flushed and fsync'ed; for ``.gz`` output the current gzip member is finished
   first, so the file is a complete multi-member gzip stream up to this point;
2. ``OUTPUT.checkpoint.json`` is replaced atomically (write, fsync, rename) with the record
   count, the output's byte size at that point, the run summary so far, and the *identity* of
   the run (inputs with their sizes, the cleaner config, field names, provenance format, site
   profile file stats, cleanerlib's version and a digest of its code and data).

A run killed at any moment leaves a checkpoint that describes a prefix of the output. With
``--resume``, the writer checks that the identity matches (refusing otherwise: resuming with
other inputs or settings would splice two different runs), truncates the output to the
checkpointed size (dropping the records written after it, and any half-written line or gzip
member), and the runner skips that many input records. Records after the checkpoint are cleaned
again; since cleaning is deterministic, the output is the same as an uninterrupted run's. For
``.gz`` output, members end at the same record counts as in an uninterrupted run and their
headers carry no timestamp, so even the compressed bytes are identical.

A finished run marks its checkpoint ``complete``; resuming it again does nothing.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path
from typing import IO, Any, Mapping

from ._errors import BatchError
from ._summary import Summary

__all__ = ["OutputWriter", "CHECKPOINT_FORMAT", "checkpoint_path"]

CHECKPOINT_FORMAT = "cleanerlib-batch-checkpoint/1"


def checkpoint_path(output: Path) -> Path:
    return output.with_name(output.name + ".checkpoint.json")


def _fsync(f: IO[Any]) -> None:
    f.flush()
    os.fsync(f.fileno())


class OutputWriter:
    """Appends output lines; ``records``/``summary`` say where the run starts (0, or resumed)."""

    def __init__(self, output: str, *, identity: Mapping[str, Any], resume: bool = False,
                 overwrite: bool = False, checkpoint_every: int = 1000, stdout: IO[bytes] | None = None,
                 notes: IO[str] | None = None) -> None:
        if checkpoint_every < 1:
            raise BatchError(f"checkpoint_every must be at least 1, got {checkpoint_every}")
        self.identity = json.loads(json.dumps(identity))  # as it will read back from the file
        self.every = checkpoint_every
        self.records = 0
        self.summary = Summary()
        self.complete = False
        self.gz = output.endswith(".gz")
        self._z: Any = None
        self._notes = notes or sys.stderr
        if output == "-":
            if resume:
                raise BatchError("--resume needs an output file, not standard output")
            self.path = None
            self.ckpt = None
            self._f: IO[bytes] = stdout if stdout is not None else sys.stdout.buffer
            self._start_member()
            return
        self.path = Path(output)
        self.ckpt = checkpoint_path(self.path)
        if resume:
            self._open_resumed()
        else:
            if (self.path.exists() or self.ckpt.exists()) and not overwrite:
                raise BatchError(f"{output} already exists: pass --resume to continue that run, "
                                 "or --overwrite to start again")
            self.ckpt.unlink(missing_ok=True)
            self._f = self.path.open("wb")
        self._start_member()

    def _open_resumed(self) -> None:
        assert self.path is not None and self.ckpt is not None
        if not self.ckpt.exists():
            if self.path.exists() and self.path.stat().st_size:
                print(f"cleanerlib batch: {self.path} has no checkpoint (the run stopped before its first); "
                      "starting again", file=self._notes)
            self._f = self.path.open("wb")
            return
        try:
            state = json.loads(self.ckpt.read_text(encoding="utf-8"))
            if state.get("format") != CHECKPOINT_FORMAT:
                raise ValueError(f"unknown format {state.get('format')!r}")
        except (OSError, ValueError) as e:
            raise BatchError(f"cannot read the checkpoint {self.ckpt}: {e}") from None
        if state["identity"] != self.identity:
            diff = sorted(k for k in set(state["identity"]) | set(self.identity)
                          if state["identity"].get(k) != self.identity.get(k))
            raise BatchError(f"cannot resume {self.path}: it was started with different {', '.join(diff)}; "
                             "pass the same inputs and options, or --overwrite to start again")
        size = self.path.stat().st_size if self.path.exists() else -1
        if size < state["bytes"]:
            raise BatchError(f"cannot resume {self.path}: it is shorter ({max(size, 0)} bytes) than its "
                             f"checkpoint says ({state['bytes']} bytes); it was changed after the run")
        self.records = state["records"]
        self.summary = Summary.from_dict(state["summary"])
        self.complete = bool(state.get("complete"))
        self._f = self.path.open("r+b")
        self._f.truncate(state["bytes"])
        self._f.seek(state["bytes"])

    # -- writing -----------------------------------------------------------------------------
    def _start_member(self) -> None:
        if self.gz:
            # wbits=31: a gzip member whose header has no name and a zero timestamp
            self._z = zlib.compressobj(6, zlib.DEFLATED, 31)

    def write(self, line: str) -> None:
        data = line.encode("utf-8") + b"\n"
        self._f.write(self._z.compress(data) if self.gz else data)
        self.records += 1
        if self.records % self.every == 0:
            self.checkpoint()

    def _end_member(self) -> None:
        if self.gz:
            self._f.write(self._z.flush(zlib.Z_FINISH))
            self._start_member()

    def checkpoint(self, *, complete: bool = False) -> None:
        """Make everything written so far durable and record how far that is."""
        self._end_member()
        if self.path is None:
            self._f.flush()
            return
        _fsync(self._f)
        state = {"format": CHECKPOINT_FORMAT, "records": self.records, "bytes": self._f.tell(),
                 "complete": complete, "identity": self.identity, "summary": self.summary.to_dict()}
        tmp = self.ckpt.with_name(self.ckpt.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(state, f, ensure_ascii=False, indent=1)
            _fsync(f)
        os.replace(tmp, self.ckpt)

    def finish(self) -> None:
        self.checkpoint(complete=True)
        self.complete = True
        self.close()

    def close(self) -> None:
        if self.path is not None and not self._f.closed:
            self._f.close()
