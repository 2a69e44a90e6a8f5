"""Episode headings that stand where docutils allows no section.

An episode inside a list item or an admonition has a rubric for its heading;
only once the page is read is it known how deep it stands, so this transform
gives the rubric the heading level of a section at that depth.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

HEADING_CLASS = "lit-episode-heading"


def _depth(node: nodes.Node) -> int:
    depth, parent = 0, node.parent
    while parent is not None:
        depth += isinstance(parent, nodes.section)
        parent = parent.parent
    return depth


class EpisodeHeadingLevels(SphinxTransform):
    default_priority = 880  # late in reading; nothing moves sections after it

    def apply(self, **kwargs: Any) -> None:
        for rubric in self.document.findall(nodes.rubric):
            if HEADING_CLASS in rubric["classes"]:
                rubric["heading-level"] = min(_depth(rubric) + 1, 6)
