"""The systems under test, as data: a name, what it runs on, and a factory that imports it.

Each factory imports its library *inside* the call and returns ``run(case) -> str | None``, so a
missing peer makes :func:`load` skip that one system with a note instead of crashing the suite.
Adding a system is adding one entry to :data:`SYSTEMS`; no scoring code is per system.

What each peer is fed is what it normally takes: bytes for those that detect the encoding
themselves (trafilatura, jusText, readability-lxml, cleanerlib), and the one shared decoding
(:func:`benchmarks._common.decode`, i.e. trafilatura's ``decode_file``) for those that want str
(resiliparse, boilerpy3, and every system on plain text). No system gets the page URL: the
reference figures were made without it, so giving it to one system only would skew the table.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

from ._common import Case

Runner = Callable[[Case], "str | None"]

#: jusText settings of trafilatura's comparison script (length_low, length_high, stopwords_low,
#: stopwords_high, max_link_density, max_heading_distance, no_headings); they reproduce the
#: published "jusText (all stoplists)" F1 0.862 exactly on the eval set.
JUSTEXT_ARGS = (50, 200, 0.1, 0.2, 0.2, 200, True)


@dataclass(frozen=True)
class System:
    name: str
    make: Callable[[], Runner]
    kinds: frozenset[str]  # which case kinds it is scored on: "html", "text"
    feeds: str  # what it is given, for the report
    note: str = ""


def reset_trafilatura_caches() -> None:
    """trafilatura's ``deduplicate=True`` remembers text in a process-global LRU (``LRU_TEST``):
    without a reset, a system's output would depend on which systems ran before it."""
    try:
        from trafilatura.meta import reset_caches
    except ImportError:
        return
    reset_caches()


# ------------------------------------------------------------------------------ factories


def clean_case(case: Case):
    """The one way cleanerlib is called on a case (the lost-snippet trace repeats it exactly)."""
    import cleanerlib

    if case.kind == "text":
        return cleanerlib.clean(case.text, input_type="text")
    return cleanerlib.clean(case.raw)


def _cleanerlib() -> Runner:
    from cleanerlib import clean  # noqa: F401 - fail here, at load time, if it is not there yet

    return lambda case: clean_case(case).text


def _trafilatura(**options) -> Callable[[], Runner]:
    def make() -> Runner:
        import trafilatura

        return lambda case: trafilatura.extract(case.raw, **options)

    return make


def _justext() -> Runner:
    import justext

    # the union of every stoplist, as trafilatura's benchmark (and its own fallback) does it:
    # the pages are in many languages and jusText has no language detection
    stoplist = frozenset(w for lang in justext.get_stoplists() for w in justext.get_stoplist(lang))

    def run(case: Case) -> str:
        paragraphs = justext.justext(case.raw, stoplist, *JUSTEXT_ARGS)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _readability() -> Runner:
    from readability import Document
    from trafilatura import html2txt

    logging.getLogger("readability.readability").setLevel(logging.ERROR)
    # summary() is HTML; html2txt turns it into text with a space between blocks
    return lambda case: html2txt(Document(case.raw).summary())


def _resiliparse() -> Runner:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda case: extract_plain_text(case.text, main_content=True)


def _boilerpy3() -> Runner:
    from boilerpy3 import extractors

    logging.getLogger("boilerpy3").setLevel(logging.ERROR)  # one warning per odd <a> nesting
    extractor = extractors.ArticleExtractor(raise_on_failure=False)
    return lambda case: extractor.get_content(case.text)


def _keep_everything() -> Runner:
    return lambda case: case.text


def _c4() -> Runner:
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    c4 = C4QualityFilter()

    def run(case: Case) -> str:
        doc = Document(text=case.text, id=case.name)
        # C4 rewrites doc.text (drops lines); a dropped document leaves nothing
        return doc.text if c4.filter(doc) is True else ""

    return run


HTML, TEXT = frozenset({"html"}), frozenset({"text"})

SYSTEMS: tuple[System, ...] = (
    System("cleanerlib", _cleanerlib, HTML | TEXT, "bytes (HTML), str (text)",
           "clean(page); text samples with input_type='text'"),
    System("trafilatura", _trafilatura(), HTML, "bytes", "extract(html), defaults"),
    System("trafilatura no comments", _trafilatura(include_comments=False), HTML, "bytes",
           "extract(html, include_comments=False)"),
    System("trafilatura precision+dedup", _trafilatura(favor_precision=True, deduplicate=True),
           HTML, "bytes", "extract(html, favor_precision=True, deduplicate=True); caches reset first"),
    System("justext", _justext, HTML, "bytes", "all stoplists, trafilatura's comparison settings"),
    System("readability-lxml", _readability, HTML, "bytes",
           "Document(html).summary() -> trafilatura.html2txt"),
    System("resiliparse", _resiliparse, HTML, "decoded str",
           "extract_plain_text(html, main_content=True)"),
    System("boilerpy3", _boilerpy3, HTML, "decoded str", "ArticleExtractor().get_content(html)"),
    System("keep everything", _keep_everything, TEXT, "str", "baseline: the input text unchanged"),
    System("datatrove C4QualityFilter", _c4, TEXT, "str",
           "C4QualityFilter().filter(Document) -> rewritten doc.text ('' if dropped)"),
)


def by_name(name: str) -> System:
    return next(s for s in SYSTEMS if s.name == name)


def load(system: System) -> tuple[Runner | None, str | None]:
    """``(runner, None)``, or ``(None, why it is skipped)`` if the library cannot be imported."""
    try:
        return system.make(), None
    except Exception as err:  # ImportError, or a peer failing at import time
        return None, f"{type(err).__name__}: {err}"
