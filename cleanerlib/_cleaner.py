"""``Cleaner``: input -> blocks -> filters -> result; ``clean()`` is a one-call wrapper.

Data flows one way: decode, segment, gather context (title, language, metadata), run the
pipeline's filters, then lay out the kept blocks and record where each one landed.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Iterable, Mapping

from lxml import etree

from ._exceptions import ConfigError
from ._input import INPUT_TYPES, read_input
from ._language import language_of_tokens
from ._metadata import html_metadata
from ._model import Block, CleanResult, Kind, Metadata
from ._pipeline import Deadline, Document, Filter, Pipeline
from ._segment_html import parse_html, segment_html
from ._segment_text import segment_text
from ._title import html_title_index, reported_title, text_title_index

__all__ = ["Cleaner", "clean"]


class Cleaner:
    """A configured cleaning pipeline; reusable, thread-safe, and describable as data.

    Keyword-only options:

    - ``filters``: a :class:`Pipeline` or a sequence of filters (default: the default pipeline)
    - ``input_type``: ``"auto"`` (detect HTML by its markup), ``"html"`` or ``"text"``
    - ``separator``: what joins kept blocks in ``result.text``
    - ``language``: force the language used for phrase data instead of detecting it
    - ``max_removed_share``: the safety valve; flag a page for review (``needs_review``,
      ``review_reason``, see :data:`REVIEW_REASONS`) when the filters remove more than this share
      of its main-content text, or all of it
    - ``time_budget``: seconds one document may take; past it ``clean()`` raises
      :class:`TimeLimitExceeded` instead of returning. The budget is cooperative: it is checked
      between stages and wherever a filter calls ``doc.deadline.check()`` (see :class:`Deadline`
      for exactly what is and is not interrupted)
    """

    def __init__(
        self,
        *,
        filters: Pipeline | Iterable[Filter] | None = None,
        input_type: str = "auto",
        separator: str = "\n",
        language: str | None = None,
        max_removed_share: float = 0.75,
        time_budget: float | None = None,
        html_offsets: bool = False,
    ) -> None:
        if input_type not in INPUT_TYPES:
            raise ConfigError(f"input_type must be one of {', '.join(INPUT_TYPES)}, got {input_type!r}")
        if not _is_number(max_removed_share) or not 0.0 < max_removed_share <= 1.0:
            raise ConfigError(f"max_removed_share must be a number in (0, 1], got {max_removed_share!r}")
        if time_budget is not None and (not _is_number(time_budget) or not time_budget > 0):
            raise ConfigError(f"time_budget must be a positive number of seconds or None, got {time_budget!r}")
        if not isinstance(html_offsets, bool):
            raise ConfigError(f"html_offsets must be True or False, got {html_offsets!r}")
        if filters is None:
            pipeline = Pipeline.default()
        elif isinstance(filters, Pipeline):
            pipeline = filters
        else:
            pipeline = Pipeline(filters)
        self.pipeline = pipeline
        self.input_type = input_type
        self.separator = separator
        self.language = language
        self.max_removed_share = max_removed_share
        self.time_budget = time_budget
        self.html_offsets = html_offsets

    def __repr__(self) -> str:
        return (
            f"Cleaner(filters={self.pipeline!r}, input_type={self.input_type!r}, separator={self.separator!r}, "
            f"language={self.language!r}, max_removed_share={self.max_removed_share!r}, "
            f"time_budget={self.time_budget!r}, html_offsets={self.html_offsets!r})"
        )

    # -- configuration as data ---------------------------------------------------------------
    def to_config(self) -> dict[str, Any]:
        return {
            "input_type": self.input_type,
            "separator": self.separator,
            "language": self.language,
            "max_removed_share": self.max_removed_share,
            "time_budget": self.time_budget,
            "html_offsets": self.html_offsets,
            **self.pipeline.to_config(),
        }

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Cleaner":
        if not isinstance(config, Mapping):
            raise ConfigError(f"a cleaner config is a mapping of options, got {type(config).__name__}")
        options = dict(config)
        pipeline = Pipeline.from_config({"filters": options.pop("filters")}) if "filters" in options else None
        try:
            return cls(filters=pipeline, **options)
        except TypeError as e:
            raise ConfigError(f"bad cleaner config: {e}") from None

    # -- cleaning ----------------------------------------------------------------------------
    def clean(self, doc: object, *, url: str | None = None) -> CleanResult:
        """Clean one page (str, bytes, BeautifulSoup or lxml object).

        A page that cannot be cleaned raises a :class:`CleanerlibError`: :class:`InputError`
        (an unsupported type, binary or undecodable bytes) or :class:`TimeLimitExceeded`. An
        empty or whitespace-only page gives an empty result.
        """
        deadline = Deadline(self.time_budget)
        source_text, input_type = read_input(doc, self.input_type)
        deadline.check("reading the input")
        document = self._document(source_text, input_type, url, deadline)
        document = self.pipeline.apply(document)
        result = self._result(document, source_text)
        deadline.check("laying out the result")
        return result

    def _document(self, source_text: str, input_type: str, url: str | None,
                  deadline: Deadline | None = None) -> Document:
        if deadline is None:
            deadline = Deadline()
        page = None
        if input_type == "html" and source_text.strip():
            try:
                page = parse_html(source_text)
            except etree.ParserError:  # markup that holds no document at all ("</a>", "<!<html>")
                page = None
            deadline.check("parsing")
        if not source_text.strip() or (input_type == "html" and page is None):
            blocks: list[Block] = []
            metadata = Metadata(url=url)
        elif page is not None:
            blocks = segment_html(page, offsets=self.html_offsets)
            deadline.check("segmentation")
            metadata = html_metadata(page.root, url, source=page.source_text)
        else:
            blocks = segment_text(source_text)
            deadline.check("segmentation")
            metadata = Metadata(url=url)
        document = Document.build(blocks, input_type=input_type, metadata=metadata,
                                  url=metadata.url, page=page, deadline=deadline)
        if not blocks:
            title_index = None
        elif page is not None:
            title_index = html_title_index(blocks, metadata.title)
        else:
            title_index = text_title_index(blocks, url=url, keys=document.keys)
        if title_index is not None:
            if blocks[title_index].kind is not Kind.HEADING:
                blocks[title_index] = replace(blocks[title_index], kind=Kind.HEADING)
            metadata = replace(metadata, title=reported_title(blocks, title_index, metadata.title))
            document = replace(document, blocks=tuple(blocks), title_index=title_index, metadata=metadata)
        language = self.language or language_of_tokens(
            document.tokens[b.index] for b in document.blocks if b.kind is not Kind.OTHER
        ) or metadata.language
        deadline.check("reading the page's title, metadata and language")
        return replace(document, language=language, metadata=replace(metadata, language=language))

    def _result(self, doc: Document, source_text: str) -> CleanResult:
        sep = self.separator
        blocks = []
        pos = 0
        first = True
        for b in doc.blocks:
            if b.kept:
                if not first:
                    pos += len(sep)
                first = False
                blocks.append(b.placed(pos))
                pos += len(b.text)
            else:
                blocks.append(b)
        text = sep.join(b.text for b in blocks if b.kept)
        needs_review, reason = self._review(doc, blocks)
        return CleanResult(
            text=text,
            blocks=tuple(blocks),
            source_text=source_text,
            metadata=doc.metadata,
            input_type=doc.input_type,
            separator=sep,
            needs_review=needs_review,
            review_reason=reason,
        )

    def _review(self, doc: Document, blocks: list[Block]) -> tuple[bool, str | None]:
        """The safety valve: did the content filters take (nearly) all of the page?

        The page's main-content text is the text of every block that no main-content filter
        (``selects_main_content = True``) dropped; the review reasons are in ``REVIEW_REASONS``.
        A page from which nothing was removed is never flagged (an empty page, a lone headline).
        """
        selectors = {f.name for f in self.pipeline if getattr(f, "selects_main_content", False)}
        # the headline cannot be removed, so it counts on neither side
        body = [b for b in blocks if b.index != doc.title_index]
        candidate = sum(len(b.text) for b in body if b.dropped_by not in selectors)
        if candidate == 0:  # flagged only if a main-content filter took the text there was
            return (True, "no_main_content") if body else (False, None)
        kept = sum(len(b.text) for b in body if b.kept)
        if kept == 0:
            return True, "removed_all"
        share = 1.0 - kept / candidate
        if share > self.max_removed_share:
            return True, "removed_share"
        return False, None


def _is_number(value: object) -> bool:
    """A real number that is not a bool and not NaN (``nan`` compares false to every bound)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value)


def clean(doc: object, *, url: str | None = None, **options: Any) -> CleanResult:
    """Clean one page with a :class:`Cleaner` built from ``options``.

    ``clean(page, **options)`` is ``Cleaner(**options).clean(page)``; build a ``Cleaner`` once
    yourself to clean many pages with the same options. Nothing is kept between calls.
    """
    return Cleaner(**options).clean(doc, url=url)
