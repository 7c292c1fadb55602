"""The ``cleanerlib`` command line.

``cleanerlib clean FILE|-`` prints the clean text (``--format json`` for the provenance map).
Other subcommands live in their own modules and register themselves in ``SUBCOMMANDS``; the
CLI only calls the public API.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Callable, Sequence

from ._cleaner import Cleaner
from ._exceptions import CleanerlibError, ConfigError

__all__ = ["main", "build_parser"]


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def _unescape(value: str) -> str:
    r"""Backslash escapes typed in a shell (``'\n\n'``); any other character is taken as is."""
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), value)


def _cleaner_from_args(args: argparse.Namespace) -> Cleaner:
    if getattr(args, "config", None):
        try:
            options = json.loads(Path(args.config).read_text(encoding="utf-8"))
        except ValueError as e:  # not JSON, or not UTF-8
            raise ConfigError(f"{args.config} is not a JSON cleaner config: {e}") from None
        cleaner = Cleaner.from_config(options)
    else:
        cleaner = Cleaner()
    overrides = {}
    for name in ("input_type", "separator", "language", "max_removed_share", "time_budget", "html_offsets"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = _unescape(value) if name == "separator" else value
    if overrides:
        config = cleaner.to_config()
        config.update(overrides)
        cleaner = Cleaner.from_config(config)
    return cleaner


def add_cleaning_options(p: argparse.ArgumentParser) -> None:
    """Options shared by every subcommand that cleans pages."""
    p.add_argument("--input-type", choices=("auto", "html", "text"), default=None,
                   help="force HTML or plain text (default: detect)")
    p.add_argument("--separator", default=None, help=r"what joins kept blocks (default '\n'; e.g. '\n\n')")
    p.add_argument("--language", default=None, help="force the language used for phrase data (en, de, fr, es, ...)")
    p.add_argument("--max-removed-share", type=float, default=None, metavar="SHARE",
                   help="flag a page for review when the filters remove more than this share of its "
                        "main-content text (default 0.75)")
    p.add_argument("--time-budget", type=float, default=None, metavar="SECONDS",
                   help="seconds one page may take, checked between stages and inside filters that check it "
                        "(the page then fails with TimeLimitExceeded)")
    p.add_argument("--html-offsets", action="store_const", const=True, default=None,
                   help="give HTML blocks character offsets into the markup besides xpath and line")
    p.add_argument("--config", default=None, help="a JSON file with a cleaner config (Cleaner.to_config())")


def _cmd_clean(args: argparse.Namespace) -> int:
    cleaner = _cleaner_from_args(args)
    result = cleaner.clean(_read(args.file), url=args.url)
    if args.explain:
        from .report import explain

        explain(result, sys.stdout, color=args.color)
        return 0
    out = sys.stdout
    if args.format == "json":
        out.write(result.to_json(indent=2 if args.pretty else None))
        out.write("\n")
    else:
        out.write(result.text)
        if result.text:
            out.write("\n")
    return 0


def _add_clean(sub) -> None:
    p = sub.add_parser("clean", help="clean one page and print its text or provenance map")
    p.add_argument("file", help="an HTML or text file, or '-' for stdin")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--pretty", action="store_true", help="indent JSON output")
    p.add_argument("--url", default=None, help="the page's URL (context for filters and metadata)")
    p.add_argument("--explain", action="store_true", help="show every block, kept and dropped, with reasons")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    add_cleaning_options(p)
    p.set_defaults(func=_cmd_clean)


def _add_filters(sub) -> None:
    def run(args: argparse.Namespace) -> int:
        from ._pipeline import Pipeline, registered_filters

        default = Pipeline.default()
        for name, cls in registered_filters().items():
            mark = "*" if name in default else " "
            doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
            print(f"{mark} {name:<16} {doc}")
            for reason, meaning in cls.reasons.items():
                print(f"      {reason:<24} {meaning}")
        print("\n* = in the default pipeline, in this order: " + " -> ".join(default.names))
        return 0

    p = sub.add_parser("filters", help="list registered filters, their reasons, and the default order")
    p.set_defaults(func=run)


#: subcommand name -> function adding its parser; modules on top of the API register here
SUBCOMMANDS: dict[str, Callable] = {"clean": _add_clean, "filters": _add_filters}


def _load_subcommands() -> None:
    """Import the modules that register the other subcommands (they ship with cleanerlib, so
    an error while importing them is a real error, not a missing feature)."""
    import importlib

    for module in ("cleanerlib.batch._cli", "cleanerlib.report._cli"):
        importlib.import_module(module)


def build_parser() -> argparse.ArgumentParser:
    _load_subcommands()
    parser = argparse.ArgumentParser(prog="cleanerlib", description="Clean article text out of scraped pages.")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in SUBCOMMANDS.values():
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except CleanerlibError as e:
        print(f"cleanerlib: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as e:
        print(f"cleanerlib: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
