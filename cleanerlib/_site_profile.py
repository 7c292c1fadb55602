"""``SiteProfile``: how often each block recurs across the pages of a site (the *fit* step).

Some boilerplate only shows as repetition: the same newsletter pitch written as prose, the same
author bio or disclaimer under every article of a site. No rule can recognise it on one page,
but counting it across the site's pages can. This module counts; the ``site_template`` filter
(:class:`cleanerlib.filters.SiteTemplate`) applies the counts.

What is counted, per site (the registered domain, :func:`cleanerlib._site.site_of`):

- the number of pages;
- for each block fingerprint (:func:`cleanerlib._normalize.fingerprint`, blake2b of the
  block's words: stable across processes and machines, never Python's salted ``hash()``),
  the number of pages it occurs on; a block repeated within one page counts once.

Blocks come from segmentation alone (a :class:`Cleaner` with no filters), so the counts do not
depend on which filters run, or in which order, when the profile is applied.

Counts are sums, so they can be built shard by shard and merged in any order with identical
results. The learned state is an explicit artefact, an SQLite file, never a hidden global: a
profile can be saved, extended with new shards later (each named shard is counted once; adding
one twice raises), inspected with ``sqlite3``, and shared read-only by many processes.

    >>> profile = SiteProfile().fit((url, html) for url, html in pages)
    >>> profile.save("profile.sqlite")
    >>> cleaner = Cleaner(filters=Pipeline.default().with_filter(SiteTemplate(profile="profile.sqlite")))
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ._exceptions import ConfigError
from ._model import CleanResult
from ._normalize import content_key, fingerprint
from ._site import site_of

__all__ = ["SiteProfile", "page_fingerprints", "PROFILE_FORMAT"]

#: written into every profile file; a file without it is refused
PROFILE_FORMAT = "cleanerlib-site-profile/1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (site TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blocks (
    site TEXT NOT NULL, fp TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (site, fp)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shards (name TEXT PRIMARY KEY) WITHOUT ROWID;
"""
_UPSERT_PAGES = "INSERT INTO pages (site, n) VALUES (?, ?) ON CONFLICT(site) DO UPDATE SET n = n + excluded.n"
_UPSERT_BLOCKS = ("INSERT INTO blocks (site, fp, n) VALUES (?, ?, ?) "
                  "ON CONFLICT(site, fp) DO UPDATE SET n = n + excluded.n")
#: pending (site, fingerprint) counts kept in memory before they are written out; bounds memory
_FLUSH_EVERY = 200_000
#: SQLite limits the number of parameters of one statement; look fingerprints up in batches
_LOOKUP_BATCH = 500


def page_fingerprints(result: CleanResult, *, min_chars: int = 20, url: str | None = None) -> tuple[str | None, tuple[str, ...]]:
    """``(site, fingerprints)`` of one cleaned or segmented page: what a profile counts.

    Every block counts, kept or dropped (the title too: the filter protects it, the count does
    no harm); blocks whose content key is shorter than ``min_chars`` are left out, they are
    labels that other filters handle and would only bloat the profile. Fingerprints are
    de-duplicated and sorted, so a page contributes at most one to each.
    """
    site = site_of(result.metadata.url or url)
    fps = set()
    for block in result.blocks:
        key = content_key(block.text)
        if len(key) >= min_chars:
            fps.add(fingerprint(block.text))
    return site, tuple(sorted(fps))


def _connect(path: str | os.PathLike, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.isolation_level = None  # explicit transactions: BEGIN ... COMMIT below
    return conn


class SiteProfile:
    """Per-site page counts of block fingerprints, backed by SQLite (in memory or in a file).

    ``SiteProfile()`` starts an empty in-memory profile; :meth:`fit` adds pages, :meth:`merge`
    adds another profile's counts, :meth:`save` writes a file, :meth:`load` opens one
    (read-only unless ``writable=True``, which lets a saved profile be extended in place).

    ``min_chars`` is the shortest block (in characters of its content key) the profile counts;
    it is stored in the file, and profiles with different values refuse to merge.

    A profile holds an SQLite connection: it is not picklable and belongs to one process.
    The ``site_template`` filter opens the file itself, read-only, in each process that uses it.
    """

    def __init__(self, *, min_chars: int = 20) -> None:
        if min_chars < 1:
            raise ConfigError(f"min_chars must be at least 1, got {min_chars!r}")
        self.min_chars = min_chars
        self.path: Path | None = None
        self.readonly = False
        self._db = _connect(":memory:", readonly=False)
        self._init_schema()

    # -- files -------------------------------------------------------------------------------
    def _init_schema(self) -> None:
        self._db.executescript(_SCHEMA)
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (PROFILE_FORMAT,))
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('min_chars', ?)", (str(self.min_chars),))

    @classmethod
    def load(cls, path: str | os.PathLike, *, writable: bool = False) -> "SiteProfile":
        """Open a saved profile; ``writable=True`` lets :meth:`fit`/:meth:`merge` extend the file."""
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"no site profile at {str(path)!r}")
        self = cls.__new__(cls)
        self.path = path
        self.readonly = not writable
        try:
            self._db = _connect(path, readonly=not writable)
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as e:
            raise ConfigError(f"{str(path)!r} is not a site profile: {e}") from None
        if meta.get("format") != PROFILE_FORMAT:
            raise ConfigError(f"{str(path)!r} is not a site profile of format {PROFILE_FORMAT!r} "
                              f"(found {meta.get('format')!r})")
        self.min_chars = int(meta["min_chars"])
        return self

    @classmethod
    def create(cls, path: str | os.PathLike, *, min_chars: int = 20) -> "SiteProfile":
        """A new, empty profile file at ``path`` (which must not exist), open for writing."""
        path = Path(path)
        if path.exists():
            raise ConfigError(f"{str(path)!r} already exists; load it with writable=True to extend it")
        self = cls.__new__(cls)
        self.min_chars = min_chars
        self.path = path
        self.readonly = False
        self._db = _connect(path, readonly=False)
        self._init_schema()
        return self

    def save(self, path: str | os.PathLike) -> Path:
        """Write the profile to ``path`` (replacing any file there) and return the path."""
        path = Path(path)
        if self.path is not None and path.resolve() == self.path.resolve():
            return path  # a file-backed profile is saved as it is written
        tmp = path.with_name(path.name + ".tmp")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(str(tmp))
        try:
            self._db.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, path)
        return path

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "SiteProfile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> Any:
        raise TypeError("a SiteProfile holds a database connection and cannot be pickled; "
                        "save it and pass the path")

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "in memory"
        return f"<SiteProfile {where}: {self.n_sites} sites, {self.n_pages} pages>"

    # -- fitting -----------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.readonly:
            raise ConfigError("this profile was loaded read-only; use SiteProfile.load(path, writable=True)")

    def _claim_shard(self, shard: str | None) -> None:
        if shard is None:
            return
        if self._db.execute("SELECT 1 FROM shards WHERE name = ?", (shard,)).fetchone():
            raise ConfigError(f"shard {shard!r} is already counted in this profile")
        self._db.execute("INSERT INTO shards (name) VALUES (?)", (shard,))

    def fit(self, pages: Iterable[CleanResult | tuple[str | None, object]], *, shard: str | None = None,
            cleaner: Any = None) -> "SiteProfile":
        """Count the blocks of ``pages`` and return the profile (so calls can be chained).

        ``pages`` holds :class:`CleanResult` objects, or ``(url, page)`` pairs where ``page``
        is anything :meth:`Cleaner.clean` accepts; pairs are segmented by ``cleaner``
        (default: a :class:`Cleaner` without filters). ``fit`` adds to the counts already
        there, so a profile can be fitted shard by shard; naming the ``shard`` makes a second
        fit of the same shard an error instead of a silent double count.
        """
        if cleaner is None:
            from ._cleaner import Cleaner

            cleaner = Cleaner(filters=())

        def fingerprints() -> Iterator[tuple[str | None, tuple[str, ...]]]:
            for item in pages:
                if isinstance(item, CleanResult):
                    yield page_fingerprints(item, min_chars=self.min_chars)
                else:
                    url, page = item
                    yield page_fingerprints(cleaner.clean(page, url=url), min_chars=self.min_chars, url=url)

        return self.add_pages(fingerprints(), shard=shard)

    def add_pages(self, pages: Iterable[tuple[str | None, Iterable[str]]], *, shard: str | None = None) -> "SiteProfile":
        """Add pages given as ``(site, fingerprints)`` (see :func:`page_fingerprints`).

        The low-level half of :meth:`fit`, for callers that segment pages elsewhere (the
        batch runner's worker processes). Pages without a site are skipped. All of it is one
        transaction: if anything fails, the profile is left as it was.
        """
        self._check_writable()
        pending_pages: dict[str, int] = {}
        pending_blocks: dict[tuple[str, str], int] = {}
        db = self._db
        db.execute("BEGIN")
        try:
            self._claim_shard(shard)
            for site, fps in pages:
                if site is None:
                    continue
                pending_pages[site] = pending_pages.get(site, 0) + 1
                for fp in set(fps):
                    pending_blocks[site, fp] = pending_blocks.get((site, fp), 0) + 1
                if len(pending_blocks) >= _FLUSH_EVERY:
                    self._flush(pending_pages, pending_blocks)
            self._flush(pending_pages, pending_blocks)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return self

    def _flush(self, pending_pages: dict[str, int], pending_blocks: dict[tuple[str, str], int]) -> None:
        self._db.executemany(_UPSERT_PAGES, sorted(pending_pages.items()))
        self._db.executemany(_UPSERT_BLOCKS, ((s, f, n) for (s, f), n in sorted(pending_blocks.items())))
        pending_pages.clear()
        pending_blocks.clear()

    def merge(self, other: "SiteProfile | str | os.PathLike") -> "SiteProfile":
        """Add another profile's counts (a :class:`SiteProfile` or the path of a saved one).

        Merging is addition, so merging shards in any order gives the same profile. Profiles
        that counted the same named shard, or that use different ``min_chars``, refuse to merge.
        """
        self._check_writable()
        owned = not isinstance(other, SiteProfile)
        src = SiteProfile.load(other) if owned else other
        try:
            if src.min_chars != self.min_chars:
                raise ConfigError(f"cannot merge profiles counted with min_chars {src.min_chars} and {self.min_chars}")
            shards = [r[0] for r in src._db.execute("SELECT name FROM shards ORDER BY name")]
            self._db.execute("BEGIN")
            try:
                for name in shards:
                    self._claim_shard(name)
                self._db.executemany(_UPSERT_PAGES, src._db.execute("SELECT site, n FROM pages ORDER BY site"))
                self._db.executemany(_UPSERT_BLOCKS,
                                     src._db.execute("SELECT site, fp, n FROM blocks ORDER BY site, fp"))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        finally:
            if owned:
                src.close()
        return self

    # -- reading -----------------------------------------------------------------------------
    @property
    def n_sites(self) -> int:
        return self._db.execute("SELECT count(*) FROM pages").fetchone()[0]

    @property
    def n_pages(self) -> int:
        return self._db.execute("SELECT coalesce(sum(n), 0) FROM pages").fetchone()[0]

    @property
    def shards(self) -> tuple[str, ...]:
        return tuple(r[0] for r in self._db.execute("SELECT name FROM shards ORDER BY name"))

    def sites(self) -> dict[str, int]:
        """Pages counted per site, by site name."""
        return dict(self._db.execute("SELECT site, n FROM pages ORDER BY site"))

    def pages(self, site: str) -> int:
        """How many pages of ``site`` were counted (0 for a site never seen)."""
        row = self._db.execute("SELECT n FROM pages WHERE site = ?", (site,)).fetchone()
        return row[0] if row else 0

    def counts(self, site: str, fingerprints: Iterable[str]) -> dict[str, int]:
        """On how many pages of ``site`` each of ``fingerprints`` occurs (absent ones omitted)."""
        fps = sorted(set(fingerprints))
        out: dict[str, int] = {}
        for i in range(0, len(fps), _LOOKUP_BATCH):
            batch = fps[i:i + _LOOKUP_BATCH]
            marks = ",".join("?" * len(batch))
            out.update(self._db.execute(f"SELECT fp, n FROM blocks WHERE site = ? AND fp IN ({marks})",
                                        (site, *batch)))
        return out

    def count(self, site: str, text: str) -> int:
        """On how many pages of ``site`` a block with this text (up to normalisation) occurs."""
        return self.counts(site, [fingerprint(text)]).get(fingerprint(text), 0)

    def template(self, site: str, *, min_pages: int = 5, min_share: float = 0.05) -> dict[str, int]:
        """The fingerprints the ``site_template`` filter would drop on ``site``, with counts."""
        total = self.pages(site)
        if total == 0:
            return {}
        return {fp: n for fp, n in self._db.execute(
            "SELECT fp, n FROM blocks WHERE site = ? AND n >= ? ORDER BY n DESC, fp", (site, min_pages))
            if n / total >= min_share}

    def to_dict(self) -> dict[str, Any]:
        """Every count, sorted: two profiles are equal when their ``to_dict()`` are."""
        return {
            "format": PROFILE_FORMAT,
            "min_chars": self.min_chars,
            "shards": list(self.shards),
            "pages": self.sites(),
            "blocks": {site: dict(self._db.execute("SELECT fp, n FROM blocks WHERE site = ? ORDER BY fp", (site,)))
                       for site in self.sites()},
        }

    def stats(self) -> Mapping[str, int]:
        rows = self._db.execute("SELECT count(*) FROM blocks").fetchone()[0]
        return {"sites": self.n_sites, "pages": self.n_pages, "fingerprints": rows, "shards": len(self.shards)}
