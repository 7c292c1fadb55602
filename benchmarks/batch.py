"""Batch throughput: ``cleanerlib batch IN.jsonl -o OUT.jsonl --workers N`` with 1 and 2 workers.

A placeholder until the CLI exists: when no ``cleanerlib batch`` answers ``--help``, the part
is skipped with a note. The input JSONL is built in a temporary directory (never in the repo)
from the eval pages, one record per page: ``{"id", "url", "html"}`` with the page decoded the
shared way. If the CLI settles on other field names, change :func:`record` only.

The times include process start-up and imports, as a user of the CLI would pay them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ._common import (
    SAMPLES_DIR,
    Case,
    has_eval_set,
    load_eval_cases,
    load_sample_cases,
    times,
)

WORKERS = (1, 2)
TIMEOUT = 3600


def record(case: Case) -> dict[str, Any]:
    return {"id": case.name, "url": case.url, "html": case.text}


def find_cli() -> list[str] | None:
    """The first way of calling ``cleanerlib`` whose ``batch --help`` succeeds."""
    candidates = []
    beside = Path(sys.executable).with_name("cleanerlib")
    if beside.exists():
        candidates.append([str(beside)])
    if found := shutil.which("cleanerlib"):
        candidates.append([found])
    candidates.append([sys.executable, "-m", "cleanerlib"])
    for cmd in candidates:
        try:
            proc = subprocess.run(cmd + ["batch", "--help"], capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if proc.returncode == 0:
            return cmd
    return None


def run(eval_path: Path, limit: int | None = None) -> dict[str, Any]:
    cli = find_cli()
    if cli is None:
        print("  `cleanerlib batch` does not exist yet: skipped")
        return {"skipped": "`cleanerlib batch` not available yet (no CLI answered `batch --help`)"}
    if has_eval_set(eval_path):
        cases, source = load_eval_cases(eval_path, limit), "eval pages"
    else:
        print(f"  eval set absent at {eval_path}: using the HTML samples")
        cases, source = [c for c in load_sample_cases(SAMPLES_DIR) if c.kind == "html"], "HTML samples"
    if not cases:
        return {"skipped": "no pages to run"}
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="cleanerlib-batch-") as tmp:
        source_file = Path(tmp) / "in.jsonl"
        with source_file.open("w", encoding="utf-8") as f:
            for case in cases:
                f.write(json.dumps(record(case), ensure_ascii=False) + "\n")
        for workers in WORKERS:
            out = Path(tmp) / f"out-{workers}.jsonl"
            cmd = cli + ["batch", str(source_file), "-o", str(out), "--workers", str(workers)]
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
            seconds = time.perf_counter() - start
            written = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
            runs[str(workers)] = {"seconds": round(seconds, 3), "records_out": written,
                                  "records_per_s": round(len(cases) / seconds, 2),
                                  "returncode": proc.returncode,
                                  "stderr_tail": proc.stderr.strip()[-500:]}
            print(f"  {workers} worker(s): {seconds:.1f} s, {len(cases) / seconds:.1f} records/s, "
                  f"exit {proc.returncode}", flush=True)
    one, two = runs["1"]["seconds"], runs["2"]["seconds"]
    return {"command": " ".join(cli + ["batch", "IN.jsonl", "-o", "OUT.jsonl", "--workers", "N"]),
            "source": source, "records": len(cases), "workers": runs,
            "ratio_2_to_1": round(two / one, 3) if one else None}


def markdown(data: dict[str, Any]) -> str:
    lines = ["## Batch CLI", ""]
    if "skipped" in data:
        return "\n".join(lines + [f"Skipped: {data['skipped']}", ""])
    lines += [f"`{data['command']}` on {data['records']} {data['source']}.", "",
              "| workers | seconds | records/s | records written | exit |", "|---|---|---|---|---|"]
    lines += [f"| {w} | {e['seconds']} | {e['records_per_s']} | {e['records_out']} | {e['returncode']} |"
              for w, e in data["workers"].items()]
    if data.get("ratio_2_to_1"):
        lines += ["", f"2 workers take **{data['ratio_2_to_1']:.2f}×** the time of 1 worker "
                  f"({times(data['workers']['1']['seconds'], data['workers']['2']['seconds'])} speed-up)."]
    return "\n".join(lines) + "\n"
