"""The result model: blocks with provenance inside a frozen result.

The model knows nothing of filters, segmenters or the CLI. The input text is never rewritten:
each block points back into ``source_text`` and, when kept, forward into ``result.text``, and a
dropped block names the filter and the reason. Everything here is frozen and slotted so a
result can be shared between threads, hashed, and compared in tests.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from types import MappingProxyType
from typing import Any, Iterator, Mapping

__all__ = ["Kind", "Span", "Hints", "Block", "Metadata", "CleanResult", "REVIEW_REASONS"]

#: ``CleanResult.review_reason`` codes (the safety valve) and what each means. Shares are of
#: characters of block text; the headline counts on neither side, as no filter can remove it.
REVIEW_REASONS: Mapping[str, str] = MappingProxyType({
    "no_main_content": "a main-content filter removed all of the page's text besides its headline: "
                       "it found no article on the page",
    "removed_all": "the filters removed all of the page's main-content text besides its headline",
    "removed_share": "the filters removed more than max_removed_share of the page's main-content text",
})


class Kind(str, Enum):
    """What a block is in the page's structure (a hint for filters, not a verdict)."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CAPTION = "caption"
    TABLE = "table"
    OTHER = "other"

    def __str__(self) -> str:  # so f-strings and logs show "heading", not "Kind.HEADING"
        return self.value


@dataclass(frozen=True, slots=True)
class Span:
    """Where a block sits.

    In ``source_text`` (the decoded input): ``start``/``end`` offsets; for HTML the ``xpath``
    of the block's element and its 1-based source ``line``, and ``start``/``end`` only when
    asked for (``Cleaner(html_offsets=True)``) and the markup extent of the element is known
    exactly (else ``None``). In ``result.text`` (a kept block's ``output``) only
    ``start``/``end`` are set.
    """

    start: int | None
    end: int | None
    xpath: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.xpath is not None:
            d["xpath"] = self.xpath
        if self.line is not None:
            d["line"] = self.line
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Span":
        return cls(d.get("start"), d.get("end"), d.get("xpath"), d.get("line"))


@dataclass(frozen=True, slots=True)
class Hints:
    """Structural evidence an HTML segmenter saw around a block.

    Filters use it as evidence (class names such as ``jp-relatedposts``, link density), never
    as the only evidence: pages with generated class names must work too.
    """

    tag: str = ""
    #: class/id/role tokens of the element and its ancestors, nearest first, lower-cased
    tokens: tuple[str, ...] = ()
    #: characters of the block's text that sit inside links
    link_chars: int = 0
    #: heading level 1-6 for headings, else 0
    level: int = 0
    #: xpath of the element that contains the block's element; siblings share it
    group: str = ""

    def link_density(self, text_length: int) -> float:
        return self.link_chars / text_length if text_length else 0.0


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input, kept or dropped, with where it came from and why."""

    index: int
    text: str
    kind: Kind
    source: Span
    kept: bool = True
    dropped_by: str | None = None
    reason: str | None = None
    detail: str | None = None
    ref: int | None = None
    output: Span | None = None
    hints: Hints | None = field(default=None, repr=False)
    #: (offset in text, offset in source) at each point where the two stop running in
    #: parallel (a hard-wrapped paragraph's joined line breaks); empty means text and
    #: source run in parallel from ``source.start``.
    pieces: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)

    def source_offset(self, k: int) -> int | None:
        """Map an offset inside ``text`` to an offset in ``source_text`` (None if unknown)."""
        if self.source.start is None:
            return None
        if not self.pieces:
            return self.source.start + k
        starts = [p[0] for p in self.pieces]
        i = bisect_right(starts, k) - 1
        text_off, src_off = self.pieces[max(i, 0)]
        return src_off + (k - text_off)

    def placed(self, start: int) -> "Block":
        """This block with its ``output`` span starting at ``start`` in the clean text.

        Built field by field: the layout places every kept block of every page, and
        ``dataclasses.replace`` costs several times as much.
        """
        return Block(self.index, self.text, self.kind, self.source, self.kept, self.dropped_by, self.reason,
                     self.detail, self.ref, Span(start, start + len(self.text)), self.hints, self.pieces)

    def as_dropped(self, by: str, reason: str | None, detail: str | None, ref: int | None) -> "Block":
        """This block removed by filter ``by`` (built field by field, as :meth:`placed`: the
        main-content filter alone drops half the blocks of every page)."""
        return Block(self.index, self.text, self.kind, self.source, False, by, reason, detail, ref, self.output,
                     self.hints, self.pieces)

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": self.kind.value,
            "text": self.text,
            "kept": self.kept,
            "dropped_by": self.dropped_by,
            "reason": self.reason,
            "detail": self.detail,
            "ref": self.ref,
            "source": self.source.to_dict(),
            "output": self.output.to_dict() if self.output else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Block":
        out = d.get("output")
        return cls(
            index=d["index"],
            text=d["text"],
            kind=Kind(d["kind"]),
            source=Span.from_dict(d["source"]),
            kept=d["kept"],
            dropped_by=d.get("dropped_by"),
            reason=d.get("reason"),
            detail=d.get("detail"),
            ref=d.get("ref"),
            output=Span.from_dict(out) if out else None,
        )


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself; bylines and dates removed from the body land here."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    description: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Metadata":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})

    def merged(self, **values: str | None) -> "Metadata":
        """A copy where each given value fills its field only if the field is empty."""
        updates = {k: v for k, v in values.items() if v and not getattr(self, k)}
        return replace(self, **updates) if updates else self


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The clean text plus the provenance map of every block of the input."""

    text: str
    blocks: tuple[Block, ...]
    source_text: str
    metadata: Metadata
    input_type: str
    separator: str = "\n"
    #: set when the filters removed all of the page's text, or more than the configured
    #: share, so a dataset build can route the page for review instead of losing it silently
    needs_review: bool = False
    #: why, as a key of :data:`REVIEW_REASONS` (``None`` when the page is not flagged)
    review_reason: str | None = None

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    @property
    def kept(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kept)

    @property
    def dropped(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if not b.kept)

    def counts(self) -> dict[str, dict[str, int]]:
        """Dropped blocks per filter and reason: ``{"teasers": {"teaser_zone": 3}}``."""
        out: dict[str, dict[str, int]] = {}
        for b in self.blocks:
            if not b.kept:
                per = out.setdefault(b.dropped_by or "?", {})
                per[b.reason or "?"] = per.get(b.reason or "?", 0) + 1
        return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}

    def to_dict(self, *, include_source: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "input_type": self.input_type,
            "separator": self.separator,
            "metadata": self.metadata.to_dict(),
            "needs_review": self.needs_review,
            "review_reason": self.review_reason,
            "counts": self.counts(),
            "blocks": [b.to_dict() for b in self.blocks],
        }
        if include_source:
            d["source_text"] = self.source_text
        return d

    def to_json(self, *, include_source: bool = False, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(include_source=include_source), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "CleanResult":
        return cls(
            text=d["text"],
            blocks=tuple(Block.from_dict(b) for b in d["blocks"]),
            source_text=d.get("source_text", ""),
            metadata=Metadata.from_dict(d.get("metadata") or {}),
            input_type=d.get("input_type", "text"),
            separator=d.get("separator", "\n"),
            needs_review=d.get("needs_review", False),
            review_reason=d.get("review_reason"),
        )

    def to_html(self, *, title: str | None = None) -> str:
        """A self-contained HTML page showing every block and why it was kept or dropped."""
        from .report import render_result

        return render_result(self, title=title)
