"""The block model and the result: frozen, slotted, JSON round trip, counts."""

from __future__ import annotations

import dataclasses
import json

import pytest

from cleanerlib import Block, CleanResult, Hints, Kind, Metadata, Span


def _result() -> CleanResult:
    source = "Headline here\nRead More →Body text.\nShare this"
    blocks = (
        Block(0, "Headline here", Kind.HEADING, Span(0, 13), output=Span(0, 13)),
        Block(1, "Read More →", Kind.OTHER, Span(14, 25), kept=False, dropped_by="teasers",
              reason="teaser_link", detail="A link to another article.", ref=2),
        Block(2, "Body text.", Kind.PARAGRAPH, Span(25, 35), output=Span(14, 24)),
        Block(3, "Share this", Kind.OTHER, Span(36, 46), kept=False, dropped_by="chrome",
              reason="share_bar", detail="Social sharing buttons."),
    )
    return CleanResult(
        text="Headline here\nBody text.",
        blocks=blocks,
        source_text=source,
        metadata=Metadata(title="Headline here", language="en"),
        input_type="text",
    )


def test_kind_values_are_the_contract_names():
    assert [k.value for k in Kind] == ["heading", "paragraph", "list_item", "quote", "caption", "table", "other"]
    assert str(Kind.LIST_ITEM) == "list_item"
    assert f"{Kind.HEADING}" == "heading"
    assert Kind("quote") is Kind.QUOTE


@pytest.mark.parametrize("obj", [Span(0, 1), Hints(), Block(0, "a", Kind.OTHER, Span(0, 1)), Metadata(), _result()])
def test_model_objects_are_frozen_and_slotted(obj):
    name = dataclasses.fields(obj)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, name, None)
    assert not hasattr(obj, "__dict__")


def test_blocks_and_results_are_hashable_and_compare_by_value():
    a, b = _result(), _result()
    assert a == b and hash(a.blocks) == hash(b.blocks)
    assert a.blocks[0] != dataclasses.replace(a.blocks[0], kept=False)


def test_span_to_dict_omits_unset_locators():
    assert Span(3, 9).to_dict() == {"start": 3, "end": 9}
    assert Span(None, None, "/html/body/p[2]", 14).to_dict() == {
        "start": None, "end": None, "xpath": "/html/body/p[2]", "line": 14}
    assert Span.from_dict({"start": None, "end": None, "xpath": "/html/body", "line": 1}) == Span(None, None, "/html/body", 1)


def test_block_to_dict_has_every_contract_field():
    d = _result().blocks[1].to_dict()
    assert d == {
        "index": 1,
        "kind": "other",
        "text": "Read More →",
        "kept": False,
        "dropped_by": "teasers",
        "reason": "teaser_link",
        "detail": "A link to another article.",
        "ref": 2,
        "source": {"start": 14, "end": 25},
        "output": None,
    }
    assert _result().blocks[0].to_dict()["output"] == {"start": 0, "end": 13}


def test_result_to_dict_and_from_dict_round_trip():
    r = _result()
    d = r.to_dict()
    assert list(d) == ["text", "input_type", "separator", "metadata", "needs_review", "review_reason",
                       "counts", "blocks"]
    assert "source_text" not in d
    back = CleanResult.from_dict(json.loads(json.dumps(d)))
    assert back.blocks == r.blocks
    assert back.text == r.text and back.metadata == r.metadata and back.input_type == "text"
    assert back.source_text == ""  # not included unless asked for
    full = CleanResult.from_dict(r.to_dict(include_source=True))
    assert full == r


def test_to_json_is_the_dict_as_json_and_keeps_unicode():
    r = _result()
    assert json.loads(r.to_json()) == r.to_dict()
    assert "→" in r.to_json()
    assert r.to_json(indent=2).startswith("{\n  \"text\"")
    assert json.loads(r.to_json(include_source=True))["source_text"] == r.source_text


def test_kept_dropped_iteration_and_counts():
    r = _result()
    assert [b.index for b in r] == [0, 1, 2, 3]
    assert [b.index for b in r.kept] == [0, 2]
    assert [b.index for b in r.dropped] == [1, 3]
    assert r.counts() == {"chrome": {"share_bar": 1}, "teasers": {"teaser_link": 1}}
    assert r.to_dict()["counts"] == r.counts()


def test_counts_sort_filters_and_reasons():
    blocks = tuple(
        Block(i, "x", Kind.OTHER, Span(i, i + 1), kept=False, dropped_by=f, reason=r)
        for i, (f, r) in enumerate([("z", "b"), ("a", "y"), ("z", "a"), ("z", "b")])
    )
    r = CleanResult("", blocks, "xxxx", Metadata(), "text")
    assert r.counts() == {"a": {"y": 1}, "z": {"a": 1, "b": 2}}
    assert list(r.counts()) == ["a", "z"] and list(r.counts()["z"]) == ["a", "b"]


def test_safety_valve_fields_default_to_not_flagged():
    r = _result()
    assert (r.needs_review, r.review_reason) == (False, None)
    flagged = dataclasses.replace(r, needs_review=True, review_reason="removed_all")
    assert CleanResult.from_dict(flagged.to_dict()).review_reason == "removed_all"


def test_source_offset_runs_parallel_without_pieces():
    b = Block(0, "Hello world", Kind.PARAGRAPH, Span(10, 21))
    assert [b.source_offset(k) for k in (0, 5, 10)] == [10, 15, 20]
    assert Block(0, "x", Kind.OTHER, Span(None, None, "/html/body")).source_offset(0) is None


def test_source_offset_follows_joined_line_breaks():
    # "ab cd" joined from "ab\r\n  cd" starting at offset 4
    b = Block(0, "ab cd", Kind.PARAGRAPH, Span(4, 12), pieces=((0, 4), (3, 10)))
    assert [b.source_offset(k) for k in range(5)] == [4, 5, 6, 10, 11]


def test_pieces_and_hints_stay_out_of_equality_and_json():
    a = Block(0, "ab", Kind.PARAGRAPH, Span(0, 2))
    b = dataclasses.replace(a, pieces=((0, 0),))
    assert a == b
    assert "pieces" not in a.to_dict() and "hints" not in a.to_dict()


def test_hints_link_density():
    assert Hints(link_chars=5).link_density(20) == 0.25
    assert Hints(link_chars=5).link_density(0) == 0.0


def test_metadata_merged_fills_only_empty_fields():
    m = Metadata(title="T", byline=None)
    assert m.merged(title="Other", byline="Jane Doe", date="") == Metadata(title="T", byline="Jane Doe")
    assert m.merged(title="Other") is m
    assert Metadata.from_dict({"title": "T", "unknown": 1}) == Metadata(title="T")
    assert list(Metadata().to_dict()) == ["title", "byline", "date", "language", "url", "site_name", "description"]
