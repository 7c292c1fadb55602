"""The command line: clean a file or stdin, JSON output, the filter list, clear errors."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleanerlib import Cleaner, clean
from cleanerlib._cli import main

PAGE = ("Skip to content\n"
        "Chip makers race to build new fabs across three continents\n"
        "\n"
        "Semiconductor companies announced a wave of new factories this week, promising jobs.\n")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_clean_file_prints_the_text(page, capsys):
    assert main(["clean", str(page)]) == 0
    out, err = capsys.readouterr()
    assert out == clean(PAGE).text + "\n"
    assert err == ""


def test_clean_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    assert main(["clean", "-"]) == 0
    assert capsys.readouterr().out == clean(PAGE).text + "\n"


def test_json_format_is_the_provenance_map(page, capsys):
    assert main(["clean", str(page), "--format", "json", "--url", "https://example.com/a"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == json.loads(clean(PAGE, url="https://example.com/a").to_json())
    assert [b["text"] for b in data["blocks"]] == [
        "Skip to content",
        "Chip makers race to build new fabs across three continents",
        "Semiconductor companies announced a wave of new factories this week, promising jobs.",
    ]
    assert data["blocks"][1]["source"] == {"start": 16, "end": 74}
    assert data["metadata"]["url"] == "https://example.com/a"


def test_pretty_json(page, capsys):
    assert main(["clean", str(page), "--format", "json", "--pretty"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('{\n  "text": ')
    json.loads(out)


def test_cleaning_options(page, capsys):
    assert main(["clean", str(page), "--separator", r"\n\n", "--input-type", "text", "--language", "de"]) == 0
    assert capsys.readouterr().out == clean(PAGE, separator="\n\n", input_type="text", language="de").text + "\n"
    assert main(["clean", str(page), "--separator", "\u2192", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["separator"] == "\u2192"


def test_safety_valve_and_time_budget_options(page, capsys):
    assert main(["clean", str(page), "--format", "json", "--max-removed-share", "0.01"]) == 0
    out = json.loads(capsys.readouterr().out)
    want = clean(PAGE, max_removed_share=0.01)
    assert (out["needs_review"], out["review_reason"]) == (want.needs_review, want.review_reason)
    assert main(["clean", str(page), "--max-removed-share", "2"]) == 2
    assert "ConfigError: max_removed_share must be a number in (0, 1], got 2.0" in capsys.readouterr().err
    assert main(["clean", str(page), "--time-budget", "60"]) == 0
    assert capsys.readouterr().out == clean(PAGE).text + "\n"


def test_config_file(page, tmp_path, capsys):
    config = tmp_path / "cleaner.json"
    config.write_text(json.dumps(Cleaner(filters=[], separator=" / ").to_config()), encoding="utf-8")
    assert main(["clean", str(page), "--config", str(config)]) == 0
    assert capsys.readouterr().out == clean(PAGE, filters=[], separator=" / ").text + "\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not a JSON cleaner config"),
        ('{"filters": [{"name": "no_such_filter"}]}', "ConfigError: unknown filter 'no_such_filter'"),
        ("[1, 2]", "ConfigError: a cleaner config is a mapping of options"),
    ],
)
def test_bad_config_file_is_a_clear_error(page, tmp_path, capsys, content, message):
    config = tmp_path / "bad.json"
    config.write_text(content, encoding="utf-8")
    assert main(["clean", str(page), "--config", str(config)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err and "Traceback" not in err


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    missing = tmp_path / "nope.html"
    assert main(["clean", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"cleanerlib: [Errno 2] No such file or directory: '{missing}'\n"


def test_binary_file_is_a_clear_error(tmp_path, capsys):
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert main(["clean", str(pdf)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "cleanerlib: DecodeError: input looks like a pdf file, not text or HTML\n"


def test_empty_input_prints_nothing(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["clean", str(empty)]) == 0
    assert capsys.readouterr().out == ""


def test_filters_lists_registered_filters_and_the_default_order(capsys):
    assert main(["filters"]) == 0
    out = capsys.readouterr().out
    assert "* main_content" in out
    assert "outside_main_content" in out
    assert "\n* = in the default pipeline, in this order: main_content" in out


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["clean"])
    assert info.value.code == 2
    assert "the following arguments are required: file" in capsys.readouterr().err


def test_console_script_in_a_subprocess(page, tmp_path):
    script = shutil.which("cleanerlib", path=str(Path(sys.executable).parent))
    assert script is not None, "the cleanerlib console script is not installed in this environment"
    done = subprocess.run([script, "clean", "-"], input=PAGE.encode("utf-8"), capture_output=True, check=False)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode("utf-8") == clean(PAGE).text + "\n"
    missing = subprocess.run([script, "clean", str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert missing.returncode == 2 and "No such file or directory" in missing.stderr


def test_html_offsets_option(tmp_path, capsys):
    page = tmp_path / "page.html"
    html = "<html><body><h1>Chip makers race</h1><p>Semiconductor companies announced new fabs.</p></body></html>"
    page.write_text(html, encoding="utf-8")
    assert main(["clean", str(page), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["blocks"][1]["source"]["start"] is None
    assert main(["clean", str(page), "--format", "json", "--html-offsets"]) == 0
    source = json.loads(capsys.readouterr().out)["blocks"][1]["source"]
    assert html[source["start"]:source["end"]] == "<p>Semiconductor companies announced new fabs.</p>"
