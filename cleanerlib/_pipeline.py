"""The filter contract and the pipeline that applies filters' decisions.

A filter looks at a :class:`Document` and returns :class:`Drop` decisions; it never changes the
document. The pipeline applies the decisions and records who dropped what and why, so
provenance is bookkeeping done in one place rather than a duty of every filter. Pipelines are
plain data (``to_config``/``from_config``) so a dataset build can pin the exact cleaning it ran.

Every document carries a :class:`Deadline` (``doc.deadline``), the caller's per-document time
budget in a form that long-running code checks cheaply; see its docstring for the guarantees.
"""

from __future__ import annotations

import importlib
import inspect
import time
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, Iterable, Iterator, Mapping, Sequence

from ._exceptions import ConfigError, TimeLimitExceeded
from ._model import Block, Kind, Metadata, Span
from ._normalize import normalize, strip_decoration, unmark, words

__all__ = ["Deadline", "Drop", "Document", "Filter", "Pipeline", "register", "registered_filters"]


class Deadline:
    """A per-document time budget that long-running code checks cheaply.

    ``Cleaner(time_budget=seconds)`` starts one when ``clean()`` is called and hands it to every
    stage on the document (``doc.deadline``). Without a budget the deadline never expires, so
    code can call :meth:`check` unconditionally. A check is one clock reading (a fraction of a
    microsecond): call it once per block or per outer-loop iteration, not per character::

        def decide(self, doc):
            for b in doc.blocks:
                doc.deadline.check()      # raises TimeLimitExceeded once the budget is spent
                ...

    What ``time_budget`` guarantees: ``clean()`` never returns a result after its budget ran out
    (the last check comes right before it returns); once the budget is spent it raises
    :class:`TimeLimitExceeded` at the next check, naming the stage it was in. Checks run after
    reading the input, after parsing, after segmentation, after gathering the page's context,
    after each filter, and wherever a filter calls :meth:`check`. The budget is cooperative:
    code that does not check (lxml's parser, the HTML segmenter, trafilatura inside the
    ``main_content`` filter, a filter without checks) runs to its end first, so a call can
    overrun its budget by the length of one such step. For a hard wall-clock limit that also
    stops native code, run pages in worker processes that can be killed, as
    ``cleanerlib batch --time-limit`` does.
    """

    __slots__ = ("budget", "stage", "_at")

    def __init__(self, budget: float | None = None, *, stage: str = "cleaning") -> None:
        #: the budget in seconds, ``None`` for no limit
        self.budget = budget
        #: what is running now; named by :class:`TimeLimitExceeded` when no stage is passed
        self.stage = stage
        self._at = None if budget is None else time.monotonic() + budget

    def check(self, stage: str | None = None) -> None:
        """Raise :class:`TimeLimitExceeded` if the budget is spent."""
        if self._at is not None and time.monotonic() > self._at:
            raise TimeLimitExceeded(self.budget or 0.0, stage or self.stage)

    @property
    def expired(self) -> bool:
        return self._at is not None and time.monotonic() > self._at

    def remaining(self) -> float | None:
        """Seconds left (never negative), or ``None`` without a budget."""
        return None if self._at is None else max(0.0, self._at - time.monotonic())

    def __repr__(self) -> str:
        return f"Deadline(budget={self.budget!r}, stage={self.stage!r})"


@dataclass(frozen=True, slots=True)
class Drop:
    """A filter's decision to remove a block, or part of one.

    ``part`` is a ``(start, end)`` range of the block's text; the pipeline then splits the block
    so the removed and the surviving text each get their own block and exact span. ``ref`` is
    the index (in the document the filter saw) of the block this one repeats or belongs to.
    ``metadata`` moves what was removed into the result's metadata (a byline, a date).
    """

    index: int
    reason: str
    detail: str
    ref: int | None = None
    part: tuple[int, int] | None = None
    metadata: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for key, _ in self.metadata:
            if key not in _METADATA_FIELDS:
                raise ValueError(f"Drop metadata key {key!r} is not a Metadata field "
                                 f"({', '.join(sorted(_METADATA_FIELDS))})")


_METADATA_FIELDS = frozenset(f.name for f in fields(Metadata))


@dataclass(frozen=True, slots=True)
class Document:
    """What a filter sees: every block so far (with earlier filters' verdicts) and context."""

    blocks: tuple[Block, ...]
    #: ``block_key(block.text)`` (normalised, markdown aside) for each block, computed once and
    #: shared by all filters
    keys: tuple[str, ...]
    input_type: str
    metadata: Metadata
    language: str | None = None
    title_index: int | None = None
    url: str | None = None
    #: the parsed page for HTML input (read-only for filters), else None
    page: Any = None
    #: the caller's time budget for this document; long loops call ``deadline.check()``
    deadline: Deadline = field(default_factory=Deadline, compare=False, repr=False)
    #: ``len(block.text.split())`` for each block: every filter weighs blocks by their length
    n_words: tuple[int, ...] = field(default=(), compare=False, repr=False)
    #: ``strip_decoration(key)`` for each block: the key phrase lists are matched against
    stripped: tuple[str, ...] = field(default=(), compare=False, repr=False)
    #: ``words(key)`` for each block: the tokens language, repeats and topic evidence count
    tokens: tuple[tuple[str, ...], ...] = field(default=(), compare=False, repr=False)
    #: ``unmark(block.text)`` for each block: its text with markdown links and marks read
    #: as words, for the patterns that look at a block's text rather than its key
    plain: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        # derived once per block and shared by every filter (each used to derive its own)
        n = len(self.blocks)
        if len(self.n_words) != n:
            object.__setattr__(self, "n_words", tuple(len(b.text.split()) for b in self.blocks))
        if len(self.stripped) != n:
            object.__setattr__(self, "stripped", tuple(map(strip_decoration, self.keys)))
        if len(self.tokens) != n:
            object.__setattr__(self, "tokens", tuple(tuple(words(k)) for k in self.keys))
        if len(self.plain) != n:
            object.__setattr__(self, "plain", tuple(unmark(b.text) for b in self.blocks))

    @classmethod
    def build(cls, blocks: Sequence[Block], **context: Any) -> "Document":
        plain = tuple(unmark(b.text) for b in blocks)
        return cls(tuple(blocks), tuple(map(normalize, plain)), plain=plain, **context)

    def __len__(self) -> int:
        return len(self.blocks)

    def kept_indices(self) -> list[int]:
        return [b.index for b in self.blocks if b.kept]

    def next_kept(self, i: int) -> int | None:
        for j in range(i + 1, len(self.blocks)):
            if self.blocks[j].kept:
                return j
        return None

    def prev_kept(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.blocks[j].kept:
                return j
        return None


class Filter:
    """Base class of filters: a registered ``name`` and one method, :meth:`decide`.

    ``__init__`` only stores keyword options under attributes of the same name, so a filter's
    configuration can be read back (:meth:`get_params`) and rebuilt from data.
    """

    #: the name under which the filter is registered and recorded in ``block.dropped_by``
    name: ClassVar[str] = ""
    #: reason code -> what it means (documentation, report legends)
    reasons: ClassVar[Mapping[str, str]] = {}

    def decide(self, doc: Document) -> Iterable[Drop]:
        raise NotImplementedError

    def get_params(self) -> dict[str, Any]:
        sig = inspect.signature(type(self).__init__)
        return {
            p.name: getattr(self, p.name)
            for p in sig.parameters.values()
            if p.name != "self" and p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        }

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({params})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.get_params() == other.get_params()  # type: ignore[union-attr]

    def __hash__(self) -> int:
        return hash((type(self), self.name))


_REGISTRY: dict[str, type[Filter]] = {}


def register(cls: type[Filter]) -> type[Filter]:
    """Class decorator: make a filter available by name in pipeline configs."""
    if not cls.name:
        raise ConfigError(f"{cls.__qualname__} needs a non-empty class attribute 'name' to be registered")
    existing = _REGISTRY.get(cls.name)
    if existing is not None and existing is not cls and existing.__qualname__ != cls.__qualname__:
        raise ConfigError(f"a filter named {cls.name!r} is already registered ({existing.__qualname__})")
    _REGISTRY[cls.name] = cls
    return cls


def registered_filters() -> dict[str, type[Filter]]:
    """Registered filter classes by name (the built-in ones and any the caller registered)."""
    from . import filters  # noqa: F401  (importing registers the built-in filters)

    return dict(sorted(_REGISTRY.items()))


def _filter_from_spec(spec: Mapping[str, Any]) -> Filter:
    if not isinstance(spec, Mapping) or "name" not in spec:
        raise ConfigError(f"a filter spec must be a mapping with a 'name', got {spec!r}")
    name = spec["name"]
    params = dict(spec.get("params") or {})
    if ":" in name:  # "package.module:ClassName" for filters defined outside cleanerlib
        module, _, attr = name.partition(":")
        try:
            cls = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as e:
            raise ConfigError(f"cannot import filter {name!r}: {e}") from None
    else:
        cls = registered_filters().get(name)
        if cls is None:
            known = ", ".join(registered_filters())
            raise ConfigError(f"unknown filter {name!r}; registered filters: {known}")
    try:
        return cls(**params)
    except TypeError as e:
        raise ConfigError(f"bad options for filter {name!r}: {e}") from None


class Pipeline:
    """An ordered, immutable sequence of filters with unique names."""

    def __init__(self, filters: Iterable[Filter] = ()) -> None:
        self.filters: tuple[Filter, ...] = tuple(filters)
        seen: set[str] = set()
        for f in self.filters:
            if not isinstance(f, Filter):
                raise ConfigError(f"pipeline steps must be Filter instances, got {f!r}")
            if not f.name:
                raise ConfigError(f"{type(f).__qualname__} has no name")
            if f.name in seen:
                raise ConfigError(f"two steps are named {f.name!r}; step names must be unique")
            seen.add(f.name)

    @classmethod
    def default(cls) -> "Pipeline":
        from .filters import default_filters

        return cls(default_filters())

    # -- composition -------------------------------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.filters)

    def __iter__(self) -> Iterator[Filter]:
        return iter(self.filters)

    def __len__(self) -> int:
        return len(self.filters)

    def __getitem__(self, name: str) -> Filter:
        for f in self.filters:
            if f.name == name:
                return f
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self.filters == other.filters

    def __repr__(self) -> str:
        return f"Pipeline({list(self.filters)!r})"

    def _check(self, name: str) -> None:
        if name not in self.names:
            raise ConfigError(f"no step named {name!r} in this pipeline ({', '.join(self.names)})")

    def without(self, *names: str) -> "Pipeline":
        for n in names:
            self._check(n)
        return Pipeline(f for f in self.filters if f.name not in names)

    def with_filter(self, new: Filter, *, before: str | None = None, after: str | None = None) -> "Pipeline":
        steps = list(self.filters)
        if before is not None and after is not None:
            raise ConfigError("give 'before' or 'after', not both")
        anchor = before or after
        if anchor is None:
            steps.append(new)
        else:
            self._check(anchor)
            i = self.names.index(anchor)
            steps.insert(i if before else i + 1, new)
        return Pipeline(steps)

    def replace(self, name: str, new: Filter) -> "Pipeline":
        self._check(name)
        return Pipeline(new if f.name == name else f for f in self.filters)

    def reordered(self, names: Sequence[str]) -> "Pipeline":
        if sorted(names) != sorted(self.names):
            raise ConfigError(f"reordering must name every step exactly once: {', '.join(self.names)}")
        return Pipeline(self[n] for n in names)

    # -- configuration as data ---------------------------------------------------------------
    def to_config(self) -> dict[str, Any]:
        specs = []
        for f in self.filters:
            registered = _REGISTRY.get(f.name)
            if registered is type(f):
                name = f.name
            else:
                name = f"{type(f).__module__}:{type(f).__qualname__}"
                if "<locals>" in name:
                    raise ConfigError(f"filter {f.name!r} is neither registered nor importable; use @register")
            specs.append({"name": name, "params": f.get_params()})
        return {"filters": specs}

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Pipeline":
        if not isinstance(config, Mapping) or not isinstance(config.get("filters"), (list, tuple)):
            raise ConfigError("a pipeline config is a mapping with a 'filters' list")
        return cls(_filter_from_spec(s) for s in config["filters"])

    # -- running -----------------------------------------------------------------------------
    def apply(self, doc: Document) -> Document:
        """Run each filter in order on the document as left by the previous ones.

        ``doc.deadline`` is checked after each filter and names the filter that was running.
        """
        deadline = doc.deadline
        for f in self.filters:
            deadline.stage = f"filter {f.name!r}"
            decisions = f.decide(doc)
            if decisions:
                doc = apply_decisions(doc, f.name, decisions)
            deadline.check()
        return doc


def _merge_ranges(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted((max(0, a), min(length, b)) for a, b in ranges):
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _slice_block(block: Block, a: int, b: int) -> Block | None:
    """The part ``text[a:b]`` of a block (whitespace-trimmed), with its own exact span."""
    seg = block.text[a:b]
    a += len(seg) - len(seg.lstrip())
    b -= len(seg) - len(seg.rstrip())
    if a >= b:
        return None
    src = block.source
    if src.xpath is None and src.start is not None:  # plain text: offsets map exactly
        end = block.source_offset(b - 1)
        span = Span(block.source_offset(a), None if end is None else end + 1)
        pieces = tuple((max(t - a, 0), s + max(a - t, 0)) for t, s in block.pieces if t < b)
        pieces = tuple(p for k, p in enumerate(pieces) if k + 1 == len(pieces) or pieces[k + 1][0] > 0)
    else:  # HTML: a part of an element's text has no markup extent of its own
        span = Span(None, None, src.xpath, src.line)
        pieces = ()
    return replace(block, text=block.text[a:b], source=span, pieces=pieces)


def _split(block: Block, drops: list[Drop], filter_name: str) -> list[tuple[Block, int | None]] | None:
    """Cut a block into kept and dropped parts (refs still in the old indices).

    ``None`` when nothing of the block would be left, which makes it a whole-block removal.
    """
    ranges = _merge_ranges([d.part for d in drops if d.part], len(block.text))
    by_start = {max(0, d.part[0]): d for d in drops if d.part}
    out: list[tuple[Block, int | None]] = []
    pos = 0
    for a, b in ranges:
        kept = _slice_block(block, pos, a)
        if kept is not None:
            out.append((kept, None))
        d = by_start.get(a, drops[0])
        dropped = _slice_block(block, a, b)
        if dropped is not None:
            out.append((replace(dropped, kind=Kind.OTHER, kept=False, dropped_by=filter_name,
                                reason=d.reason, detail=d.detail), d.ref))
        pos = b
    tail = _slice_block(block, pos, len(block.text))
    if tail is not None:
        out.append((tail, None))
    return out if any(p.kept for p, _ in out) else None


def apply_decisions(doc: Document, filter_name: str, decisions: Iterable[Drop]) -> Document:
    """Record a filter's decisions; split blocks for partial removals; keep refs pointing right."""
    n = len(doc.blocks)
    whole: dict[int, Drop] = {}
    parts: dict[int, list[Drop]] = {}
    meta: dict[str, str] = {}
    for d in decisions:
        if not 0 <= d.index < n:
            raise IndexError(f"filter {filter_name!r} decided on block {d.index}, document has {n}")
        if d.ref is not None and not 0 <= d.ref < n:
            raise IndexError(f"filter {filter_name!r} referred block {d.index} to block {d.ref}, document has {n}")
        if not doc.blocks[d.index].kept or d.index in whole:
            continue  # already removed: the first explanation stands
        if d.part is None:
            if d.index == doc.title_index:
                continue  # the headline is kept; filters may only trim it
            whole[d.index] = d
            parts.pop(d.index, None)
        else:
            parts.setdefault(d.index, []).append(d)
        for key, value in d.metadata:
            meta.setdefault(key, value)

    metadata = doc.metadata.merged(**meta) if meta else doc.metadata
    if not parts:  # whole blocks only (the common case): the derived keys stay as they are
        blocks = list(doc.blocks)
        for i, d in whole.items():
            blocks[i] = blocks[i].as_dropped(filter_name, d.reason, d.detail, d.ref)
        return replace(doc, blocks=tuple(blocks), metadata=metadata)
    new_blocks: list[Block] = []
    derived: list[tuple] = []  # (key, n_words, stripped, tokens, plain) of each new block
    old_to_new: list[int] = []
    for i, block in enumerate(doc.blocks):
        split = _split(block, parts[i], filter_name) if i in parts else None
        if split is None and i in parts and i != doc.title_index:
            whole[i] = parts[i][0]
        if split is not None and i not in whole:
            old_to_new.append(len(new_blocks) + next(k for k, (p, _) in enumerate(split) if p.kept))
            for p, ref in split:
                new_blocks.append(p if ref is None else replace(p, ref=ref))
                text = unmark(p.text)
                key = normalize(text)
                derived.append((key, len(p.text.split()), strip_decoration(key), tuple(words(key)), text))
            continue
        old_to_new.append(len(new_blocks))
        if i in whole:
            d = whole[i]
            new_blocks.append(block.as_dropped(filter_name, d.reason, d.detail, d.ref))
        else:
            new_blocks.append(block)
        derived.append((doc.keys[i], doc.n_words[i], doc.stripped[i], doc.tokens[i], doc.plain[i]))
    keys, counts, stripped, tokens, plain = zip(*derived) if derived else ((), (), (), (), ())
    title_index = doc.title_index
    if len(new_blocks) != n:  # blocks were split: renumber, and move refs to the new numbers
        new_blocks = [
            replace(b, index=k, ref=None if b.ref is None else old_to_new[b.ref])
            for k, b in enumerate(new_blocks)
        ]
        if title_index is not None:
            title_index = old_to_new[title_index]
    return replace(doc, blocks=tuple(new_blocks), keys=keys, n_words=counts, stripped=stripped, tokens=tokens,
                   plain=plain, title_index=title_index, metadata=metadata)
