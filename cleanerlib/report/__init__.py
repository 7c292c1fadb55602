"""See what the cleaner did: a terminal view and self-contained HTML reports.

    >>> from cleanerlib import clean
    >>> from cleanerlib.report import explain, render_result, render_batch_summary
    >>> result = clean(page)
    >>> explain(result)                      # every block in the terminal, dropped ones annotated
    >>> html = render_result(result)         # the same as result.to_html()
    >>> html = render_batch_summary("out.jsonl.gz")   # which filters fired, over many pages

Command line: ``cleanerlib clean FILE --explain``, ``cleanerlib report FILE -o report.html``
and ``cleanerlib report --batch OUT.jsonl -o summary.html``. Everything here only reads a
:class:`~cleanerlib.CleanResult` (or batch records), so it can be used on results loaded back
with ``CleanResult.from_dict``.
"""

from ._batch import BatchSummary, PageSummary, summarize
from ._html import render_batch_summary, render_result
from ._terminal import explain

__all__ = ["BatchSummary", "PageSummary", "explain", "render_batch_summary", "render_result", "summarize"]
