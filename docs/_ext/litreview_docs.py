"""Tables generated from the extension's own declarations.

``litreview-config-table`` lists :data:`sphinxcontrib_litreview.config.CONFIG_VALUES`
and ``litreview-warnings-table`` lists :data:`sphinxcontrib_litreview.warnings.SUBTYPES`;
``litreview-help`` shows the ``litreview`` command's own ``--help``;
so the documentation cannot drift from the code.

It also lets the README's first command build the docs on a machine with
Python alone: without graphviz's ``dot`` the example's graphs are shown as
their lists, and their ``litreview.graph`` warnings are replaced by one line
saying so (a review of one's own keeps them).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import Parser as RSTParser
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, new_document
from sphinx.util.nodes import make_id

from sphinxcontrib_litreview.cli import help_text
from sphinxcontrib_litreview.config import CONFIG_VALUES, ConfigValue
from sphinxcontrib_litreview.warnings import SUBTYPES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain


def python_literal(value: Any) -> str:
    """*value* as it would be written in ``conf.py``."""
    if isinstance(value, str) and '"' not in value:
        return f'r"{value}"' if "\\" in value else f'"{value}"'
    return repr(value)


class TableDirective(SphinxDirective):
    """Shared helpers: reST help text parsed into nodes, and the table itself."""

    has_content = False

    def parse_rst(self, text: str) -> list[nodes.Node]:
        """Parse *text* as reST, also on a MyST page.

        The help strings are reST by contract; the page's own parser would read
        them as Markdown there.
        """
        document = new_document(self.state.document["source"], self.state.document.settings)
        document.reporter = self.state.document.reporter
        RSTParser().parse(text, document)
        return list(document.children)

    def table(
        self, columns: Sequence[tuple[str, int]], rows: Sequence[Sequence[list[nodes.Node]]]
    ) -> nodes.table:
        """A table of *columns* (heading, relative width).

        The widths are given rather than guessed: LaTeX would otherwise squeeze
        the long names, and the text builder reads them as characters.
        """
        table = nodes.table(classes=["litreview-docs-table", "colwidths-given"])
        self.set_source_info(table)
        tgroup = nodes.tgroup(cols=len(columns))
        table += tgroup
        for _, width in columns:
            tgroup += nodes.colspec(colwidth=width)
        headings = (nodes.entry("", nodes.paragraph(text=heading)) for heading, _ in columns)
        tgroup += nodes.thead("", nodes.row("", *headings))
        tbody = nodes.tbody()
        for cells in rows:
            tbody += nodes.row("", *(nodes.entry("", *cell) for cell in cells))
        tgroup += tbody
        return table


class ConfigTable(TableDirective):
    """Every ``litreview_*`` value: name, default, type, description.

    Each name is a ``confval`` target, so ``:confval:`litreview_backlinks``` links to its row.
    """

    def run(self) -> list[nodes.Node]:
        rows = [self.row(value) for value in CONFIG_VALUES]
        return [self.table((("Name", 42), ("Default", 16), ("Type", 8), ("Description", 34)), rows)]

    def row(self, value: ConfigValue) -> list[list[nodes.Node]]:
        std: StandardDomain = self.env.domains.standard_domain
        node_id = make_id(self.env, self.state.document, "confval", value.name)
        # A target node, not ids on the paragraph: LaTeX writes labels for targets only.
        target = nodes.target("", "", ids=[node_id])
        self.state.document.note_explicit_target(target)
        std.note_object("confval", value.name, node_id, location=self.get_location())
        index = addnodes.index(entries=[("single", f"{value.name} (configuration value)", node_id, "", None)])
        # The index entry goes inside the paragraph: before it, LaTeX would start the cell with a blank line.
        name = nodes.paragraph("", "", index, target, nodes.literal(value.name, value.name))
        default = python_literal(value.default)
        types = " or ".join(t.__name__ for t in value.types)
        return [
            [name],
            [nodes.paragraph("", "", nodes.literal(default, default))],
            [nodes.paragraph("", "", nodes.literal(types, types))],
            self.parse_rst(value.help),
        ]


class WarningsTable(TableDirective):
    """Every warning subtype: its ``suppress_warnings`` name, when it fires, its default."""

    def run(self) -> list[nodes.Node]:
        rows: list[list[list[nodes.Node]]] = []
        for subtype, (when, default) in SUBTYPES.items():
            name = f"litreview.{subtype}"
            rows.append(
                [
                    [nodes.paragraph("", "", nodes.literal(name, name))],
                    self.parse_rst(when),
                    [nodes.paragraph(text="on" if default else "off")],
                ]
            )
        return [self.table((("Subtype", 28), ("When it fires", 62), ("Default", 10)), rows)]


class CommandHelp(SphinxDirective):
    """``litreview-help`` (the command) or ``litreview-help init`` (a subcommand): its ``--help``."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        text = help_text(self.arguments[0] if self.arguments else None).rstrip()
        block = nodes.literal_block(text, text, language="text")
        self.set_source_info(block)
        return [block]


logger = logging.getLogger(__name__)


def _without_dot(app: Sphinx) -> None:
    if shutil.which(app.config.graphviz_dot) is None:
        app.config.suppress_warnings = [*app.config.suppress_warnings, "litreview.graph"]
        logger.info(
            "graphviz's dot (%s) is not installed: the example's graphs are shown as lists "
            "(Debian: apt-get install graphviz)",
            app.config.graphviz_dot,
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _without_dot)
    app.add_directive("litreview-config-table", ConfigTable)
    app.add_directive("litreview-warnings-table", WarningsTable)
    app.add_directive("litreview-help", CommandHelp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
