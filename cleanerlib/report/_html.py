"""Self-contained HTML reports: one page's provenance map, and a summary over a batch.

Each report is one file with its CSS and script inline; it loads nothing, so it can be mailed,
attached to an issue or opened offline. Page text is hostile input: every piece of it goes
through :func:`html.escape` (text and attribute values alike), no page value is ever put into
an ``href``, a script or a style, and a Content-Security-Policy allows only the report's own
script and style (by hash) and no network at all, so even markup that slipped through could
neither run nor load anything.

The single-page report's script is small and optional (without it every block is shown): the
"show" checkboxes hide or show the blocks each filter dropped and the kept blocks, a status line
counts the blocks actually rendered, a link to the block a duplicate repeats reveals that block
if it was hidden, and the query string ``?hide=FILTER[,FILTER...]&kept=hide`` clicks the
matching checkboxes on load (handy for links into a report, and used by the browser test).
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
from typing import Any, Iterable

from .._model import Block, CleanResult
from ._batch import BatchSummary, summarize
from ._legend import (
    HTML_COLOURS,
    colour_indices,
    filter_summary,
    locator,
    reason_meaning,
    ref_label,
    ref_target,
    referrers,
    snippet,
)

__all__ = ["render_result", "render_batch_summary"]


def e(value: Any) -> str:
    """Escape for HTML text and for double- or single-quoted attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


_BASE_CSS = """
:root { --ink:#1f2328; --muted:#5b6472; --line:#d8dee4; --paper:#fff; --bg:#f4f5f7; --kept:#94a3b8; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif; }
header.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 18px 28px 14px; }
header.top .kicker { margin: 0; color: var(--muted); font-size: 12px; letter-spacing: .06em; text-transform: uppercase; }
header.top h1 { margin: 2px 0 6px; font-size: 22px; line-height: 1.3; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.meta span + span::before { content: " \u00b7 "; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 0; padding: 0; list-style: none; }
.stats li { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; font-size: 13px; }
.stats b { font-size: 17px; margin-right: 4px; }
.review { margin: 12px 0 0; padding: 8px 12px; border-radius: 6px; background: #fef3c7; border: 1px solid #f59e0b;
  color: #78350f; font-size: 14px; }
main { padding: 18px 28px 40px; }
h2 { font-size: 15px; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; background: var(--paper); font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: #eef1f4; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font: 12.5px/1.4 ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; }
.chip { display: inline-block; padding: 0 7px; border-radius: 4px; color: #fff; background: var(--c, #6b7280);
  font-size: 12px; font-weight: 600; line-height: 19px; white-space: nowrap; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 16px; }
.muted { color: var(--muted); }
"""

_RESULT_CSS = """
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 330px; gap: 22px; align-items: start; }
.side { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .side { position: static; max-height: none; } }
.status { margin: 0 0 10px; font-size: 13px; color: var(--muted); }
.status b { color: var(--ink); }
.toggle { display: flex; align-items: baseline; gap: 8px; padding: 6px 0; border-top: 1px solid var(--line); cursor: pointer; }
.toggle:first-of-type { border-top: 0; }
.toggle input { margin: 0; transform: translateY(1px); }
.toggle .name { font-weight: 600; }
.toggle .count { margin-left: auto; font-variant-numeric: tabular-nums; color: var(--muted); }
.swatch { width: 12px; height: 12px; border-radius: 3px; background: var(--c, var(--kept)); flex: none; align-self: center; }
.legend-doc { margin: -2px 0 4px 40px; font-size: 12px; color: var(--muted); }
.blocks { margin: 0; padding: 0; list-style: none; }
.block { display: grid; grid-template-columns: 64px minmax(0, 1fr); gap: 10px; margin: 0 0 6px;
  background: var(--paper); border: 1px solid var(--line); border-left: 5px solid var(--kept); border-radius: 6px;
  padding: 8px 12px 8px 8px; scroll-margin-top: 12px; }
.block .gutter { font-size: 12px; color: var(--muted); line-height: 1.3; }
.block .idx { font-weight: 700; color: var(--ink); text-decoration: none; }
.block .kind { display: block; overflow-wrap: anywhere; }
.block .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.block.k-heading .text { font-weight: 650; font-size: 16px; }
.block.dropped { border-left-color: var(--c); background: color-mix(in srgb, var(--c) 6%, #fff); }
.block.dropped .text { color: #4b5563; text-decoration: line-through;
  text-decoration-color: color-mix(in srgb, var(--c) 60%, transparent); text-decoration-thickness: 1px; }
.why { margin: 6px 0 0; padding: 0; list-style: none; font-size: 12.5px; color: #374151; }
.why li { display: inline; }
.why li + li::before { content: " \u00b7 "; color: var(--muted); }
.why .label { color: var(--muted); }
.why code { font-size: 12px; }
.twins { margin: 4px 0 0; font-size: 12.5px; color: var(--muted); }
.block:target, .block.revealed { outline: 3px solid #f59e0b; outline-offset: 1px; }
.counts { margin-bottom: 16px; }
.counts td:first-child { white-space: nowrap; }
"""

_BATCH_CSS = """
section { margin-bottom: 22px; }
.examples { margin: 0; padding-left: 18px; }
.examples li { margin: 2px 0; overflow-wrap: anywhere; }
.examples q { quotes: "\\201c" "\\201d"; }
td { overflow-wrap: anywhere; }
"""

_RESULT_JS = """
(function () {
  "use strict";
  var blocks = Array.prototype.slice.call(document.querySelectorAll(".block"));
  var filterToggles = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var keptToggle = document.querySelector("input[data-kept-toggle]");
  var count = document.getElementById("visible-count");
  function apply() {
    var off = {};
    filterToggles.forEach(function (t) { if (!t.checked) { off[t.getAttribute("data-filter")] = true; } });
    var hideKept = keptToggle && !keptToggle.checked;
    blocks.forEach(function (b) {
      b.classList.remove("revealed");
      if (b.getAttribute("data-kept") === "true") { b.hidden = !!hideKept; }
      else { b.hidden = Object.prototype.hasOwnProperty.call(off, b.getAttribute("data-filter")); }
    });
    var shown = 0;
    blocks.forEach(function (b) { if (b.getClientRects().length) { shown += 1; } });
    if (count) { count.textContent = String(shown); }
    document.body.setAttribute("data-hidden-filters", Object.keys(off).sort().join(","));
    document.body.setAttribute("data-hidden-kept", hideKept ? "true" : "false");
  }
  filterToggles.forEach(function (t) { t.addEventListener("change", apply); });
  if (keptToggle) { keptToggle.addEventListener("change", apply); }
  document.addEventListener("click", function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest("a[data-ref]") : null;
    if (!a) { return; }
    var target = document.getElementById("b" + a.getAttribute("data-ref"));
    if (target && target.hidden) { target.hidden = false; target.classList.add("revealed"); }
  });
  var params = new URLSearchParams(window.location.search);
  (params.get("hide") || "").split(",").forEach(function (name) {
    filterToggles.forEach(function (t) { if (name && t.getAttribute("data-filter") === name && t.checked) { t.click(); } });
  });
  if (keptToggle && params.get("kept") === "hide" && keptToggle.checked) { keptToggle.click(); }
  apply();
})();
"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _page(title: str, css: str, body: str, script: str | None = None) -> str:
    csp = ["default-src 'none'", f"style-src {_sha256(css)}", "img-src data:", "base-uri 'none'",
           "form-action 'none'"]
    if script is not None:
        csp.insert(1, f"script-src {_sha256(script)}")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e("; ".join(csp))}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="cleanerlib">',
        f"<title>{e(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        body,
    ]
    if script is not None:
        parts.append(f"<script>{script}</script>")
    parts.append("</html>\n")
    return "\n".join(parts)


def _colour_css(n: int = len(HTML_COLOURS)) -> str:
    return "".join(f".f{k} {{ --c: {HTML_COLOURS[k]}; }}\n" for k in range(n))


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.0f}%" if whole else "-"


# -- one page ---------------------------------------------------------------------------------

def _block_html(result: CleanResult, pos: int, block: Block, colours: dict[str, int],
                twins: dict[int, list[int]]) -> str:
    kind = str(block.kind)
    where = locator(block.source, result.source_text)
    if block.kept:
        attrs = f'class="block kept k-{e(kind)}" data-kept="true"'
    else:
        fname = block.dropped_by or "?"
        attrs = (f'class="block dropped k-{e(kind)} f{colours.get(fname, 0)}" data-kept="false" '
                 f'data-filter="{e(fname)}" data-reason="{e(block.reason or "?")}"')
    out = [f'<li id="b{pos}" {attrs} title="{e(where)}">',
           f'<div class="gutter"><a class="idx" href="#b{pos}">#{pos}</a>'
           f'<span class="kind">{e(kind)}</span></div>',
           '<div class="body">',
           f'<p class="text">{e(block.text)}</p>']
    if not block.kept:
        meaning = reason_meaning(block.dropped_by, block.reason)
        reason_title = f' title="{e(meaning)}"' if meaning else ""
        why = [f'<li><span class="chip">{e(block.dropped_by or "?")}</span> '
               f'<code class="reason"{reason_title}>{e(block.reason or "?")}</code></li>']
        if block.detail:
            why.append(f'<li class="detail">{e(block.detail)}</li>')
        why.append(f'<li class="source"><span class="label">source</span> <code>{e(where)}</code></li>')
        if block.ref is not None:
            twin = ref_target(result, block)
            if twin is None:
                why.append(f'<li class="ref"><span class="label">{e(ref_label(block))}</span> #{e(block.ref)} '
                           f'(not in this result)</li>')
            else:
                state = "kept" if twin.kept else f"dropped by {twin.dropped_by}"
                why.append(f'<li class="ref"><span class="label">{e(ref_label(block))}</span> '
                           f'<a href="#b{block.ref}" data-ref="{block.ref}">#{block.ref}</a> '
                           f'({e(state)}) \u201c{e(snippet(twin.text, 70))}\u201d</li>')
        out.append(f'<ul class="why">{"".join(why)}</ul>')
    back = twins.get(pos)
    if back:
        links = ", ".join(f'<a href="#b{k}" data-ref="{k}">#{k}</a>' for k in back)
        out.append(f'<p class="twins">referred to by {links}</p>')
    out.append("</div></li>")
    return "".join(out)


def _legend_html(result: CleanResult, colours: dict[str, int]) -> str:
    counts = result.counts()
    kept = len(result.kept)
    rows = ['<section class="panel legend"><h2>Show</h2>',
            f'<p class="status">Showing <b id="visible-count">{len(result.blocks)}</b> of '
            f'{len(result.blocks)} blocks</p>',
            f'<label class="toggle"><input type="checkbox" data-kept-toggle checked>'
            f'<span class="swatch"></span><span class="name">kept blocks</span>'
            f'<span class="count">{kept}</span></label>']
    for name in sorted(colours):
        n = sum(counts.get(name, {}).values())
        rows.append(f'<label class="toggle f{colours[name]}"><input type="checkbox" data-filter="{e(name)}" checked>'
                    f'<span class="swatch"></span><span class="name">{e(name)}</span>'
                    f'<span class="count">{n}</span></label>')
        doc = filter_summary(name)
        if doc:
            rows.append(f'<p class="legend-doc">{e(doc)}</p>')
    if not colours:
        rows.append('<p class="muted">No filter dropped anything on this page.</p>')
    rows.append("</section>")
    return "".join(rows)


def _counts_html(result: CleanResult, colours: dict[str, int]) -> str:
    counts = result.counts()
    if not counts:
        return ""
    chars: dict[tuple[str, str], int] = {}
    for b in result.blocks:
        if not b.kept:
            key = (b.dropped_by or "?", b.reason or "?")
            chars[key] = chars.get(key, 0) + len(b.text)
    rows = ['<section class="counts"><h2>Dropped, per filter and reason</h2><table>',
            '<thead><tr><th>filter</th><th>reason</th><th class="n">blocks</th><th class="n">characters</th>'
            '<th>meaning</th></tr></thead><tbody>']
    for f, per in counts.items():
        for r, n in per.items():
            rows.append(f'<tr class="count-row" data-filter="{e(f)}" data-reason="{e(r)}">'
                        f'<td><span class="chip f{colours.get(f, 0)}">{e(f)}</span></td>'
                        f'<td><code>{e(r)}</code></td><td class="n">{n}</td>'
                        f'<td class="n">{chars.get((f, r), 0):,}</td>'
                        f'<td>{e(reason_meaning(f, r) or "")}</td></tr>')
    rows.append("</tbody></table></section>")
    return "".join(rows)


def render_result(result: CleanResult, *, title: str | None = None) -> str:
    """One page's provenance map as a self-contained HTML document (a ``str``)."""
    blocks = result.blocks
    colours = colour_indices(b.dropped_by or "?" for b in blocks if not b.kept)
    twins = referrers(result)
    heading = title or result.metadata.title or "Untitled page"
    md = result.metadata
    facts = [f"{result.input_type} input"]
    for label, value in (("language", md.language), ("site", md.site_name), ("by", md.byline),
                         ("date", md.date), ("url", md.url)):
        if value:
            facts.append(f"{label}: {value}")
    kept_chars = sum(len(b.text) for b in blocks if b.kept)
    all_chars = sum(len(b.text) for b in blocks)
    dropped = len(blocks) - len(result.kept)
    body = [
        "<body>",
        '<header class="top">',
        '<p class="kicker">cleanerlib provenance report</p>',
        f"<h1>{e(heading)}</h1>",
        '<p class="meta">' + "".join(f"<span>{e(f)}</span>" for f in facts) + "</p>",
        '<ul class="stats">',
        f"<li><b>{len(blocks)}</b>blocks</li>",
        f"<li><b>{len(blocks) - dropped}</b>kept</li>",
        f"<li><b>{dropped}</b>dropped</li>",
        f"<li><b>{kept_chars:,}</b>of {all_chars:,} characters kept ({_pct(kept_chars, all_chars)})</li>",
        "</ul>",
    ]
    if result.needs_review:
        body.append(f'<p class="review" id="needs-review"><b>Needs review:</b> '
                    f'{e(result.review_reason or "flagged")}</p>')
    body += [
        "</header>",
        '<main class="layout">',
        '<div class="content">',
        _counts_html(result, colours),
        '<h2>Blocks, in page order</h2>',
    ]
    if blocks:
        body.append('<ol class="blocks">')
        body.extend(_block_html(result, pos, b, colours, twins) for pos, b in enumerate(blocks))
        body.append("</ol>")
    else:
        body.append('<p class="muted">The page had no text.</p>')
    body += ["</div>", f'<aside class="side">{_legend_html(result, colours)}</aside>', "</main>", "</body>"]
    return _page(f"Cleaning report: {heading}", _BASE_CSS + _colour_css() + _RESULT_CSS, "\n".join(body),
                 _RESULT_JS)


# -- a batch ----------------------------------------------------------------------------------

def _page_cell(page: Any) -> str:
    label = f"<code>{e(page.id)}</code>"
    if page.title:
        label += f" {e(snippet(page.title, 80))}"
    if page.url:
        label += f'<br><span class="muted">{e(page.url)}</span>'
    return label


def _list_limit(items: list, limit: int) -> tuple[list, int]:
    return items[:limit], max(0, len(items) - limit)


def render_batch_summary(source: str | os.PathLike[str] | Iterable[Any] | BatchSummary, *,
                         title: str | None = None, examples: int = 3, max_rows: int = 500) -> str:
    """A summary over many pages as a self-contained HTML document (a ``str``).

    ``source`` is a batch output file (JSONL, optionally gzipped; see
    :mod:`cleanerlib.report._batch` for the record format accepted), an iterable of records or
    ``CleanResult`` objects, or a :class:`BatchSummary`. ``examples`` texts are shown per reason;
    the lists of flagged and failed pages stop after ``max_rows`` rows.
    """
    summary = source if isinstance(source, BatchSummary) else summarize(source, examples=examples)
    colours = colour_indices(summary.filters())
    heading = title or (f"Batch summary: {os.path.basename(summary.source)}" if summary.source else "Batch summary")
    cleaned = summary.cleaned
    body = [
        "<body>",
        '<header class="top">',
        '<p class="kicker">cleanerlib batch report</p>',
        f"<h1>{e(heading)}</h1>",
    ]
    if summary.source:
        body.append(f'<p class="meta"><span>{e(summary.source)}</span></p>')
    body += [
        '<ul class="stats">',
        f'<li><b id="n-pages">{summary.pages}</b>pages</li>',
        f"<li><b>{cleaned}</b>cleaned</li>",
        f'<li><b id="n-errors">{len(summary.errors)}</b>failed</li>',
        f'<li><b id="n-review">{len(summary.review)}</b>need review</li>',
        f"<li><b>{summary.dropped_blocks:,}</b>blocks dropped</li>",
    ]
    if summary.total_chars:
        body.append(f"<li><b>{summary.kept_chars:,}</b>of {summary.total_chars:,} characters kept "
                    f"({_pct(summary.kept_chars, summary.total_chars)})</li>")
    body += ["</ul>", "</header>", "<main>"]

    # what fired
    body.append('<section id="reasons"><h2>What the filters dropped</h2>')
    if summary.reasons:
        body.append('<table><thead><tr><th>filter</th><th>reason</th><th class="n">blocks</th>'
                    '<th class="n">pages</th><th class="n">characters</th><th>examples</th></tr></thead><tbody>')
        ordered = sorted(summary.reasons.items(), key=lambda kv: (-kv[1].blocks, kv[0]))
        for (f, r), st in ordered:
            meaning = reason_meaning(f, r)
            ex = "".join(f'<li><q>{e(snippet(text, 160))}</q> <span class="muted">({e(pid)})</span></li>'
                         for text, pid in st.examples)
            body.append(
                f'<tr class="reason-row" data-filter="{e(f)}" data-reason="{e(r)}">'
                f'<td><span class="chip f{colours.get(f, 0)}">{e(f)}</span></td>'
                f'<td><code>{e(r)}</code>' + (f'<br><span class="muted">{e(meaning)}</span>' if meaning else "")
                + f'</td><td class="n">{st.blocks:,}</td>'
                f'<td class="n">{st.pages:,} ({_pct(st.pages, cleaned)})</td>'
                f'<td class="n">{st.chars:,}</td>'
                f'<td>{f"<ul class=examples>{ex}</ul>" if ex else ""}</td></tr>'
            )
        body.append("</tbody></table>")
    else:
        body.append('<p class="muted">No filter dropped anything.</p>')
    body.append("</section>")

    # pages flagged for review
    body.append(f'<section id="review"><h2>Pages flagged needs_review ({len(summary.review)})</h2>')
    if summary.review:
        shown, more = _list_limit(summary.review, max_rows)
        body.append('<table><thead><tr><th>page</th><th>reason</th><th class="n">kept blocks</th>'
                    '<th class="n">characters kept</th></tr></thead><tbody>')
        for p in shown:
            kept = f"{p.kept_blocks} of {p.blocks}" if p.blocks is not None else "-"
            chars = (f"{p.kept_chars:,} of {p.total_chars:,}" if p.total_chars is not None and p.kept_chars is not None
                     else "-")
            body.append(f'<tr class="review-row"><td>{_page_cell(p)}</td><td><code>{e(p.review_reason or "-")}</code>'
                        f'</td><td class="n">{kept}</td><td class="n">{chars}</td></tr>')
        body.append("</tbody></table>")
        if more:
            body.append(f'<p class="muted">and {more:,} more</p>')
    else:
        body.append('<p class="muted">None.</p>')
    body.append("</section>")

    # failures
    if summary.errors:
        shown, more = _list_limit(summary.errors, max_rows)
        body.append(f'<section id="errors"><h2>Pages that failed ({len(summary.errors)})</h2>'
                    '<table><thead><tr><th>page</th><th>error</th></tr></thead><tbody>')
        for p in shown:
            body.append(f'<tr class="error-row"><td>{_page_cell(p)}</td><td>{e(p.error)}</td></tr>')
        body.append("</tbody></table>")
        if more:
            body.append(f'<p class="muted">and {more:,} more</p>')
        body.append("</section>")
    if summary.unreadable:
        shown, more = _list_limit(summary.unreadable, max_rows)
        body.append(f'<section id="unreadable"><h2>Unreadable lines ({len(summary.unreadable)})</h2><ul>')
        body.extend(f"<li>line {n}: {e(msg)}</li>" for n, msg in shown)
        body.append("</ul>" + (f'<p class="muted">and {more:,} more</p>' if more else "") + "</section>")
    body += ["</main>", "</body>"]
    return _page(heading, _BASE_CSS + _colour_css() + _BATCH_CSS, "\n".join(body))
