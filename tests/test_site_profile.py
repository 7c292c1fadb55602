"""SiteProfile: counts per site, once per page; the same however the input is sharded or ordered."""

from __future__ import annotations

import random

import pytest

from _corpus import BIO, corpus
from cleanerlib import Cleaner, ConfigError, SiteProfile
from cleanerlib._normalize import fingerprint


@pytest.fixture(scope="module")
def pages():
    return [(r["url"], r["html"]) for r in corpus()]


@pytest.fixture(scope="module")
def whole(pages):
    return SiteProfile().fit(pages).to_dict()


def test_counts_pages_and_blocks_per_site(pages):
    profile = SiteProfile().fit(pages)
    assert profile.pages("chipwire.news") == 6
    assert profile.pages("gadgetledger.co.uk") == 6
    assert profile.pages("byteledger.com") == 1
    assert profile.count("chipwire.news", BIO) == 6
    assert profile.count("chipwire.news", BIO.upper() + " ") == 6  # normalised before hashing
    assert profile.count("gadgetledger.co.uk", BIO) == 0
    assert profile.n_pages == len(pages)
    assert set(profile.template("chipwire.news")) == {fingerprint(BIO)}


def test_a_block_counts_once_per_page():
    page = f"Headline of the page\n\n{BIO}\n\n{BIO}\n\nSomething else that is long enough to count here.\n"
    profile = SiteProfile().fit([("https://a.example.org/1", page)])
    assert profile.count("example.org", BIO) == 1


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sharding_and_order_do_not_change_the_profile(pages, whole, seed, tmp_path):
    rng = random.Random(seed)
    shuffled = pages[:]
    rng.shuffle(shuffled)
    cut = sorted(rng.sample(range(1, len(pages)), 2))
    shards = [shuffled[:cut[0]], shuffled[cut[0]:cut[1]], shuffled[cut[1]:]]
    paths = []
    for k, shard in enumerate(shards):
        paths.append(SiteProfile().fit(shard, shard=f"s{k}").save(tmp_path / f"s{k}.sqlite"))
    rng.shuffle(paths)
    merged = SiteProfile()
    for p in paths:
        merged.merge(p)
    got = merged.to_dict()
    assert got.pop("shards") == ["s0", "s1", "s2"]
    assert got == {k: v for k, v in whole.items() if k != "shards"}


def test_fit_on_clean_results_equals_fit_on_pages(pages, whole):
    cleaner = Cleaner(filters=())
    results = [cleaner.clean(page, url=url) for url, page in pages]
    assert SiteProfile().fit(results).to_dict() == whole


def test_save_load_and_extend_in_place(pages, whole, tmp_path):
    path = SiteProfile().fit(pages[:10], shard="a").save(tmp_path / "p.sqlite")
    with SiteProfile.load(path) as ro:
        with pytest.raises(ConfigError, match="read-only"):
            ro.fit(pages[10:])
    with SiteProfile.load(path, writable=True) as rw:
        rw.fit(pages[10:], shard="b")
    with SiteProfile.load(path) as back:
        got = back.to_dict()
    assert got.pop("shards") == ["a", "b"]
    whole = dict(whole)
    whole.pop("shards")
    assert got == whole


def test_a_shard_counts_once(pages):
    profile = SiteProfile().fit(pages[:3], shard="part-1")
    before = profile.to_dict()
    with pytest.raises(ConfigError, match="already counted"):
        profile.fit(pages[3:], shard="part-1")
    assert profile.to_dict() == before  # the failed fit left nothing behind
    other = SiteProfile().fit(pages[3:], shard="part-1")
    with pytest.raises(ConfigError, match="already counted"):
        profile.merge(other)


def test_refuses_other_files_and_mismatched_profiles(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ConfigError, match="not a site profile"):
        SiteProfile.load(junk)
    with pytest.raises(ConfigError, match="no site profile"):
        SiteProfile.load(tmp_path / "missing.sqlite")
    with pytest.raises(ConfigError, match="min_chars"):
        SiteProfile(min_chars=20).merge(SiteProfile(min_chars=40))


def test_not_picklable_but_says_why():
    import pickle

    with pytest.raises(TypeError, match="save it and pass the path"):
        pickle.dumps(SiteProfile())
