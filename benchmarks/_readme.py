"""The README's benchmark section, rebuilt from ``results/*.json`` after every run.

The README quotes a handful of numbers; writing them from the result files (between the
``benchmark-tables`` markers) keeps them from drifting away from what the last run measured.
The full tables stay in ``results/RESULTS.md``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ._common import PROJECT_ROOT, RESULTS_DIR

README = PROJECT_ROOT / "README.md"
START, END = "<!-- benchmark-tables:start -->", "<!-- benchmark-tables:end -->"

# how each eval-set system is named in the README
_LABELS = {
    "cleanerlib": "**cleanerlib** (default pipeline)",
    "trafilatura no comments": "trafilatura `include_comments=False`",
    "trafilatura": "trafilatura defaults",
    "trafilatura precision+dedup": "trafilatura `favor_precision=True, deduplicate=True`",
    "readability-lxml": "readability-lxml",
    "justext": "jusText (all stoplists)",
    "resiliparse": "resiliparse",
    "boilerpy3": "boilerpy3",
}


def _load(name: str, results: Path) -> dict[str, Any] | None:
    path = results / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _stamp(data: dict[str, Any]) -> str:
    meta = data.get("meta", {})
    m = meta.get("machine", {})
    return (f"`{meta.get('command')}` on {str(meta.get('date', ''))[:10]}, Python {m.get('python')}, "
            f"{m.get('cpu')}, {m.get('cores')} cores")


def _accuracy(data: dict[str, Any]) -> list[str]:
    suites = data.get("suites", {})
    versions = data.get("meta", {}).get("versions", {})
    out: list[str] = []
    if suites.get("eval"):
        out += [f"Accuracy on the {data['cases']['eval']} real pages of trafilatura's evaluation set "
                "(snippet scoring as in trafilatura's own benchmark; same code, same run for every system; "
                f"trafilatura {versions.get('trafilatura')}):", "",
                "| system | precision | recall | F1 |", "|---|---|---|---|"]
        rows = sorted(suites["eval"].items(), key=lambda kv: (kv[0] != "cleanerlib", -kv[1]["f1"]))
        for name, m in rows:
            cells = [f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}"]
            if name == "cleanerlib":
                cells = [f"**{c}**" for c in cells]
            out.append(f"| {_LABELS.get(name, name)} | " + " | ".join(cells) + " |")
        out.append("")
    for suite, what in (("samples-html", "HTML"), ("samples-text", "plain-text")):
        systems = suites.get(suite) or {}
        ours = systems.get("cleanerlib")
        peers = [(m["f1"], n) for n, m in systems.items() if n not in ("cleanerlib", "keep everything")]
        if ours and peers:
            f1, best = max(peers)
            out.append(f"- `samples/`, {data['cases'][suite]} {what} pages: cleanerlib F1 {ours['f1']:.3f} "
                       f"(P {ours['precision']:.3f}, R {ours['recall']:.3f}); best peer {best} F1 {f1:.3f}.")
    return out + ["", f"<sub>{_stamp(data)}.</sub>", ""] if out else []


def _speed(data: dict[str, Any]) -> list[str]:
    out = ["Speed, one process after a warm-up, median of "
           f"{data.get('repeat')} interleaved runs ({data.get('source')}):", "",
           "| measurement | cleanerlib | yardstick | ratio | target |", "|---|---|---|---|---|"]
    html, text, growth = data.get("html") or {}, data.get("text") or {}, data.get("growth") or {}
    if html.get("ratio"):
        s = html["systems"]
        out.append(f"| HTML, {html['pages']} pages | {s['cleanerlib']['pages_per_s']} pages/s | "
                   f"trafilatura.extract {s['trafilatura']['pages_per_s']} pages/s | "
                   f"{html['ratio']:.2f}× its time | ≤ 1.25× |")
        if html.get("ratio_offsets"):
            out.append(f"| HTML, `html_offsets=True` | {s['cleanerlib html_offsets']['pages_per_s']} pages/s | "
                       f"trafilatura.extract | {html['ratio_offsets']:.2f}× its time | |")
    if text.get("ratio"):
        s = text["systems"]
        dt = s["datatrove C4+Gopher"]
        out.append(f"| plain text, {text['docs']} texts | {s['cleanerlib']['docs_per_s']} docs/s, "
                   f"{s['cleanerlib']['mb_per_s']} MB/s | datatrove C4QualityFilter + GopherRepetitionFilter "
                   f"{dt['docs_per_s']} docs/s, {dt['mb_per_s']} MB/s | {1 / text['ratio']:.1f}× faster | ≥ 20× |")
    if text.get("ratio_to_floor"):
        fl = text["systems"]["floor"]
        out.append(f"| plain text vs the floor | | split lines, NFKC + casefold, hash: {fl['mb_per_s']} MB/s | "
                   f"{text['ratio_to_floor']:.1f}× its time | ≤ 15× |")
    ratios = growth.get("ratios") or {}
    if "10000/1000" in ratios:
        sizes = growth["sizes"]
        out.append(f"| growth, 1,000 → 10,000 blocks | {sizes['1000']['seconds']:.3f} s → "
                   f"{sizes['10000']['seconds']:.3f} s | linear: 10× | {ratios['10000/1000']:.2f}× | ≤ 12× |")
    memory = data.get("memory") or {}
    memory = {task: entry for task, entry in memory.items() if isinstance(entry, dict) and "peak_rss_mb" in entry}
    if "html-cleanerlib" in memory and "html-trafilatura" in memory:
        out.append(f"| peak memory, HTML pages | {memory['html-cleanerlib']['peak_rss_mb']} MB | "
                   f"trafilatura {memory['html-trafilatura']['peak_rss_mb']} MB | "
                   f"{memory['html-cleanerlib']['peak_rss_mb'] / memory['html-trafilatura']['peak_rss_mb']:.2f}× | |")
    if "growth" in memory:
        out.append(f"| peak memory, 10,000-block document | {memory['growth']['peak_rss_mb']} MB | | | |")
    return out + ["", f"<sub>{_stamp(data)}.</sub>", ""] if len(out) > 4 else []


def _batch(data: dict[str, Any]) -> list[str]:
    workers = data.get("workers") or {}
    if "1" not in workers or "2" not in workers:
        return []
    one, two = workers["1"], workers["2"]
    out = [f"`cleanerlib batch` on {data['records']} {data['source']} (start-up included): "
           f"1 worker {one['records_per_s']} records/s, 2 workers {two['records_per_s']} records/s "
           f"({1 / data['ratio_2_to_1']:.2f}× speed-up on {data.get('usable_cores')} cores)."]
    memory = data.get("memory") or {}
    if memory.get("ratio"):
        out[-1] += (f" Peak memory on {memory['scale']}× the input: {memory['peak_rss_mib_10x']} MiB vs "
                    f"{memory['peak_rss_mib_1x']} MiB ({memory['ratio']:.2f}×).")
    return out + ["", f"<sub>{_stamp(data)}.</sub>", ""]


def summary(results: Path = RESULTS_DIR) -> str:
    """The README's benchmark section from whichever result files exist."""
    lines: list[str] = []
    for name, render in (("accuracy", _accuracy), ("speed", _speed), ("batch", _batch)):
        data = _load(name, results)
        if data:
            lines += render(data)
    lines.append("All tables, the lost-snippet investigation and each run's library versions: "
                 "[benchmarks/results/RESULTS.md](benchmarks/results/RESULTS.md).")
    return "\n".join(lines)


def update_readme(readme: Path = README, results: Path = RESULTS_DIR) -> bool:
    """Rewrite the section between the markers; False when the README has no markers."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        return False
    new = pattern.sub(lambda _: f"{START}\n{summary(results)}\n{END}", text)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return True
