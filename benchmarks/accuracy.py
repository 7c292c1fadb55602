"""Accuracy: every system scored by the same snippet rule, in the same run, on the same pages.

Suites: the eval set (990 real pages, when present), the HTML samples (all HTML systems) and the
text samples (cleanerlib vs a keep-everything baseline vs datatrove's C4QualityFilter). Peers
with published figures are checked against them, so a scorer drift shows up as a peer drifting.

Every ``with`` snippet that trafilatura (``include_comments=False``) finds on an eval page but
cleanerlib misses - and every sample body block cleanerlib misses - is written to
``results/lost_snippets.json`` with the filter that dropped the block holding it, which is how
the team investigates each lost body snippet.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from ._common import (
    SAMPLES_DIR,
    Case,
    Tally,
    Verdict,
    has_eval_set,
    judge,
    load_eval_cases,
    load_sample_cases,
    norm,
)
from .systems import SYSTEMS, Runner, clean_case, load, reset_trafilatura_caches

#: Figures from the eval set's README (same scoring, trafilatura 2.3.1, readability-lxml 0.9,
#: resiliparse 2.0.1); the run reports its own numbers next to them.
REFERENCE = {
    "trafilatura": {"precision": 0.897, "recall": 0.947, "f1": 0.921},
    "trafilatura no comments": {"precision": 0.906, "recall": 0.947, "f1": 0.926},
    "trafilatura precision+dedup": {"precision": 0.915, "recall": 0.920, "f1": 0.918},
    "readability-lxml": {"f1": 0.873},
    "justext": {"f1": 0.862},
    "resiliparse": {"f1": 0.842},
}
#: The system whose finds define a "lost" snippet for cleanerlib on the eval set.
LOST_REFERENCE = "trafilatura no comments"
MAX_ERRORS_SHOWN = 5


def score(runner: Runner, cases: Iterable[Case]) -> tuple[Tally, dict[str, Verdict], list[str], float]:
    """Run one system over cases: (tally, verdict per case, first errors, seconds).

    An exception on a page counts as a failed extraction (all its ``with`` snippets missed).
    """
    tally, verdicts, errors = Tally(), {}, []
    reset_trafilatura_caches()
    start = time.perf_counter()
    for case in cases:
        try:
            output, failed = runner(case), False
        except Exception as err:
            output, failed = None, True
            if len(errors) < MAX_ERRORS_SHOWN:
                errors.append(f"{case.name}: {type(err).__name__}: {err}"[:300])
        verdicts[case.name] = verdict = judge(case, output)
        tally.add(verdict, failed)
    return tally, verdicts, errors, time.perf_counter() - start


def suites(eval_path: Path, limit: int | None, samples_dir: Path = SAMPLES_DIR) -> dict[str, list[Case]]:
    found = {}
    if has_eval_set(eval_path):
        found["eval"] = load_eval_cases(eval_path, limit)
    samples = load_sample_cases(samples_dir)
    for kind in ("html", "text"):
        if chosen := [c for c in samples if c.kind == kind]:
            found[f"samples-{kind}"] = chosen
    for cases in found.values():  # read and decode up front, so no system is timed on I/O
        for case in cases:
            case.text  # noqa: B018 - warms the cached properties raw and text
    return found


def run(eval_path: Path, limit: int | None = None, samples_dir: Path = SAMPLES_DIR) -> dict[str, Any]:
    cases_by_suite = suites(eval_path, limit, samples_dir)
    if "eval" not in cases_by_suite:
        print(f"  eval set absent at {eval_path}: scoring samples only")
    results: dict[str, Any] = {suite: {} for suite in cases_by_suite}
    skipped: dict[str, str] = {}
    verdicts: dict[tuple[str, str], dict[str, Verdict]] = {}
    for system in SYSTEMS:
        runner, why = load(system)
        if runner is None:
            skipped[system.name] = why
            print(f"  - {system.name}: skipped ({why})")
            continue
        for suite, cases in cases_by_suite.items():
            if cases[0].kind not in system.kinds:
                continue
            tally, verdicts[system.name, suite], errors, seconds = score(runner, cases)
            entry = tally.metrics() | {"seconds": round(seconds, 2), "feeds": system.feeds,
                                       "note": system.note, "error_examples": errors}
            if suite == "eval" and system.name in REFERENCE and limit is None:
                entry["reference"] = REFERENCE[system.name]
            results[suite][system.name] = entry
            print(f"  {system.name:30} {suite:13} P {entry['precision']:.3f} R {entry['recall']:.3f}"
                  f" F1 {entry['f1']:.3f}  ({seconds:.1f} s, {tally.errors} errors)", flush=True)

    lost = lost_snippets(cases_by_suite, verdicts) if "cleanerlib" not in skipped else []
    return {
        "sample_conflicts": sample_conflicts(cases_by_suite),
        "suites": results,
        "skipped": skipped,
        "cases": {suite: len(cases) for suite, cases in cases_by_suite.items()},
        "eval_dir": str(eval_path),
        "limit": limit,
        "lost_snippets": {
            "reference": LOST_REFERENCE,
            "count": len(lost),
            "by_filter": dict(sorted(Counter(e["filter"] or "(no block)" for e in lost).items())),
            "entries": lost,
        },
    }


def sample_conflicts(cases_by_suite: dict[str, list[Case]]) -> list[dict[str, str]]:
    """Removed texts that also occur inside a body block (typically a duplicate's copy).

    :func:`judge` counts such a text as leaked only when the output holds it more often than
    the body does; listed so that a reader knows which items are scored that way.
    """
    found = []
    for suite, cases in cases_by_suite.items():
        if suite == "eval":
            continue
        for case in cases:
            body = [norm(b) for b in case.with_]
            found += [{"sample": case.name, "removed": r} for r in case.without
                      if any(norm(r) in b for b in body)]
    return sorted(found, key=lambda c: (c["sample"], c["removed"]))


# ------------------------------------------------------------------------------ lost snippets


def lost_snippets(cases_by_suite: dict[str, list[Case]],
                  verdicts: dict[tuple[str, str], dict[str, Verdict]]) -> list[dict[str, Any]]:
    """Body snippets cleanerlib misses that the reference keeps, each traced to its block.

    Eval set: snippets trafilatura (no comments) finds and cleanerlib misses. Samples: every
    gold body block cleanerlib misses (the gold is the reference). Each page is cleaned once
    more to get ``res.blocks``; the snippet is matched to blocks by normalised substring.
    """
    entries = []
    for suite, cases in cases_by_suite.items():
        mine = verdicts.get(("cleanerlib", suite), {})
        ref = verdicts.get((LOST_REFERENCE, suite)) if suite == "eval" else None
        for case in cases:
            if case.name not in mine or (suite == "eval" and ref is None):
                continue
            lost = [s for s in mine[case.name].missed if ref is None or s not in ref[case.name].missed]
            if not lost:
                continue
            try:
                blocks = clean_case(case).blocks
            except Exception as err:
                blocks, failure = [], f"{type(err).__name__}: {err}"[:200]
            else:
                failure = None
            for snippet in lost:
                entries.append({"suite": suite, "page": case.name, "snippet": snippet,
                                **trace(snippet, blocks, failure)})
    return entries


def trace(snippet: str, blocks, failure: str | None = None) -> dict[str, Any]:
    """Which blocks hold the snippet, and which filter dropped them.

    First the blocks that contain the whole snippet; failing that, the blocks whose text lies
    inside the snippet (a snippet spanning several blocks). ``filter`` is the first dropping
    filter among them; ``None`` with ``why`` explains when no filter is to blame.
    """
    target = norm(snippet)
    normed = [(b, norm(b.text)) for b in blocks]
    hits = [b for b, t in normed if target in t]
    if not hits:
        hits = [b for b, t in normed if len(t) >= 10 and t in target]
    dropped = [b for b in hits if not b.kept]
    if failure:
        why = f"clean() failed: {failure}"
    elif not hits:
        why = "in no block: lost before the filters (decoding, segmentation) or split oddly"
    elif not dropped:
        why = "every matching block is kept: the snippet spans blocks or was rewritten"
    else:
        why = None
    first = dropped[0] if dropped else None
    return {
        "filter": first.dropped_by if first else None,
        "reason": first.reason if first else None,
        "why": why,
        "blocks": [{"index": b.index, "kept": b.kept, "dropped_by": b.dropped_by,
                    "reason": b.reason, "text": b.text[:300]} for b in hits[:5]],
    }


# ---------------------------------------------------------------------------------- report


def markdown(data: dict[str, Any]) -> str:
    lines = ["## Accuracy", ""]
    titles = {"eval": f"Eval set ({data['cases'].get('eval', 0)} pages)",
              "samples-html": f"HTML samples ({data['cases'].get('samples-html', 0)})",
              "samples-text": f"Text samples ({data['cases'].get('samples-text', 0)})"}
    order = {s.name: i for i, s in enumerate(SYSTEMS)}  # the JSON is key-sorted; show registry order
    for suite, by_name in sorted(data["suites"].items()):
        systems = dict(sorted(by_name.items(), key=lambda kv: order.get(kv[0], len(order))))
        lines += [f"### {titles.get(suite, suite)}", "",
                  "| system | P | R | F1 | accuracy | TP | FP | FN | TN | errors | seconds | reference |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for name, m in systems.items():
            ref = " ".join(f"{k[0].upper()} {v:.3f}" for k, v in m.get("reference", {}).items())
            lines.append(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                         f"{m['accuracy']:.3f} | {m['tp']} | {m['fp']} | {m['fn']} | {m['tn']} | "
                         f"{m['errors']} | {m['seconds']} | {ref} |")
        categories = sorted({c for m in systems.values() for c in m.get("leaks_by_category", {})})
        if categories:
            lines += ["", "Removed residue that leaks into the output, per category (leaked / total):", "",
                      "| system | " + " | ".join(categories) + " |",
                      "|---" * (len(categories) + 1) + "|"]
            for name, m in systems.items():
                cells = [m["leaks_by_category"].get(c, {"leaked": 0, "total": 0}) for c in categories]
                lines.append(f"| {name} | " + " | ".join(f"{c['leaked']}/{c['total']}" for c in cells) + " |")
        lines.append("")
    for name, why in data["skipped"].items():
        lines.append(f"- **{name}** skipped: {why}")
    for c in data.get("sample_conflicts", []):
        lines.append(f"- sample `{c['sample']}`: removed text also in the body, leaks only if "
                     f"repeated: {c['removed'][:80]!r}")
    lost = data["lost_snippets"]
    if "cleanerlib" not in data["skipped"]:
        lines += ["", f"Lost body snippets (in `lost_snippets.json`): {lost['count']} "
                  f"(eval: found by {lost['reference']}, missed by cleanerlib; samples: gold body "
                  "missed by cleanerlib). By filter: "
                  + (", ".join(f"{k} {v}" for k, v in lost["by_filter"].items()) or "none")]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - `python -m benchmarks --only accuracy` is the way
    sys.exit("run: python -m benchmarks --only accuracy")
