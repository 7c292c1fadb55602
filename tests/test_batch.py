"""``cleanerlib batch``: one output record per input record, in order, whatever goes wrong."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from _corpus import BIO, corpus, read_jsonl, write_jsonl
from cleanerlib import Cleaner, Pipeline
from cleanerlib._cli import main
from cleanerlib.batch import BatchError, Fields, build_profile, run_batch
from cleanerlib.batch._writer import checkpoint_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def records():
    return corpus()


def _run(inputs, out, **kw):
    kw.setdefault("workers", 2)
    kw.setdefault("progress", False)
    return run_batch([str(i) for i in inputs], str(out), **kw)


def _text_only(records):
    return [r for r in records if not r["html"].lstrip().startswith("<")]


# ------------------------------------------------------------------------------- basics


def test_one_record_per_input_in_order_same_with_1_or_2_workers(records, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", records)
    one = _run([src], tmp_path / "one.jsonl", workers=1)
    two = _run([src], tmp_path / "two.jsonl", workers=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    out = read_jsonl(tmp_path / "two.jsonl")
    assert [o["id"] for o in out] == [r["id"] for r in records]
    assert [o["url"] for o in out] == [r["url"] for r in records]
    cleaner = Cleaner()
    for r, o in zip(records, out):
        assert o["error"] is None
        assert o["text"] == cleaner.clean(r["html"], url=r["url"]).text
        assert o["source"].startswith(str(src))
    assert one.summary.to_dict() == two.summary.to_dict()
    assert two.summary.records == len(records) and two.summary.cleaned == len(records)
    assert two.summary.dropped["main_content"]["outside_main_content"] > 0


def test_provenance_forms(records, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", records[:3])
    for form in ("compact", "full", "none"):
        _run([src], tmp_path / f"{form}.jsonl", provenance=form, workers=1)
    compact, full, none = (read_jsonl(tmp_path / f"{f}.jsonl") for f in ("compact", "full", "none"))
    assert "blocks" not in none[0]
    assert len(compact[0]["blocks"]) == len(full[0]["blocks"])
    for c, f, o in zip(compact[0]["blocks"], full[0]["blocks"], [compact[0]] * len(full[0]["blocks"])):
        if f["kept"]:  # a kept block's text is cut from the output text
            assert o["text"][c["out"][0]:c["out"][1]] == f["text"]
        else:
            assert (c["by"], c["reason"], c["text"]) == (f["dropped_by"], f["reason"], f["text"])


def test_gzip_output_folders_globs_and_stdin(records, tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    write_jsonl(tmp_path / "d" / "b.jsonl.gz", records[3:6])
    write_jsonl(tmp_path / "d" / "sub" / "a.jsonl", records[:3])
    (tmp_path / "d" / "notes.txt").write_text("not an input")
    _run([tmp_path / "d"], tmp_path / "out.jsonl.gz", workers=1)
    by_folder = read_jsonl(tmp_path / "out.jsonl.gz")
    # sorted by path: d/b.jsonl.gz before d/sub/a.jsonl
    assert [o["id"] for o in by_folder] == [r["id"] for r in records[3:6] + records[:3]]
    _run([str(tmp_path / "d" / "**" / "*.jsonl*")], tmp_path / "glob.jsonl", workers=1)
    assert [o["id"] for o in read_jsonl(tmp_path / "glob.jsonl")] == [o["id"] for o in by_folder]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records[:2]).encode())
    _run(["-"], tmp_path / "stdin.jsonl", workers=1, stdin=io.BufferedReader(io.BytesIO(data)))
    assert [o["id"] for o in read_jsonl(tmp_path / "stdin.jsonl")] == [r["id"] for r in records[:2]]


def test_configurable_fields_and_line_numbers_as_ids(tmp_path):
    lines = [{"body": "A headline about something\n\nFirst paragraph of a plain page that has text.", "link": "https://x.org/1"},
             {"body": "Another headline entirely\n\nSecond page body with words in it.", "ref": "r-2"}]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines[:1]) + "\n\n" + json.dumps(lines[1]) + "\n")
    _run([src], tmp_path / "out.jsonl", workers=1, fields=Fields(content=("body",), url="link", id="ref"))
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [(o["id"], o["url"], o["error"]) for o in out] == [(1, "https://x.org/1", None), ("r-2", None, None)]
    assert out[0]["text"].startswith("A headline about something")


# ------------------------------------------------------------------- bad records, no loss


def test_bad_records_become_error_records(tmp_path):
    good = {"id": "ok", "url": "https://x.org/a", "html": "A good headline here\n\nA good paragraph of text."}
    raw = b"\n".join([
        json.dumps(good).encode(),
        b'{"id": "no-content", "url": "https://x.org/b"}',
        b'{"id": "null-content", "html": null}',
        b'{"id": "wrong-type", "html": 42}',
        b'{"id": "truncated", "html": "abc',
        b'["not", "an", "object"]',
        json.dumps({"id": "pdf", "html": "%PDF-1.7 binary"}).encode(),
        json.dumps(dict(good, id="ok-2")).encode(),
    ]) + b"\n"
    (tmp_path / "in.jsonl").write_bytes(raw)
    result = _run([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", workers=1)
    out = read_jsonl(tmp_path / "out.jsonl")
    got = [(o["id"], o["error"] and o["error"]["type"]) for o in out]
    assert got == [("ok", None), ("no-content", "MissingField"), ("null-content", "MissingField"),
                   ("wrong-type", "InvalidRecord"), (5, "InvalidRecord"), (6, "InvalidRecord"),
                   ("pdf", None), ("ok-2", None)]
    assert "no 'html' or 'text' field" in out[1]["error"]["message"]
    assert "line 5 is not valid JSON" in out[4]["error"]["message"]
    assert out[1]["url"] == "https://x.org/b" and out[1]["text"] is None
    assert result.summary.errors == {"InvalidRecord": 3, "MissingField": 2}


def test_invalid_utf8_is_decoded_from_its_bytes_with_a_warning(tmp_path):
    page = "Caf\u00e9 prices rise again\n\nThe caf\u00e9 on the corner now charges more for an espresso than last year."
    line = b'{"id": "latin1", "url": "https://x.org/c", "text": "' + page.encode("cp1252").replace(b"\n", b"\\n") + b'"}'
    good = json.dumps({"id": "fine", "text": page}).encode()
    (tmp_path / "in.jsonl").write_bytes(line + b"\n" + good + b"\n")
    _run([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", workers=1)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [o["id"] for o in out] == ["latin1", "fine"]
    assert out[0]["error"] is None
    assert "espresso" in out[0]["text"]
    assert "not valid UTF-8" in out[0]["warnings"][0]
    assert out[1]["warnings"] == []


def test_a_corrupt_gzip_member_loses_only_its_own_records(records, tmp_path):
    members = [gzip.compress("".join(json.dumps(r) + "\n" for r in records[k:k + 2]).encode(), mtime=0)
               for k in (0, 2, 4)]
    bad = bytearray(members[1])
    bad[len(bad) // 2: len(bad) // 2 + 8] = b"\xff" * 8
    (tmp_path / "in.jsonl.gz").write_bytes(members[0] + bytes(bad) + members[2])
    result = _run([tmp_path / "in.jsonl.gz"], tmp_path / "out.jsonl", workers=1)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [o["id"] for o in out[:2]] == [r["id"] for r in records[:2]]
    assert out[2]["error"]["type"] == "CorruptInput"
    assert f"corrupt gzip member at byte {len(members[0])}" in out[2]["error"]["message"]
    assert out[2]["source"] == f"{tmp_path / 'in.jsonl.gz'}@{len(members[0])}"
    assert [o["id"] for o in out[3:]] == [r["id"] for r in records[4:6]]
    assert all(o["error"] is None for o in out[3:])
    assert result.summary.errors == {"CorruptInput": 1}


def test_a_truncated_gzip_file_keeps_its_complete_records(records, tmp_path):
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records[:4]).encode(), mtime=0)
    (tmp_path / "in.jsonl.gz").write_bytes(data[: len(data) - 30])
    _run([tmp_path / "in.jsonl.gz"], tmp_path / "out.jsonl", workers=1)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [o["id"] for o in out[:-1]] == [r["id"] for r in records[:3]]
    assert [o["error"] for o in out[:-1]] == [None] * 3
    assert out[-1]["error"]["type"] == "CorruptInput"
    assert out[-1]["error"]["message"].startswith("line 4 is incomplete: truncated gzip member at byte 0")


def _warc_record(kind: str, uri: str, block: bytes, ctype: str) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{uri[-6:]}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def _http(body: bytes, ctype: str) -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def test_warc_pages_and_a_non_html_record(records, tmp_path):
    html = [r for r in records if r["html"].lstrip().startswith("<")][:2]
    parts = [
        _warc_record("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
        _warc_record("request", html[0]["url"], b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
        _warc_record("response", html[0]["url"], _http(html[0]["html"].encode(), "text/html; charset=utf-8"),
                     "application/http; msgtype=response"),
        _warc_record("response", "https://x.org/logo.png", _http(b"\x89PNG\r\n\x1a\nxxxx", "image/png"),
                     "application/http; msgtype=response"),
        _warc_record("response", html[1]["url"], _http(html[1]["html"].encode(), "text/html"),
                     "application/http; msgtype=response"),
    ]
    (tmp_path / "crawl.warc.gz").write_bytes(b"".join(gzip.compress(p, mtime=0) for p in parts))
    _run([tmp_path / "crawl.warc.gz"], tmp_path / "out.jsonl", workers=1)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [(o["url"], o["error"] and o["error"]["type"]) for o in out] == [
        (html[0]["url"], None), ("https://x.org/logo.png", "NotHTML"), (html[1]["url"], None)]
    assert "'image/png', not a web page" in out[1]["error"]["message"]
    assert out[0]["id"].startswith("<urn:uuid:response")
    assert out[0]["text"] == Cleaner().clean(html[0]["html"].encode(), url=html[0]["url"]).text


def test_a_corrupt_warc_member_and_warc_from_stdin(tmp_path):
    page = b"<html><body><h1>A headline</h1><p>A paragraph long enough to keep in the page.</p></body></html>"
    members = [gzip.compress(_warc_record("response", f"https://x.org/{k}", _http(page, "text/html"),
                                          "application/http; msgtype=response"), mtime=0) for k in range(4)]
    bad = bytearray(members[1])
    bad[len(bad) // 2: len(bad) // 2 + 6] = b"\xff" * 6
    (tmp_path / "crawl.warc.gz").write_bytes(members[0] + bytes(bad) + members[2] + members[3])
    _run([tmp_path / "crawl.warc.gz"], tmp_path / "out.jsonl", workers=1)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [(o["url"], o["error"] and o["error"]["type"]) for o in out] == [
        ("https://x.org/0", None), (None, "CorruptInput"), ("https://x.org/2", None), ("https://x.org/3", None)]
    stdin = io.BufferedReader(io.BytesIO(b"".join(members[2:])))  # not seekable: spooled first
    _run(["-"], tmp_path / "stdin.jsonl", workers=1, stdin=stdin, input_format="warc")
    assert [o["url"] for o in read_jsonl(tmp_path / "stdin.jsonl")] == ["https://x.org/2", "https://x.org/3"]


def test_missing_inputs_and_existing_output_are_clear_errors(records, tmp_path):
    with pytest.raises(BatchError, match="no such input"):
        _run([tmp_path / "nope.jsonl"], tmp_path / "out.jsonl")
    with pytest.raises(BatchError, match="no input matches"):
        _run([str(tmp_path / "*.jsonl")], tmp_path / "out.jsonl")
    src = write_jsonl(tmp_path / "in.jsonl", records[:1])
    _run([src], tmp_path / "out.jsonl", workers=1)
    with pytest.raises(BatchError, match="already exists: pass --resume"):
        _run([src], tmp_path / "out.jsonl", workers=1)


# -------------------------------------------------------------- time limit and crashes


def test_a_hanging_record_hits_the_time_limit_and_the_run_goes_on(tmp_path):
    pages = [{"id": k, "text": f"Headline number {k} for the test\n\nBody paragraph {k} of the page, {marker}."}
             for k, marker in enumerate(["fine", "HANG-FOREVER", "fine", "CRASH-NOW", "fine"])]
    src = write_jsonl(tmp_path / "in.jsonl", pages)
    cleaner = Cleaner(filters=Pipeline.from_config({"filters": [
        {"name": "_batch_filters:Hang", "params": {}}, {"name": "_batch_filters:Crash", "params": {}}]}))
    started = time.monotonic()
    result = _run([src], tmp_path / "out.jsonl", workers=2, cleaner=cleaner, time_limit=1.0)
    assert time.monotonic() - started < 30
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [(o["id"], o["error"] and o["error"]["type"]) for o in out] == [
        (0, None), (1, "TimeLimitExceeded"), (2, None), (3, "WorkerCrashed"), (4, None)]
    assert "time limit of 1s" in out[1]["error"]["message"]
    assert "exited with code 3" in out[3]["error"]["message"]
    assert result.worker_replacements == 2


def test_a_new_worker_builds_its_phrase_tables_before_the_first_record():
    # the first record's time limit must not pay for what every worker builds once
    code = ("from cleanerlib import Cleaner\n"
            "from cleanerlib.batch._work import CleanJob\n"
            "from cleanerlib.filters._evidence import phrase_table\n"
            "assert phrase_table.cache_info().currsize == 0\n"
            "CleanJob(Cleaner().to_config()).setup()\n"
            "print(phrase_table.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert int(out.stdout) > 0


def test_a_slow_record_that_holds_a_full_window_does_not_stall_the_run(tmp_path):
    # the other worker cleans the whole window (8 * 2 + 16 records) behind the slow first one;
    # once that one is out, every record in the window is out and the pool must refill it
    pages = [{"id": k, "text": f"Headline number {k} for the test\n\nBody paragraph {k} of the page, "
                               f"{'SLOW-PAGE' if k == 0 else 'fine'}."} for k in range(80)]
    src = write_jsonl(tmp_path / "in.jsonl", pages)
    cleaner = Cleaner(filters=Pipeline.from_config({"filters": [{"name": "_batch_filters:Slow", "params": {}}]}))
    done = threading.Event()
    thread = threading.Thread(target=lambda: (_run([src], tmp_path / "out.jsonl", workers=2, cleaner=cleaner),
                                              done.set()), daemon=True)
    thread.start()
    thread.join(timeout=120)
    assert done.is_set(), "the run stalled"
    assert [o["id"] for o in read_jsonl(tmp_path / "out.jsonl")] == list(range(80))


# ------------------------------------------------------------------------ kill and resume


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleanerlib", *args]


def test_killed_midway_then_resumed_equals_an_uninterrupted_run(records, tmp_path):
    many = [dict(r, id=f"{k}-{r['id']}") for k in range(3) for r in records]
    src = write_jsonl(tmp_path / "in.jsonl", many)
    args = [str(src), "--workers", "2", "--checkpoint-every", "8", "-q"]
    _run([src], tmp_path / "ref.jsonl.gz", workers=2, checkpoint_every=8)
    out = tmp_path / "out.jsonl.gz"
    proc = subprocess.Popen(_cli("batch", *args, "-o", str(out)), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ckpt = checkpoint_path(out)
    deadline = time.monotonic() + 300  # a loaded machine may take long to reach 16 records
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            done = json.loads(ckpt.read_text())["records"]
        except (OSError, ValueError):
            done = 0
        if done >= 16:
            break
        time.sleep(0.01)
    assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read()!r}"
    assert done >= 16, "the run checkpointed fewer than 16 records before the deadline"
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, mid-write
    proc.wait()
    state = json.loads(ckpt.read_text())
    assert not state["complete"] and 16 <= state["records"] < len(many)
    assert out.stat().st_size >= state["bytes"]
    resumed = subprocess.run(_cli("batch", *args, "-o", str(out), "--resume"), cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert read_jsonl(out) == read_jsonl(tmp_path / "ref.jsonl.gz")
    assert out.read_bytes() == (tmp_path / "ref.jsonl.gz").read_bytes()  # even the gzip members
    final = json.loads(ckpt.read_text())
    assert final["complete"] and final["records"] == len(many)
    assert final["summary"] == json.loads(checkpoint_path(tmp_path / "ref.jsonl.gz").read_text())["summary"]
    # resuming a finished run changes nothing
    again = _run([src], out, workers=2, checkpoint_every=8, resume=True)
    assert again.new_records == 0 and out.read_bytes() == (tmp_path / "ref.jsonl.gz").read_bytes()


def test_resume_refuses_other_inputs_or_settings(records, tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl", records[:2])
    _run([src], tmp_path / "out.jsonl", workers=1)
    import cleanerlib.batch._runner as runner

    real = runner.code_identity()
    monkeypatch.setattr(runner, "code_identity", lambda: dict(real, digest="0" * 32))  # a code change
    with pytest.raises(BatchError, match="different cleanerlib"):
        _run([src], tmp_path / "out.jsonl", workers=1, resume=True)
    monkeypatch.undo()
    write_jsonl(tmp_path / "in.jsonl", records[:3])
    with pytest.raises(BatchError, match="different inputs"):
        _run([src], tmp_path / "out.jsonl", workers=1, resume=True)
    with pytest.raises(BatchError, match="different .*provenance"):
        _run([src], tmp_path / "out.jsonl", workers=1, resume=True, provenance="full")


def test_resume_without_a_checkpoint_starts_over(records, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", records[:2])
    (tmp_path / "out.jsonl").write_text('{"half": "a line')
    notes = io.StringIO()
    _run([src], tmp_path / "out.jsonl", workers=1, resume=True, stderr=notes)
    assert "starting again" in notes.getvalue()
    assert [o["id"] for o in read_jsonl(tmp_path / "out.jsonl")] == [r["id"] for r in records[:2]]


# ------------------------------------------------------------------------- site profiles


def test_profile_build_and_batch_with_site_profile(records, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", records)
    profile = tmp_path / "p.sqlite"
    assert main(["profile", "build", str(src), "-o", str(profile), "--workers", "2", "-q"]) == 0
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--site-profile", str(profile),
                 "--workers", "2", "-q"]) == 0
    out = read_jsonl(tmp_path / "out.jsonl")
    for o in out:
        if "chipwire" in o["url"]:
            assert BIO not in o["text"]
    dropped = [b for o in out for b in o["blocks"] if b.get("by") == "site_template"]
    assert dropped and all(b["reason"] == "site_boilerplate" for b in dropped)
    assert {b["detail"] for b in dropped} == {"on 6 of 6 pages of chipwire.news", "on 6 of 6 pages of gadgetledger.co.uk"}


def test_profile_build_is_the_same_however_the_input_is_split(records, tmp_path):
    write_jsonl(tmp_path / "all.jsonl", records)
    reordered = records[::-1]
    write_jsonl(tmp_path / "a.jsonl", reordered[:9])
    write_jsonl(tmp_path / "b.jsonl.gz", reordered[9:])
    build_profile([str(tmp_path / "all.jsonl")], tmp_path / "one.sqlite", workers=1, progress=False)
    build_profile([str(tmp_path / "b.jsonl.gz")], tmp_path / "two.sqlite", workers=2, progress=False)
    again = build_profile([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl.gz")], tmp_path / "two.sqlite",
                          workers=2, progress=False)
    assert again.skipped == (str(tmp_path / "b.jsonl.gz"),)  # counted once, however often given
    from cleanerlib import SiteProfile

    with SiteProfile.load(tmp_path / "one.sqlite") as one, SiteProfile.load(tmp_path / "two.sqlite") as two:
        a, b = one.to_dict(), two.to_dict()
    assert len(a.pop("shards")) == 1 and len(b.pop("shards")) == 2
    assert a == b
