"""What the domain learns from a document once it is read (``process_doc``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinxcontrib_litreview.glossary import GLOSSARY_DOC_ATTR, TERM_ATTR, glossary_terms
from sphinxcontrib_litreview.records import Citation, TermDef, TermUse
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from sphinxcontrib_litreview.domain import LitDomain

#: attribute set on an episode's container, so citations know which episode holds them
EPISODE_ATTR = "lit_episode"


def _within(node: nodes.Node) -> str:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and parent.get(EPISODE_ATTR):
            return str(parent[EPISODE_ATTR])
        parent = parent.parent
    return ""


def _line(node: nodes.Node) -> int:
    while node is not None and node.line is None:
        node = node.parent
    return (node.line if node is not None else None) or 0


class _Lines:
    """The source line of each role, which docutils only gives per paragraph.

    A role's own text (from its first backtick: the same in reST and MyST) is
    looked up in its paragraph's raw source, left to right, so repeated
    citations in one paragraph each get their own line.
    """

    def __init__(self) -> None:
        self._cursors: dict[int, int] = {}

    def of(self, xref: nodes.Element) -> int:
        block = xref.parent
        while block is not None and not (isinstance(block, nodes.TextElement) and block.rawsource):
            block = block.parent
        raw = xref.rawsource
        needle = raw[raw.find("`") :] if "`" in raw else raw
        if block is None or block.line is None or not needle:
            return _line(xref)
        start = self._cursors.get(id(block), 0)
        pos = block.rawsource.find(needle, start)
        if pos < 0:
            return _line(xref)
        self._cursors[id(block)] = pos + len(needle)
        return block.line + block.rawsource.count("\n", 0, pos)


def _page_title(document: nodes.document) -> str:
    section = next(iter(document.findall(nodes.section)), None)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        return ""
    return section[0].astext()


def collect_document(domain: LitDomain, docname: str, document: nodes.document) -> None:
    citations: list[Citation] = []
    term_uses: list[TermUse] = []
    lines = _Lines()
    for xref in document.findall(addnodes.pending_xref):
        refdomain, reftype, target = xref.get("refdomain"), xref.get("reftype"), xref["reftarget"]
        if refdomain == "lit" and reftype == "ep":
            # Our own references carry their exact line, for warnings and litreview.json.
            xref.line = lines.of(xref)
            citations.append(Citation(target, docname, xref.line, _within(xref)))
            domain.note_need(docname, ("ep", target))
        elif refdomain == "lit" and reftype == "topic":
            xref.line = lines.of(xref)
            domain.note_need(docname, ("topic", target))
        elif refdomain == "std" and reftype == "term":
            key = target.lower()
            # Sphinx's own term references keep their line: its warnings stay as they were.
            term_uses.append(TermUse(key, docname, lines.of(xref), _within(xref)))
            domain.note_need(docname, ("term", key))
            if xref.children and isinstance(xref[0], nodes.Element):
                xref[0][TERM_ATTR] = key
        elif reftype in {"any", "myst"}:
            # `any` and MyST's #anchor links may land on an episode or a topic
            domain.note_need(docname, ("any", target))
    if citations:
        domain.data["citations"][docname] = citations

    if term_uses:
        domain.data["term_uses"][docname] = term_uses
    term_defs: list[TermDef] = []
    for glossary in document.findall(addnodes.glossary):
        glossary[GLOSSARY_DOC_ATTR] = docname
        domain.data["glossaries"][docname] = True
        term_defs.extend(glossary_terms(glossary, docname))
    if term_defs:
        domain.data["term_defs"][docname] = term_defs
        for term in term_defs:
            domain.note_need(docname, ("usedin", term.key))

    topics = domain.data["topics"].get(docname)
    if topics and any(not t.title for t in topics):
        page_title = _page_title(document)
        for i, topic in enumerate(topics):
            if topic.title:
                continue
            if not page_title:
                warn(
                    "metadata",
                    f"topic {topic.slug!r} has no :title: and its page has no title; "
                    "the slug is used as its title",
                    (docname, topic.lineno),
                )
            topics[i] = topic._replace(title=page_title or topic.slug)

    config = domain.env.config
    if domain.data["episodes"].get(docname) and not config.litreview_episode_pages_in_toctree:
        # Episode pages are reached through topics, lists and the episode index.
        domain.env.metadata[docname].setdefault("orphan", True)
