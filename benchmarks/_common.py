"""What every benchmark part shares: where the data is, how pages are read, how output is scored.

There is exactly one scoring function (:func:`judge`) and one accumulator (:class:`Tally`), so
every system - cleanerlib, each peer, each baseline - is measured by the same code in the same
run. The scoring follows the eval set's README, which follows trafilatura's own benchmark, so
our numbers can be laid next to its published table.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Sequence

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"
SAMPLES_DIR = PROJECT_ROOT / "samples"
#: The eval set lives beside the project, never inside it (its pages belong to their publishers).
DEFAULT_EVAL_DIR = PROJECT_ROOT.parent / "shared" / "eval" / "trafilatura-eval"
EVAL_DIR_ENV = "CLEANERLIB_EVAL_DIR"

#: Distributions whose versions go into every result file.
VERSIONED = (
    "cleanerlib", "trafilatura", "justext", "readability-lxml", "resiliparse", "boilerpy3",
    "datatrove", "spacy", "lxml", "beautifulsoup4", "charset-normalizer",
)


def eval_dir(arg: str | os.PathLike | None = None) -> Path:
    """``--eval-dir``, else ``$CLEANERLIB_EVAL_DIR``, else ``../shared/eval/trafilatura-eval``."""
    return Path(arg or os.environ.get(EVAL_DIR_ENV) or DEFAULT_EVAL_DIR).resolve()


def has_eval_set(path: Path) -> bool:
    return (path / "expectations.json").is_file()


# ---------------------------------------------------------------------------- pages and cases

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Collapse whitespace runs to one space: layout differences must not decide a match."""
    return _WS.sub(" ", text).strip()


def decode(raw: bytes) -> str:
    """Bytes -> str the same way for every system that wants str.

    trafilatura's ``decode_file`` (UTF-8 first, then charset detection, then lossy UTF-8) is
    what trafilatura itself does to bytes, so trafilatura fed bytes and a peer fed this string
    see the same characters.
    """
    try:
        from trafilatura.utils import decode_file
    except ImportError:  # pragma: no cover - trafilatura is a core dependency
        return raw.decode("utf-8", errors="replace")
    return decode_file(raw)


@dataclass(frozen=True)
class Case:
    """One scored input: a page (HTML or text) plus the snippets its output must / must not hold.

    ``categories`` is parallel to ``without`` (samples give each removed item a category; the
    eval set does not, so there it is empty).
    """

    name: str
    kind: str  # "html" or "text"
    path: Path
    url: str | None
    with_: tuple[str, ...]
    without: tuple[str, ...]
    categories: tuple[str, ...] = ()
    gzipped: bool = False

    @cached_property
    def raw(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.gzipped else data

    @cached_property
    def text(self) -> str:
        return decode(self.raw)


def load_eval_cases(path: Path, limit: int | None = None) -> list[Case]:
    """The eval set's pages, sorted by name so ``--limit N`` and dedup caches are reproducible."""
    expectations = json.loads((path / "expectations.json").read_text(encoding="utf-8"))
    cases = [
        Case(name, "html", path / item["file"], item.get("url"),
             tuple(item["with"]), tuple(item["without"]), gzipped=item["file"].endswith(".gz"))
        for name, item in sorted(expectations.items())
    ]
    return cases[:limit] if limit else cases


def load_sample_cases(path: Path = SAMPLES_DIR) -> list[Case]:
    """The hand-made fixtures: ``body`` entries are ``with``, ``removed`` texts are ``without``."""
    cases = []
    for gold_path in sorted(path.glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            removed = gold.get("removed", [])
            cases.append(Case(
                name=gold_path.name[: -len(".gold.json")],
                kind=gold["kind"],
                path=path / gold["input"],
                url=gold.get("url"),
                with_=tuple(gold["body"]),
                without=tuple(r["text"] for r in removed),
                categories=tuple(r.get("category", "uncategorised") for r in removed),
            ))
        except (KeyError, TypeError, ValueError) as err:  # a fixture being written right now
            print(f"  ! skipping sample {gold_path.name}: {err!r}", file=sys.stderr)
    return [c for c in cases if c.path.is_file()]


# ---------------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Verdict:
    """How one output fared on one case; ``missed`` and ``leaked`` keep the snippets themselves."""

    missed: tuple[str, ...]
    leaked: tuple[int, ...]  # indexes into case.without
    case: Case

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """(TP, FP, FN, TN)."""
        n_with, n_without = len(self.case.with_), len(self.case.without)
        fn, fp = len(self.missed), len(self.leaked)
        return n_with - fn, fp, fn, n_without - fp


def judge(case: Case, output: str | None) -> Verdict:
    """Score one output: the single scoring rule used for every system.

    A ``with`` snippet found (after whitespace collapsing, on both sides) is a true positive,
    missing a false negative; a ``without`` snippet found is a false positive, missing a true
    negative. A failed extraction (``None`` or not a string) holds nothing: all ``with``
    snippets are missed and all ``without`` ones count as correctly absent, as in
    trafilatura's scorer.

    One extension, for samples whose removed residue repeats body text (a dek or pull quote
    that duplicates a paragraph): a ``without`` snippet that also occurs k times inside the
    ``with`` snippets leaks only when the output holds it more than k times. For every other
    snippet k is 0 and this is the plain rule (the eval set has no such snippet).
    """
    out = norm(output) if isinstance(output, str) else ""
    wanted = [norm(s) for s in case.with_]
    missed = tuple(s for s, n in zip(case.with_, wanted, strict=True) if n not in out)
    leaked = []
    for i, snippet in enumerate(case.without):
        n = norm(snippet)
        if n in out and out.count(n) > sum(w.count(n) for w in wanted):
            leaked.append(i)
    return Verdict(missed, tuple(leaked), case)


@dataclass
class Tally:
    """Sums verdicts over cases; derives P, R, F1, accuracy and per-category leaks."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    cases: int = 0
    errors: int = 0
    leaked_by_category: Counter = field(default_factory=Counter)
    total_by_category: Counter = field(default_factory=Counter)

    def add(self, verdict: Verdict, error: bool = False) -> None:
        tp, fp, fn, tn = verdict.counts
        self.tp, self.fp, self.fn, self.tn = self.tp + tp, self.fp + fp, self.fn + fn, self.tn + tn
        self.cases += 1
        self.errors += error
        cats = verdict.case.categories
        self.total_by_category.update(cats)
        self.leaked_by_category.update(cats[i] for i in verdict.leaked if i < len(cats))

    def metrics(self) -> dict[str, Any]:
        tp, fp, fn, tn = self.tp, self.fp, self.fn, self.tn
        out: dict[str, Any] = {
            "tp": tp, "fp": fp, "fn": fn, "tn": tn, "cases": self.cases, "errors": self.errors,
            "precision": _ratio(tp, tp + fp),
            "recall": _ratio(tp, tp + fn),
            "f1": _ratio(2 * tp, 2 * tp + fp + fn),
            "accuracy": _ratio(tp + tn, tp + fp + fn + tn),
        }
        if self.total_by_category:
            out["leaks_by_category"] = {
                cat: {"leaked": self.leaked_by_category[cat], "total": total}
                for cat, total in sorted(self.total_by_category.items())
            }
        return out


def _ratio(num: float, den: float) -> float:
    return round(num / den, 6) if den else 0.0  # 6 places: tables round once, not twice


# ------------------------------------------------------------------------- timing and output


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def times(a: float, b: float) -> str:
    """Human ratio text: "1.18×" (a's time over b's)."""
    return f"{a / b:.2f}×" if b else "n/a"


def versions(names: Iterable[str] = VERSIONED) -> dict[str, str | None]:
    found = {}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    if found.get("cleanerlib") is None:  # not pip-installed: report the importable one, if any
        try:
            import cleanerlib
            from cleanerlib import clean  # noqa: F401 - a half-written package is not "importable"

            found["cleanerlib"] = getattr(cleanerlib, "__version__", "importable, not installed")
        except Exception:
            pass
    return found


def machine() -> dict[str, Any]:
    """What a reader needs to compare timings across machines."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        usable = os.cpu_count()
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
    }


def write_result(name: str, data: dict[str, Any]) -> Path:
    """``benchmarks/results/<name>.json`` with sorted keys, so reruns diff cleanly."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path
