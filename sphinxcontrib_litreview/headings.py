"""Episode headings: their level where docutils allows no section, their ID as a link in HTML.

An episode inside a list item or an admonition has a rubric for its heading;
only once the page is read is it known how deep it stands, so a transform
gives the rubric the heading level of a section at that depth.  In HTML the
ID in the heading links to the episode itself; in the PDF a link to where the
reader already is would only clutter the bookmarks.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

HEADING_CLASS = "lit-episode-heading"
ID_CLASS = "lit-episode-id"
#: on the ID in a heading: the episode's own node ID, which the link points at
ID_TARGET_ATTR = "lit_target"


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


class EpisodeIdLinks(SphinxPostTransform):
    default_priority = 20
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for inline in list(self.document.findall(nodes.inline)):
            if target := inline.get(ID_TARGET_ATTR):
                link = nodes.reference("", "", *inline.children, refid=target, classes=[ID_CLASS])
                inline.replace_self(link)
