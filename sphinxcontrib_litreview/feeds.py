"""Atom feeds of what entered the review: ``litreview.atom`` and one ``litreview-<slug>.atom`` per topic.

Written at the end of html and dirhtml builds from the review (cheap, and so
exact after any incremental build), with the standard library's ElementTree,
which escapes every text and attribute. Entries are the episodes with
``:added:``, newest first; every date in a feed comes from ``:added:``, never
from the clock, so a feed changes only when the review does.

A feed needs absolute links, so it needs ``html_baseurl``. The single HTML
page, EPUB and the other builders write none: their pages are not the site
the base URL names.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote, urlsplit

from sphinx.util import logging

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.export import BUILDERS, topic_file, write_if_changed
from sphinxcontrib_litreview.review import ListSpec

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinxcontrib_litreview.records import Episode
    from sphinxcontrib_litreview.review import Review

logger = logging.getLogger(__name__)

FILENAME = "litreview.atom"
ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
#: the ``updated`` of a feed that has no entries yet: a fixed date, so that the file stays the same
NO_ENTRIES = "1970-01-01"
#: characters XML 1.0 does not allow, even escaped; ElementTree would write them as they are
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def topic_feed_filename(slug: str) -> str:
    return topic_file(slug, ".atom")


def _base_url(app: Sphinx) -> str:
    """``html_baseurl`` if this build writes feeds, else ""."""
    if app.builder.name not in BUILDERS or not app.config.litreview_feed:
        return ""
    return str(app.config.html_baseurl or "").strip()


def explain_missing_base_url(app: Sphinx) -> None:
    """``builder-inited``: say once why an html build writes no feed."""
    if app.builder.name in BUILDERS and app.config.litreview_feed and not _base_url(app):
        logger.info(
            "litreview: no Atom feeds: html_baseurl is not set, and a feed needs absolute links "
            "(set html_baseurl, or litreview_feed = False to silence this)"
        )


class Feed(NamedTuple):
    filename: str
    title: str
    #: the docname of the page the feed is about: the root page or the topic's page
    docname: str
    episodes: list[Episode]


def _newest(review: Review, topic: str, limit: int) -> list[Episode]:
    """The episodes with ``:added:`` (of a topic's, if *topic*), as ``:sort: -added`` orders them."""
    # the list puts the episodes without :added: last, so the first *limit* hold every one a feed takes
    return [e for e in review.select(ListSpec(topic=topic, sort="-added", limit=limit)) if e.added]


def feeds(review: Review, project: str, root_doc: str, limit: int) -> list[Feed]:
    """The review's feed, then one per topic (in slug order)."""
    result = [Feed(FILENAME, project, root_doc, _newest(review, "", limit))]
    for slug in sorted(review.topics):
        topic = review.topics[slug]
        title = topic_feed_title(project, topic.title)
        result.append(Feed(topic_feed_filename(slug), title, topic.docname, _newest(review, slug, limit)))
    return result


def topic_feed_title(project: str, topic_title: str) -> str:
    return f"{project}: {topic_title}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _NOT_XML.sub("", text)
    return element


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


class Links:
    """Absolute URLs of the pages and files of this build, as its builder names them."""

    def __init__(self, builder: Builder, base: str) -> None:
        self.builder = builder
        self.base = base

    def page(self, docname: str, anchor: str = "") -> str:
        url = posixpath.join(self.base, self.builder.get_target_uri(docname))
        return f"{url}#{anchor}" if anchor else url

    def file(self, filename: str) -> str:
        return posixpath.join(self.base, quote(filename))

    def entry_id(self, episode: Episode) -> str:
        """A ``tag:`` URI (RFC 4151) of the episode's ID: it stays when the episode moves to another page."""
        parts = urlsplit(self.base)
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        return f"tag:{parts.hostname or 'localhost'},{episode.added}:{path}{quote(episode.id, safe='')}"


def atom(feed: Feed, links: Links, author: str) -> str:
    """The feed as Atom 1.0 text."""
    root = ET.Element("feed", xmlns=ATOM)
    self_url = links.file(feed.filename)
    _text(root, "id", self_url)
    _text(root, "title", feed.title)
    _text(root, "updated", _timestamp(feed.episodes[0].added if feed.episodes else NO_ENTRIES))
    ET.SubElement(root, "link", rel="self", type=MEDIA_TYPE, href=self_url)
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=links.page(feed.docname))
    # Atom wants an author for every entry: the review's, for those with no :authors:
    _text(ET.SubElement(root, "author"), "name", author)
    for episode in feed.episodes:
        entry = ET.SubElement(root, "entry")
        _text(entry, "id", links.entry_id(episode))
        _text(entry, "title", episode.title or episode.id)
        ET.SubElement(
            entry,
            "link",
            rel="alternate",
            type="text/html",
            href=links.page(episode.docname, episode.node_id),
        )
        _text(entry, "updated", _timestamp(episode.added))
        for name in episode.authors:
            _text(ET.SubElement(entry, "author"), "name", name)
        for tag in episode.tags:
            ET.SubElement(entry, "category", term=_NOT_XML.sub("", tag))
        if episode.takeaway:
            _text(entry, "summary", episode.takeaway)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write every feed, and remove those of topics that are gone."""
    if exception is not None or app.builder.name not in BUILDERS:
        return
    outdir = Path(app.builder.outdir)
    base = _base_url(app)
    written: set[str] = set()
    if base:
        config = app.config
        links = Links(app.builder, base)
        # Sphinx's placeholder when conf.py names no author
        author = config.author if config.author not in {"", "Author name not set"} else config.project
        review = lit_domain(app.env).review
        for feed in feeds(review, config.project, config.root_doc, config.litreview_feed_limit):
            write_if_changed(outdir, feed.filename, atom(feed, links, author))
            written.add(feed.filename)
    for stale in (*outdir.glob("litreview-*.atom"), outdir / FILENAME):
        if stale.name not in written and stale.exists():
            stale.unlink()


def link_feeds(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: every page links the review's feed in its head, a topic's page also the topic's."""
    if not _base_url(app):
        return
    review = lit_domain(app.env).review
    found = [(FILENAME, app.config.project)]
    slug = review.page_topics.get(pagename)
    if slug is not None:
        found.append(
            (topic_feed_filename(slug), topic_feed_title(app.config.project, review.topics[slug].title))
        )
    pathto = context["pathto"]
    tags = "".join(
        f'<link rel="alternate" type="{MEDIA_TYPE}" href="{html.escape(pathto(quote(name), 1))}" '
        f'title="{html.escape(title)}" />\n'
        for name, title in found
    )
    context["metatags"] = context.get("metatags", "") + tags
