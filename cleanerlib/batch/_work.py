"""What a worker process does with one framed record: parse it, clean it, serialise the result.

A job (:class:`CleanJob`, :class:`FitJob`) is a small frozen description that is pickled to
each worker once; its :meth:`setup` builds the :class:`Cleaner` inside the worker. Processing
a record never raises: every failure becomes an error result carrying the exception's type
and message, so one bad record cannot stop a run. Output lines are serialised here, in the
workers, so the main process only writes bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from .._model import Block, CleanResult
from ._errors import InvalidRecord, MissingField, RecordError

__all__ = ["Fields", "CleanJob", "FitJob", "error_line", "parse_item", "PROVENANCE"]

PROVENANCE = ("compact", "full", "none")


@dataclass(frozen=True)
class Fields:
    """Field names of JSONL records: the first present ``content`` field is the page."""

    content: tuple[str, ...] = ("html", "text")
    url: str = "url"
    id: str = "id"


@dataclass(frozen=True)
class Parsed:
    id: Any
    url: str | None
    content: str | bytes
    warnings: tuple[str, ...] = ()


_SURROGATES = re.compile("[\ud800-\udfff]")


def _clean_str(value: Any) -> Any:
    """Replace lone surrogates (left by undecodable bytes) so the value can be written as UTF-8."""
    if isinstance(value, str) and _SURROGATES.search(value):
        return _SURROGATES.sub("\ufffd", value)
    return value


def _escaped_only(value: str) -> bool:
    """Do the value's surrogates all stand for undecodable bytes (``surrogateescape``)?"""
    return all("\udc80" <= c <= "\udcff" for c in _SURROGATES.findall(value))


def parse_item(item: tuple, fields: Fields) -> Parsed:
    """The id, URL and page of a framed record.

    Raises a ``RecordError`` when there is no page; it carries what could be read of the
    record (``rid``, ``url``, ``warnings``) so the error record still names it.
    """
    kind = item[0]
    if kind == "warc":
        _, _source, ordinal, record_id, url, _ctype, body = item
        return Parsed(record_id if record_id else ordinal, url, body)
    _, _source, line_no, raw = item
    warnings: list[str] = []
    rid: Any = line_no
    url: Any = None

    def fail(exc: RecordError) -> RecordError:
        exc.rid, exc.url, exc.warnings = rid, url, tuple(warnings)  # type: ignore[attr-defined]
        return exc

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        # keep the bytes: the page field is handed to the cleaner as bytes, which decodes
        # them the way it decodes any scraped page (declared charset, then detection)
        text = raw.decode("utf-8", "surrogateescape")
        warnings.append(f"line {line_no} is not valid UTF-8 (byte {e.start}: {e.reason}); "
                        "the page was decoded from its bytes")
    try:
        obj = json.loads(text)
    except ValueError as e:
        raise fail(InvalidRecord(f"line {line_no} is not valid JSON: {e}")) from None
    if not isinstance(obj, dict):
        raise fail(InvalidRecord(f"line {line_no} is a JSON {type(obj).__name__}, not an object"))
    if obj.get(fields.id) is not None:
        rid = _clean_str(obj[fields.id])
    url = _clean_str(obj.get(fields.url))
    if url is not None and not isinstance(url, str):
        url = None
        raise fail(InvalidRecord(f"field {fields.url!r} must be a string, got {type(obj[fields.url]).__name__}"))
    for name in fields.content:
        if name in obj and obj[name] is not None:
            content = obj[name]
            if not isinstance(content, str):
                raise fail(InvalidRecord(f"field {name!r} must be a string, got {type(content).__name__}"))
            if warnings and _SURROGATES.search(content) and _escaped_only(content):
                try:
                    return Parsed(rid, url, content.encode("utf-8", "surrogateescape"), tuple(warnings))
                except UnicodeEncodeError:
                    pass
            return Parsed(rid, url, content, tuple(warnings))
    raise fail(MissingField(f"record has no {' or '.join(repr(n) for n in fields.content)} field"))


def item_key(item: tuple, line_fallback: bool = True) -> tuple[Any, Any, str]:
    """``(id, url, source)`` known before parsing, for error records."""
    kind = item[0]
    if kind == "warc":
        return (item[3] or item[2], item[4], f"{item[1]}#{item[2]}")
    if kind == "error":
        return (item[3], item[4], item[2])
    return (item[2], None, f"{item[1]}:{item[2]}")


def _dumps(obj: Mapping[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def error_line(rid: Any, url: Any, source: str, error_type: str, message: str,
               warnings: tuple[str, ...] = ()) -> str:
    return _dumps({"id": rid, "url": url, "source": source, "error": {"type": error_type, "message": message},
                   "text": None, "warnings": list(warnings)})


def compact_block(b: Block) -> dict[str, Any]:
    """A block without the text a reader can cut from ``text`` (kept) — dropped text stays."""
    d: dict[str, Any] = {"i": b.index, "kind": b.kind.value, "src": [b.source.start, b.source.end]}
    if b.source.xpath is not None:
        d["xpath"] = b.source.xpath
    if b.source.line is not None:
        d["line"] = b.source.line
    if b.kept:
        d["out"] = [b.output.start, b.output.end] if b.output else None
    else:
        d["by"] = b.dropped_by
        d["reason"] = b.reason
        d["detail"] = b.detail
        if b.ref is not None:
            d["ref"] = b.ref
        d["text"] = b.text
    return d


def result_line(rid: Any, url: Any, source: str, result: CleanResult, provenance: str,
                warnings: tuple[str, ...] = ()) -> str:
    out: dict[str, Any] = {
        "id": rid, "url": url, "source": source, "error": None, "text": result.text,
        "warnings": list(warnings), "needs_review": result.needs_review,
        "review_reason": result.review_reason, "metadata": result.metadata.to_dict(),
    }
    if provenance == "full":
        out["counts"] = result.counts()
        out["blocks"] = [b.to_dict() for b in result.blocks]
    elif provenance == "compact":
        out["blocks"] = [compact_block(b) for b in result.blocks]
    return _dumps(out)


# a page with a little of everything, cleaned once by each new worker: the phrase tables and
# patterns are built on first use, and a record's time limit should not pay for that
_WARM_UP_TEXT = ("No products in the cart.\nA warm-up headline for a new worker process\nBy Jane Doe | May 3, 2025\n"
                 "The first paragraph of the warm-up article, long enough to be a paragraph of a story that a "
                 "reader would keep, with a few more words.\nYou may also like\nRead More →\nShare on Facebook")
_WARM_UP_HTML = ("<html><head><title>A warm-up headline for a new worker process</title></head><body><article>"
                 "<h1>A warm-up headline for a new worker process</h1><p>By Jane Doe</p><p>The first paragraph of "
                 "the warm-up article, long enough to be a paragraph of a story that a reader would keep.</p>"
                 "</article></body></html>")


def _warm_up(cleaner_class) -> None:
    """Clean the warm-up pages with the default pipeline (not the job's, whose own filters may do
    anything): what it builds on first use is shared, so the first record starts warm."""
    try:
        cleaner = cleaner_class()
        cleaner.clean(_WARM_UP_TEXT)
        cleaner.clean(_WARM_UP_HTML)
    except Exception:  # noqa: BLE001 - a failed warm-up only costs the first record some time
        pass


#: what a worker returns per record in clean mode: the output line and the summary facts
#: (error type, review reason, dropped-block counts per filter and reason)
CleanOutcome = tuple  # (line, error_type | None, review_reason | None, counts)


@dataclass(frozen=True)
class CleanJob:
    """Clean each record with the cleaner described by ``cleaner_config``."""

    cleaner_config: Mapping[str, Any]
    fields: Fields = field(default_factory=Fields)
    provenance: str = "compact"

    def setup(self) -> Callable[[tuple], CleanOutcome]:
        from .._cleaner import Cleaner

        cleaner = Cleaner.from_config(self.cleaner_config)
        _warm_up(Cleaner)

        def process(item: tuple) -> CleanOutcome:
            rid, url, source = item_key(item)
            warnings: tuple[str, ...] = ()
            try:
                parsed = parse_item(item, self.fields)
                rid, url, warnings = parsed.id, parsed.url, parsed.warnings
                result = cleaner.clean(parsed.content, url=url)
                return (result_line(rid, url, source, result, self.provenance, warnings), None,
                        result.review_reason, result.counts())
            except Exception as e:  # noqa: BLE001 - a bad record never stops the run
                if isinstance(e, RecordError):
                    rid, url, warnings = getattr(e, "rid", rid), getattr(e, "url", url), getattr(e, "warnings", ())
                return error_line(rid, url, source, type(e).__name__, str(e), warnings), type(e).__name__, None, {}

        return process

    def failure(self, item: tuple, error_type: str, message: str) -> CleanOutcome:
        """The outcome of a record whose worker had to be replaced, or that a reader rejected."""
        rid, url, source = item_key(item)
        if item[0] in ("jsonl", "warc"):  # name the record as its cleaned version would be
            try:
                parsed = parse_item(item, self.fields)
                rid, url = parsed.id, parsed.url
            except RecordError as e:
                rid, url = getattr(e, "rid", rid), getattr(e, "url", url)
        return error_line(rid, url, source, error_type, message), error_type, None, {}


#: fit mode: ``(site, fingerprints, None)`` or ``(None, (), error_type)``
FitOutcome = tuple


@dataclass(frozen=True)
class FitJob:
    """Segment each record (no filters) and return its site and block fingerprints."""

    fields: Fields = field(default_factory=Fields)
    input_type: str = "auto"
    min_chars: int = 20

    def setup(self) -> Callable[[tuple], FitOutcome]:
        from .._cleaner import Cleaner
        from .._site_profile import page_fingerprints

        cleaner = Cleaner(filters=(), input_type=self.input_type)

        def process(item: tuple) -> FitOutcome:
            try:
                parsed = parse_item(item, self.fields)
                result = cleaner.clean(parsed.content, url=parsed.url)
                site, fps = page_fingerprints(result, min_chars=self.min_chars, url=parsed.url)
                return site, fps, None
            except Exception as e:  # noqa: BLE001
                return None, (), type(e).__name__

        return process

    def failure(self, item: tuple, error_type: str, message: str) -> FitOutcome:
        return None, (), error_type
