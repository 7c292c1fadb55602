"""cleanerlib inside datatrove pipelines (local, Slurm, Ray): ``pip install "cleanerlib[datatrove]"``.

Three steps, plus the cleaning step that uses their result:

- :class:`CleanerlibFilter` cleans each ``Document``: ``doc.text`` becomes the clean text, and
  what was dropped, by which filter and why, goes into ``doc.metadata["cleanerlib"]`` (the same
  compact provenance ``cleanerlib batch`` writes). Pages the filters emptied, and pages that
  fail, go to the ``exclusion_writer`` with ``metadata["filter_reason"]`` (``removed_all``,
  ``no_main_content``, ``empty``, ``error_<Type>``), untouched, so they can be reviewed.
- Site templates, two passes like datatrove's own dedup stages:

  1. :class:`SiteProfileCounts` (any number of tasks): each task counts the block fingerprints
     of its documents per site and writes ``<rank>.profile.sqlite``. The file is written under
     a temporary name and renamed when complete, so a file that exists is a finished shard; a
     rerun skips ranks whose file exists (``skip_existing``), like ``MinhashDedupSignature``.
  2. :class:`SiteProfileMerge` (one task): adds the shards into one ``profile.sqlite``.
     Counts are sums, so the result does not depend on how the input was split into tasks.
  3. :class:`CleanerlibFilter` with ``site_profile=`` that file: the cleaner gets a
     ``site_template`` step at the end of its pipeline.

Only datatrove's core is needed: its ``processing`` extra pins an old trafilatura.
The steps only use cleanerlib's public API; their options are plain data, so the executor can
pickle them to its workers, and the cleaner is built once per task.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any, Iterable, Mapping

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.io import DataFolderLike, get_datafolder
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("cleanerlib.integrations.datatrove needs datatrove: pip install 'cleanerlib[datatrove]'") from e

from .. import Cleaner, Pipeline, SiteProfile
from .._site_profile import page_fingerprints
from ..batch._work import compact_block
from ..filters import SiteTemplate

__all__ = ["CleanerlibFilter", "SiteProfileCounts", "SiteProfileMerge", "PROFILE_SUFFIX", "EXCLUDED_REVIEW_REASONS"]

PROFILE_SUFFIX = ".profile.sqlite"
#: review reasons that mean the page has no article left: such pages are excluded, not kept
EXCLUDED_REVIEW_REASONS = ("removed_all", "no_main_content")


def _config(cleaner: Cleaner | Mapping[str, Any] | None) -> dict[str, Any]:
    if cleaner is None:
        return Cleaner().to_config()
    if isinstance(cleaner, Cleaner):
        return cleaner.to_config()
    return dict(cleaner)


def _fetch(url: str, workdir: str) -> str:
    """A local path for ``url``: the file itself if local, else a copy in ``workdir``."""
    if os.path.isfile(url):
        return url
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    local = os.path.join(workdir, os.path.basename(path) or "profile.sqlite")
    fs.get(path, local)
    return local


class CleanerlibFilter(BaseFilter):
    """Clean each document's text with cleanerlib; exclude pages that end up empty.

    Args:
        cleaner: a :class:`Cleaner`, or its ``to_config()`` (default: the default cleaner)
        site_profile: path or fsspec URL of a site profile (``SiteProfileMerge``'s output, or
            ``cleanerlib profile build``'s); adds a ``site_template`` step, last
        site_options: options of that step (``min_pages``, ``min_share``, ``min_chars``)
        provenance: ``"compact"`` (default), ``"full"`` or ``"none"``: what goes into
            ``doc.metadata["cleanerlib"]["blocks"]``
        url_key: the metadata field holding the page URL (datatrove readers put it in ``url``)
        exclude_review_reasons: review reasons for which the page is excluded
        exclusion_writer: where excluded documents go, with ``metadata["filter_reason"]``
    """

    name = "🧹 cleanerlib"

    def __init__(
        self,
        cleaner: Cleaner | Mapping[str, Any] | None = None,
        *,
        site_profile: str | None = None,
        site_options: Mapping[str, Any] | None = None,
        provenance: str = "compact",
        url_key: str = "url",
        exclude_review_reasons: Iterable[str] = EXCLUDED_REVIEW_REASONS,
        exclusion_writer: Any = None,
    ) -> None:
        super().__init__(exclusion_writer)
        if provenance not in ("compact", "full", "none"):
            raise ValueError(f"provenance must be compact, full or none, got {provenance!r}")
        self.cleaner_config = _config(cleaner)
        self.site_profile = site_profile
        self.site_options = dict(site_options or {})
        self.provenance = provenance
        self.url_key = url_key
        self.exclude_review_reasons = tuple(exclude_review_reasons)
        self._cleaner: Cleaner | None = None

    def _build(self, profile_path: str | None) -> Cleaner:
        config = dict(self.cleaner_config)
        if profile_path is not None:
            pipeline = Pipeline.from_config({"filters": config.get("filters", [])})
            step = SiteTemplate(profile=profile_path, **self.site_options)
            pipeline = (pipeline.replace("site_template", step) if "site_template" in pipeline
                        else pipeline.with_filter(step))
            config.update(pipeline.to_config())
        return Cleaner.from_config(config)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with tempfile.TemporaryDirectory(prefix="cleanerlib-") as workdir:
            profile = _fetch(self.site_profile, workdir) if self.site_profile else None
            self._cleaner = self._build(profile)
            try:
                yield from super().run(data, rank, world_size)
            finally:
                self._cleaner = None

    def filter(self, doc: Any) -> bool | tuple[bool, str]:
        if self._cleaner is None:  # called outside run(): build once, with a local profile path
            self._cleaner = self._build(self.site_profile)
        cleaner = self._cleaner
        try:
            result = cleaner.clean(doc.text, url=doc.metadata.get(self.url_key))
        except Exception as e:  # noqa: BLE001 - one bad page must not fail the task
            doc.metadata["cleanerlib_error"] = f"{type(e).__name__}: {e}"
            return False, f"error_{type(e).__name__}"
        for name, per in result.counts().items():
            for reason, n in per.items():
                self.stat_update(f"blocks_dropped_{name}_{reason}", value=n)
        if not result.text.strip():
            return False, result.review_reason or "empty"
        if result.review_reason in self.exclude_review_reasons:
            return False, result.review_reason
        info: dict[str, Any] = {"needs_review": result.needs_review, "review_reason": result.review_reason,
                                "metadata": result.metadata.to_dict()}
        if self.provenance == "compact":
            info["blocks"] = [compact_block(b) for b in result.blocks]
        elif self.provenance == "full":
            info["blocks"] = [b.to_dict() for b in result.blocks]
        doc.metadata["cleanerlib"] = info
        doc.text = result.text
        return True


class SiteProfileCounts(PipelineStep):
    """Site templates, pass 1: count block fingerprints per site into ``<rank>.profile.sqlite``.

    Blocks come from segmentation only (no filters), exactly as ``cleanerlib profile build``
    counts them, so either way of building a profile gives the same counts.
    """

    name = "🧮 site profile counts"
    type = "🫂 - DEDUP"

    def __init__(self, output_folder: DataFolderLike, *, min_chars: int = 20, input_type: str = "auto",
                 url_key: str = "url", skip_existing: bool = True) -> None:
        super().__init__()
        self.output_folder = get_datafolder(output_folder)
        self.min_chars = min_chars
        self.input_type = input_type
        self.url_key = url_key
        self.skip_existing = skip_existing

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        name = f"{rank:05d}{PROFILE_SUFFIX}"
        if self.skip_existing and self.output_folder.exists(name):
            self.stat_update("skipped_existing_shard")
            return
        cleaner = Cleaner(filters=(), input_type=self.input_type)

        def fingerprints():
            for doc in data or ():
                self.stat_update("total")
                with self.track_time():
                    try:
                        result = cleaner.clean(doc.text, url=doc.metadata.get(self.url_key))
                    except Exception:  # noqa: BLE001 - uncountable pages are counted as such
                        self.stat_update("errors")
                        continue
                    yield page_fingerprints(result, min_chars=self.min_chars, url=doc.metadata.get(self.url_key))

        with tempfile.TemporaryDirectory(prefix="cleanerlib-") as workdir:
            local = os.path.join(workdir, name)
            with SiteProfile.create(local, min_chars=self.min_chars) as profile:
                profile.add_pages(fingerprints(), shard=f"rank-{rank:05d}-of-{world_size:05d}")
            with open(local, "rb") as src, self.output_folder.open(name + ".tmp", "wb") as dst:
                shutil.copyfileobj(src, dst)
            self.output_folder.mv(name + ".tmp", name)  # it exists only once it is complete
        if False:  # pragma: no cover - a generator that yields nothing: documents stop here
            yield


class SiteProfileMerge(PipelineStep):
    """Site templates, pass 2 (one task): merge every ``*.profile.sqlite`` of ``input_folder``.

    Writes ``output_folder/output_filename``; ``expected_shards`` (the task count of pass 1)
    makes a missing shard an error instead of a quietly smaller profile.
    """

    name = "🧮 site profile merge"
    type = "🫂 - DEDUP"

    def __init__(self, input_folder: DataFolderLike, output_folder: DataFolderLike, *,
                 output_filename: str = "profile.sqlite", expected_shards: int | None = None) -> None:
        super().__init__()
        self.input_folder = get_datafolder(input_folder)
        self.output_folder = get_datafolder(output_folder)
        self.output_filename = output_filename
        self.expected_shards = expected_shards

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if world_size != 1:
            raise ValueError("SiteProfileMerge must run as a single task (tasks=1)")
        files = sorted(f for f in self.input_folder.list_files(glob_pattern=f"*{PROFILE_SUFFIX}"))
        if self.expected_shards is not None and len(files) != self.expected_shards:
            raise ValueError(f"expected {self.expected_shards} profile shards in {self.input_folder.path}, "
                             f"found {len(files)}")
        if not files:
            raise ValueError(f"no *{PROFILE_SUFFIX} files in {self.input_folder.path}")
        with tempfile.TemporaryDirectory(prefix="cleanerlib-") as workdir:
            merged_path = os.path.join(workdir, self.output_filename)
            merged: SiteProfile | None = None
            for k, f in enumerate(files):
                local = os.path.join(workdir, f"shard-{k}.sqlite")
                with self.input_folder.open(f, "rb") as src, open(local, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                if merged is None:
                    with SiteProfile.load(local) as first:
                        merged = SiteProfile.create(merged_path, min_chars=first.min_chars)
                merged.merge(local)
                self.stat_update("shards")
                os.unlink(local)
            assert merged is not None
            for key, value in merged.stats().items():
                self.stat_update(key, value=value)
            merged.close()
            with open(merged_path, "rb") as src, self.output_folder.open(self.output_filename + ".tmp", "wb") as dst:
                shutil.copyfileobj(src, dst)
            self.output_folder.mv(self.output_filename + ".tmp", self.output_filename)
        if False:  # pragma: no cover
            yield
