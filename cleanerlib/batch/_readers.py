"""Reading batch inputs: JSONL (plain or gzip) and WARC files, from paths, folders, globs or stdin.

Readers only *frame* records (split lines, cut WARC records out of the stream) and hand each
one on as a small tuple; parsing JSON and cleaning happen in the worker processes, so the
reading process is never the bottleneck. Framing is deterministic: the same inputs give the
same records in the same order, which is what makes ``--resume`` (skip the first N records)
exact.

Damage is reported, not fatal. A corrupt gzip member becomes one ``CorruptInput`` record and
reading goes on at the next member; a WARC stream that breaks is resumed at the next record
that can be found. Records are never silently dropped, only WARC records that are not pages
(``warcinfo``, ``request``, ``metadata``, ``revisit``) are skipped, as they carry no page.

WARC parsing uses FastWARC (from the Resiliparse project) rather than warcio:

- it is several times faster than warcio at iterating records (its C++/Rust core does the
  parsing and gzip decoding), which matters when the cleaning itself runs on many cores and
  one process reads for all of them;
- it decodes chunked transfer and gzip/brotli content encodings itself (``auto_decode``);
- it ships binary wheels for Linux, macOS and Windows, so it adds no build step;
- records can be filtered by type before their payload is read.

warcio's advantage, pure Python and ARC support, does not matter here: ARC files predate
the pages cleanerlib targets.
"""

from __future__ import annotations

import glob
import io
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator, Sequence, Union

from ._errors import BatchError

__all__ = ["Source", "expand_inputs", "iter_items", "JSONL_SUFFIXES", "WARC_SUFFIXES"]

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
FORMATS = ("auto", "jsonl", "warc")

_GZIP_MAGIC = b"\x1f\x8b\x08"
_CHUNK = 1 << 20
#: a gzip member's output is held back until its checksum is verified, up to this size, so a
#: corrupt member yields no half-garbled records; larger members are passed on as they come
_MEMBER_HOLD = 32 << 20
#: content types cleaned as pages; a response of any other type becomes a NotHTML record
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")

# What readers yield (plain tuples: cheap to pickle to the worker processes):
#   ("jsonl", source, line_no, raw_line)
#   ("warc", source, ordinal, record_id, url, content_type, body)
#   ("error", source, where, id, url, error_type, message)
Item = tuple


@dataclass(frozen=True)
class Source:
    """One input: a file (``path``) or standard input (``path is None``), and its format."""

    name: str
    path: Path | None
    format: str

    def identity(self) -> list[object]:
        """What a checkpoint remembers of this input, to refuse resuming on different data."""
        if self.path is None:
            return [self.name, self.format, None]
        return [self.name, self.format, self.path.stat().st_size]


def _format_of(name: str, requested: str) -> str | None:
    if requested != "auto":
        return requested
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def _sniff(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(4096)
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return "jsonl"
    return "warc" if head.startswith(b"WARC/") else "jsonl"


def expand_inputs(specs: Sequence[str], *, input_format: str = "auto") -> list[Source]:
    """Resolve command-line inputs to sources, in a deterministic order.

    ``-`` is standard input; a folder contributes every JSONL/WARC file below it (sorted by
    path); a pattern with ``*``, ``?`` or ``[`` is globbed (``**`` recurses; sorted). Anything
    that does not exist is an error before any work starts.
    """
    if input_format not in FORMATS:
        raise BatchError(f"input format must be one of {', '.join(FORMATS)}, got {input_format!r}")
    sources: list[Source] = []
    for spec in specs:
        if spec == "-":
            sources.append(Source("-", None, input_format))
            continue
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _format_of(p.name, "auto"))
            if not found:
                raise BatchError(f"no JSONL or WARC files in folder {spec!r} (looked for "
                                 f"{', '.join(JSONL_SUFFIXES + WARC_SUFFIXES)})")
            sources.extend(Source(str(p), p, _format_of(p.name, input_format) or "jsonl") for p in found)
        elif path.is_file():
            fmt = _format_of(path.name, input_format) or _sniff(path)
            sources.append(Source(spec, path, fmt))
        elif glob.has_magic(spec):
            found = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
            if not found:
                raise BatchError(f"no input matches {spec!r}")
            sources.extend(Source(str(p), p, _format_of(p.name, input_format) or _sniff(p)) for p in found)
        else:
            raise BatchError(f"no such input: {spec!r}")
    if sum(s.path is None for s in sources) > 1:
        raise BatchError("standard input ('-') can be given only once")
    return sources


# ----------------------------------------------------------------------------------- gzip


@dataclass(frozen=True)
class _Corrupt:
    offset: int
    message: str


def _gunzip(f: IO[bytes], *, seekable: bool) -> Iterator[Union[bytes, _Corrupt]]:
    """Decompressed bytes of a (multi-member) gzip stream; damage comes out as ``_Corrupt``.

    Each member's output is held back until the member's CRC checks out (up to
    ``_MEMBER_HOLD``), so a corrupt member yields no garbled lines. After a corrupt member,
    reading resumes at the next gzip header found in the file (seekable inputs only).
    """
    base = f.tell() if seekable else 0  # file offset of buf[0]
    buf = b""
    eof = False
    while True:
        member = base
        d = zlib.decompressobj(31)
        held: list[bytes] = []
        held_size = 0
        try:
            while True:
                if not buf:
                    if eof:
                        break
                    buf = f.read(_CHUNK)
                    if not buf:
                        eof = True
                        break
                out = d.decompress(buf, _CHUNK)
                if d.eof:
                    rest = d.unused_data
                    base += len(buf) - len(rest)
                    buf = rest
                else:
                    rest = d.unconsumed_tail
                    base += len(buf) - len(rest)
                    buf = rest
                if out:
                    held.append(out)
                    held_size += len(out)
                    if held_size > _MEMBER_HOLD:  # too big to hold: pass it on unverified
                        yield from held
                        held, held_size = [], 0
                if d.eof:
                    break
        except zlib.error as e:
            yield _Corrupt(member, f"corrupt gzip member at byte {member} ({e}); "
                                   "the records it held are lost")
            if not seekable:
                return
            f.seek(member + 1)
            found = _find(f, _GZIP_MAGIC)
            if found is None:
                return
            base, buf, eof = found, b"", False
            f.seek(found)
            continue
        if not d.eof:
            if member == base and not held:
                return  # end of the file, cleanly between members
            yield from held  # what was inflated before the end is sound, only unverified
            yield _Corrupt(member, f"truncated gzip member at byte {member}: the file ends inside it; "
                                   "records after its last complete line are lost")
            return
        yield from held
        if eof and not buf:
            return
        # whatever follows is the next member; bytes that are not one fail its header check
        # above and are reported like any corrupt member


def _find(f: IO[bytes], needle: bytes) -> int | None:
    """Offset of the next ``needle`` at or after the current position, or None."""
    pos = f.tell()
    tail = b""
    while True:
        chunk = f.read(_CHUNK)
        if not chunk:
            return None
        data = tail + chunk
        i = data.find(needle)
        if i >= 0:
            return pos - len(tail) + i
        tail = data[-(len(needle) - 1):]
        pos += len(chunk)


# ----------------------------------------------------------------------------------- JSONL


def _jsonl_items(name: str, f: IO[bytes], *, seekable: bool) -> Iterator[Item]:
    head = f.peek(3)[:3] if hasattr(f, "peek") else b""
    if not hasattr(f, "peek"):
        head = f.read(3)
        f = _Prefixed(head, f)  # type: ignore[assignment]
    if head.startswith(_GZIP_MAGIC):
        chunks: Iterator[Union[bytes, _Corrupt]] = _gunzip(f, seekable=seekable)
    else:
        chunks = iter(lambda: f.read(_CHUNK), b"")
    line_no = 0
    partial = b""
    for chunk in chunks:
        if isinstance(chunk, _Corrupt):  # one error record per damaged region
            if partial.strip():  # a line cut short by the damage
                line_no += 1
                yield ("error", name, f"{name}:{line_no}", line_no, None, "CorruptInput",
                       f"line {line_no} is incomplete: {chunk.message}")
            else:
                yield ("error", name, f"{name}@{chunk.offset}", None, None, "CorruptInput", chunk.message)
            partial = b""
            continue
        lines = (partial + chunk).split(b"\n")
        partial = lines.pop()
        for line in lines:
            line_no += 1
            if line.strip():
                yield ("jsonl", name, line_no, line)
    if partial.strip():
        yield ("jsonl", name, line_no + 1, partial)


class _Prefixed(io.RawIOBase):
    """A stream with some already-read bytes put back in front."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if self._prefix:
            out, self._prefix = self._prefix, b""
            if n is None or n < 0:
                return out + self._rest.read()
            return out + self._rest.read(max(0, n - len(out)))
        return self._rest.read(n)


# ------------------------------------------------------------------------------------ WARC


def _content_type(value: str | None) -> str | None:
    return value.split(";", 1)[0].strip().lower() or None if value else None


def _warc_items(name: str, f: IO[bytes], *, seekable: bool) -> Iterator[Item]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    if not seekable:
        # FastWARC needs to seek: spool the stream to a temporary file (disk, not memory)
        with tempfile.TemporaryFile(prefix="cleanerlib-warc-") as spool:
            shutil.copyfileobj(f, spool, _CHUNK)
            spool.seek(0)
            yield from _warc_items(name, spool, seekable=True)
        return
    head = f.read(3)
    gz = head.startswith(_GZIP_MAGIC)
    f.seek(0)
    marker = _GZIP_MAGIC if gz else b"WARC/1."
    ordinal = 0
    start = 0
    damaged = False  # inside a damaged region: one error record for all of it
    while True:
        last = start  # where the last good record (or this attempt) started
        try:
            records = ArchiveIterator(f, record_types=WarcRecordType.response | WarcRecordType.resource,
                                      parse_http=True, auto_decode="all")
            for rec in records:
                last = rec.stream_pos
                damaged = False
                ordinal += 1
                rid = rec.record_id
                url = rec.headers.get("WARC-Target-URI")
                try:
                    if rec.record_type == WarcRecordType.response:
                        ctype = _content_type(rec.http_content_type) if rec.is_http else None
                    else:
                        ctype = _content_type(rec.headers.get("Content-Type"))
                    body = rec.reader.read()
                except (OSError, ValueError) as e:
                    yield ("error", name, f"{name}#{ordinal}", rid, url, "CorruptInput",
                           f"WARC record {ordinal} cannot be read: {e}")
                    continue
                if ctype is not None and not ctype.startswith(_PAGE_TYPES):
                    yield ("error", name, f"{name}#{ordinal}", rid, url, "NotHTML",
                           f"WARC record {ordinal} holds {ctype!r}, not a web page")
                    continue
                yield ("warc", name, ordinal, rid, url, ctype, body)
            return
        except BaseException as e:  # OSError, or a panic of FastWARC's native code
            if isinstance(e, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            if not damaged:
                yield ("error", name, f"{name}@{last}", None, None, "CorruptInput",
                       f"the WARC stream breaks after byte {last} ({type(e).__name__}: {e}); "
                       "reading resumes at the next record found")
            damaged = True
            f.seek(last + 1)
            found = _find(f, marker)
            if found is None:
                return
            f.seek(found)
            start = found


# ----------------------------------------------------------------------------------- entry


def iter_items(source: Source, *, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every record of one source, in order; a file that cannot be opened is one error record."""
    if source.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        fmt = source.format
        if fmt == "auto":
            head = stream.peek(5)[:5] if hasattr(stream, "peek") else b""
            fmt = "warc" if head.startswith(b"WARC/") else "jsonl"
        reader = _warc_items if fmt == "warc" else _jsonl_items
        yield from reader(source.name, stream, seekable=False)
        return
    try:
        f = source.path.open("rb")
    except OSError as e:
        yield ("error", source.name, source.name, None, None, "CorruptInput",
               f"cannot open {source.name}: {e.strerror or e}")
        return
    with f:
        reader = _warc_items if source.format == "warc" else _jsonl_items
        try:
            yield from reader(source.name, f, seekable=True)
        except OSError as e:  # the disk, not the data: say so and go on with the next input
            yield ("error", source.name, source.name, None, None, "CorruptInput",
                   f"reading {source.name} failed: {e}")

