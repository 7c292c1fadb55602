"""cleanerlib in a real multi-process datatrove pipeline gives what ``cleanerlib batch`` gives."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("datatrove", reason="datatrove is not installed (pip install -e '.[datatrove]')")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from _corpus import corpus, read_jsonl, write_jsonl  # noqa: E402
from cleanerlib import Cleaner, Pipeline, SiteProfile  # noqa: E402
from cleanerlib.batch import build_profile, run_batch  # noqa: E402
from cleanerlib.filters import SiteTemplate  # noqa: E402
from cleanerlib.integrations.datatrove import (  # noqa: E402
    EXCLUDED_REVIEW_REASONS,
    CleanerlibFilter,
    SiteProfileCounts,
    SiteProfileMerge,
)

# a page the filters empty entirely (its only block is a cookie notice): it must be excluded
EMPTY = {"id": "cookie-only", "url": "https://cookies.example.org/x",
         "html": "<html><body><div class='cookie'><p>We use cookies to improve your experience. "
                 "Accept all cookies</p></div></body></html>"}


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    root = tmp_path_factory.mktemp("dt")
    records = corpus() + [EMPTY]
    (root / "in").mkdir()
    for k in range(3):  # three shards, spread over two tasks
        write_jsonl(root / "in" / f"part-{k}.jsonl", records[k::3])
    return root


def _read_all(folder):
    out = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        for doc in read_jsonl(path):
            out[doc["id"]] = doc
    return out


def _batch(root, name, cleaner):
    inputs = sorted(str(p) for p in (root / "in").glob("*.jsonl"))
    run_batch(inputs, str(root / name), cleaner=cleaner, workers=2, progress=False)
    return {r["id"]: r for r in read_jsonl(root / name)}


def _excluded(record) -> bool:
    return not (record["text"] or "").strip() or record["review_reason"] in EXCLUDED_REVIEW_REASONS


def _run(steps, root, name, tasks=2):
    LocalPipelineExecutor(pipeline=steps, tasks=tasks, workers=tasks, logging_dir=str(root / "logs" / name)).run()


def _check_same(batch, root, kept_dir, excluded_dir):
    kept, excluded = _read_all(root / kept_dir), _read_all(root / excluded_dir)
    assert set(kept) | set(excluded) == set(batch) and not set(kept) & set(excluded)
    assert set(excluded) == {i for i, r in batch.items() if _excluded(r)}
    assert "cookie-only" in excluded
    for i, doc in kept.items():
        assert doc["text"] == batch[i]["text"], i
        assert doc["metadata"]["cleanerlib"]["blocks"] == batch[i]["blocks"], i
        assert doc["metadata"]["cleanerlib"]["review_reason"] == batch[i]["review_reason"]
    for i, doc in excluded.items():
        assert doc["metadata"]["filter_reason"] in (batch[i]["review_reason"], "empty")
    return kept


def test_cleaning_step_matches_batch(shards):
    root = shards
    batch = _batch(root, "batch.jsonl", Cleaner())
    _run([JsonlReader(str(root / "in"), text_key="html", glob_pattern="*.jsonl"),
          CleanerlibFilter(exclusion_writer=JsonlWriter(str(root / "dt-excluded"))),
          JsonlWriter(str(root / "dt-out"))], root, "clean")
    _check_same(batch, root, "dt-out", "dt-excluded")


def test_site_template_passes_match_batch_with_site_profile(shards):
    root = shards
    reader = JsonlReader(str(root / "in"), text_key="html", glob_pattern="*.jsonl")
    _run([reader, SiteProfileCounts(str(root / "counts"))], root, "counts")
    _run([SiteProfileMerge(str(root / "counts"), str(root / "profile"), expected_shards=2)], root, "merge", tasks=1)
    inputs = sorted(str(p) for p in (root / "in").glob("*.jsonl"))
    build_profile(inputs, root / "cli.sqlite", workers=2, progress=False)
    with SiteProfile.load(root / "profile" / "profile.sqlite") as dt, SiteProfile.load(root / "cli.sqlite") as cli:
        a, b = dt.to_dict(), cli.to_dict()
    assert a.pop("shards") == ["rank-00000-of-00002", "rank-00001-of-00002"]
    b.pop("shards")
    assert a == b  # same counts, whether split over tasks or over input files

    profile = str(root / "profile" / "profile.sqlite")
    cleaner = Cleaner(filters=Pipeline.default().with_filter(SiteTemplate(profile=profile)))
    batch = _batch(root, "batch-site.jsonl", cleaner)
    _run([JsonlReader(str(root / "in"), text_key="html", glob_pattern="*.jsonl"),
          CleanerlibFilter(site_profile=profile, exclusion_writer=JsonlWriter(str(root / "site-excluded"))),
          JsonlWriter(str(root / "site-out"))], root, "apply")
    kept = _check_same(batch, root, "site-out", "site-excluded")
    dropped = [b for doc in kept.values() for b in doc["metadata"]["cleanerlib"]["blocks"]
               if b.get("by") == "site_template"]
    assert len(dropped) >= 10 and {b["reason"] for b in dropped} == {"site_boilerplate"}


def test_resumed_counts_skip_finished_shards(shards):
    root = shards
    reader = JsonlReader(str(root / "in"), text_key="html", glob_pattern="*.jsonl")
    _run([reader, SiteProfileCounts(str(root / "counts2"))], root, "counts2")
    first = {p.name: p.read_bytes() for p in (root / "counts2").glob("*.sqlite")}
    (root / "counts2" / "00001.profile.sqlite").unlink()  # as if task 1 had died
    # a new logging dir: the executor reruns both tasks; task 0 finds its shard and skips it
    _run([reader, SiteProfileCounts(str(root / "counts2"))], root, "counts2-again")
    again = {p.name: p.read_bytes() for p in (root / "counts2").glob("*.sqlite")}
    assert set(again) == set(first)
    assert again["00000.profile.sqlite"] == first["00000.profile.sqlite"]
    assert not list((root / "counts2").glob("*.tmp"))
    stats = json.loads((root / "logs" / "counts2-again" / "stats" / "00000.json").read_text())
    assert stats[1]["stats"] == {"skipped_existing_shard": 1}  # skipped, not recounted
