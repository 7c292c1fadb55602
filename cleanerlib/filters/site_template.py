"""Site templates: drop blocks that recur across many pages of the same site (the *apply* step).

A paragraph under every article of a site (the newsletter pitch written as prose, the author
bio, the disclaimer, the "support our journalism" plea) is furniture, however article-like its
wording. It cannot be recognised on one page; a :class:`cleanerlib.SiteProfile` fitted on the
site's pages knows on how many of them each block occurs, and this filter drops the blocks
that occur on enough of them.

The filter's options are the profile's *path* and thresholds, so ``to_config()`` describes it
fully and a worker process can rebuild it. The profile file is opened read-only, lazily, once
per process and thread, and never written: filtering a document changes nothing any other
document sees.
"""

from __future__ import annotations

import os
import threading
from typing import Any, ClassVar, Iterable

from .._exceptions import ConfigError
from .._normalize import content_key, fingerprint
from .._pipeline import Document, Drop, Filter, register
from .._site import site_of

__all__ = ["SiteTemplate"]


@register
class SiteTemplate(Filter):
    """Drop blocks seen on many pages of the same site (needs a fitted site profile).

    A block is dropped when its fingerprint occurs on at least ``min_pages`` pages of the
    document's site *and* on at least ``min_share`` of the site's counted pages:

    - ``min_pages=5``: below five pages, a repeated paragraph is as likely to be a statement
      quoted again in follow-up articles as a template;
    - ``min_share=0.05``: on a large site, a paragraph on one page in twenty is furniture (a
      regular contributor's bio under each of their articles still clears it), while a
      statement quoted in a handful of follow-ups does not;
    - ``min_chars=30``: shorter blocks (in characters of their words, punctuation ignored) are
      labels and buttons ("Share this article", "Read more") that the phrase-based filters
      explain better; they are left to them.

    The title block is never dropped. The site is the registered domain of ``doc.url`` (else
    ``doc.metadata.url``); a document without a URL, or from a site the profile has not seen,
    is left alone.
    """

    name = "site_template"
    reasons = {"site_boilerplate": "the same block occurs on many pages of this site (site profile)"}
    selects_main_content: ClassVar[bool] = False

    def __init__(self, *, profile: str | os.PathLike, min_pages: int = 5, min_share: float = 0.05,
                 min_chars: int = 30) -> None:
        self.profile = os.fspath(profile)
        self.min_pages = min_pages
        self.min_share = min_share
        self.min_chars = min_chars
        self._local = threading.local()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_local", None)  # an open SQLite connection does not travel to other processes
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._local = threading.local()

    def _open(self) -> Any:
        """This thread's read-only handle on the profile (reopened after a fork)."""
        from .._site_profile import SiteProfile

        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.profile = SiteProfile.load(self.profile)
            local.pid = os.getpid()
        return local.profile

    def decide(self, doc: Document) -> Iterable[Drop]:
        if self.min_pages < 1 or not 0.0 <= self.min_share <= 1.0:
            raise ConfigError(f"site_template needs min_pages >= 1 and 0 <= min_share <= 1, "
                              f"got {self.min_pages!r} and {self.min_share!r}")
        site = site_of(doc.url or doc.metadata.url)
        if site is None:
            return ()
        profile = self._open()
        total = profile.pages(site)
        if total < self.min_pages:
            return ()
        candidates: dict[str, list[int]] = {}
        for block in doc.blocks:
            if not block.kept or block.index == doc.title_index:
                continue
            if len(content_key(block.text)) < max(self.min_chars, profile.min_chars):
                continue
            candidates.setdefault(fingerprint(block.text), []).append(block.index)
        if not candidates:
            return ()
        drops = []
        for fp, n in profile.counts(site, candidates).items():
            if n >= self.min_pages and n / total >= self.min_share:
                detail = f"on {n} of {total} pages of {site}"
                drops.extend(Drop(i, "site_boilerplate", detail) for i in candidates[fp])
        return sorted(drops, key=lambda d: d.index)
