"""``cleanerlib batch`` and ``cleanerlib profile``: registered into the main CLI's ``SUBCOMMANDS``.

    cleanerlib batch INPUT... -o OUTPUT [--workers N] [--resume] [--site-profile FILE]
    cleanerlib profile build INPUT... -o PROFILE [--workers N]
    cleanerlib profile show PROFILE [--site SITE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._cleaner import Cleaner
from .._cli import SUBCOMMANDS, _cleaner_from_args, add_cleaning_options
from ._runner import DEFAULT_TIME_LIMIT, build_profile, default_workers, run_batch
from ._work import PROVENANCE, Fields

__all__: list[str] = []


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSONL, JSONL.gz or WARC(.gz) files, folders (searched recursively), globs, or '-' for stdin")
    p.add_argument("--input-format", choices=("auto", "jsonl", "warc"), default="auto",
                   help="how to read inputs (default: by file name, else by content)")
    p.add_argument("--content-field", default="html,text", metavar="NAMES",
                   help="JSONL field(s) holding the page, first present wins (default: html,text)")
    p.add_argument("--url-field", default="url", metavar="NAME", help="JSONL field holding the URL (default: url)")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="JSONL field holding the record id (default: id; records without one get their line number)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help=f"worker processes (default: all usable cores, here {default_workers()})")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"a record taking longer gets an error record and its worker is replaced "
                        f"(default {DEFAULT_TIME_LIMIT:g}; 0 disables)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--progress", action="store_true", help="show the progress bar even when stderr is not a terminal")


def _fields(args: argparse.Namespace) -> Fields:
    content = tuple(n.strip() for n in args.content_field.split(",") if n.strip())
    return Fields(content=content or ("html", "text"), url=args.url_field, id=args.id_field)


def _progress_flag(args: argparse.Namespace) -> bool | None:
    if args.quiet:
        return False
    return True if args.progress else None


def _with_site_profile(cleaner: Cleaner, args: argparse.Namespace) -> Cleaner:
    """The cleaner with a ``site_template`` step reading ``--site-profile`` (last in the pipeline)."""
    if not args.site_profile:
        return cleaner
    from .._site_profile import SiteProfile
    from ..filters.site_template import SiteTemplate

    path = Path(args.site_profile).resolve()
    SiteProfile.load(path).close()  # fail now, with a clear message, not in every worker
    pipeline = cleaner.pipeline
    options = {}
    if "site_template" in pipeline:
        options = pipeline["site_template"].get_params()
    options["profile"] = str(path)
    if args.site_min_pages is not None:
        options["min_pages"] = args.site_min_pages
    if args.site_min_share is not None:
        options["min_share"] = args.site_min_share
    step = SiteTemplate(**options)
    pipeline = pipeline.replace("site_template", step) if "site_template" in pipeline else pipeline.with_filter(step)
    config = cleaner.to_config()
    config.update(pipeline.to_config())
    return Cleaner.from_config(config)


def _cmd_batch(args: argparse.Namespace) -> int:
    cleaner = _with_site_profile(_cleaner_from_args(args), args)
    try:
        result = run_batch(
            args.inputs, args.output, cleaner=cleaner, workers=args.workers, resume=args.resume,
            overwrite=args.overwrite, fields=_fields(args), provenance=args.provenance,
            time_limit=args.time_limit or None, checkpoint_every=args.checkpoint_every,
            input_format=args.input_format, progress=_progress_flag(args),
        )
    except KeyboardInterrupt:  # the last checkpoint stands
        print("\ncleanerlib batch: interrupted; run the same command with --resume to continue", file=sys.stderr)
        return 130
    if not args.quiet:
        if result.new_records == 0 and result.resumed_from:
            print(f"cleanerlib batch: {args.output} is already complete", file=sys.stderr)
        print(result.summary.render(seconds=result.seconds, new_records=result.new_records), file=sys.stderr)
        if result.worker_replacements:
            print(f"worker processes replaced (time limit or crash): {result.worker_replacements}", file=sys.stderr)
    return 0


def _add_batch(sub) -> None:
    p = sub.add_parser(
        "batch", help="clean many pages (JSONL or WARC) on all cores into JSONL",
        description="Clean every record of the inputs into OUTPUT (JSONL; gzip if it ends in .gz), one output "
                    "record per input record, in input order. Records that fail become error records.")
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True, help="output JSONL or JSONL.gz file, or '-' for stdout")
    p.add_argument("--resume", action="store_true",
                   help="continue a killed run from its checkpoint (same inputs and options)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output")
    p.add_argument("--site-profile", metavar="FILE", help="drop site boilerplate learned by 'cleanerlib profile build'")
    p.add_argument("--site-min-pages", type=int, default=None, metavar="N",
                   help="site_template: a block must occur on at least N pages of the site (default 5)")
    p.add_argument("--site-min-share", type=float, default=None, metavar="F",
                   help="site_template: ... and on at least this share of the site's pages (default 0.05)")
    p.add_argument("--provenance", choices=PROVENANCE, default="compact",
                   help="per-block provenance in each record: compact (default; dropped text kept), full, none")
    p.add_argument("--checkpoint-every", type=int, default=1000, metavar="N",
                   help="make progress durable every N records (default 1000)")
    add_cleaning_options(p)
    p.set_defaults(func=_cmd_batch)


def _cmd_profile_build(args: argparse.Namespace) -> int:
    result = build_profile(
        args.inputs, args.output, workers=args.workers, fields=_fields(args),
        input_type=args.input_type or "auto", min_chars=args.min_chars,
        time_limit=args.time_limit or None, input_format=args.input_format, progress=_progress_flag(args),
    )
    if not args.quiet:
        for name in result.skipped:
            print(f"already counted in {args.output}, skipped: {name}", file=sys.stderr)
        s = result.stats
        print(f"{args.output}: {s['sites']} sites, {s['pages']} pages, {s['fingerprints']} block fingerprints, "
              f"{s['shards']} input files", file=sys.stderr)
        print(result.summary.render(seconds=result.seconds, new_records=result.summary.records), file=sys.stderr)
    return 0


def _cmd_profile_show(args: argparse.Namespace) -> int:
    from .._site_profile import SiteProfile

    with SiteProfile.load(args.profile) as profile:
        s = profile.stats()
        print(f"{args.profile}: {s['sites']} sites, {s['pages']} pages, {s['fingerprints']} block fingerprints, "
              f"{s['shards']} input files; blocks of at least {profile.min_chars} characters")
        sites = profile.sites()
        names = [args.site] if args.site else sorted(sites, key=lambda k: (-sites[k], k))[: args.top]
        for site in names:
            template = profile.template(site, min_pages=args.min_pages, min_share=args.min_share)
            print(f"{site}: {sites.get(site, 0)} pages, {len(template)} template blocks "
                  f"(min_pages={args.min_pages}, min_share={args.min_share:g})")
    return 0


def _add_profile(sub) -> None:
    p = sub.add_parser("profile", help="learn site templates (boilerplate repeated across a site's pages)")
    psub = p.add_subparsers(dest="profile_command", required=True)
    b = psub.add_parser(
        "build", help="count block fingerprints per site into a profile (SQLite; extended if it exists)",
        description="Count, per site, on how many pages each block occurs. Each input file is counted once: "
                    "running again with more files extends the profile.")
    _add_input_options(b)
    b.add_argument("-o", "--output", required=True, metavar="PROFILE", help="the profile file (SQLite)")
    b.add_argument("--min-chars", type=int, default=20, metavar="N",
                   help="count only blocks of at least N characters of words (default 20)")
    b.add_argument("--input-type", choices=("auto", "html", "text"), default=None,
                   help="force HTML or plain text (default: detect)")
    b.set_defaults(func=_cmd_profile_build)
    s = psub.add_parser("show", help="summarise a profile: sites, pages, template blocks")
    s.add_argument("profile")
    s.add_argument("--site", default=None, help="one site (registered domain)")
    s.add_argument("--top", type=int, default=20, help="the N sites with most pages (default 20)")
    s.add_argument("--min-pages", type=int, default=5)
    s.add_argument("--min-share", type=float, default=0.05)
    s.set_defaults(func=_cmd_profile_show)


SUBCOMMANDS["batch"] = _add_batch
SUBCOMMANDS["profile"] = _add_profile
