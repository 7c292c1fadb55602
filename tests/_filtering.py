"""Helpers shared by the filter tests: run one filter on lines of text, find a block, assert
its verdict (filter, reason, and the text of the block its ``ref`` names)."""

from __future__ import annotations

from cleanerlib import clean


def block(result, text: str):
    matches = [b for b in result.blocks if b.text == text]
    assert len(matches) == 1, f"{text!r} is not exactly one block: {[b.text for b in result.blocks]}"
    return matches[0]


def assert_kept(result, text: str) -> None:
    b = block(result, text)
    assert b.kept and b.dropped_by is None, b


def assert_all_kept(result) -> None:
    assert not result.dropped, [(b.text, b.reason) for b in result.dropped]


class FilterProbe:
    """One filter class under test: ``probe.run(*lines)``, ``probe.assert_dropped(...)``."""

    def __init__(self, filter_class) -> None:
        self.filter_class = filter_class

    def run(self, *lines: str, **options):
        return clean("\n".join(lines), input_type="text", filters=[self.filter_class(**options)])

    def assert_dropped(self, result, text: str, reason: str, ref: str | None = None) -> None:
        b = block(result, text)
        assert (b.kept, b.dropped_by, b.reason) == (False, self.filter_class.name, reason), b
        if ref is None:
            assert b.ref is None, b
        else:
            assert b.ref is not None and result.blocks[b.ref].text == ref, b
