"""A long fuzz run of the hardening properties: ``python fuzz/run.py --minutes 10``.

The same checks as ``tests/test_properties_hardening.py``, for as long as asked, on generated
pages (tag soup, residue-laden text, arbitrary strings and bytes, damaged encodings) and on
mutated sample pages (bytes flipped, cut, duplicated, hostile tokens spliced in). For each
input, in a mode drawn from auto, html and text:

- cleaning gives a result or a ``CleanerlibError``; anything else is a finding;
- the result keeps its promises (exact output spans, every drop explained, a known review reason);
- plain text: source spans exact (``check_text_result``), and cleaning the clean text again
  gives the same text (``clean(clean(x).text).text == clean(x).text``, default filters);
- every fifth input is cleaned twice by two cleaners and must give the same result;
- an input that takes more than ``--slow`` seconds is a finding, and one still running after
  ``--hang`` seconds is stopped and reported as a hang.

Findings are reduced to the smallest input seen per kind of failure and written, whole (up to
1 MB, as a Python literal) and with the seed of the hypothesis run that made it, together with
the number of inputs tried, to ``--report`` (JSON). Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleanerlib import Cleaner, CleanerlibError  # noqa: E402
from test_hardening import check_result  # noqa: E402
from test_offsets_properties import check_text_result  # noqa: E402
from test_properties_hardening import _TOKENS, any_bytes, any_str  # noqa: E402

SAMPLES = sorted(p.read_bytes() for p in (ROOT / "samples").iterdir() if p.suffix in (".html", ".txt"))
CLEANERS = {mode: Cleaner(input_type=mode) for mode in ("auto", "html", "text")}
AGAIN = {mode: Cleaner(input_type=mode) for mode in ("auto", "html", "text")}


class Hang(Exception):
    pass


@st.composite
def mutated_sample(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        op = draw(st.sampled_from(["flip", "cut", "dup", "insert", "truncate"]))
        i = draw(st.integers(min_value=0, max_value=max(0, len(data) - 1)))
        j = min(len(data), i + draw(st.integers(min_value=1, max_value=400)))
        if op == "flip" and data:
            data[i] = draw(st.integers(min_value=0, max_value=255))
        elif op == "cut":
            del data[i:j]
        elif op == "dup":
            data[i:i] = data[i:j] * draw(st.integers(min_value=1, max_value=50))
        elif op == "insert":
            token = draw(st.sampled_from(_TOKENS))
            data[i:i] = token.encode("utf-8", "surrogatepass") * draw(st.integers(min_value=1, max_value=300))
        else:
            data = data[:i]
    return bytes(data)


# half of the inputs are damaged real pages, where the segmenters and filters have work to do
INPUTS = st.one_of(any_str, any_bytes, mutated_sample(), mutated_sample(),
                   mutated_sample().map(lambda b: b.decode("utf-8", "replace")),
                   mutated_sample().map(lambda b: b.decode("utf-8", "replace")))


class Run:
    def __init__(self, slow: float, hang: float) -> None:
        self.slow, self.hang = slow, hang
        self.tried = 0
        self.chunk_seed = 0
        self.findings: dict[str, dict] = {}

    def record(self, kind: str, data, mode: str, detail: str) -> None:
        key = f"{kind}: {detail.splitlines()[0][:200] if detail else ''}"
        size = len(data)
        old = self.findings.get(key)
        if old is None or size < old["size"]:
            self.findings[key] = {"kind": kind, "mode": mode, "size": size, "chunk_seed": self.chunk_seed,
                                  # the whole input (up to 1 MB), so the finding can be replayed
                                  "input": repr(data[:1_000_000]), "detail": detail[-3000:],
                                  "count": (old or {}).get("count", 0) + 1}
        else:
            old["count"] += 1

    def check(self, data, mode: str) -> None:
        self.tried += 1
        start = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, self.hang)
        try:
            try:
                result = CLEANERS[mode].clean(data)
            except CleanerlibError as e:
                assert str(e), "an error without a message"
                result = None
            if result is not None:
                check_result(result)
                if result.input_type == "text" and isinstance(data, str):
                    check_text_result(data, result)
                    once = result.text if mode == "text" else CLEANERS["text"].clean(data).text
                    assert CLEANERS["text"].clean(once).text == once, "cleaning the clean text changed it"
                if self.tried % 5 == 0:
                    assert AGAIN[mode].clean(data) == result, "a second cleaner gave another result"
        except Hang:
            self.record("hang", data, mode, f"still running after {self.hang:g}s")
            return
        except Exception as e:  # noqa: BLE001 - every other exception is a finding
            where = traceback.extract_tb(e.__traceback__)[-1]
            self.record(type(e).__name__, data, mode,
                        f"{type(e).__name__} at {Path(where.filename).name}:{where.lineno}: {e}\n"
                        + "".join(traceback.format_exception(e)))
            return
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - start
        if took > self.slow:
            self.record("slow", data, mode, f"took {took:.1f}s")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument("--seed", type=int, default=None, help="first chunk's seed (default: random)")
    p.add_argument("--chunk", type=int, default=500, help="inputs per hypothesis run")
    p.add_argument("--slow", type=float, default=10.0, help="seconds after which an input is a finding")
    p.add_argument("--hang", type=float, default=60.0, help="seconds after which an input is stopped")
    p.add_argument("--report", default=str(ROOT / "fuzz" / "last-run.json"))
    args = p.parse_args(argv)

    def on_alarm(signum, frame):
        raise Hang()

    signal.signal(signal.SIGALRM, on_alarm)
    run = Run(args.slow, args.hang)
    rng = random.Random(args.seed)
    first_seed = args.seed if args.seed is not None else rng.randrange(2**32)
    end = time.monotonic() + args.minutes * 60
    chunks = 0
    while time.monotonic() < end:
        chunk_seed = run.chunk_seed = first_seed + chunks

        @seed(chunk_seed)
        @settings(max_examples=args.chunk, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(INPUTS, st.sampled_from(["auto", "html", "text"]))
        def one(data, mode):
            if time.monotonic() < end:
                run.check(data, mode)

        one()
        chunks += 1
        print(f"{run.tried} inputs tried, {len(run.findings)} kinds of finding "
              f"({(args.minutes * 60 - max(0.0, end - time.monotonic())) / 60:.1f} min)", flush=True)

    report = {"inputs_tried": run.tried, "minutes": args.minutes, "first_seed": first_seed, "chunks": chunks,
              "findings": sorted(run.findings.values(), key=lambda f: (f["kind"], f["size"]))}
    Path(args.report).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"done: {run.tried} inputs tried in {args.minutes:g} min, {len(run.findings)} kinds of finding; "
          f"report in {args.report}")
    for f in report["findings"]:
        print(f"- {f['kind']} ({f['count']}x, mode {f['mode']}, smallest input {f['size']}): "
              f"{f['detail'].splitlines()[0][:160]}")
    return 1 if run.findings else 0


if __name__ == "__main__":
    sys.exit(main())
