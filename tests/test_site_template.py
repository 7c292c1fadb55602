"""SiteTemplate: drops what recurs across a site's pages, with the count as evidence."""

from __future__ import annotations

import pickle

import pytest

from _corpus import BIO, DISCLAIMER, QUOTE, corpus
from cleanerlib import Cleaner, ConfigError, Pipeline, SiteProfile
from cleanerlib._normalize import fingerprint
from cleanerlib.filters import SiteTemplate


@pytest.fixture(scope="module")
def records():
    return corpus()


@pytest.fixture(scope="module")
def profile_path(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("profile") / "p.sqlite"
    SiteProfile().fit((r["url"], r["html"]) for r in records).save(path)
    return path


def _clean(page, url, path, **options):
    return Cleaner(filters=[SiteTemplate(profile=path, **options)]).clean(page, url=url)


def _by_site_template(result):
    return [b for b in result.blocks if b.dropped_by == "site_template"]


def test_drops_the_template_with_reason_and_count(records, profile_path):
    for r in records[:4]:
        result = _clean(r["html"], r["url"], profile_path)
        dropped = _by_site_template(result)
        template, site = (BIO, "chipwire.news") if "chipwire" in r["url"] else (DISCLAIMER, "gadgetledger.co.uk")
        assert [b.text for b in dropped] == [template]
        assert dropped[0].reason == "site_boilerplate"
        assert dropped[0].detail == f"on 6 of 6 pages of {site}"
        assert template not in result.text


def test_default_pipeline_runs_it_last(records, profile_path):
    pipeline = Pipeline.default().with_filter(SiteTemplate(profile=profile_path))
    result = Cleaner(filters=pipeline).clean(records[0]["html"], url=records[0]["url"])
    assert result.counts()["site_template"] == {"site_boilerplate": 1}
    assert BIO not in result.text


def test_repetition_below_the_thresholds_is_kept(records, profile_path):
    # QUOTE occurs on two pages of chipwire.news and gadgetledger.co.uk: a quote, not a template
    for r in records[:2]:
        result = _clean(r["html"], r["url"], profile_path)
        assert QUOTE in result.text
    # with min_pages above the site's 6 pages nothing goes
    assert not _by_site_template(_clean(records[0]["html"], records[0]["url"], profile_path, min_pages=7))


def test_share_threshold(tmp_path):
    profile = SiteProfile()
    fp = fingerprint(BIO)
    # 200 pages of big.example.com; the bio is on 8 of them (4 %)
    profile.add_pages(("example.com", [fp] if k < 8 else [f"{k:016x}"]) for k in range(200))
    path = profile.save(tmp_path / "big.sqlite")
    page = f"A headline for a test page\n\n{BIO}\n\nAn ordinary paragraph of the article body follows here.\n"
    url = "https://big.example.com/a"
    assert not _by_site_template(_clean(page, url, path))  # 8/200 < 5 %
    dropped = _by_site_template(_clean(page, url, path, min_share=0.04))
    assert [(b.text, b.detail) for b in dropped] == [(BIO, "on 8 of 200 pages of example.com")]


def test_never_drops_the_title(tmp_path):
    title = "The Weekly Chip Roundup From Our Editors In Munich And Berlin"
    pages = [(f"https://chipwire.news/{k}", f"{title}\n\n{BIO}\n\nParagraph number {k} of an article about "
              f"something else entirely, long enough to be a block.\n") for k in range(6)]
    path = SiteProfile().fit(pages).save(tmp_path / "p.sqlite")
    result = _clean(pages[0][1], pages[0][0], path)
    assert result.blocks[0].text == title and result.blocks[0].kept
    assert [b.text for b in _by_site_template(result)] == [BIO]


def test_short_blocks_are_left_to_other_filters(tmp_path):
    label = "Share this article on Mastodon"  # 30 characters of words: at the threshold
    pages = [(f"https://chipwire.news/{k}", f"Headline number {k} of the test\n\nFollow us\n\n{label}\n\n"
              f"Body paragraph {k} with enough words to be a real block of text.\n") for k in range(6)]
    path = SiteProfile(min_chars=5).fit(pages).save(tmp_path / "p.sqlite")
    dropped = [b.text for b in _by_site_template(_clean(pages[0][1], pages[0][0], path))]
    assert dropped == [label]  # "Follow us" (8 characters) is shorter than min_chars=30
    assert not _by_site_template(_clean(pages[0][1], pages[0][0], path, min_chars=40))


def test_no_url_or_unknown_site_changes_nothing(records, profile_path):
    r = records[0]
    assert not _by_site_template(_clean(r["html"], None, profile_path))
    assert not _by_site_template(_clean(r["html"], "https://elsewhere.example.net/x", profile_path))


def test_config_round_trip_and_pickling(records, profile_path):
    pipeline = Pipeline([SiteTemplate(profile=profile_path, min_pages=3, min_share=0.5, min_chars=25)])
    config = pipeline.to_config()
    assert config == {"filters": [{"name": "site_template", "params": {
        "profile": str(profile_path), "min_pages": 3, "min_share": 0.5, "min_chars": 25}}]}
    rebuilt = Pipeline.from_config(config)
    assert rebuilt == pipeline
    step = rebuilt["site_template"]
    before = _clean(records[0]["html"], records[0]["url"], profile_path)
    Cleaner(filters=rebuilt).clean(records[0]["html"], url=records[0]["url"])  # opens the profile
    copy = pickle.loads(pickle.dumps(step))
    assert copy == step
    after = Cleaner(filters=[copy]).clean(records[0]["html"], url=records[0]["url"])
    assert after.text == before.text


def test_missing_profile_is_a_config_error(tmp_path, records):
    with pytest.raises(ConfigError, match="no site profile"):
        _clean(records[0]["html"], records[0]["url"], tmp_path / "nope.sqlite")
