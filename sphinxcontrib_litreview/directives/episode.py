"""The ``episode`` directive: one reviewed paper or talk."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import takewhile
from typing import TYPE_CHECKING, ClassVar, TypeVar
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.nodes import make_id

from sphinxcontrib_litreview.bibliography import join
from sphinxcontrib_litreview.bibliography.write import csl_item, exported
from sphinxcontrib_litreview.checks import did_you_mean
from sphinxcontrib_litreview.collect import EPISODE_ATTR
from sphinxcontrib_litreview.compat import directive_text
from sphinxcontrib_litreview.directives import LitDirective
from sphinxcontrib_litreview.headings import HEADING_CLASS, ID_CLASS, ID_TARGET_ATTR
from sphinxcontrib_litreview.i18n import _
from sphinxcontrib_litreview.indices.links import term_xref
from sphinxcontrib_litreview.nodes import lit_backlinks
from sphinxcontrib_litreview.people import has_word
from sphinxcontrib_litreview.records import Episode, Need
from sphinxcontrib_litreview.references import formatted, reference_nodes
from sphinxcontrib_litreview.roles import topic_xref
from sphinxcontrib_litreview.values import (
    arxiv_url,
    authors_separator,
    build_day,
    check_ascii_id,
    check_date,
    check_day,
    check_not_future,
    check_url,
    doi_of,
    doi_url,
    shown,
    split_list,
    split_sources,
)
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from sphinxcontrib_litreview.bibliography.entries import BibEntry

OPTIONS = (
    "title",
    "date",
    "authors",
    "venue",
    "source",
    "doi",
    "arxiv",
    "key",
    "topics",
    "tags",
    "takeaway",
    "added",
)


def _source_label(url: str) -> str:
    """Short link text: ``doi:…`` and ``arXiv:…`` for those, else the host name."""
    if (doi := doi_of(url)) is not None:
        return f"doi:{doi}"
    parts = urlsplit(url)
    host = (parts.hostname or url).removeprefix("www.")
    if host == "arxiv.org" and parts.path.startswith("/abs/"):
        return f"arXiv:{parts.path.removeprefix('/abs/')}"
    return host


def _source_labels(urls: tuple[str, ...]) -> list[str]:
    """Link texts for an episode's sources; two on one host are told apart by their paths."""
    hosts = [_source_label(url) for url in urls]
    labels = list(hosts)
    for i, url in enumerate(urls):
        if hosts.count(hosts[i]) > 1:
            parts = urlsplit(url)
            path = (parts.path.rstrip("/") or "/") + (f"?{parts.query}" if parts.query else "")
            labels[i] = hosts[i] + (path if len(path) <= 40 else path[:39] + "…")
    return labels


Written = TypeVar("Written", bound=nodes.Element)


def _as_written(node: Written) -> Written:
    """Keep Sphinx's smart quotes off *node*: option values are shown as written.

    Lists, hover text and litreview.json are made after smart quotes ran, so an
    educated heading would differ from them, and ``10.1234/a--b`` is not a dash.
    """
    node["support_smartquotes"] = False
    return node


class EpisodeDirective(LitDirective):
    """``.. episode:: E026`` with metadata options and a free-form body."""

    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = dict.fromkeys(OPTIONS, directives.unchanged)

    def run(self) -> list[nodes.Node]:
        domain = self.domain
        docname = self.env.docname
        ep_id = self.arguments[0].strip() if self.arguments else ""
        #: whether the episode becomes a target: not without an ID, nor with one that is not ASCII
        citable = bool(ep_id)
        if not ep_id:
            warn("metadata", "episode has no ID; it cannot be cited or listed", self.location)
        elif problem := check_ascii_id(ep_id):
            warn("id", f"episode ID {shown(ep_id)} {problem}; it cannot be cited or listed", self.location)
            citable = False
        elif not re.fullmatch(self.config.litreview_id_pattern, ep_id):
            warn(
                "id",
                f"episode ID {shown(ep_id)} does not match litreview_id_pattern "
                f"{self.config.litreview_id_pattern!r}",
                self.location,
            )
        record = self._record(ep_id, docname, citable)

        # At section level the episode is a section of its own: a heading with a
        # permalink, in the page's table of contents and the PDF's bookmarks.
        # Elsewhere (a list item, an admonition) docutils allows no section;
        # an episode that cannot be cited has no ID for a section to carry.
        as_section = citable and isinstance(self.standing_in, (nodes.section, nodes.document))
        container: nodes.Element = (
            nodes.section(classes=["lit-episode"]) if as_section else nodes.container(classes=["lit-episode"])
        )
        self.set_source_info(container)
        result: list[nodes.Node] = []
        if citable:
            container[EPISODE_ATTR] = ep_id
            if as_section:
                container["ids"].append(record.node_id)
                self.state.document.note_explicit_target(container)
            else:
                target = nodes.target("", "", ids=[record.node_id])
                self.state.document.note_explicit_target(target)
                container += target
            result.append(
                addnodes.index(entries=[("single", f"{ep_id} (episode)", record.node_id, "", None)])
            )
            domain.note_episode(record)
        container += self._heading(record, as_section)
        meta = self._metadata(record)
        if meta is not None:
            container += meta
        if record.takeaway:
            takeaway = _as_written(nodes.paragraph("", "", classes=["lit-episode-takeaway"]))
            label = _("Takeaway:")
            takeaway += nodes.strong(label, label)
            takeaway += nodes.Text(" ")
            takeaway += nodes.Text(record.takeaway)
            container += takeaway
        reference = self._reference(record)
        if reference is not None:
            container += reference
        container += self.parse_content_to_nodes()
        if citable and self.config.litreview_backlinks:
            container += lit_backlinks(episode=ep_id, docname=docname)
            domain.note_need(docname, Need("citedby", ep_id))
        result.append(container)
        return result

    def _entry(self, ep_id: str, docname: str) -> tuple[str, BibEntry | None]:
        """The ``:key:`` and the bibliography entry it names (``None``, with a warning, if none does)."""
        key = self.options.get("key", "").strip()
        if not key:
            return "", None
        entry = self.domain.bib_entry(docname, key)
        if entry is None:
            known = sorted(self.domain.bibliography.entries)
            hint = did_you_mean(key, known) if known else "; litreview_bibliography names no file that has it"
            warn(
                "bib",
                f"episode {ep_id or '(no ID)'}: unknown bibliography key {shown(key)}{hint}",
                self.option_location("key"),
            )
        return key, entry

    def _where(self, name: str) -> str:
        """Where option *name* stands; a value the entry supplied is reported at ``:key:``."""
        return "{}:{}".format(*self._source_info_of(name))

    def _record(self, ep_id: str, docname: str, citable: bool) -> Episode:
        key, entry = self._entry(ep_id, docname)
        #: the entry joined, for the formatted reference (its people keep their parts)
        self._joined = entry
        supplied = join.supplied(entry, self.options) if entry is not None else {}
        #: the options the entry supplied, for the location and wording of their warnings
        self._from_entry = set(supplied)
        opts = {**self.options, **supplied}
        title = " ".join(opts.get("title", "").split())
        if not self.options and (cause := self._unread_options()):
            warn(
                "metadata",
                f"episode {ep_id or '(no ID)'}: none of its options were read: {cause}",
                self.location,
            )
        elif not title and not (key and entry is None):  # an unknown key has said why already
            missing = f" and entry {key!r} has none" if entry is not None else ""
            warn("metadata", f"episode {ep_id or '(no ID)'} has no :title:{missing}", self.location)
        date = opts.get("date", "").strip()
        if date and (problem := check_date(date)):
            warn(
                "metadata",
                f"episode {ep_id}: :date: {shown(date)} {problem}{self._of('date')}",
                self._where("date"),
            )
            date = ""
        added = self._added(ep_id)
        sources: list[str] = []
        #: where each source was written, so linkcheck reports the right line
        self._source_lines: dict[str, tuple[str, int]] = {}
        for url in split_sources(opts.get("source")):
            if problem := check_url(url):
                warn(
                    "metadata",
                    f"episode {ep_id}: :source: {shown(url)} {problem}{self._of('source')}; it is left out",
                    self._where("source"),
                )
            else:
                sources.append(url)
                self._source_lines[url] = self._source_info_of("source")
        for option, convert in (("doi", doi_url), ("arxiv", arxiv_url)):
            value = opts.get(option, "").strip()
            if not value:
                continue
            converted = convert(value)
            if converted is None:
                warn(
                    "metadata",
                    f"episode {ep_id}: :{option}: {shown(value)} is not a valid {option} identifier"
                    + self._of(option),
                    self._where(option),
                )
            elif converted not in sources:
                sources.append(converted)
                self._source_lines[converted] = self._source_info_of(option)
        node_id = make_id(self.env, self.state.document, "episode", ep_id) if citable else ""
        source, line = self.get_source_info()
        authors = (
            join.authors(entry)
            if entry is not None and not opts.get("authors", "").strip()
            else split_list(opts.get("authors"), ";")
        )
        tags = split_list(opts.get("tags"), ",")
        for option, values, what, index in (
            ("authors", authors, "author", "Author index"),
            ("tags", tags, "tag", "Tag index"),
        ):
            for value in values:
                if not has_word(value):
                    warn(
                        "metadata",
                        f"episode {ep_id or '(no ID)'}: {what} {shown(value)} has no letter or digit; "
                        f"it is left out of the {index}{self._of(option)}",
                        self._where(option),
                    )
        return Episode(
            id=ep_id,
            docname=docname,
            source=source or "",
            line=line or self.lineno,
            node_id=node_id,
            title=title,
            date=date,
            authors=authors,
            sources=tuple(sources),
            topics=split_list(opts.get("topics"), ","),
            tags=tags,
            takeaway=" ".join(opts.get("takeaway", "").split()),
            venue=" ".join(opts.get("venue", "").split()),
            key=key,
            added=added,
        )

    def _added(self, ep_id: str) -> str:
        """``:added:`` if it names a real day ("" with a warning if not); a day to come is kept, with a warning."""
        added = str(self.options.get("added", "")).strip()
        if not added:
            return ""
        if problem := check_day(added):
            warn(
                "metadata",
                f"episode {ep_id}: :added: {shown(added)} {problem}",
                self.option_location("added"),
            )
            return ""
        if problem := check_not_future(added, build_day()):
            warn(
                "metadata",
                f"episode {ep_id}: :added: {shown(added)} {problem}",
                self.option_location("added"),
            )
        return added

    def _reference(self, ep: Episode) -> nodes.paragraph | None:
        """The episode's reference in ``litreview_citation_style``, from the record the page shows."""
        domain = self.domain
        style = domain.citation_style
        if style is None or not ep.title:
            return None
        entries = {ep.key: self._joined} if self._joined is not None else {}
        item = csl_item(next(exported([ep], entries)))
        if domain.citation_style_file:
            self.env.note_dependency(domain.citation_style_file)
        try:
            text = formatted(style, item)
        except Exception as exc:  # citeproc-py fails in many ways on odd data; never lose the page for it
            warn(
                "metadata",
                f"episode {ep.id}: its reference cannot be formatted in litreview_citation_style "
                f"({type(exc).__name__}: {exc}); it is left out",
                self.location,
            )
            return None
        para = _as_written(nodes.paragraph("", "", *reference_nodes(text), classes=["lit-episode-reference"]))
        self.set_source_info(para)
        return para

    def _of(self, name: str) -> str:
        """`` (from entry 'k')`` after a value the entry supplied, so the message says where it came from."""
        return f" (from entry {self.options['key'].strip()!r})" if name in self._from_entry else ""

    def _source_info_of(self, name: str) -> tuple[str, int]:
        return self.option_source_info("key" if name in self._from_entry else name)

    def _unread_options(self) -> str:
        """Why the option lines under the directive were not read as options, or "" if there are none.

        MyST reads an option block like YAML and, when a value starts with a quote
        (``:title: "Quoted" rest``), drops every option with only its own
        ``myst.directive_option`` warning; reST takes option lines after a blank
        line as body text. Either way the episode would only say it has no title.
        """
        lines = directive_text(self).splitlines()
        myst = bool(lines) and lines[0].lstrip().startswith(("```", "~~~", ":::"))
        body = [line.strip() for line in lines[1:] if line.strip()]
        # the ":title: …" lines right under the directive, or the keys of a MyST block between --- lines
        block = (
            [f":{line}" for line in takewhile(lambda line: not line.startswith("---"), body[1:])]
            if body and body[0].startswith("---")
            else list(takewhile(lambda line: line.startswith(":"), body))
        )
        named = any(re.match(rf":(?:{'|'.join(OPTIONS)}):", line) for line in block)
        if not named:
            return ""
        if myst:
            return (
                "MyST reads the option block as YAML and could not parse it (see its "
                "myst.directive_option warning); a value that starts with a quote, | or > must "
                "be quoted whole, as in :title: '\"Quoted\" rest'"
            )
        return "options must follow the directive's first line, with no blank line between"

    def _heading(self, ep: Episode, as_section: bool) -> nodes.Element:
        """The ID and the title, as a section title or a rubric.

        In HTML the ID becomes a link to the episode itself (:mod:`.headings`).

        A rubric gets its ``heading-level`` once the page is read (:mod:`.headings`).
        """
        heading: nodes.Element = nodes.title() if as_section else nodes.rubric(classes=[HEADING_CLASS])
        _as_written(heading)
        self.set_source_info(heading)
        if ep.id:
            heading += nodes.inline(ep.id, ep.id, classes=[ID_CLASS], **{ID_TARGET_ATTR: ep.node_id})
        if ep.id and ep.title:
            heading += nodes.Text(" ")
        if ep.title:
            heading += nodes.inline(ep.title, ep.title, classes=["lit-episode-title"])
        return heading

    def _linked(
        self, reftype: str, names: tuple[str, ...], separator: str, shown_as: Callable[[str], nodes.Node]
    ) -> list[nodes.Node]:
        """Each name linked to its index entry (a name of punctuation alone has none)."""
        items: list[nodes.Node] = []
        for i, name in enumerate(names):
            if i:
                items.append(nodes.Text(separator))
            node = shown_as(name)
            items.append(term_xref(reftype, name, self.env.docname, node) if has_word(name) else node)
        return items

    def _metadata(self, ep: Episode) -> nodes.paragraph | None:
        parts: list[list[nodes.Node]] = []
        if ep.date:
            parts.append([nodes.inline(ep.date, ep.date, classes=["lit-date"])])
        if ep.authors:
            people = self._linked(
                "author",
                ep.authors,
                authors_separator(ep.authors),
                lambda name: nodes.inline(name, name, classes=["lit-author"]),
            )
            parts.append([nodes.inline("", "", *people, classes=["lit-authors"])])
        if ep.venue:
            parts.append([nodes.inline(ep.venue, ep.venue, classes=["lit-venue"])])
        if ep.sources:
            links: list[nodes.Node] = []
            for url, label in zip(ep.sources, _source_labels(ep.sources), strict=True):
                if links:
                    links.append(nodes.Text(", "))
                ref = nodes.reference(label, label, refuri=url)
                self.set_source_info(ref)
                if url in self._source_lines:
                    ref.source, ref.line = self._source_lines[url]
                links.append(ref)
            parts.append([nodes.inline("", "", *links, classes=["lit-sources"])])
        if ep.topics:
            items: list[nodes.Node] = [nodes.Text(_("Topics:") + " ")]
            for i, slug in enumerate(ep.topics):
                if i:
                    items.append(nodes.Text(", "))
                xref = topic_xref(slug, self.env.docname, warn=True)
                xref.source, xref.line = self.option_source_info("topics")
                items.append(xref)
            parts.append([nodes.inline("", "", *items, classes=["lit-topics"])])
        if ep.tags:
            items = [nodes.Text(_("Tags:") + " ")]
            items += self._linked(
                "tag", ep.tags, ", ", lambda tag: nodes.literal(tag, tag, classes=["lit-tag"])
            )
            parts.append([nodes.inline("", "", *items, classes=["lit-tags"])])
        if not parts:
            return None
        meta = _as_written(nodes.paragraph("", "", classes=["lit-episode-meta"]))
        self.set_source_info(meta)
        for i, part in enumerate(parts):
            if i:
                meta += nodes.Text(" · ")
            meta.extend(part)
        return meta
