"""The README's promises hold: its examples run, its commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import cleanerlib
from cleanerlib._pipeline import _REGISTRY

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.S)


def test_custom_filter_example_runs():
    block = next(b for b in _python_blocks() if "class PodcastPlug" in b)
    before = dict(_REGISTRY)
    try:
        exec(compile(block, "README.md", "exec"), {})
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(before)


def test_composition_example_runs():
    block = next(b for b in _python_blocks() if "Pipeline.default()" in b and "to_config" in b)
    exec(compile(block, "README.md", "exec"), {})


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", README)
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_the_main_job_command_names_a_bundled_sample():
    command = next(c for c in re.findall(r"```sh\n(python3 -m venv .*?)\n```", README) if "cleanerlib clean" in c)
    sample = command.rsplit(" ", 1)[1]
    assert (ROOT / sample).is_file()


def test_default_order_is_documented():
    table = README.split("## What the default pipeline removes", 1)[1].split("##", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert documented == list(cleanerlib.Pipeline.default().names)


def test_benchmark_section_is_what_the_committed_results_say():
    """The numbers the README quotes are written from benchmarks/results/ by the benchmark run."""
    import sys

    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks._readme import END, START, summary
    finally:
        sys.path.remove(str(ROOT))
    section = README.split(START, 1)[1].split(END, 1)[0]
    assert section.strip() == summary().strip()
