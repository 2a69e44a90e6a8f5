"""What the domain learns from a document once it is read (``process_doc``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.conditions import enclosing, in_substitution_definition
from sphinxcontrib_litreview.glossary import GLOSSARY_DOC_ATTR, TERM_ATTR, glossary_terms
from sphinxcontrib_litreview.records import (
    Citation,
    Episode,
    Need,
    TermDef,
    TermUse,
    Topic,
    absolute,
    location,
)
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: attribute set on an episode's container, so citations know which episode holds them
EPISODE_ATTR = "lit_episode"


class Collected(NamedTuple):
    """A page's citations, term uses and definitions, and what they make it display."""

    citations: list[Citation]
    term_uses: list[TermUse]
    term_defs: list[TermDef]
    has_glossary: bool
    needs: list[Need]
    #: the page's topics, with the page title filled in where they have no :title:
    topics: list[Topic]
    #: the page's episodes, each with the ``only`` condition it stands in
    episodes: list[Episode]


def _within(node: nodes.Node) -> str:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and parent.get(EPISODE_ATTR):
            return str(parent[EPISODE_ATTR])
        parent = parent.parent
    return ""


def _source_and_line(node: nodes.Node | None) -> tuple[str, int]:
    """The nearest file and line docutils knows for *node*, looking up its ancestors."""
    source, line = "", 0
    while node is not None and not (source and line):
        source = source or node.source or ""
        line = line or node.line or 0
        node = node.parent
    return absolute(source), line


class _Lines:
    """The source line of each role, which docutils only gives per paragraph.

    A role's own text (from its first backtick: the same in reST and MyST) is
    looked up in its paragraph's raw source, left to right, so repeated
    citations in one paragraph each get their own line.  A role that came
    from a substitution is found by the ``|name|`` that brought it.
    """

    def __init__(self, substitutions: dict[str, list[str]]) -> None:
        self._cursors: dict[int, int] = {}
        #: a role's text -> the substitutions whose definitions hold it
        self._substitutions = substitutions

    def of(self, xref: nodes.Element) -> tuple[str, int]:
        block = xref.parent
        while block is not None and not (isinstance(block, nodes.TextElement) and block.rawsource):
            block = block.parent
        raw = xref.rawsource
        needle = raw[raw.find("`") :] if "`" in raw else raw
        if block is None or block.line is None or not needle:
            return _source_and_line(xref)
        start = self._cursors.get(id(block), 0)
        found = [
            (pos, len(text))
            for text in (needle, *(f"|{name}|" for name in self._substitutions.get(needle, ())))
            if (pos := block.rawsource.find(text, start)) >= 0
        ]
        if not found:
            return _source_and_line(xref)
        pos, length = min(found)
        self._cursors[id(block)] = pos + length
        source = absolute(block.source) or _source_and_line(block)[0]
        return source, block.line + block.rawsource.count("\n", 0, pos)


def _substitutions(document: nodes.document) -> dict[str, list[str]]:
    """The roles each substitution definition holds, by their text."""
    holding: dict[str, list[str]] = {}
    for name, definition in document.substitution_defs.items():
        for xref in definition.findall(addnodes.pending_xref):
            raw = xref.rawsource
            holding.setdefault(raw[raw.find("`") :] if "`" in raw else raw, []).append(name)
    return holding


def _page_title(document: nodes.document) -> str:
    section = next(iter(document.findall(nodes.section)), None)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        return ""
    return section[0].astext()


def collect_document(
    env: BuildEnvironment,
    docname: str,
    document: nodes.document,
    topics: list[Topic],
    episodes: list[Episode],
) -> Collected:
    citations: list[Citation] = []
    term_uses: list[TermUse] = []
    needs: list[Need] = []
    lines = _Lines(_substitutions(document))
    for xref in document.findall(addnodes.pending_xref):
        if in_substitution_definition(xref):
            # Not shown there: docutils copied it to every place the substitution is used.
            continue
        refdomain, reftype, target = xref.get("refdomain"), xref.get("reftype"), xref["reftarget"]
        if refdomain == "lit" and reftype == "ep":
            # Our own references carry their exact place, for warnings and litreview.json.
            xref.source, xref.line = lines.of(xref)
            citations.append(
                Citation(target, docname, xref.source, xref.line, _within(xref), enclosing(xref))
            )
            needs.append(Need("ep", target))
        elif refdomain == "lit" and reftype == "topic":
            xref.source, xref.line = lines.of(xref)
            needs.append(Need("topic", target))
        elif refdomain == "lit" and reftype in {"tag", "author"}:
            needs.append(Need(reftype, target))
        elif refdomain == "std" and reftype == "term":
            key = target.lower()
            # Sphinx's own term references keep their line: its warnings stay as they were.
            source, line = lines.of(xref)
            term_uses.append(TermUse(key, docname, source, line, _within(xref), target, enclosing(xref)))
            needs.append(Need("term", target))
            if xref.children and isinstance(xref[0], nodes.Element):
                xref[0][TERM_ATTR] = target
        elif reftype == "any":
            # may land on an episode or a topic (MyST's #anchor links: see CollectAnchorLinks)
            needs.append(Need("any", target))

    term_defs: list[TermDef] = []
    has_glossary = False
    for glossary in document.findall(addnodes.glossary):
        glossary[GLOSSARY_DOC_ATTR] = docname
        has_glossary = True
        only = enclosing(glossary)
        term_defs.extend(term._replace(only=only) for term in glossary_terms(glossary, docname))
    needs.extend(Need("usedin", term.node_id) for term in term_defs)
    titled = _titled(topics, _page_title(document))
    return Collected(
        citations,
        term_uses,
        term_defs,
        has_glossary,
        needs,
        _with_conditions(titled, document),
        _with_conditions(episodes, document),
    )


Placed = TypeVar("Placed", Episode, Topic)


def _with_conditions(records: list[Placed], document: nodes.document) -> list[Placed]:
    """Records made by their directives, stamped with the ``only`` their target stands in."""
    return [r._replace(only=enclosing(document.ids.get(r.node_id))) for r in records]


def _titled(topics: list[Topic], page_title: str) -> list[Topic]:
    """Topics without a :title: take the page's title."""
    titled = []
    for topic in topics:
        if not topic.title:
            if not page_title:
                warn(
                    "metadata",
                    f"topic {topic.slug!r} has no :title: and its page has no title; "
                    "the slug is used as its title",
                    location(topic),
                )
            topic = topic._replace(title=page_title or topic.slug)
        titled.append(topic)
    return titled


class CollectAnchorLinks(SphinxTransform):
    """MyST's ``[text](#E1)`` links may land on an episode or a topic, like ``:any:``.

    myst-parser makes them references only after ``process_doc`` has run.
    """

    default_priority = 880  # after myst-parser's ResolveAnchorIds (879)

    def apply(self, **kwargs: Any) -> None:
        domain = lit_domain(self.env)
        for xref in self.document.findall(addnodes.pending_xref):
            if xref.get("reftype") == "myst":
                domain.note_need(self.env.docname, Need("any", xref["reftarget"]))
