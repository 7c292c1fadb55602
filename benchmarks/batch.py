"""Batch throughput and memory: ``cleanerlib batch IN.jsonl -o OUT.jsonl --workers N``.

Three runs of the real CLI, each a fresh process tree:

- **1 worker** and **2 workers** on the same input (the eval pages, else the HTML samples):
  records/s and the 2-to-1 time ratio. The times include process start-up, imports and worker
  spawning, as a user of the CLI pays them.
- **10× input** with 2 workers: the same records repeated ten times (ids made unique). The
  runner streams, so its peak memory should stay where it was on the 1× input; that is the
  claim checked here.

Memory is the peak, over the run, of the summed resident set size (``VmRSS``) of the CLI
process and all its descendants (the workers), sampled every 50 ms from ``/proc``; the main
process's own peak is reported too. Linux only: elsewhere memory is reported as absent.

The input JSONL is built in a temporary directory (never in the repository) from the eval
pages, one record per page: ``{"id", "url", "html"}`` with the page decoded the shared way.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ._common import SAMPLES_DIR, Case, has_eval_set, load_eval_cases, load_sample_cases, times

WORKERS = (1, 2)
SCALE = 10
TIMEOUT = 3600
_SAMPLE_EVERY = 0.05


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


# ------------------------------------------------------------------------------- memory


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


class TreeMemory:
    """Samples the summed RSS of a process and its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_total_kib = 0
        self.peak_main_kib = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            kids = _children()
            tree, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                tree.append(p)
                todo.extend(kids.get(p, ()))
            main = _rss_kib(self.pid)
            total = main + sum(_rss_kib(p) for p in tree[1:])
            self.peak_main_kib = max(self.peak_main_kib, main)
            self.peak_total_kib = max(self.peak_total_kib, total)
            self.samples += 1
            self._stop.wait(_SAMPLE_EVERY)

    def __enter__(self) -> "TreeMemory":
        if Path("/proc/self/status").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


# ---------------------------------------------------------------------------------- runs


def _write_input(path: Path, cases: list[Case], repeat: int) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for k in range(repeat):
            for case in cases:
                rec = record(case)
                if repeat > 1:
                    rec["id"] = f"{rec['id']}#{k}"
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def _one_run(cli: list[str], source: Path, out: Path, workers: int, records: int) -> dict[str, Any]:
    cmd = cli + ["batch", str(source), "-o", str(out), "--workers", str(workers), "--quiet"]
    load_before = _load()
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as mem:
        try:
            _, stderr = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before if cpu_before is not None else None
    written = errors = 0
    if out.exists():
        with out.open(encoding="utf-8") as f:
            for line in f:
                written += 1
                errors += json.loads(line)["error"] is not None
    entry = {"seconds": round(seconds, 3), "records": records, "records_out": written, "errors": errors,
             "records_per_s": round(records / seconds, 2), "returncode": proc.returncode,
             "stderr_tail": stderr.strip()[-500:],
             # other processes competing for the cores make the worker ratio meaningless: keep it
             "load_average_1min": {"before": load_before, "after": _load()}}
    if cpu is not None:  # CPU time of the CLI and its workers (reaped children roll up)
        entry["cpu_seconds"] = round(cpu, 2)
        entry["cores_used"] = round(cpu / seconds, 2)
    if mem.samples:
        entry["peak_rss_mib"] = round(mem.peak_total_kib / 1024, 1)
        entry["peak_rss_main_mib"] = round(mem.peak_main_kib / 1024, 1)
    out.unlink(missing_ok=True)
    return entry


def run(eval_path: Path, limit: int | None = None) -> dict[str, Any]:
    cli = find_cli()
    if cli is None:
        print("  `cleanerlib batch` is not available: skipped")
        return {"skipped": "`cleanerlib batch` not available (no CLI answered `batch --help`)"}
    if has_eval_set(eval_path):
        cases, source = load_eval_cases(eval_path, limit), "eval pages"
    else:
        print(f"  eval set absent at {eval_path}: using the HTML samples")
        cases, source = [c for c in load_sample_cases(SAMPLES_DIR) if c.kind == "html"], "HTML samples"
    if not cases:
        return {"skipped": "no pages to run"}
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="cleanerlib-batch-") as tmp:
        one_x = Path(tmp) / "in.jsonl"
        n = _write_input(one_x, cases, 1)
        for workers in WORKERS:
            entry = _one_run(cli, one_x, Path(tmp) / f"out-{workers}.jsonl", workers, n)
            runs[str(workers)] = entry
            print(f"  {workers} worker(s), 1x: {entry['seconds']:.1f} s, {entry['records_per_s']:.1f} records/s, "
                  f"peak {entry.get('peak_rss_mib', '?')} MiB, exit {entry['returncode']}", flush=True)
        ten_x = Path(tmp) / "in-10x.jsonl"
        n10 = _write_input(ten_x, cases, SCALE)
        one_x.unlink()
        big = _one_run(cli, ten_x, Path(tmp) / "out-10x.jsonl", 2, n10)
        print(f"  2 workers, {SCALE}x: {big['seconds']:.1f} s, {big['records_per_s']:.1f} records/s, "
              f"peak {big.get('peak_rss_mib', '?')} MiB, exit {big['returncode']}", flush=True)
    one, two = runs["1"]["seconds"], runs["2"]["seconds"]
    memory = None
    if "peak_rss_mib" in runs["2"] and "peak_rss_mib" in big:
        memory = {"scale": SCALE, "peak_rss_mib_1x": runs["2"]["peak_rss_mib"],
                  f"peak_rss_mib_{SCALE}x": big["peak_rss_mib"],
                  "ratio": round(big["peak_rss_mib"] / runs["2"]["peak_rss_mib"], 3)}
    return {"command": " ".join(cli + ["batch", "IN.jsonl", "-o", "OUT.jsonl", "--workers", "N"]),
            "source": source, "records": n, "workers": runs, "scaled": big, "memory": memory,
            "ratio_2_to_1": round(two / one, 3) if one else None, "usable_cores": _usable_cores()}


def _children_cpu() -> float | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not Unix
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):  # pragma: no cover - not Unix
        return None


def _usable_cores() -> int | None:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count()


def markdown(data: dict[str, Any]) -> str:
    lines = ["## Batch CLI", ""]
    if "skipped" in data:
        return "\n".join(lines + [f"Skipped: {data['skipped']}", ""])
    lines += [f"`{data['command']}` on {data['records']} {data['source']} (times include start-up).", "",
              "| input | workers | seconds | records/s | CPU seconds | cores used | records written | errors "
              "| peak RSS, all processes (MiB) | peak RSS, main process (MiB) | exit |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    rows = [("1×", w, e) for w, e in data["workers"].items()]
    if data.get("scaled"):
        rows.append((f"{SCALE}×", "2", data["scaled"]))
    for scale, w, e in rows:
        lines.append(f"| {scale} ({e.get('records', data['records'])} records) | {w} | {e['seconds']} | "
                     f"{e['records_per_s']} | {e.get('cpu_seconds', 'n/a')} | {e.get('cores_used', 'n/a')} | "
                     f"{e['records_out']} | {e.get('errors', '')} | "
                     f"{e.get('peak_rss_mib', 'n/a')} | {e.get('peak_rss_main_mib', 'n/a')} | {e['returncode']} |")
    if data.get("ratio_2_to_1"):
        loads = [e.get("load_average_1min", {}).get("before") for e in data["workers"].values()]
        load = ", ".join(str(x) for x in loads if x is not None) or "n/a"
        lines += ["", f"2 workers take **{data['ratio_2_to_1']:.2f}×** the time of 1 worker "
                  f"({times(data['workers']['1']['seconds'], data['workers']['2']['seconds'])} speed-up, "
                  f"{data.get('usable_cores', '?')} usable cores; 1-minute load average before the runs: "
                  f"{load}). A speed-up needs idle cores: \"cores used\" (CPU seconds over wall seconds, "
                  f"all processes) shows how much of the machine each run actually got."]
    mem = data.get("memory")
    if mem:
        scale = mem["scale"]
        peak = mem[f"peak_rss_mib_{scale}x"]
        lines += ["", f"Memory on {scale}× the input: peak {peak} MiB vs {mem['peak_rss_mib_1x']} MiB on 1× "
                  f"(**{mem['ratio']:.2f}×**), 2 workers both times."]
    return "\n".join(lines) + "\n"
