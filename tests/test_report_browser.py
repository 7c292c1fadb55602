"""The HTML report in a real browser: headless Chromium renders it, runs its script, and the
"show" toggles hide exactly the blocks of the filter they name.

How: Chromium's ``--dump-dom`` prints the DOM after the page has loaded and its inline script
has run. The report's script reads ``?hide=FILTER,...&kept=hide`` and clicks the matching
checkboxes, so loading the report with such a query exercises the real click -> change ->
hide path; the script then writes the number of blocks the browser actually lays out (those
with client rects, so CSS must really hide them) into ``#visible-count``. Hostile page text
that ran as script would mark ``<body data-pwned>``; the test checks it never does.

Needs Debian's ``chromium`` (``apt-get install chromium``; ``.ci/run`` installs it) or a
Chromium named by ``CLEANERLIB_CHROMIUM``; skipped otherwise.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import lxml.html
import pytest

from _report_data import IMG_TEXT, SCRIPT_TEXT, hostile_result
from cleanerlib import clean
from cleanerlib.report import render_batch_summary, render_result

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _find_chromium() -> str | None:
    named = os.environ.get("CLEANERLIB_CHROMIUM")
    if named:
        return named if os.path.exists(named) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


CHROMIUM = _find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not found: install Debian's 'chromium' package (apt-get install -y chromium) "
           "or set CLEANERLIB_CHROMIUM to a Chromium binary",
)

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio")


def chromium(*args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="cleanerlib-chromium-") as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              timeout=timeout, stdin=subprocess.DEVNULL, check=False)


def dump_dom(path: Path, query: str = ""):
    proc = chromium("--dump-dom", path.resolve().as_uri() + query)
    dom = proc.stdout.decode("utf-8")
    assert "<body" in dom, f"chromium printed no DOM (exit {proc.returncode}): {proc.stderr.decode()[-2000:]}"
    return lxml.html.document_fromstring(dom)


def blocks_of(doc) -> list:
    return doc.xpath('//li[contains(concat(" ", @class, " "), " block ")]')


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_result(hostile_result()), encoding="utf-8")
    return path


def test_report_renders_with_every_block_and_reason_and_no_injected_script(report):
    result = hostile_result()
    doc = dump_dom(report)
    body = doc.find("body")
    assert body.get("data-pwned") is None
    assert body.get("data-hidden-filters") == ""  # the report's own script ran
    items = blocks_of(doc)
    assert [li.get("id") for li in items] == [f"b{k}" for k in range(len(result.blocks))]
    assert [li.xpath("string(.//p[@class='text'])") for li in items] == [b.text for b in result.blocks]
    assert SCRIPT_TEXT in doc.text_content() and IMG_TEXT in doc.text_content()
    reasons = [li.xpath("string(.//code[@class='reason'])") for li in items if li.get("data-kept") == "false"]
    assert reasons == [b.reason for b in result.blocks if not b.kept]
    assert not [li for li in items if li.get("hidden") is not None]
    assert doc.xpath("string(//*[@id='visible-count'])") == str(len(result.blocks))
    assert not doc.xpath("//img")


def test_filter_toggle_hides_exactly_that_filters_blocks(report):
    result = hostile_result()
    doc = dump_dom(report, "?hide=chrome")
    assert doc.find("body").get("data-hidden-filters") == "chrome"
    hidden = {li.get("id") for li in blocks_of(doc) if li.get("hidden") is not None}
    assert hidden == {f"b{k}" for k, b in enumerate(result.blocks) if b.dropped_by == "chrome"} == {"b1", "b6"}
    assert doc.xpath("string(//*[@id='visible-count'])") == str(len(result.blocks) - 2)


def test_toggles_combine_with_the_kept_toggle(report):
    result = hostile_result()
    doc = dump_dom(report, "?hide=chrome,teasers&kept=hide")
    body = doc.find("body")
    assert body.get("data-hidden-filters") == "chrome,teasers" and body.get("data-hidden-kept") == "true"
    shown = [li.get("id") for li in blocks_of(doc) if li.get("hidden") is None]
    assert shown == [f"b{k}" for k, b in enumerate(result.blocks)
                     if not b.kept and b.dropped_by not in ("chrome", "teasers")] == ["b3"]
    assert doc.xpath("string(//*[@id='visible-count'])") == "1"


def test_unknown_filter_in_the_query_hides_nothing(report):
    doc = dump_dom(report, "?hide=nonexistent")
    assert not [li for li in blocks_of(doc) if li.get("hidden") is not None]


def test_real_sample_report_in_the_browser(tmp_path):
    result = clean((SAMPLES / "10_en_gpu-cloud-price-cut.html").read_bytes())
    path = tmp_path / "sample.html"
    path.write_text(result.to_html(), encoding="utf-8")
    first = sorted(result.counts())[0]
    doc = dump_dom(path, f"?hide={first}")
    items = blocks_of(doc)
    assert len(items) == len(result.blocks)
    hidden = [li for li in items if li.get("hidden") is not None]
    assert len(hidden) == sum(result.counts()[first].values()) > 0
    assert doc.xpath("string(//*[@id='visible-count'])") == str(len(result.blocks) - len(hidden))


def test_batch_summary_renders(tmp_path):
    results = [clean((SAMPLES / n).read_bytes()) for n in ("01_en_nvidia-arm-servers.txt",
                                                            "10_en_gpu-cloud-price-cut.html")]
    path = tmp_path / "summary.html"
    path.write_text(render_batch_summary(results), encoding="utf-8")
    doc = dump_dom(path)
    assert doc.xpath("string(//*[@id='n-pages'])") == "2"
    rows = doc.xpath("//tr[@class='reason-row']")
    assert len(rows) == len({(f, r) for res in results for f, per in res.counts().items() for r in per})


def test_screenshot_is_a_full_size_picture(report, tmp_path):
    shot = tmp_path / "shot.png"
    proc = chromium(f"--screenshot={shot}", "--window-size=1280,900", report.resolve().as_uri())
    assert shot.exists(), proc.stderr.decode()[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 900)
    assert len(data) > 20_000  # a blank or unstyled page compresses to far less
