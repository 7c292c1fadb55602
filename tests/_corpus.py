"""A small multi-site corpus built from ``samples/`` (shared by the batch and site-template tests).

Every sample is one page of its own site. To have sites with many pages, the plain-text samples
are re-published on two made-up sites, each page carrying the site's template paragraphs (an
author bio and a disclaimer written as prose) the way real sites repeat them under every
article; the HTML samples stay on their own sites as single pages.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

BIO = ("Dana Whitfield has covered chips, clouds and the people who build them for twelve years; "
       "before that she wrote firmware for a living and still keeps a soldering iron on her desk.")
DISCLAIMER = ("Gadget Ledger has tested phones, laptops and headphones in its own lab in Leeds since 2009, and "
              "every review is written by the person who used the device for at least a fortnight.")
QUOTE = ("The regulator said it would publish the full list of affected operators before the end of "
         "the consultation period next spring.")
SITES = {"https://www.chipwire.news/": BIO, "https://gadgetledger.co.uk/": DISCLAIMER}


def sample_pages() -> list[tuple[str, str, bytes]]:
    """``(name, url, raw)`` for every sample, in name order."""
    out = []
    for gold_path in sorted(SAMPLES.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold_path.name[: -len(".gold.json")], gold.get("url"), (SAMPLES / gold["input"]).read_bytes()))
    return out


def corpus() -> list[dict]:
    """Records ``{"id", "url", "html"}``: text samples spread over two sites with templates."""
    records = []
    text_pages = [p for p in sample_pages() if p[0] and (SAMPLES / f"{p[0]}.txt").exists()]
    sites = list(SITES.items())
    for k, (name, _url, raw) in enumerate(text_pages):
        base, template = sites[k % len(sites)]
        body = raw.decode("utf-8").rstrip("\n")
        # the template sits between the article and whatever the page has below it
        body = f"{body}\n\n{template}\n"
        if k < 2:  # a statement quoted on two pages: repeated, but not a template
            body += f"\n{QUOTE}\n"
        records.append({"id": f"{k:02d}-{name}", "url": f"{base}news/{name}", "html": body})
    for name, url, raw in sample_pages():
        if (SAMPLES / f"{name}.html").exists():
            records.append({"id": name, "url": url, "html": raw.decode("utf-8")})
    return records


def write_jsonl(path: Path, records: list[dict], *, gz: bool | None = None) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    if gz if gz is not None else path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    path.write_bytes(data)
    return path


def read_jsonl(path: Path) -> list[dict]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
