"""Glossary terms that explain themselves: hover text, *Used in* lines, unused terms.

Terms stay Sphinx's own (``glossary``, ``:term:``); this module only reads
them at read time and decorates the output afterwards.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.records import TermDef, absolute

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: set on a :term: reference's inner node at read time; it survives resolution
TERM_ATTR = "lit_term"
#: set on a glossary node at read time: the page it belongs to (LaTeX assembles pages)
GLOSSARY_DOC_ATTR = "lit_docname"
HOVER_LIMIT = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def hover_text(definition: str) -> str:
    """The first sentence of *definition*, cut at about 200 characters."""
    text = " ".join(definition.split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= HOVER_LIMIT:
        return first
    cut = first[: HOVER_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def definition_of(item: nodes.definition_list_item) -> nodes.definition | None:
    return next((c for c in item.children if isinstance(c, nodes.definition)), None)


def _source_lines(glossary: addnodes.glossary) -> list[str]:
    try:
        with open(glossary.source or "", encoding="utf-8") as f:
            return f.read().splitlines()
    except OSError:
        return []


def glossary_terms(glossary: addnodes.glossary, docname: str) -> list[TermDef]:
    # Sphinx gives term nodes a 0-based line (reST) or one relative to the
    # directive's content (MyST); both are at or before the real line, so the
    # real line is the next one in the source that holds the term.
    lines = _source_lines(glossary)
    search_from = 0
    terms = []
    for item in glossary.findall(nodes.definition_list_item):
        definition = definition_of(item)
        hover = hover_text(definition.astext()) if definition is not None else ""
        names = [term.astext() for term in item.findall(nodes.term)]
        for term, name in zip(item.findall(nodes.term), names, strict=True):
            start = max(search_from, term.line or 0)
            found = next(
                (i for i in range(start, len(lines)) if lines[i].strip().split(" : ")[0] == name), None
            )
            lineno = found + 1 if found is not None else (term.line or 0) + 1
            search_from = found + 1 if found is not None else search_from
            node_id = term["ids"][0] if term["ids"] else ""
            terms.append(
                TermDef(
                    name.lower(),
                    name,
                    names[0].lower(),
                    docname,
                    absolute(glossary.source),
                    lineno,
                    node_id,
                    hover,
                )
            )
    return terms


def sphinx_term_target(env: BuildEnvironment, target: str) -> tuple[str, str] | None:
    """Where Sphinx's ``:term:`` resolution sends *target*: (docname, term id), or None.

    The same two tables ``StandardDomain._resolve_term_xref`` reads, in its
    order: the exact name first (where a duplicate term's last reading wins),
    then the lower-case one.  Hover text and *Used in* follow the link itself.
    """
    std = env.domains.standard_domain
    return std.objects.get(("term", target)) or std._terms.get(target.lower())


class TermHoverTitles(SphinxPostTransform):
    """In HTML, a resolved :term: link shows the start of its definition on hover."""

    default_priority = 20  # after ReferencesResolver (10)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        review = lit_domain(self.env).review
        for inner in self.document.findall(nodes.inline):
            target = inner.get(TERM_ATTR)
            parent = inner.parent
            if target is None or not isinstance(parent, nodes.reference):
                continue
            term = review.term(target)
            if term is not None and term.hover:
                parent["reftitle"] = term.hover
