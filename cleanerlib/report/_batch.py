"""Reading batch output for the summary report, tolerantly.

Accepted input: JSON Lines, one JSON object per page, optionally gzip-compressed (detected by
its magic bytes, whatever the file is called). Blank lines are skipped; a line that is not a
JSON object is counted and listed as unreadable rather than stopping the report. The records
``cleanerlib batch`` writes are read in all three of its provenance forms (``--provenance
full``, ``compact`` and ``none``); other producers may use any of the shapes below. In a record:

- ``id`` (or ``doc_id``; else the line number) and ``url`` (or ``metadata.url``) name the page;
- ``error``: a non-empty value marks a page that failed to clean; an object
  ``{"type": ..., "message": ...}`` (what ``cleanerlib batch`` writes) is shown as
  ``type: message``;
- the provenance map is the first of these that is present: a mapping under ``provenance``,
  ``result`` or ``clean`` shaped like ``CleanResult.to_dict()``, a list of blocks under
  ``provenance``, or the record itself when it has ``blocks`` or ``counts`` (``cleanerlib
  batch`` and ``CleanResult.to_dict()`` put them at the top level);
- from the provenance map (falling back to the record's top level): ``counts``
  (``{filter: {reason: n}}``), ``needs_review``, ``review_reason``, ``metadata.title``,
  ``text`` and ``blocks``;
- each block is a mapping. The full form is ``Block.to_dict()``. The compact form of
  ``cleanerlib batch`` leaves out the text of kept blocks (it can be cut from the record's
  ``text``) and ``kept`` itself: a kept block has ``out: [start, end]`` (its span in ``text``),
  a dropped one ``by`` (the filter), ``reason``, ``detail``, ``ref`` and ``text``. Generally:
  ``by`` and ``filter`` are read as aliases of ``dropped_by``, and a block without ``kept``
  counts as kept when it has ``out``/``output``, else as dropped when it names a filter or a
  reason. A block's length is its ``text``'s, or its output span's for a kept block.

Page counts come from ``counts`` when present, else from the dropped blocks; the blocks supply
example texts and character totals. A record with neither (``--provenance none``) still counts
as a page, with its ``needs_review`` flag, but adds nothing to the per-reason table.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from .._model import CleanResult

__all__ = ["PageSummary", "BatchSummary", "read_jsonl", "summarize_record", "summarize"]

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class PageSummary:
    """What the summary report needs to know about one page."""

    id: str
    url: str | None = None
    title: str | None = None
    error: str | None = None
    needs_review: bool = False
    review_reason: str | None = None
    #: dropped blocks per filter and reason
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    #: (filter, reason) -> characters dropped, when block texts are known
    chars: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (filter, reason, text) of dropped blocks whose text is known, in page order
    dropped_texts: list[tuple[str, str, str]] = field(default_factory=list)
    blocks: int | None = None
    kept_blocks: int | None = None
    kept_chars: int | None = None
    total_chars: int | None = None


@dataclass
class ReasonStats:
    blocks: int = 0
    pages: int = 0
    chars: int = 0
    examples: list[tuple[str, str]] = field(default_factory=list)  # (text, page id)


@dataclass
class BatchSummary:
    """Totals over many pages, built by :func:`summarize`."""

    source: str | None = None
    pages: int = 0
    errors: list[PageSummary] = field(default_factory=list)
    review: list[PageSummary] = field(default_factory=list)
    #: (filter, reason) -> statistics
    reasons: dict[tuple[str, str], ReasonStats] = field(default_factory=dict)
    #: (line number, what was wrong)
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    blocks: int = 0
    dropped_blocks: int = 0
    kept_chars: int = 0
    total_chars: int = 0
    pages_with_blocks: int = 0

    @property
    def cleaned(self) -> int:
        return self.pages - len(self.errors)

    def filters(self) -> list[str]:
        return sorted({f for f, _ in self.reasons})

    def add(self, page: PageSummary, examples: int = 3) -> None:
        self.pages += 1
        if page.error:
            self.errors.append(page)
            return
        if page.needs_review:
            self.review.append(page)
        if page.blocks is not None:
            self.pages_with_blocks += 1
            self.blocks += page.blocks
        if page.kept_chars is not None and page.total_chars is not None:
            self.kept_chars += page.kept_chars
            self.total_chars += page.total_chars
        for f, per in page.counts.items():
            for r, n in per.items():
                stats = self.reasons.setdefault((f, r), ReasonStats())
                stats.blocks += n
                stats.pages += 1
                self.dropped_blocks += n
        for key, n in page.chars.items():
            self.reasons.setdefault(key, ReasonStats()).chars += n
        for f, r, text in page.dropped_texts:
            stats = self.reasons.setdefault((f, r), ReasonStats())
            if len(stats.examples) < examples and text.strip():
                flat = " ".join(text.split())
                if all(flat != seen for seen, _ in stats.examples):
                    stats.examples.append((flat, page.id))


def _open_text(path: str | os.PathLike[str]) -> io.TextIOBase:
    raw = open(path, "rb")
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    if head == _GZIP_MAGIC:
        return io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8", errors="replace")
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace")


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed value or the exception)`` for each non-blank line of a JSONL(.gz)."""
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except ValueError as e:
                yield lineno, e


def _str(value: Any) -> str | None:
    if value is None or value == "" or value is False:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _error(value: Any) -> str | None:
    if isinstance(value, Mapping) and ("type" in value or "message" in value):
        kind, message = _str(value.get("type")), _str(value.get("message"))
        return ": ".join(p for p in (kind, message) if p) or "error"
    return _str(value)


def _provenance(rec: Mapping[str, Any]) -> Mapping[str, Any]:
    for key in ("provenance", "result", "clean"):
        value = rec.get(key)
        if isinstance(value, Mapping):
            return value
        if isinstance(value, list) and key == "provenance":
            return {"blocks": value}
    if isinstance(rec.get("blocks"), list) or isinstance(rec.get("counts"), Mapping):
        return rec
    return {}


def _counts(value: Any) -> dict[str, dict[str, int]] | None:
    if not isinstance(value, Mapping):
        return None
    out: dict[str, dict[str, int]] = {}
    for f, per in value.items():
        if isinstance(per, Mapping):
            clean = {str(r): int(n) for r, n in per.items() if isinstance(n, (int, float)) and n > 0}
            if clean:
                out[str(f)] = clean
        elif isinstance(per, (int, float)) and per > 0:  # {filter: n} without reasons
            out[str(f)] = {"?": int(per)}
    return out


def _dropped_by(b: Mapping[str, Any]) -> Any:
    return b.get("dropped_by") or b.get("by") or b.get("filter")


def _block_kept(b: Mapping[str, Any]) -> bool:
    if "kept" in b:
        return bool(b["kept"])
    if b.get("out") is not None or b.get("output") is not None:
        return True
    return not (_dropped_by(b) or b.get("reason"))


def _span_length(span: Any) -> int | None:
    if isinstance(span, Mapping):
        start, end = span.get("start"), span.get("end")
    elif isinstance(span, (list, tuple)) and len(span) == 2:
        start, end = span
    else:
        return None
    if isinstance(start, int) and isinstance(end, int) and end >= start:
        return end - start
    return None


def _block_length(b: Mapping[str, Any], kept: bool) -> int | None:
    text = b.get("text")
    if isinstance(text, str):
        return len(text)
    return _span_length(b.get("out", b.get("output"))) if kept else None


def summarize_record(rec: Mapping[str, Any], lineno: int | None = None) -> PageSummary:
    """One batch record (or a ``CleanResult.to_dict()``) as a :class:`PageSummary`."""
    prov = _provenance(rec)

    def get(key: str) -> Any:
        value = prov.get(key)
        return rec.get(key) if value is None else value

    metadata = get("metadata") if isinstance(get("metadata"), Mapping) else {}
    page_id = rec.get("id", rec.get("doc_id"))
    page = PageSummary(
        id=str(page_id) if page_id is not None else (f"line {lineno}" if lineno else "?"),
        url=_str(rec.get("url") or metadata.get("url")),
        title=_str(metadata.get("title") or rec.get("title")),
        error=_error(rec.get("error")),
        needs_review=bool(get("needs_review")),
        review_reason=_str(get("review_reason")),
    )
    blocks = prov.get("blocks")
    block_counts: dict[str, dict[str, int]] = {}
    if isinstance(blocks, list):
        dicts = [b for b in blocks if isinstance(b, Mapping)]
        kept_flags = [_block_kept(b) for b in dicts]
        lengths = [_block_length(b, k) for b, k in zip(dicts, kept_flags)]
        page.blocks = len(dicts)
        page.kept_blocks = sum(kept_flags)
        if dicts and all(n is not None for n in lengths):
            page.total_chars = sum(n for n in lengths if n is not None)
            page.kept_chars = sum(n for n, k in zip(lengths, kept_flags) if k and n is not None)
        for b, kept, n in zip(dicts, kept_flags, lengths):
            if kept:
                continue
            f = str(_dropped_by(b) or "?")
            r = str(b.get("reason") or "?")
            per = block_counts.setdefault(f, {})
            per[r] = per.get(r, 0) + 1
            if n is not None:
                page.chars[(f, r)] = page.chars.get((f, r), 0) + n
            text = b.get("text")
            if isinstance(text, str):
                page.dropped_texts.append((f, r, text))
    counts = _counts(get("counts"))
    page.counts = counts if counts is not None else block_counts
    return page


def _as_record(item: Any) -> Mapping[str, Any]:
    if isinstance(item, CleanResult):
        return item.to_dict()
    if isinstance(item, Mapping):
        return item
    raise TypeError(f"a batch record must be a mapping or a CleanResult, got {type(item).__name__}")


def summarize(source: str | os.PathLike[str] | Iterable[Any], *, examples: int = 3) -> BatchSummary:
    """Summarise a JSONL(.gz) file, or an iterable of records or ``CleanResult`` objects."""
    if isinstance(source, (str, os.PathLike)):
        summary = BatchSummary(source=os.fspath(source))
        for lineno, value in read_jsonl(source):
            if isinstance(value, Exception):
                summary.unreadable.append((lineno, f"not JSON: {value}"))
            elif not isinstance(value, Mapping):
                summary.unreadable.append((lineno, f"a JSON {type(value).__name__}, not an object"))
            else:
                summary.add(summarize_record(value, lineno), examples)
        return summary
    summary = BatchSummary()
    for k, item in enumerate(source, 1):
        summary.add(summarize_record(_as_record(item), k), examples)
    return summary
