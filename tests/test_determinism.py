"""Same page, same result: across processes, Python hash seeds, input order and reuse.

A dataset build cleans pages in many processes, in whatever order its shards come in, and
must be able to rebuild the same output later. So every sample page must give byte-identical
``to_json()`` whatever ran before it and whatever ``PYTHONHASHSEED`` the process has.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import cleanerlib
from _samples import load_samples

SAMPLES = load_samples()

_CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    import cleanerlib
    pages = json.load(sys.stdin)
    out = [cleanerlib.clean(Path(path).read_bytes(), url=url).to_json(include_source=True) for path, url in pages]
    json.dump(out, sys.stdout)
""")


def _raw_path(sample) -> str:
    return str(Path(__file__).resolve().parent.parent / "samples" / sample.gold["input"])


def _here(samples) -> list[str]:
    return [cleanerlib.clean(s.raw, url=s.url).to_json(include_source=True) for s in samples]


@pytest.mark.parametrize("seed", ["0", "4242", "random"])
def test_every_sample_is_the_same_in_another_process_with_another_hash_seed(seed):
    pages = [(_raw_path(s), s.url) for s in SAMPLES]
    env = dict(os.environ, PYTHONHASHSEED=seed)
    child = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(pages), capture_output=True, text=True,
                           env=env, check=True)
    there = json.loads(child.stdout)
    here = _here(SAMPLES)
    for sample, a, b in zip(SAMPLES, here, there):
        assert a == b, sample.name
    assert len(there) == len(SAMPLES)


def test_order_of_pages_within_one_process_does_not_matter():
    forward = dict(zip((s.name for s in SAMPLES), _here(SAMPLES)))
    shuffled = list(SAMPLES)
    random.Random(7).shuffle(shuffled)
    backward = dict(zip((s.name for s in reversed(SAMPLES)), _here(list(reversed(SAMPLES)))))
    mixed = dict(zip((s.name for s in shuffled), _here(shuffled)))
    assert forward == backward == mixed


def test_one_cleaner_reused_gives_what_a_fresh_one_gives():
    cleaner = cleanerlib.Cleaner()
    reused = [cleaner.clean(s.raw, url=s.url).to_json() for s in SAMPLES + SAMPLES[::-1]]
    fresh = [cleanerlib.Cleaner().clean(s.raw, url=s.url).to_json() for s in SAMPLES + SAMPLES[::-1]]
    assert reused == fresh
    assert reused[: len(SAMPLES)] == reused[len(SAMPLES):][::-1]
