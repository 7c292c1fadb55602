"""The terminal view: every block in order, reasons and refs, colour only where it belongs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from _report_data import hostile_result
from cleanerlib import clean
from cleanerlib._cli import main
from cleanerlib.report import explain
from cleanerlib.report._terminal import use_colour

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SGR = re.compile(r"\x1b\[[0-9;]*m")


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(result=None, **kwargs) -> str:
    out = kwargs.pop("stream", None) or io.StringIO()
    explain(result or hostile_result(), out, **kwargs)
    return out.getvalue()


def block_lines(text: str) -> list[str]:
    """The first line of each block: a mark column, then the block number."""
    return [line for line in text.splitlines() if re.match(r"^[ -] {0,4}\d+  ", line)]


def test_plain_when_not_a_tty_even_with_control_characters_in_the_page(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = run()
    assert "\x1b" not in text and "\u202e" not in text
    assert r"\x1b[2J" in text and r"\u202e" in text  # shown, escaped


def test_every_block_in_order_dropped_ones_marked():
    result = hostile_result()
    lines = block_lines(run(result, width=0))
    assert [int(line[1:6]) for line in lines] == list(range(len(result.blocks)))
    assert [line.startswith("-") for line in lines] == [not b.kept for b in result.blocks]
    for line, b in zip(lines, result.blocks):
        assert b.text.replace("\x1b", r"\x1b").replace("\u202e", r"\u202e") in line


def test_reasons_details_sources_and_the_kept_twin():
    text = run(width=0)
    assert "dropped by chrome: skip_link (A navigation link: 'Skip to content'.)" in text
    assert "dropped by repeats: exact_repeat (Same text as block 2.)" in text
    assert 'duplicate of #2 (kept): "The first real paragraph' in text
    assert "source: /html/body/div[1]/a, line 4, chars 130-160" in text
    assert "source: /html/body/aside/div[3], line 40" in text
    assert "NEEDS REVIEW" not in text
    footer = text.split("Dropped, by filter and reason:")[1]
    assert re.search(r"chrome\s+share_bar\s+1", footer)
    assert re.search(r"repeats\s+exact_repeat\s+1", footer)


def test_colour_always_strikes_dropped_blocks_in_their_filter_colour():
    text = run(color="always", width=0)
    assert "\x1b[" in text
    plain = SGR.sub("", text)
    assert "\x1b" not in plain  # the page's own ESC stays escaped
    assert plain == run(color="never", width=0)
    skip = next(line for line in text.splitlines() if "Skip to content" in line and "dropped" not in line)
    assert re.search(r"\x1b\[2;9;\d+mSkip to content\x1b\[0m", skip)
    kept = next(line for line in text.splitlines() if "The first real paragraph" in line and line.startswith(" "))
    assert "\x1b[2;9" not in kept


def test_auto_colour_follows_the_tty_and_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\x1b[" in run(stream=FakeTTY())
    assert "\x1b[" not in run(stream=FakeTTY(), color="never")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(stream=FakeTTY())
    assert "\x1b[" in run(stream=FakeTTY(), color="always")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not use_colour(FakeTTY())
    with pytest.raises(ValueError):
        use_colour(io.StringIO(), "sometimes")


def test_wrapping_keeps_every_word():
    result = clean((SAMPLES / "01_en_nvidia-arm-servers.txt").read_bytes())
    text = run(result, width=60)
    body = text.split("\n\n", 1)[1].split("Dropped, by filter and reason:")[0]  # the blocks
    for b in result.blocks:
        for word in b.text.split():
            assert word in body
    indent = len("-    0  paragraph  ")
    for line in body.splitlines():
        if len(line) <= 60 or line.strip().startswith(("dropped by", "source:", "duplicate of", "belongs to")):
            continue
        assert " " not in line[indent:].strip(), line  # only a word longer than the room overflows


def test_needs_review_is_announced():
    from dataclasses import replace

    text = run(replace(hostile_result(), needs_review=True, review_reason="removed_all"))
    assert "NEEDS REVIEW: removed_all" in text


def test_cli_explain_without_a_tty_is_plain(capsys):
    assert main(["clean", str(SAMPLES / "01_en_nvidia-arm-servers.txt"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert out.splitlines()[0].startswith("Nvidia Hands European Clouds")
    result = clean((SAMPLES / "01_en_nvidia-arm-servers.txt").read_bytes())
    assert len(block_lines(out)) == len(result.blocks)


def test_cli_explain_color_always_and_never(capsys):
    sample = str(SAMPLES / "10_en_gpu-cloud-price-cut.html")
    assert main(["clean", sample, "--explain", "--color", "always"]) == 0
    coloured = capsys.readouterr().out
    assert main(["clean", sample, "--explain", "--color", "never"]) == 0
    plain = capsys.readouterr().out
    assert "\x1b[" in coloured and "\x1b" not in plain
    assert SGR.sub("", coloured) == plain
