"""The filter contract and the pipeline: composition, config as data, provenance bookkeeping."""

from __future__ import annotations

import dataclasses
import json

import pytest

from cleanerlib import (
    Block,
    Cleaner,
    ConfigError,
    Document,
    Drop,
    Filter,
    Kind,
    Metadata,
    Pipeline,
    Span,
    register,
    registered_filters,
)
from cleanerlib import _pipeline
from cleanerlib.filters import MainContent


class DropWord(Filter):
    """Drops every kept block that contains ``word``."""

    name = "test_drop_word"
    reasons = {"has_word": "the block contains the word"}

    def __init__(self, *, word: str = "ad", reason: str = "has_word") -> None:
        self.word = word
        self.reason = reason

    def decide(self, doc):
        return [Drop(b.index, self.reason, f"contains {self.word!r}") for b in doc.blocks
                if b.kept and self.word in b.text.split()]


class OtherDropWord(DropWord):
    name = "test_other_drop_word"


class Recorder(Filter):
    """Keeps nothing back: remembers which blocks it saw as kept (the test reads ``seen``)."""

    name = "test_recorder"

    def __init__(self) -> None:
        self.seen: list[tuple[int, bool, str | None]] = []

    def decide(self, doc):
        self.seen = [(b.index, b.kept, b.dropped_by) for b in doc.blocks]
        return ()


class Decide(Filter):
    """Returns the decisions it was given (the same ones for every document)."""

    name = "test_decide"

    def __init__(self, *, drops: tuple = ()) -> None:
        self.drops = drops

    def decide(self, doc):
        return list(self.drops)


def step(name: str) -> Filter:
    return type(f"Step_{name}", (DropWord,), {"name": name})()


def text_doc(*lines: str, title_index: int | None = None, metadata: Metadata = Metadata()) -> Document:
    source = "\n".join(lines)
    blocks, pos = [], 0
    for i, line in enumerate(lines):
        blocks.append(Block(i, line, Kind.PARAGRAPH, Span(pos, pos + len(line))))
        pos += len(line) + 1
    return Document.build(blocks, input_type="text", metadata=metadata, title_index=title_index), source


# -- composition -----------------------------------------------------------------------------


def test_composition_returns_new_pipelines():
    a, b, c, d = step("a"), step("b"), step("c"), step("d")
    p = Pipeline([a, b, c])
    assert p.names == ("a", "b", "c")
    assert p.without("b").names == ("a", "c")
    assert p.without("a", "c").names == ("b",)
    assert p.with_filter(d).names == ("a", "b", "c", "d")
    assert p.with_filter(d, before="a").names == ("d", "a", "b", "c")
    assert p.with_filter(d, after="b").names == ("a", "b", "d", "c")
    assert p.with_filter(d, before="c").names == ("a", "b", "d", "c")
    assert p.replace("b", d).names == ("a", "d", "c")
    assert p.reordered(["c", "a", "b"]).names == ("c", "a", "b")
    assert p.names == ("a", "b", "c")  # unchanged
    assert p["b"] is b and "c" in p and "z" not in p and len(p) == 3 and list(p) == [a, b, c]


def test_composition_errors():
    p = Pipeline([step("a"), step("b")])
    with pytest.raises(ConfigError, match="no step named 'x'"):
        p.without("x")
    with pytest.raises(ConfigError, match="no step named 'x'"):
        p.with_filter(step("c"), before="x")
    with pytest.raises(ConfigError, match="not both"):
        p.with_filter(step("c"), before="a", after="b")
    with pytest.raises(ConfigError, match="no step named 'x'"):
        p.replace("x", step("c"))
    with pytest.raises(ConfigError, match="every step exactly once"):
        p.reordered(["a"])
    with pytest.raises(ConfigError, match="every step exactly once"):
        p.reordered(["a", "a"])
    with pytest.raises(KeyError):
        p["x"]


def test_step_names_are_unique_and_steps_are_filters():
    with pytest.raises(ConfigError, match="two steps are named 'a'"):
        Pipeline([step("a"), step("a")])
    with pytest.raises(ConfigError, match="two steps are named 'a'"):
        Pipeline([step("a"), step("b")]).with_filter(step("a"))
    with pytest.raises(ConfigError, match="must be Filter instances"):
        Pipeline([lambda doc: ()])
    with pytest.raises(ConfigError, match="has no name"):
        Pipeline([Filter()])


def test_pipelines_and_filters_compare_by_configuration():
    assert Pipeline([DropWord(word="x")]) == Pipeline([DropWord(word="x")])
    assert Pipeline([DropWord(word="x")]) != Pipeline([DropWord(word="y")])
    assert DropWord(word="x").get_params() == {"word": "x", "reason": "has_word"}
    assert repr(DropWord(word="x")) == "DropWord(word='x', reason='has_word')"


def test_cleaner_accepts_a_pipeline_or_a_list_and_defaults():
    assert Cleaner(filters=[DropWord()]).pipeline == Pipeline([DropWord()])
    assert Cleaner(filters=Pipeline([DropWord()])).pipeline == Pipeline([DropWord()])
    assert Cleaner().pipeline == Pipeline.default()
    assert Cleaner(filters=[]).pipeline.names == ()
    assert Pipeline.default().names[0] == "main_content"


# -- configuration as data --------------------------------------------------------------------


@pytest.fixture
def registry(monkeypatch):
    """An isolated filter registry, so test filters do not leak into other tests."""
    registered_filters()  # make sure the built-in filters are in before copying
    monkeypatch.setattr(_pipeline, "_REGISTRY", dict(_pipeline._REGISTRY))
    return _pipeline._REGISTRY


def test_default_pipeline_round_trips_through_json():
    p = Pipeline.default().replace("main_content", MainContent(favor_precision=True, on_failure="drop"))
    config = json.loads(json.dumps(p.to_config()))
    assert config["filters"][0] == {"name": "main_content", "params": MainContent(favor_precision=True,
                                                                                   on_failure="drop").get_params()}
    rebuilt = Pipeline.from_config(config)
    assert rebuilt == p
    assert rebuilt["main_content"].favor_precision is True
    assert rebuilt.to_config() == config


def test_cleaner_config_round_trips_through_json():
    c = Cleaner(filters=[MainContent(on_failure="drop")], input_type="html", separator="\n\n",
                language="de", max_removed_share=0.5, time_budget=2.5, html_offsets=True)
    config = json.loads(json.dumps(c.to_config()))
    assert {k: v for k, v in config.items() if k != "filters"} == {
        "input_type": "html", "separator": "\n\n", "language": "de", "max_removed_share": 0.5, "time_budget": 2.5,
        "html_offsets": True}
    again = Cleaner.from_config(config)
    assert again.to_config() == config
    assert again.pipeline == c.pipeline
    assert Cleaner.from_config({}).pipeline == Pipeline.default()


def test_unknown_filter_and_bad_configs_raise_config_error():
    with pytest.raises(ConfigError, match="unknown filter 'no_such_filter'; registered filters: .*main_content"):
        Pipeline.from_config({"filters": [{"name": "no_such_filter"}]})
    with pytest.raises(ConfigError, match="bad options for filter 'main_content'"):
        Pipeline.from_config({"filters": [{"name": "main_content", "params": {"nope": 1}}]})
    with pytest.raises(ConfigError, match="mapping with a 'name'"):
        Pipeline.from_config({"filters": ["main_content"]})
    with pytest.raises(ConfigError, match="mapping with a 'filters' list"):
        Pipeline.from_config({"steps": []})
    with pytest.raises(ConfigError, match="cannot import filter"):
        Pipeline.from_config({"filters": [{"name": "no.such.module:Thing"}]})
    with pytest.raises(ConfigError, match="bad cleaner config"):
        Cleaner.from_config({"filters": [], "colour": "red"})
    with pytest.raises(ConfigError, match="mapping of options"):
        Cleaner.from_config([("separator", "\n")])


def test_importable_unregistered_filter_is_configured_by_module_path():
    config = Pipeline([DropWord(word="sale")]).to_config()
    assert config == {"filters": [{"name": f"{__name__}:DropWord", "params": {"word": "sale", "reason": "has_word"}}]}
    assert Pipeline.from_config(config) == Pipeline([DropWord(word="sale")])


def test_local_unregistered_filter_cannot_be_described():
    class Local(Filter):
        name = "test_local"

        def decide(self, doc):
            return ()

    with pytest.raises(ConfigError, match="neither registered nor importable"):
        Pipeline([Local()]).to_config()


def test_custom_filter_in_ten_lines_registered_and_used_via_config(registry):
    @register
    class Newsletter(Filter):
        name = "newsletter"
        reasons = {"newsletter_prompt": "asks the reader to subscribe"}

        def __init__(self, *, phrase: str = "subscribe") -> None:
            self.phrase = phrase

        def decide(self, doc):
            return [Drop(b.index, "newsletter_prompt", "Asks the reader to subscribe.")
                    for b in doc.blocks if b.kept and self.phrase in doc.keys[b.index]]

    assert registered_filters()["newsletter"] is Newsletter
    config = {"input_type": "text", "filters": [{"name": "newsletter", "params": {"phrase": "sign up"}}]}
    cleaner = Cleaner.from_config(json.loads(json.dumps(config)))
    assert cleaner.to_config()["filters"] == config["filters"]
    r = cleaner.clean("Chips are back.\nSign UP for our newsletter!\nPrices fell.")
    assert r.text == "Chips are back.\nPrices fell."
    (dropped,) = r.dropped
    assert (dropped.index, dropped.dropped_by, dropped.reason, dropped.detail) == (
        1, "newsletter", "newsletter_prompt", "Asks the reader to subscribe.")
    assert r.counts() == {"newsletter": {"newsletter_prompt": 1}}


def test_register_needs_a_unique_name(registry):
    class Nameless(Filter):
        def decide(self, doc):
            return ()

    with pytest.raises(ConfigError, match="needs a non-empty class attribute 'name'"):
        register(Nameless)

    class Clash(Filter):
        name = "main_content"

    with pytest.raises(ConfigError, match="already registered"):
        register(Clash)
    assert register(MainContent) is MainContent  # registering the same class again is harmless


# -- applying decisions -----------------------------------------------------------------------


def test_a_filter_sees_earlier_filters_drops():
    recorder = Recorder()
    r = Cleaner(filters=[DropWord(word="ad"), recorder], input_type="text").clean("one\nan ad here\nthree")
    assert recorder.seen == [(0, True, None), (1, False, "test_drop_word"), (2, True, None)]
    assert r.text == "one\nthree"


def test_the_first_explanation_stands():
    first, second = DropWord(word="ad"), OtherDropWord(word="ad", reason="other_reason")
    r = Cleaner(filters=[first, second], input_type="text").clean("an ad here\nplain")
    b = r.blocks[0]
    assert (b.kept, b.dropped_by, b.reason) == (False, "test_drop_word", "has_word")
    # within one filter, too: the first decision on a block wins
    two = Decide(drops=(Drop(0, "a", "first"), Drop(0, "b", "second")))
    r = Cleaner(filters=[two], input_type="text").clean("x\ny")
    assert (r.blocks[0].reason, r.blocks[0].detail) == ("a", "first")


def test_whole_drop_wins_over_a_partial_one_in_the_same_filter():
    both = Decide(drops=(Drop(0, "part", "p", part=(0, 3)), Drop(0, "whole", "w")))
    r = Cleaner(filters=[both], input_type="text").clean("abcdef\nnext")
    assert [(b.text, b.kept, b.reason) for b in r.blocks] == [("abcdef", False, "whole"), ("next", True, None)]


def test_the_title_block_is_protected_from_whole_block_drops():
    source = "Chip makers race to build new fabs\nBody text of the story goes here, as usual."
    drop_all = Decide(drops=(Drop(0, "x", "title?"), Drop(1, "y", "body")))
    r = Cleaner(filters=[drop_all], input_type="text").clean(source)
    assert [(b.text, b.kept, b.kind) for b in r.blocks] == [
        ("Chip makers race to build new fabs", True, Kind.HEADING),
        ("Body text of the story goes here, as usual.", False, Kind.PARAGRAPH),
    ]
    assert r.text == "Chip makers race to build new fabs"


def test_the_title_may_be_trimmed_but_not_removed_by_parts():
    source = "Exclusive: Chip makers race to build new fabs\nBody."
    trim = Decide(drops=(Drop(0, "label", "a label", part=(0, 11)),))
    r = Cleaner(filters=[trim], input_type="text").clean(source)
    assert [(b.text, b.kept) for b in r.blocks] == [("Exclusive:", False), ("Chip makers race to build new fabs", True),
                                                    ("Body.", True)]
    everything = Decide(drops=(Drop(0, "label", "all of it", part=(0, 100)),))
    r = Cleaner(filters=[everything], input_type="text").clean(source)
    assert r.blocks[0].kept and r.blocks[0].text == "Exclusive: Chip makers race to build new fabs"


def test_partial_removal_splits_a_glued_teaser():
    source = "Lead paragraph.\nRead More \u2192Moreover, the timing matters.\nLast."
    teaser = Decide(drops=(Drop(1, "teaser_link", "A link to another article.", part=(0, 11)),))
    r = Cleaner(filters=[teaser], input_type="text").clean(source)
    assert [(b.index, b.text, b.kept, b.kind, b.dropped_by, b.reason) for b in r.blocks] == [
        (0, "Lead paragraph.", True, Kind.PARAGRAPH, None, None),
        (1, "Read More \u2192", False, Kind.OTHER, "test_decide", "teaser_link"),
        (2, "Moreover, the timing matters.", True, Kind.PARAGRAPH, None, None),
        (3, "Last.", True, Kind.PARAGRAPH, None, None),
    ]
    assert [(b.source.start, b.source.end) for b in r.blocks] == [(0, 15), (16, 27), (27, 56), (57, 62)]
    for b in r.blocks:
        assert source[b.source.start:b.source.end] == b.text
    assert r.text == "Lead paragraph.\nMoreover, the timing matters.\nLast."
    assert [b.output for b in r.blocks] == [Span(0, 15), None, Span(16, 45), Span(46, 51)]


def test_partial_removal_in_the_middle_and_at_the_end():
    source = "keep this [ad] and this [ad]"
    middle = Decide(drops=(Drop(0, "ad", "an ad", part=(10, 14)), Drop(0, "ad2", "another", part=(24, 28))))
    r = Cleaner(filters=[middle], input_type="text").clean(source)
    assert [(b.text, b.kept, b.reason, b.source.start, b.source.end) for b in r.blocks] == [
        ("keep this", True, None, 0, 9),
        ("[ad]", False, "ad", 10, 14),
        ("and this", True, None, 15, 23),
        ("[ad]", False, "ad2", 24, 28),
    ]


def test_partial_removal_of_html_keeps_the_locator_without_offsets():
    source = "<html><body><p>Read More \u2192Moreover, the timing matters.</p><p>Next.</p></body></html>"
    teaser = Decide(drops=(Drop(0, "teaser_link", "A link.", part=(0, 11)),))
    r = Cleaner(filters=[teaser], input_type="html", html_offsets=True).clean(source)
    assert [(b.text, b.kept, b.source) for b in r.blocks] == [
        ("Read More \u2192", False, Span(None, None, "/html/body/p[1]", 1)),
        ("Moreover, the timing matters.", True, Span(None, None, "/html/body/p[1]", 1)),
        ("Next.", True, Span(source.index("<p>Next."), source.index("</body>"), "/html/body/p[2]", 1)),
    ]


def test_refs_are_renumbered_when_a_later_filter_splits_a_block():
    source = "Intro line\nRead More \u2192The pull quote sentence.\nThe pull quote sentence."
    # the first filter refers block 2 to block 1, then the second one splits block 1
    quote = Decide(drops=(Drop(2, "pull_quote", "Repeats a sentence.", ref=1),))
    quote.name = "quote"
    teaser = Decide(drops=(Drop(1, "teaser_link", "A link.", part=(0, 11)),))
    r = Cleaner(filters=[quote, teaser], input_type="text").clean(source)
    assert [(b.index, b.text, b.kept, b.ref) for b in r.blocks] == [
        (0, "Intro line", True, None),
        (1, "Read More \u2192", False, None),
        (2, "The pull quote sentence.", True, None),
        (3, "The pull quote sentence.", False, 2),
    ]


def test_refs_of_split_parts_and_of_later_filters_use_the_numbering_they_saw():
    source = "Read More \u2192Body sentence.\nBody sentence."
    teaser = Decide(drops=(Drop(0, "teaser_link", "A link.", part=(0, 11), ref=1),))
    later = Decide(drops=(Drop(2, "repeat", "Repeats block 1.", ref=1),))
    later.name = "later"
    r = Cleaner(filters=[teaser, later], input_type="text").clean(source)
    assert [(b.text, b.kept, b.reason, b.ref) for b in r.blocks] == [
        ("Read More \u2192", False, "teaser_link", 2),  # old block 1 is now block 2
        ("Body sentence.", True, None, None),
        ("Body sentence.", False, "repeat", 1),
    ]


def test_metadata_moves_with_a_drop_and_does_not_overwrite():
    doc, _ = text_doc("Chip news", "By Jane Doe", "Body.", metadata=Metadata(date="2025-01-01"))
    byline = Decide(drops=(Drop(1, "byline", "The author's name.", metadata=(("byline", "Jane Doe"),
                                                                                   ("date", "2030-12-31"))),))
    out = Pipeline([byline]).apply(doc)
    assert out.metadata == Metadata(byline="Jane Doe", date="2025-01-01")
    assert not out.blocks[1].kept


def test_drop_metadata_keys_must_be_metadata_fields():
    with pytest.raises(ValueError, match="Drop metadata key 'author' is not a Metadata field"):
        Drop(0, "byline", "x", metadata=(("author", "Jane"),))


def test_main_content_does_not_touch_the_parsed_page():
    import lxml.html

    page = ("<html><head><title>Chip makers race | Site</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article><h1>Chip makers race</h1><p>" + "Semiconductor companies announced new plants. " * 5
            + "</p></article><footer>Copyright</footer></body></html>")
    doc = Cleaner(filters=[])._document(page, "html", None)
    before = lxml.html.tostring(doc.page.root)
    out = Pipeline([MainContent()]).apply(doc)
    assert lxml.html.tostring(doc.page.root) == before
    assert all(b.kept for b in doc.blocks)
    assert [b.text for b in out.blocks if not b.kept] == ["Chip makers race | Site", "Home", "Copyright"]


def test_apply_never_mutates_the_input_document():
    doc, _ = text_doc("Chip news", "an ad here", "Read More \u2192Body.", title_index=0)
    snapshot = dataclasses.replace(doc)
    blocks = doc.blocks
    teaser = Decide(drops=(Drop(2, "teaser_link", "A link.", part=(0, 11)),))
    out = Pipeline([DropWord(word="ad"), teaser]).apply(doc)
    assert doc == snapshot and doc.blocks is blocks
    assert all(b.kept for b in doc.blocks) and len(doc.blocks) == 3
    assert len(out.blocks) == 4 and out.title_index == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.blocks = ()  # type: ignore[misc]
    assert isinstance(doc.blocks, tuple) and isinstance(doc.keys, tuple)


def test_keys_follow_splits():
    doc, _ = text_doc("Read More \u2192\u201cQuoted\u201d body.")
    out = Pipeline([Decide(drops=(Drop(0, "t", "x", part=(0, 11)),))]).apply(doc)
    assert out.keys == ("read more \u2192", '"quoted" body.')


def test_a_decision_on_a_missing_block_is_an_error():
    doc, _ = text_doc("one")
    with pytest.raises(IndexError, match="decided on block 5, document has 1"):
        Pipeline([Decide(drops=(Drop(5, "x", "y"),))]).apply(doc)
    with pytest.raises(IndexError, match="referred block 0 to block 3, document has 1"):
        Pipeline([Decide(drops=(Drop(0, "x", "y", ref=3),))]).apply(doc)


def test_document_navigation_helpers():
    doc, _ = text_doc("a", "b", "c", "d")
    doc = Pipeline([Decide(drops=(Drop(1, "x", "y"), Drop(2, "x", "y")))]).apply(doc)
    assert doc.kept_indices() == [0, 3]
    assert (doc.next_kept(0), doc.prev_kept(3), doc.next_kept(3), doc.prev_kept(0)) == (3, 0, None, None)
    assert len(doc) == 4
