"""Directives: each turns source text into records in the domain and nodes on the page."""

from __future__ import annotations

from sphinx.util.docutils import SphinxDirective


class LitDirective(SphinxDirective):
    """Shared helpers: the line an option stands on, the domain."""

    def option_line(self, name: str) -> int:
        """The source line of option *name*, so a bad value is reported where it is."""
        prefix = f":{name}:"
        for offset, text in enumerate(self.block_text.splitlines()):
            if text.strip().startswith(prefix):
                return self.lineno + offset
        return self.lineno

    @property
    def location(self) -> tuple[str, int]:
        return self.env.docname, self.lineno

    def option_location(self, name: str) -> tuple[str, int]:
        return self.env.docname, self.option_line(name)
