"""Speed: what cleanerlib costs next to what people would otherwise run, on one core.

Four measurements, each against a yardstick so the number means something on any machine:

- **html**: ``cleanerlib.clean(html)`` vs ``trafilatura.extract(html)`` (defaults) on the same
  pages (the first 300 eval pages by name, or the HTML samples when the eval set is absent);
  also ``Cleaner(html_offsets=True)``, which finds each HTML block's character offsets too.
- **text**: on trafilatura's extracted texts of those pages (computed before any timing),
  ``cleanerlib.clean(text, input_type="text")`` vs datatrove's ``C4QualityFilter`` +
  ``GopherRepetitionFilter`` (both always run on every text, since cleanerlib also does all its
  work on every text), and vs a *floor* that only splits lines, NFKC-normalises, casefolds and
  hashes them - the least any line-level cleaner must do.
- **growth**: synthetic documents of 100, 1,000 and 10,000 blocks full of near-duplicates,
  pull quotes and teaser zones (the cases that tempt a cleaner into pairwise comparisons);
  t(1000)/t(100) and t(10000)/t(1000) should stay near 10 if cleaning is linear. Timed in a
  fresh interpreter, with equal-work samples of the sizes interleaved.
- **memory**: peak RSS (VmHWM) of a fresh subprocess cleaning the 10,000-block document and the HTML
  pages (trafilatura on the same pages alongside, for scale).

Timing: single process, ``time.perf_counter``, a warm-up pass first, then several repetitions
with the systems interleaved; the median is reported. Each measurement runs in a fresh
interpreter that holds only the systems it compares (see :func:`_fresh`).
"""

from __future__ import annotations

import hashlib
import json
import random
import resource
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any, Callable, Sequence

from ._common import (
    PROJECT_ROOT,
    SAMPLES_DIR,
    Case,
    has_eval_set,
    load_eval_cases,
    load_sample_cases,
    median,
)
from .systems import reset_trafilatura_caches

HTML_PAGES = 300
WARMUP = 10  # items per system before timing: imports, lazy tables, spaCy pipeline
GROWTH_SIZES = (100, 1_000, 10_000)
GROWTH_SEED = 20240601
GROWTH_GIVE_UP = 300.0  # seconds: a size slower than this is not repeated, bigger ones skipped


def _cleaner_html() -> Callable[[bytes], Any]:
    from cleanerlib import clean

    return clean


def _cleaner_html_offsets() -> Callable[[bytes], Any]:
    from cleanerlib import Cleaner

    return Cleaner(html_offsets=True).clean


def _cleaner_text() -> Callable[[str], Any]:
    from cleanerlib import clean

    return lambda text: clean(text, input_type="text")


def _trafilatura() -> Callable[[bytes], Any]:
    import trafilatura

    return trafilatura.extract


def _datatrove() -> Callable[[str], Any]:
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter, GopherRepetitionFilter

    c4, gopher = C4QualityFilter(), GopherRepetitionFilter()

    def run(text: str) -> None:
        c4.filter(Document(text=text, id="c4"))  # C4 rewrites doc.text: give each its own doc
        gopher.filter(Document(text=text, id="gopher"))

    return run


def _floor() -> Callable[[str], Any]:
    blake2b, nfkc = hashlib.blake2b, unicodedata.normalize

    def run(text: str) -> list[bytes]:
        return [blake2b(nfkc("NFKC", line).casefold().encode(), digest_size=8).digest()
                for line in text.splitlines()]

    return run


def _make(factories: dict[str, Callable[[], Callable]]) -> tuple[dict[str, Callable], dict[str, str]]:
    ready, skipped = {}, {}
    for name, factory in factories.items():
        try:
            ready[name] = factory()
        except Exception as err:
            skipped[name] = f"{type(err).__name__}: {err}"
            print(f"  - {name}: skipped ({skipped[name]})")
    return ready, skipped


def compare(fns: dict[str, Callable], items: Sequence, repeat: int) -> dict[str, dict[str, Any]]:
    """Median wall time of each fn over all items; warm-up first, repetitions interleaved.

    An exception on an item is counted and the run goes on (its time still counts).
    """
    runs: dict[str, list[float]] = {name: [] for name in fns}
    errors = dict.fromkeys(fns, 0)
    for fn in fns.values():
        for item in items[:WARMUP]:
            try:
                fn(item)
            except Exception:
                pass
    for _ in range(repeat):
        for name, fn in fns.items():
            reset_trafilatura_caches()
            start = time.perf_counter()
            for item in items:
                try:
                    fn(item)
                except Exception:
                    errors[name] += 1
            runs[name].append(time.perf_counter() - start)
    return {name: {"seconds": round(median(r), 4), "runs": [round(x, 4) for x in r],
                   "errors": errors[name] // repeat} for name, r in runs.items()}


# ------------------------------------------------------------------------------------ parts


def html_pages(eval_path: Path, limit: int | None) -> tuple[list[Case], str]:
    if has_eval_set(eval_path):
        n = limit or HTML_PAGES
        return load_eval_cases(eval_path, n), f"first {n} eval pages by name"
    print(f"  eval set absent at {eval_path}: timing the HTML samples")
    return [c for c in load_sample_cases(SAMPLES_DIR) if c.kind == "html"], "HTML samples"


def time_html(pages: list[Case], repeat: int) -> dict[str, Any]:
    fns, skipped = _make({"cleanerlib": _cleaner_html, "cleanerlib html_offsets": _cleaner_html_offsets,
                          "trafilatura": _trafilatura})
    raws = [p.raw for p in pages]
    timed = compare(fns, raws, repeat)
    for entry in timed.values():
        entry["pages_per_s"] = round(len(raws) / entry["seconds"], 2)
    return {"pages": len(raws), "mb": round(sum(map(len, raws)) / 1e6, 3), "systems": timed,
            "skipped": skipped, "ratio": _ratio(timed, "cleanerlib", "trafilatura"),
            "ratio_offsets": _ratio(timed, "cleanerlib html_offsets", "trafilatura")}


def time_text(pages: list[Case], repeat: int) -> dict[str, Any]:
    try:
        import trafilatura
    except ImportError as err:
        return {"skipped": {"all": f"trafilatura is needed to make the texts: {err}"}}
    reset_trafilatura_caches()
    texts = [t for t in (trafilatura.extract(p.raw) for p in pages) if t]
    fns, skipped = _make({"cleanerlib": _cleaner_text, "datatrove C4+Gopher": _datatrove,
                          "floor": _floor})
    timed = compare(fns, texts, repeat)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    for entry in timed.values():
        entry["docs_per_s"] = round(len(texts) / entry["seconds"], 2)
        entry["mb_per_s"] = round(mb / entry["seconds"], 3)
    return {"docs": len(texts), "mb": round(mb, 3), "systems": timed, "skipped": skipped,
            "ratio": _ratio(timed, "cleanerlib", "datatrove C4+Gopher"),
            "ratio_to_floor": _ratio(timed, "cleanerlib", "floor")}


def time_growth(repeat: int) -> dict[str, Any]:
    """Growth, timed in a fresh interpreter (see :func:`_growth` for how)."""
    return _fresh("growth-time", repeat=repeat)


def _fresh(task: str, eval_path: Path | None = None, limit: int | None = None, repeat: int | None = None
           ) -> dict[str, Any]:
    """Run one task of this module (``--child TASK``) in a fresh interpreter; its JSON result.

    Timing needs it: by the time speed is measured, the suite's own process holds the peers'
    heaps (spaCy's pipeline, every extractor's caches), which makes each allocation dearer and
    weighs on whichever system allocates most. A fresh interpreter holds only the systems a
    measurement compares. Memory needs it too, so that nothing earlier inflates the peak.
    """
    cmd = [sys.executable, "-m", "benchmarks.speed", "--child", task]
    if eval_path is not None:
        cmd += ["--eval-dir", str(eval_path)]
    if limit:
        cmd += ["--limit", str(limit)]
    if repeat is not None:
        cmd += ["--repeat", str(repeat)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=3600)
    lines = proc.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line, flush=True)
    if proc.returncode or not lines:
        return {"skipped": {task: (proc.stderr.strip().splitlines() or ["failed"])[-1][:300]}}
    return json.loads(lines[-1])


def _growth(repeat: int) -> dict[str, Any]:
    """Seconds per document of each size, median of ``repeat`` samples.

    Every sample cleans the same number of blocks (the 1,000-block document ten times, the
    10,000-block one once), and the sizes take turns, so a slow spell of the machine weighs on
    all of them alike and the small document is not timed over a few milliseconds. It runs in
    a fresh interpreter: in the suite's own process the peers' heap (spaCy's pipeline,
    trafilatura's caches) makes each of the larger document's allocations dearer, which would
    measure the neighbours rather than cleanerlib's scaling.
    """
    fns, skipped = _make({"cleanerlib": _cleaner_text})
    if not fns:
        return {"skipped": skipped}
    clean = fns["cleanerlib"]
    clean(synthetic_document(GROWTH_SIZES[0], seed=GROWTH_SEED + 1))  # warm-up
    docs = {n: synthetic_document(n) for n in GROWTH_SIZES}
    runs: dict[int, list[float]] = {n: [] for n in GROWTH_SIZES}
    sizes = list(GROWTH_SIZES)
    for _ in range(repeat):
        for n in list(sizes):
            times = max(1, GROWTH_SIZES[-1] // n)
            start = time.perf_counter()
            for _ in range(times):
                clean(docs[n])
            elapsed = time.perf_counter() - start
            runs[n].append(elapsed / times)
            if elapsed >= GROWTH_GIVE_UP:  # quadratic code: do not wait for the bigger sizes
                print(f"    growth stopped: {n} blocks took over {GROWTH_GIVE_UP:.0f} s")
                sizes = [m for m in sizes if m <= n]
    timed = {}
    for n, r in runs.items():
        if r:
            timed[str(n)] = {"seconds": round(median(r), 4), "runs": [round(x, 4) for x in r],
                             "chars": len(docs[n])}
            print(f"    growth {n:>6} blocks: {median(r):.3f} s", flush=True)
    ratios = {f"{b}/{a}": round(timed[str(b)]["seconds"] / timed[str(a)]["seconds"], 2)
              for a, b in zip(GROWTH_SIZES, GROWTH_SIZES[1:], strict=False) if str(b) in timed}
    return {"sizes": timed, "ratios": ratios, "seed": GROWTH_SEED,
            "method": "fresh interpreter; each sample cleans 10,000 blocks (the document repeated); sizes interleaved"}


def measure_memory(eval_path: Path, limit: int | None) -> dict[str, Any]:
    """Peak RSS, each task in a fresh interpreter so nothing earlier inflates the peak."""
    return {task: _fresh(task, eval_path, limit) for task in ("growth", "html-cleanerlib", "html-trafilatura")}


def peak_rss_kib() -> int:
    """This process's peak RSS in KiB.

    Linux's ``VmHWM`` belongs to the current address space, so it starts afresh at exec;
    ``ru_maxrss`` survives fork+exec and would report the parent's peak when that was larger.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(task: str, eval_path: Path, limit: int | None) -> dict[str, Any]:
    """Run one memory task in this fresh process and report its peak RSS."""
    if task == "growth":
        work, items = _cleaner_text(), [synthetic_document(GROWTH_SIZES[-1])]
        what = f"{GROWTH_SIZES[-1]}-block synthetic document"
    else:
        pages, what = html_pages(eval_path, limit)
        work = _cleaner_html() if task == "html-cleanerlib" else _trafilatura()
        items = [p.raw for p in pages]
    before = peak_rss_kib()
    for item in items:
        try:
            work(item)
        except Exception:
            pass
    peak = peak_rss_kib()
    return {"what": what, "peak_rss_mb": round(peak / 1024, 1),
            "before_work_mb": round(before / 1024, 1), "growth_mb": round((peak - before) / 1024, 1)}


def _ratio(timed: dict[str, dict], a: str, b: str) -> float | None:
    if a in timed and b in timed and timed[b]["seconds"]:
        return round(timed[a]["seconds"] / timed[b]["seconds"], 3)
    return None


def run(eval_path: Path, limit: int | None = None, repeat: int = 5) -> dict[str, Any]:
    pages, source = html_pages(eval_path, limit)
    if not pages:
        return {"skipped": "no HTML pages to time (eval set and HTML samples absent)"}
    for page in pages:
        page.raw  # noqa: B018 - read before timing
    result: dict[str, Any] = {"source": source, "repeat": repeat, "warmup_items": WARMUP}
    for part, fn in (("html", lambda: _fresh("html-time", eval_path, limit, repeat)),
                     ("text", lambda: _fresh("text-time", eval_path, limit, repeat)),
                     ("growth", lambda: time_growth(repeat)),
                     ("memory", lambda: measure_memory(eval_path, limit))):
        start = time.perf_counter()
        result[part] = fn()
        result[part]["wall_seconds"] = round(time.perf_counter() - start, 1)
        print(f"  {part}: done in {result[part]['wall_seconds']} s", flush=True)
    return result


# ------------------------------------------------------------------------ synthetic documents

_VOCAB = """
able account after again against agency analysis announced answer approach area around
available back based battery because become before began behind believe better between
beyond billion board boost build business buyers called campaign capacity carrier cause
central change cheaper chief chips choice city claims clear close cloud code company
competition concerns consumers contract control cost could council country court customers
data deal decision demand design despite developers device different digital director
early earnings economy effort election energy engineers enough entire every expect experts
factory faster feature federal figures final firm first focus following force former
future global government group growth hardware health higher however huge impact increase
industry instead interest investors issue job keep known large later launch leaders least
less likely limit local long lower major make market measure media million mobile model
money month move national nearly network never news number offer office often online open
operating order others over part partners patent people percent period phone place plan
platform point policy power present price private problem product program project public
quarter question quickly rather reach ready really reason record regulators release report
research result revenue rival rules sales same screen second security senior service several
share short should signal since small software source speed spending staff start state still
storage strong study supply support system team technology test their third though three
today together tool total trade traffic update users value vendor version video wallet week
where while wireless without work world would year young
""".split()
_CATEGORIES = ("Security", "Cloud", "Gadgets", "Startups", "Policy", "Mobile", "Enterprise", "AI")


def synthetic_document(n_blocks: int, seed: int = GROWTH_SEED) -> str:
    """A deterministic plain-text document of exactly ``n_blocks`` blocks (blank-line separated).

    About half are ordinary paragraphs (all different); the rest are the hard cases, spread
    through the document: near-duplicate paragraphs (a few words swapped or dropped), pull
    quotes (a sentence copied out of an earlier paragraph) and teaser zones ("You may also
    like", a category glued to a headline, a summary, "Read More →").
    """
    rng = random.Random(f"{seed}:{n_blocks}")

    def sentence(lo: int = 8, hi: int = 20) -> str:
        words = rng.choices(_VOCAB, k=rng.randint(lo, hi))
        return " ".join(words).capitalize() + rng.choice(".....?!")

    def paragraph() -> list[str]:
        return [sentence() for _ in range(rng.randint(3, 6))]

    def reword(sentences: list[str]) -> str:
        words = " ".join(sentences).split()
        out = [rng.choice(_VOCAB) if rng.random() < 0.08 else w for w in words if rng.random() > 0.03]
        return " ".join(out)

    paragraphs: list[list[str]] = []
    blocks: list[str] = []
    while len(blocks) < n_blocks:
        roll = rng.random()
        if roll < 0.5 or not paragraphs:
            paragraphs.append(paragraph())
            blocks.append(" ".join(paragraphs[-1]))
        elif roll < 0.65:
            blocks.append(reword(rng.choice(paragraphs)))
        elif roll < 0.8:
            blocks.append(rng.choice(rng.choice(paragraphs)))
        else:
            headline = sentence(5, 9).rstrip(".?!").title()
            blocks += ["You may also like", rng.choice(_CATEGORIES) + headline,
                       sentence(12, 24), "Read More →"]
    return "\n\n".join(blocks[:n_blocks]) + "\n"


# ---------------------------------------------------------------------------------- report


def markdown(data: dict[str, Any]) -> str:
    lines = ["## Speed", ""]
    if "skipped" in data and isinstance(data["skipped"], str):
        return "\n".join(lines + [data["skipped"], ""])
    lines.append(f"Pages: {data['source']}; median of {data['repeat']} interleaved runs after a "
                 f"{data['warmup_items']}-item warm-up.")
    html = data["html"]
    lines += ["", f"### HTML ({html['pages']} pages, {html['mb']} MB)", "",
              "| system | median s | pages/s | errors |", "|---|---|---|---|"]
    lines += [f"| {n} | {e['seconds']} | {e['pages_per_s']} | {e['errors']} |" for n, e in html["systems"].items()]
    if html.get("ratio"):
        lines += ["", f"cleanerlib is **{html['ratio']:.2f}×** trafilatura's time."]
    text = data["text"]
    if "systems" in text:
        lines += ["", f"### Plain text ({text['docs']} trafilatura-extracted texts, {text['mb']} MB)", "",
                  "| system | median s | docs/s | MB/s |", "|---|---|---|---|"]
        lines += [f"| {n} | {e['seconds']} | {e['docs_per_s']} | {e['mb_per_s']} |"
                  for n, e in text["systems"].items()]
        if text.get("ratio"):
            lines += ["", f"cleanerlib is **{text['ratio']:.2f}×** datatrove C4+Gopher's time."]
        if text.get("ratio_to_floor"):
            lines += ["", f"cleanerlib is **{text['ratio_to_floor']:.1f}×** the floor's time "
                      "(split lines, NFKC + casefold, blake2b-8 each)."]
    growth = data["growth"]
    if "sizes" in growth:
        lines += ["", "### Growth (synthetic text, cleanerlib)", "",
                  "Timed in a fresh interpreter; every sample cleans 10,000 blocks (the smaller documents "
                  "repeated) and the sizes take turns.", "", "| blocks | chars | median s per document |",
                  "|---|---|---|"]
        lines += [f"| {n} | {e['chars']} | {e['seconds']} |" for n, e in growth["sizes"].items()]
        lines += ["", "Ratios (10 = linear): " + ", ".join(f"t({k}) = {v}×" for k, v in growth["ratios"].items())]
    memory = data["memory"]
    lines += ["", "### Peak memory (fresh process, RSS)", "", "| task | peak MB | before work MB | growth MB |",
              "|---|---|---|---|"]
    for task, e in memory.items():
        if isinstance(e, dict) and "peak_rss_mb" in e:
            lines.append(f"| {task}: {e['what']} | {e['peak_rss_mb']} | {e['before_work_mb']} | {e['growth_mb']} |")
        elif isinstance(e, dict) and "skipped" in e:
            lines.append(f"| {task} | skipped: {e['skipped']} | | |")
    skipped = {**html.get("skipped", {}), **text.get("skipped", {}), **growth.get("skipped", {})}
    lines += [""] + [f"- **{n}** skipped: {why}" for n, why in sorted(skipped.items())]
    return "\n".join(lines) + "\n"


def _main(argv: list[str]) -> int:
    """Entry for the fresh-interpreter children (``--child TASK``); the suite runs via ``python -m benchmarks``."""
    import argparse

    from ._common import eval_dir

    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed")
    parser.add_argument("--child", choices=("html-time", "text-time", "growth-time", "growth", "html-cleanerlib",
                                            "html-trafilatura"), required=True)
    parser.add_argument("--eval-dir")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if args.child in ("html-time", "text-time"):
        pages, _ = html_pages(eval_dir(args.eval_dir), args.limit)
        timed = time_html(pages, args.repeat) if args.child == "html-time" else time_text(pages, args.repeat)
        print(json.dumps(timed, sort_keys=True))
    elif args.child == "growth-time":
        print(json.dumps(_growth(args.repeat), sort_keys=True))
    else:
        print(json.dumps(_child(args.child, eval_dir(args.eval_dir), args.limit), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
