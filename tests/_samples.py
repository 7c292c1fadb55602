"""Loading ``samples/`` and comparing a result with a page's gold answer (shared by tests)."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", s or "").split())


@dataclass(frozen=True)
class Sample:
    name: str
    gold: dict
    raw: bytes

    @property
    def url(self) -> str | None:
        return self.gold.get("url")


def load_samples() -> list[Sample]:
    out = []
    for path in sorted(SAMPLES.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append(Sample(path.name[: -len(".gold.json")], gold, (SAMPLES / gold["input"]).read_bytes()))
    return out


def _dropped(text: str, blocks, html: bool) -> bool:
    """Is ``text`` a dropped block, or a run of adjacent dropped blocks?

    A gold item for HTML is the text of one element; when that element holds several blocks
    (a card with a headline, a date and a label), all of them must have been dropped, and when
    a dropped block holds several gold items (spans of one byline line), it holds them all.
    """
    squeezed = text.replace(" ", "")
    for i, b in enumerate(blocks):
        if b.kept:
            continue
        if norm(b.text) == text or (html and text in norm(b.text)):
            return True
        run = ""
        for c in blocks[i:]:
            if c.kept or not squeezed.startswith(run + norm(c.text).replace(" ", "")):
                break
            run += norm(c.text).replace(" ", "")
            if run == squeezed:
                return True
    return False


def _merge_runs(got: list[str], want: set[str]) -> list[str]:
    """Join consecutive kept blocks that together are one gold block (a quote and its
    attribution, an element the gold counts whole and the segmenter splits)."""
    out: list[str] = []
    i = 0
    while i < len(got):
        if got[i] not in want:
            for j in range(i + 2, min(len(got), i + 6) + 1):
                joined = " ".join(got[i:j])
                if joined in want:
                    out.append(joined)
                    i = j
                    break
            else:
                out.append(got[i])
                i += 1
        else:
            out.append(got[i])
            i += 1
    return out


def compare(gold: dict, result) -> list[str]:
    """Every difference between a result and the gold: missing, leaked, unexplained drops."""
    problems = []
    html = gold.get("kind") == "html"
    got = [norm(b.text) for b in result.blocks if b.kept]
    want = [norm(b) for b in gold["body"]]
    if html:
        got = _merge_runs(got, set(want))
    for b in want:
        if b not in got:
            problems.append(f"MISSING {b[:100]!r}")
    for g in got:
        if g not in want:
            problems.append(f"LEAKED {g[:100]!r}")
    if [g for g in got if g in want] != [w for w in want if w in got]:
        problems.append("ORDER of body blocks differs")
    for item in gold["removed"]:
        if not _dropped(norm(item["text"]), result.blocks, html):
            problems.append(f"NOT DROPPED ({item['category']}) {item['text'][:80]!r}")
    for b in result.blocks:
        if not b.kept and not (b.dropped_by and b.reason and b.detail):
            problems.append(f"UNEXPLAINED drop {b.text[:60]!r}")
    return problems
