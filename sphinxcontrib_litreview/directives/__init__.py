"""Directives: each turns source text into records in the domain and nodes on the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst.states import RSTState
from sphinx.util.docutils import SphinxDirective

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.compat import directive_text
from sphinxcontrib_litreview.records import absolute

if TYPE_CHECKING:
    from sphinxcontrib_litreview.domain import LitDomain


class LitDirective(SphinxDirective):
    """Shared helpers: where the directive and each of its options stand, the domain."""

    @property
    def domain(self) -> LitDomain:
        return lit_domain(self.env)

    def option_source_info(self, name: str) -> tuple[str, int]:
        """The file and line of option *name* (an included file's own), so a bad value is reported where it is."""
        prefix = f":{name}:"
        for offset, text in enumerate(directive_text(self).splitlines()):
            if text.strip().startswith(prefix):
                return self._source_info(self.lineno + offset)
        return self._source_info(self.lineno)

    def _source_info(self, lineno: int) -> tuple[str, int]:
        source, line = self.state_machine.get_source_and_line(lineno)
        return absolute(source) or str(self.env.doc2path(self.env.docname)), line or lineno

    def get_source_info(self) -> tuple[str, int]:
        return self._source_info(self.lineno)

    @property
    def standing_in(self) -> nodes.Element:
        """The node the directive's result goes into: a section, the page, a list item, an admonition.

        reST's state knows the node it parses into; MyST's stand-in state does
        not, but its inliner is made for each directive at the node it renders into.
        """
        parent = self.state.parent if isinstance(self.state, RSTState) else self.state.inliner.parent
        return parent  # type: ignore[no-any-return]

    @property
    def location(self) -> str:
        return "{}:{}".format(*self._source_info(self.lineno))

    def option_location(self, name: str) -> str:
        return "{}:{}".format(*self.option_source_info(name))
