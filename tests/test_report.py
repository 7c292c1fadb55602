"""The HTML reports: escaping, completeness, counts, refs, self-containment, batch summaries."""

from __future__ import annotations

import base64
import gzip
import io
import hashlib
import json
import re
from pathlib import Path

import lxml.html
import pytest

from _report_data import ESC_TEXT, IMG_TEXT, PARAGRAPH, SCRIPT_TEXT, hostile_result
from cleanerlib import Block, CleanResult, Kind, Metadata, Span, clean
from cleanerlib._cli import main
from cleanerlib.report import render_batch_summary, render_result, summarize

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def parse(html: str):
    return lxml.html.document_fromstring(html)


def block_items(doc) -> list:
    return doc.xpath('//li[contains(concat(" ", @class, " "), " block ")]')


# -- one page ---------------------------------------------------------------------------------

def test_page_text_is_escaped_everywhere():
    html = render_result(hostile_result())
    # the report's own script is the only one; page text shows as text
    assert html.count("<script") == 1
    assert "<img" not in html
    assert "&lt;script&gt;document.body.setAttribute" in html
    assert "&lt;img src=x onerror=" in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html  # a detail
    doc = parse(html)
    assert not doc.xpath("//img")
    assert len(doc.xpath("//script")) == 1
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    # the page title and the javascript: URL are text, never markup or a link target
    assert doc.xpath("string(//title)") == "Cleaning report: <script>document.title='pwned'</script>Title"
    assert not [h for h in doc.xpath("//a/@href") if not h.startswith("#")]
    assert "javascript:alert(1)" in doc.xpath("string(//p[@class='meta'])")


def test_every_block_present_in_order_with_its_text():
    result = hostile_result()
    doc = parse(render_result(result))
    items = block_items(doc)
    assert [li.get("id") for li in items] == [f"b{k}" for k in range(len(result.blocks))]
    texts = [li.xpath("string(.//p[@class='text'])") for li in items]
    assert texts == [b.text for b in result.blocks]
    assert SCRIPT_TEXT in texts and IMG_TEXT in texts and ESC_TEXT in texts


def test_kept_and_dropped_are_marked_with_filter_reason_detail_and_locator():
    result = hostile_result()
    items = block_items(parse(render_result(result)))
    for li, b in zip(items, result.blocks):
        assert li.get("data-kept") == ("true" if b.kept else "false")
        classes = li.get("class").split()
        assert ("kept" in classes) == b.kept and ("dropped" in classes) != b.kept
        if b.kept:
            assert not li.xpath(".//ul[@class='why']")
            continue
        assert li.get("data-filter") == b.dropped_by
        assert li.get("data-reason") == b.reason
        why = li.xpath(".//ul[@class='why']")[0]
        assert why.xpath("string(.//span[@class='chip'])") == b.dropped_by
        assert why.xpath("string(.//code[@class='reason'])") == b.reason
        assert why.xpath("string(.//li[@class='detail'])") == b.detail
        source = why.xpath("string(.//li[@class='source'])")
        assert b.source.xpath in source and f"line {b.source.line}" in source
    # a block cut out of an element has no offsets, only its element
    assert "chars" not in items[4].xpath("string(.//li[@class='source'])")
    assert "chars 130-160" in items[1].xpath("string(.//li[@class='source'])")


def test_same_filter_same_colour_different_filters_differ():
    items = block_items(parse(render_result(hostile_result())))
    colour = {li.get("data-filter"): [c for c in li.get("class").split() if re.fullmatch(r"f\d+", c)]
              for li in items if li.get("data-kept") == "false"}
    assert all(len(c) == 1 for c in colour.values())
    assert len({c[0] for c in colour.values()}) == len(colour) == 3
    chrome = [li for li in items if li.get("data-filter") == "chrome"]
    assert chrome[0].get("class").split()[-1] == chrome[1].get("class").split()[-1]


def test_ref_links_to_the_kept_twin_and_back():
    doc = parse(render_result(hostile_result()))
    repeat = doc.get_element_by_id("b3")
    links = repeat.xpath(".//li[@class='ref']//a")
    assert [a.get("href") for a in links] == ["#b2"]
    assert "(kept)" in repeat.xpath("string(.//li[@class='ref'])")
    twin = doc.get_element_by_id("b2")
    assert [a.get("href") for a in twin.xpath(".//p[@class='twins']//a")] == ["#b3"]


def test_ref_outside_the_result_does_not_break_the_report():
    result = hostile_result()
    blocks = list(result.blocks)
    blocks[3] = Block(3, "x", Kind.PARAGRAPH, Span(1, 2), kept=False, dropped_by="repeats",
                      reason="exact_repeat", ref=99)
    html = render_result(CleanResult("t", tuple(blocks), "", Metadata(), "text"))
    item = parse(html).get_element_by_id("b3")
    assert "#99 (not in this result)" in item.xpath("string(.//li[@class='ref'])")
    assert not item.xpath(".//li[@class='ref']//a")


def test_counts_table_matches_result_counts():
    result = hostile_result()
    doc = parse(render_result(result))
    rows = doc.xpath("//tr[@class='count-row']")
    got = {(r.get("data-filter"), r.get("data-reason")): int(r.xpath("string(td[3])")) for r in rows}
    want = {(f, r): n for f, per in result.counts().items() for r, n in per.items()}
    assert got == want == {("chrome", "share_bar"): 1, ("chrome", "skip_link"): 1,
                           ("repeats", "exact_repeat"): 1, ("teasers", "teaser_card"): 1}
    chars = {(r.get("data-filter"), r.get("data-reason")): r.xpath("string(td[4])") for r in rows}
    assert chars[("chrome", "skip_link")] == str(len("Skip to content"))


def test_legend_has_a_toggle_per_filter_and_for_kept_blocks():
    doc = parse(render_result(hostile_result()))
    toggles = doc.xpath("//input[@type='checkbox'][@data-filter]")
    assert [t.get("data-filter") for t in toggles] == ["chrome", "repeats", "teasers"]
    assert all(t.get("checked") is not None for t in toggles)
    assert doc.xpath("//input[@data-kept-toggle]")
    counts = {t.get("data-filter"): t.getparent().xpath("string(.//span[@class='count'])") for t in toggles}
    assert counts == {"chrome": "2", "repeats": "1", "teasers": "1"}
    assert doc.xpath("string(//*[@id='visible-count'])") == "7"


def test_report_is_self_contained_and_its_csp_admits_only_its_own_script_and_style():
    html = render_result(hostile_result())
    doc = parse(html)
    assert not doc.xpath("//link | //iframe | //object | //embed | //*[@src]")
    assert not re.search(r"url\(|@import|https?://", "".join(doc.xpath("//style/text()")))
    csp = doc.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
    assert "default-src 'none'" in csp

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {digest(doc.xpath('//script')[0].text)}" in csp
    assert f"style-src {digest(doc.xpath('//style')[0].text)}" in csp


def test_needs_review_is_shown():
    result = hostile_result()
    flagged = CleanResult(result.text, result.blocks, "", result.metadata, "html", needs_review=True,
                          review_reason="removed_share")
    doc = parse(render_result(flagged))
    assert "removed_share" in doc.xpath("string(//*[@id='needs-review'])")
    assert not parse(render_result(result)).xpath("//*[@id='needs-review']")


def test_to_html_is_render_result_and_title_overrides():
    result = hostile_result()
    assert result.to_html(title="Custom <title>") == render_result(result, title="Custom <title>")
    assert parse(result.to_html(title="Custom <title>")).xpath("string(//h1)") == "Custom <title>"


def test_empty_result_renders():
    doc = parse(render_result(CleanResult("", (), "", Metadata(), "text")))
    assert not block_items(doc)
    assert "no text" in doc.xpath("string(//main)")


def test_plain_text_locator_has_the_line_worked_out_from_source():
    source = "first line\nsecond line\n\nthird paragraph here\n"
    result = clean(source, input_type="text")
    doc = parse(render_result(result))
    for pos, b in enumerate(result.blocks):
        assert b.source.start is not None
        line = source.count("\n", 0, b.source.start) + 1
        assert f"line {line}" in doc.get_element_by_id(f"b{pos}").get("title")


@pytest.mark.parametrize("name", ["01_en_nvidia-arm-servers.txt", "10_en_gpu-cloud-price-cut.html"])
def test_real_sample_report_lists_every_block(name):
    raw = (SAMPLES / name).read_bytes()
    result = clean(raw)
    doc = parse(render_result(result))
    items = block_items(doc)
    assert len(items) == len(result.blocks) > 0
    assert [li.get("data-kept") == "true" for li in items] == [b.kept for b in result.blocks]
    for li, b in zip(items, result.blocks):
        assert li.xpath("string(.//p[@class='text'])") == b.text


def test_cli_report_writes_a_file(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(SAMPLES / "01_en_nvidia-arm-servers.txt"), "-o", str(out)]) == 0
    doc = parse(out.read_text(encoding="utf-8"))
    assert doc.xpath("string(//h1)").startswith("Nvidia Hands European Clouds")
    assert block_items(doc)


def test_cli_report_needs_exactly_one_input(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["report", "-o", str(tmp_path / "x.html")])
    with pytest.raises(SystemExit):
        main(["report", "a.html", "--batch", "b.jsonl"])


# -- a batch ----------------------------------------------------------------------------------

def _records() -> list[dict]:
    full = hostile_result().to_dict()
    compact_blocks = [  # a compact form: dropped blocks only, without "kept"
        {"dropped_by": "chrome", "reason": "share_bar", "text": "Share on X"},
        {"dropped_by": "repeats", "reason": "exact_repeat", "text": PARAGRAPH, "ref": 0},
    ]
    return [
        {"id": "page-1", "url": "https://example.org/1", "text": full["text"], "error": None, "provenance": full},
        {"id": "page-2", "url": "https://example.org/2", "text": "...", "error": None, "blocks": compact_blocks},
        {"id": "page-3", "url": "https://example.org/3", "text": "", "error": "DecodeError: binary input"},
        {"id": "page-4", "url": "https://example.org/4", "text": "", "error": None, "needs_review": True,
         "review_reason": "removed_all", "provenance": {"counts": {"main_content": {"outside_main_content": 5}}}},
        {**full, "id": "page-5", "url": "https://example.org/5"},  # flat: the result's fields at top level
    ]


def _write_jsonl(path: Path, records: list, extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def test_summary_counts_filters_reasons_and_pages():
    s = summarize(_records())
    assert s.pages == 5 and s.cleaned == 4
    assert [p.id for p in s.errors] == ["page-3"]
    assert [p.id for p in s.review] == ["page-4"]
    assert s.reasons[("chrome", "share_bar")].blocks == 3 and s.reasons[("chrome", "share_bar")].pages == 3
    assert s.reasons[("chrome", "skip_link")].pages == 2
    assert s.reasons[("repeats", "exact_repeat")].blocks == 3
    assert s.reasons[("main_content", "outside_main_content")].blocks == 5
    assert s.reasons[("chrome", "share_bar")].chars == 3 * len("Share on X")
    # examples are distinct texts
    assert s.reasons[("chrome", "share_bar")].examples == [("Share on X", "page-1")]


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "gzipped-without-suffix.jsonl"])
def test_batch_summary_html_from_file(tmp_path, name):
    path = tmp_path / name
    records = _records()
    if name.startswith("gzipped"):
        path.write_bytes(gzip.compress(("\n".join(json.dumps(r) for r in records) + "\n[1, 2]\n").encode()))
    else:
        _write_jsonl(path, records, ("{not json", "[1, 2]", ""))
    html = render_batch_summary(path)
    assert html.count("<script") == 0 and "<img" not in html
    doc = parse(html)
    assert doc.xpath("string(//*[@id='n-pages'])") == "5"
    assert doc.xpath("string(//*[@id='n-errors'])") == "1"
    assert doc.xpath("string(//*[@id='n-review'])") == "1"
    rows = {(r.get("data-filter"), r.get("data-reason")): r for r in doc.xpath("//tr[@class='reason-row']")}
    assert set(rows) == {("chrome", "skip_link"), ("chrome", "share_bar"), ("repeats", "exact_repeat"),
                         ("teasers", "teaser_card"), ("main_content", "outside_main_content")}
    share = rows[("chrome", "share_bar")]
    assert share.xpath("string(td[3])") == "3" and share.xpath("string(td[4])").startswith("3 (75%)")
    teaser_examples = rows[("teasers", "teaser_card")].xpath(".//ul[@class='examples']/li//q/text()")
    assert teaser_examples == [IMG_TEXT]
    assert "page-4" in doc.xpath("string(//section[@id='review'])")
    assert "removed_all" in doc.xpath("string(//section[@id='review'])")
    assert "DecodeError: binary input" in doc.xpath("string(//section[@id='errors'])")
    unreadable = doc.xpath("string(//section[@id='unreadable'])")
    assert "[1, 2]" not in unreadable and "list, not an object" in unreadable
    if name == "out.jsonl":
        assert "not JSON" in unreadable


def test_batch_summary_from_clean_results():
    results = [clean((SAMPLES / n).read_bytes()) for n in ("01_en_nvidia-arm-servers.txt",
                                                            "10_en_gpu-cloud-price-cut.html")]
    doc = parse(render_batch_summary(results, title="Two pages"))
    assert doc.xpath("string(//h1)") == "Two pages"
    rows = doc.xpath("//tr[@class='reason-row']")
    want = {(f, r) for res in results for f, per in res.counts().items() for r in per}
    assert {(r.get("data-filter"), r.get("data-reason")) for r in rows} == want


def test_cli_report_batch(tmp_path):
    src = _write_jsonl(tmp_path / "out.jsonl.gz", _records())
    out = tmp_path / "summary.html"
    assert main(["report", "--batch", str(src), "-o", str(out)]) == 0
    doc = parse(out.read_text(encoding="utf-8"))
    assert doc.xpath("string(//*[@id='n-pages'])") == "5"


# -- what `cleanerlib batch` writes -----------------------------------------------------------

@pytest.fixture(scope="module")
def batch_input(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "in.jsonl"
    names = ["01_en_nvidia-arm-servers.txt", "10_en_gpu-cloud-price-cut.html", "03_de_rechenzentrum-abwaerme.txt"]
    lines = [json.dumps({"id": n, "url": f"https://example.org/{n}",
                         ("html" if n.endswith(".html") else "text"): (SAMPLES / n).read_text(encoding="utf-8")})
             for n in names]
    lines.append(json.dumps({"id": "no-page", "url": "https://example.org/none"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("provenance", ["compact", "full", "none"])
def test_summary_reads_batch_runner_output(tmp_path, batch_input, provenance):
    from cleanerlib.batch import run_batch

    out = tmp_path / "out.jsonl.gz"
    run_batch([str(batch_input)], str(out), workers=1, provenance=provenance, progress=False,
              stderr=io.StringIO())
    s = summarize(out)
    results = [clean((SAMPLES / n).read_bytes(), url=f"https://example.org/{n}")
               for n in ("01_en_nvidia-arm-servers.txt", "10_en_gpu-cloud-price-cut.html",
                         "03_de_rechenzentrum-abwaerme.txt")]
    assert s.pages == 4 and s.cleaned == 3 and not s.unreadable
    assert [p.id for p in s.errors] == ["no-page"] and s.errors[0].error.startswith("MissingField: ")
    assert len(s.review) == sum(r.needs_review for r in results)
    if provenance == "none":
        assert not s.reasons
        return
    want: dict = {}
    for r in results:
        for f, per in r.counts().items():
            for reason, n in per.items():
                want[(f, reason)] = want.get((f, reason), 0) + n
    assert {k: v.blocks for k, v in s.reasons.items()} == want
    assert s.total_chars == sum(len(b.text) for r in results for b in r.blocks)
    assert s.kept_chars == sum(len(b.text) for r in results for b in r.blocks if b.kept)
    for (f, reason), stats in s.reasons.items():
        texts = {" ".join(b.text.split()) for r in results for b in r.blocks
                 if b.dropped_by == f and b.reason == reason}
        assert stats.examples and all(t in texts for t, _ in stats.examples)
    doc = parse(render_batch_summary(out))
    assert len(doc.xpath("//tr[@class='reason-row']")) == len(want)
