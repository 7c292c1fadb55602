"""``cleanerlib report``: write the HTML report of one page, or the summary of a batch.

    cleanerlib report PAGE.html -o report.html        # clean the page, report every block
    cleanerlib report --batch OUT.jsonl.gz -o summary.html

Without ``-o`` (or with ``-o -``) the HTML goes to standard output. Imported by the CLI, which
finds the subcommand in ``SUBCOMMANDS``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._cli import SUBCOMMANDS, _cleaner_from_args, _read, add_cleaning_options

__all__ = ["add_report"]


def _write(html: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(html)
        sys.stdout.flush()
        return
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    print(f"wrote {path}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from . import render_batch_summary, render_result

    if (args.file is None) == (args.batch is None):
        args.parser.error("give either a FILE to clean or --batch OUT.jsonl, not both")
    if args.batch is not None:
        html = render_batch_summary(args.batch, title=args.title, examples=args.examples)
    else:
        result = _cleaner_from_args(args).clean(_read(args.file), url=args.url)
        title = args.title or result.metadata.title or (None if args.file == "-" else Path(args.file).name)
        html = render_result(result, title=title)
    _write(html, args.output)
    return 0


def add_report(sub) -> None:
    p = sub.add_parser(
        "report",
        help="write a self-contained HTML report: every block of a page, or a summary of batch output",
        description="Write a self-contained HTML report (no external assets): every block of one page with "
                    "why it was kept or dropped, or with --batch a summary over a batch output file.",
    )
    p.add_argument("file", nargs="?", help="an HTML or text page to clean, or '-' for stdin")
    p.add_argument("--batch", metavar="OUT.jsonl", default=None,
                   help="summarise batch output (JSON Lines, optionally gzipped) instead of cleaning a page")
    p.add_argument("-o", "--output", default=None, help="where to write the HTML (default: stdout)")
    p.add_argument("--title", default=None, help="the report's heading (default: the page title)")
    p.add_argument("--url", default=None, help="the page's URL (context for filters and metadata)")
    p.add_argument("--examples", type=int, default=3, help="example texts per reason in a batch summary")
    add_cleaning_options(p)
    p.set_defaults(func=_run, parser=p)


SUBCOMMANDS["report"] = add_report
