"""HTML segmentation: every piece of visible text on the page becomes exactly one block.

Blocks are the runs of text owned by block-level elements (a paragraph, a heading, a list item,
a table row, the loose text of a ``<div>``). Nothing visible is skipped, so the provenance map
accounts for the whole page and the main-content decision is recorded like any other. The walk
is iterative, so deeply nested markup cannot exhaust the interpreter's stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from ._markup import flatten_deep, locate_elements
from ._model import Block, Hints, Kind, Span

__all__ = ["parse_html", "segment_html", "HtmlPage"]

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol optgroup option p pre section summary table tbody td tfoot th thead title "
    "tr ul caption noframes search".split()
)
_SKIP_TAGS = frozenset(
    "script style template svg math iframe object embed canvas video audio "
    "select datalist map meta link base".split()
)
_KIND_OF = {
    "h1": Kind.HEADING, "h2": Kind.HEADING, "h3": Kind.HEADING, "h4": Kind.HEADING,
    "h5": Kind.HEADING, "h6": Kind.HEADING,
    "li": Kind.LIST_ITEM, "dt": Kind.LIST_ITEM, "dd": Kind.LIST_ITEM,
    "blockquote": Kind.QUOTE,
    "figcaption": Kind.CAPTION, "caption": Kind.CAPTION,
    "tr": Kind.TABLE,
}
_CELL_TAGS = frozenset(("td", "th"))
_HEADING_LEVEL = {f"h{n}": n for n in range(1, 7)}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
#: libxml2 reports its nesting limit (256 open elements) as a resource-limit error
_TOO_DEEP = etree.ErrorTypes.ERR_RESOURCE_LIMIT
_MAX_DEPTH = 200
_HAS_BLOCK_CHILD = etree.XPath(
    "boolean(.//p|.//div|.//table|.//ul|.//ol|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//blockquote"
    "|.//section|.//article)"
)


@dataclass(frozen=True)
class HtmlPage:
    """A parsed page: the tree filters may read (never modify) and the text offsets refer to."""

    source_text: str
    root: lxml.html.HtmlElement


class _Owner:
    """A block-level element whose loose text is being collected."""

    __slots__ = ("el", "tag", "kind", "tokens", "depth", "segments", "nonempty", "emitted", "children", "row")

    def __init__(self, el, tag: str, kind: Kind, tokens: tuple[str, ...], depth: int) -> None:
        self.el = el
        self.tag = tag
        self.kind = kind
        self.tokens = tokens
        self.depth = depth  # nesting depth of ``el``; its inline children sit at depth + 1
        #: the loose text collected so far, as segments: [element or None, texts, link
        #: characters]; each inline child of the owner opens a segment of its own, so a run
        #: made only of links (a share bar, a menu) or of glued inline elements can be split
        #: back into its items
        self.segments: list[list] = [[None, [], 0]]
        self.nonempty = False  # some segment holds more than whitespace
        self.emitted = 0  # blocks this owner already produced (then its text is not a whole element)
        self.children = 0  # child blocks emitted inside it
        self.row = False  # a table row whose cells are joined into one block

    def add(self, text: str, in_link: bool) -> None:
        seg = self.segments[-1]
        seg[1].append(text)
        if in_link:
            seg[2] += len(text.strip())
        if not self.nonempty and not text.isspace():
            self.nonempty = True

    def open_segment(self, el) -> None:
        self.segments.append([el, [], 0])

    @property
    def has_text(self) -> bool:
        return self.nonempty

    def take(self) -> list[list]:
        segments, self.segments = self.segments, [[None, [], 0]]
        self.nonempty = False
        return segments


_LINKISH = frozenset(("a", "button"))
_SEPARATORS_ONLY = re.compile(r"^[\s|\u00b7\u2022,/\-\u2013\u2014:;]*$")


def _split_items(segments: list[list], row: bool) -> list[list] | None:
    """The element segments of a run that is a list of items, or None to keep it whole.

    A run is a list when it holds only sibling elements (separators aside) and either all of
    them are links or buttons, or they are short labels beside a link or button, or they touch
    without any whitespace between them, which is how block-styled spans look once their
    markup is gone ("Words by Jane Doe28 October 2026").
    """
    if row:
        return None
    items = [seg for seg in segments if seg[0] is not None and "".join(seg[1]).strip()]
    if len(items) < 2:
        return None
    loose = "".join("".join(seg[1]) for seg in segments if seg[0] is None)
    if not _SEPARATORS_ONLY.match(loose):
        return None
    if all(seg[0].tag in _LINKISH for seg in items):
        return items
    if not loose.strip() and any(seg[0].tag in _LINKISH for seg in items) \
            and all(len("".join(seg[1]).split()) <= 6 for seg in items):
        return items  # a label and its button ("Your cart is empty  Go to shop")
    texts = ["".join(seg[1]) for seg in segments if seg[0] is not None or "".join(seg[1])]
    glued = all(t == t.strip() for t in texts) and not loose
    return items if glued else None


def _items_with_separators(segments: list[list], items: list[list]) -> list[tuple[object, str, int]]:
    """The items of a list run, in order, with the separators between them ("Privacy | Terms")
    as pieces of their own (element None), so that no character of the page goes missing:
    ``(element or None, text, link characters)``."""
    wanted = {id(seg) for seg in items}
    out: list[tuple[object, str, int]] = []
    pending = ""
    for seg in segments:
        text = "".join(seg[1])
        if id(seg) in wanted:
            if pending.strip():
                out.append((None, " ".join(pending.split()), 0))
            pending = ""
            out.append((seg[0], " ".join(text.split()), seg[2]))
        else:
            pending += text
    if pending.strip():
        out.append((None, " ".join(pending.split()), 0))
    return out


def parse_html(source_text: str) -> HtmlPage:
    """Parse with lxml's forgiving HTML parser; the tree matches ``document_fromstring``."""
    # lxml refuses str input that carries an XML encoding declaration; blanking it keeps offsets.
    m = _XML_DECL.match(source_text)
    if m:
        source_text = " " * m.end() + source_text[m.end():]
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    root = lxml.html.document_fromstring(source_text, parser=parser)
    if any(e.type == _TOO_DEEP for e in parser.error_log):
        # libxml2 drops everything after its nesting limit; flatten the excess and parse again
        source_text = flatten_deep(source_text, _MAX_DEPTH)
        root = lxml.html.document_fromstring(source_text, parser=parser)
    return HtmlPage(source_text, root)


_TOKEN_ATTRS = ("class", "id", "role", "itemprop", "aria-label", "data-component", "data-module")


def _own_tokens(el) -> tuple[str, ...]:
    names = el.keys()  # one call; most elements have no attributes, or none of these
    if not names:
        return ()
    get = el.get
    out: list[str] = []
    for attr in _TOKEN_ATTRS:
        if attr in names:
            value = get(attr)
            if value:
                out.extend(value.lower().split())
    return tuple(out)


def _subtree_tokens(el) -> tuple[str, ...]:
    """Class/id tokens of an inline element and what it wraps, innermost last."""
    out: list[str] = []
    for node in el.iter():
        if node.tag.__class__ is str:
            out.extend(_own_tokens(node))
    return tuple(reversed(out))


class _XPaths:
    """``tree.getpath(el)`` for the elements that own blocks, each computed once.

    lxml's ``getpath()`` recounts an element's siblings on every call, which is quadratic on
    a wide list; here each parent's children are counted once, and only for the parents on
    the way up from an element that owns a block.
    """

    __slots__ = ("paths", "steps")

    def __init__(self) -> None:
        self.paths: dict[object, str] = {}
        self.steps: dict[object, str] = {}  # element -> its last step ("div[3]")

    def _count_children(self, parent) -> None:
        per_tag: dict[str, list] = {}
        for child in parent:
            tag = child.tag
            if tag.__class__ is str:
                per_tag.setdefault(tag, []).append(child)
        steps = self.steps
        for tag, children in per_tag.items():
            step = tag if ":" not in tag else f"*[name()='{tag}']"  # prefixed names are no prefixes
            if len(children) == 1:
                steps[children[0]] = step
            else:
                for n, child in enumerate(children, 1):
                    steps[child] = f"{step}[{n}]"

    def __call__(self, el) -> str:
        paths = self.paths
        path = paths.get(el)
        if path is not None:
            return path
        up = []
        node = el
        while node is not None and node not in paths:
            up.append(node)
            node = node.getparent()
        path = paths[node] if node is not None else ""
        steps = self.steps
        for node in reversed(up):
            step = steps.get(node)
            if step is None:
                parent = node.getparent()
                if parent is None:
                    step = node.tag
                else:
                    self._count_children(parent)
                    step = steps[node]
            path = f"{path}/{step}"
            paths[node] = path
        return path


def segment_html(page: HtmlPage, *, offsets: bool = True) -> list[Block]:
    """Blocks of an HTML page in document order, each with its element's xpath and line, and
    with ``offsets`` its element's character offsets in the markup (where they are known)."""
    root = page.root
    # (text, owner, the element that holds the text, whether the text is all of that element,
    # link characters, the inline element that holds all of the text or None)
    raw: list[tuple[str, _Owner, object, bool, int, object]] = []

    def flush(owner: _Owner, whole: bool) -> None:
        segments = owner.take()
        whole = whole and owner.emitted == 0 and owner.children == 0
        items = _split_items(segments, owner.row) if len(segments) > 2 else None
        if items is not None:
            for el, text, link_chars in _items_with_separators(segments, items):
                if el is None:  # a separator between items
                    raw.append((text, owner, owner.el, False, 0, None))
                else:
                    raw.append((text, owner, el, True, link_chars, el))
            owner.emitted += 1
            return
        if len(segments) == 1:
            seg = segments[0]
            text = " ".join("".join(seg[1]).split())
            link_chars = seg[2]
            sole = None
        else:
            texts = ["".join(seg[1]) for seg in segments]
            text = " ".join("".join(texts).split())
            link_chars = sum(seg[2] for seg in segments)
            # all the text inside one inline element (<span class="author vcard"><a class="fn">)
            filled = [k for k, t in enumerate(texts) if t.strip()]
            sole = segments[filled[0]][0] if len(filled) == 1 else None
        if text:
            raw.append((text, owner, owner.el, whole, link_chars, sole))
            owner.emitted += 1

    top = _Owner(root, "html", Kind.PARAGRAPH, (), 0)
    stack: list[_Owner] = [top]
    owner = top
    link_depth = 0
    br_run = 0
    depth = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if tag.__class__ is not str:
            continue
        if event == "start":
            depth += 1
            if tag in _SKIP_TAGS:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS and not (owner.row and tag in _CELL_TAGS):
                if owner.nonempty:
                    flush(owner, False)
                elif len(owner.segments) > 1 or owner.segments[0][1]:
                    owner.take()  # an inline element that holds a block is no longer one item of a list
                owner.children += 1
                kind = _KIND_OF.get(tag) or (owner.kind if owner.tag != "html" else Kind.PARAGRAPH)
                if tag == "title":
                    kind = Kind.OTHER
                elif (tag == "p" or tag == "div") and owner.kind is Kind.PARAGRAPH:
                    kind = Kind.PARAGRAPH
                owner = _Owner(el, tag, kind, _own_tokens(el) + owner.tokens, depth)
                if tag == "tr" and not _HAS_BLOCK_CHILD(el):
                    owner.row = True
                stack.append(owner)
                br_run = 0
            elif tag in _CELL_TAGS:  # a cell of a row block
                if owner.nonempty:
                    owner.add(" | ", False)
            elif tag == "br":
                br_run += 1
                if br_run >= 2 and owner.nonempty:
                    flush(owner, False)
                else:
                    owner.add(" ", False)
                continue
            else:
                if tag == "a":
                    link_depth += 1
                if depth == owner.depth + 1:
                    owner.open_segment(el)
            text = el.text
            if text:
                owner.add(text, link_depth > 0)
                if br_run and not text.isspace():
                    br_run = 0
        else:  # end
            if owner.el is el:
                if owner.nonempty:  # most block elements only wrap other blocks
                    flush(owner, True)
                stack.pop()
                owner = stack[-1]
            else:
                if tag == "a":
                    link_depth = max(0, link_depth - 1)
                if depth == owner.depth + 1 and tag != "br":
                    owner.open_segment(None)
            depth -= 1
            tail = el.tail
            if tail:
                owner.add(tail, link_depth > 0)
                if br_run and not tail.isspace():
                    br_run = 0
    flush(top, True)

    located = {}
    if offsets:
        located = locate_elements(page.source_text, root.iter(), {el for _, _, el, whole, _, _ in raw if whole})
    path_of = _XPaths()
    blocks = []
    for i, (text, owner, el, whole, link_chars, inline) in enumerate(raw):
        start, end = located.get(el, (None, None)) if whole else (None, None)
        parent = el.getparent()
        hints = Hints(owner.tag, owner.tokens if inline is None else _subtree_tokens(inline) + owner.tokens,
                      min(link_chars, len(text)), _HEADING_LEVEL.get(owner.tag, 0),
                      path_of(parent) if parent is not None else "")
        # (positional: the page's blocks are built here by the thousand)
        blocks.append(Block(i, text, owner.kind, Span(start, end, path_of(el), el.sourceline), hints=hints))
    return blocks

