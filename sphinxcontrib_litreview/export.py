"""The files html builds write beside the pages, for tools outside Sphinx.

``litreview.json`` (the whole review as data), ``litreview.bib`` and
``litreview.csl.json`` (every episode as a bibliography entry) and one
``litreview-<slug>.bib`` per topic (its anchoring and cited episodes), which the
topic header links to.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from docutils import nodes
from sphinx.util.osutil import relative_uri

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.bibliography.write import bibtex, csl_item, exported
from sphinxcontrib_litreview.compat import builder_tags
from sphinxcontrib_litreview.records import Episode, natural_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.bibliography.entries import BibEntry
    from sphinxcontrib_litreview.review import Review

FILENAME = "litreview.json"
BIB_FILENAME = "litreview.bib"
CSL_FILENAME = "litreview.csl.json"
BUILDERS = ("html", "dirhtml")
#: a reference to a file in the output folder, made relative to its page once the builder is known
OUTPUT_FILE_ATTR = "lit_output_file"


def writes_exports(env: BuildEnvironment) -> bool:
    """Whether the current builder writes these files (and so whether pages may link them)."""
    tags = builder_tags(env)
    return any(tags.has(f"builder_{name}") for name in BUILDERS)


def topic_file(slug: str, suffix: str) -> str:
    """``litreview-<slug><suffix>``, the slug encoded so that any slug makes one plain file name."""
    return f"litreview-{quote(slug, safe='')}{suffix}"


def topic_bib_filename(slug: str) -> str:
    return topic_file(slug, ".bib")


def topic_episodes(review: Review, slug: str) -> list[Episode]:
    """A topic's anchoring episodes and those its page cites, in ID order."""
    topic = review.topics[slug]
    ids = set(review.anchors.get(slug, ())) | (
        review.cited_on.get(topic.docname, set()) & review.episodes.keys()
    )
    return [review.episodes[i] for i in sorted(ids, key=natural_key)]


def _relative(env: BuildEnvironment, source: str) -> str:
    """A source file as the project names it: relative to the source folder, with slashes."""
    try:
        return Path(source).relative_to(env.srcdir).as_posix()
    except ValueError:
        return source


def review_data(env: BuildEnvironment) -> dict[str, Any]:
    domain = lit_domain(env)
    review = domain.review
    episodes = {
        ep.id: {
            "title": ep.title,
            "date": ep.date,
            "authors": list(ep.authors),
            "sources": list(ep.sources),
            "topics": list(ep.topics),
            "tags": list(ep.tags),
            "takeaway": ep.takeaway,
            "venue": ep.venue,
            "key": ep.key,
            "added": ep.added,
            "docname": ep.docname,
            "source": _relative(env, ep.source),
            "line": ep.line,
        }
        for ep in (review.episodes[i] for i in review.ids_sorted)
    }
    topics = {
        slug: {
            "title": topic.title,
            "docname": topic.docname,
            "anchors": list(review.anchors.get(slug, ())),
            "cites": sorted(
                review.cited_on.get(topic.docname, set()) & review.episodes.keys(), key=natural_key
            ),
        }
        for slug, topic in sorted(review.topics.items())
    }
    citations = [
        {
            "docname": cite.docname,
            "episode": cite.episode,
            "source": _relative(env, cite.source),
            "line": cite.line,
        }
        for cite in review.citations
    ]
    return {"episodes": episodes, "topics": topics, "citations": citations}


def write_if_changed(outdir: Path, name: str, text: str) -> None:
    """Write only what changed, so that tools watching the folder see only real changes."""
    path = outdir / name
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.write_text(text, encoding="utf-8")


def write_export(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the files next to the HTML pages."""
    if exception is not None or app.builder.name not in BUILDERS:
        return
    outdir = Path(app.builder.outdir)
    env = app.env
    text = json.dumps(review_data(env), indent=1, ensure_ascii=False, sort_keys=False)
    write_if_changed(outdir, FILENAME, text + "\n")
    review = lit_domain(env).review
    entries = lit_domain(env).bibliography.entries

    def items(episodes: Iterable[Episode]) -> list[BibEntry]:
        return list(exported(episodes, entries))

    every = items(review.episodes[i] for i in review.ids_sorted)
    write_if_changed(outdir, BIB_FILENAME, bibtex(every))
    csl = json.dumps([csl_item(item) for item in every], indent=1, ensure_ascii=False)
    write_if_changed(outdir, CSL_FILENAME, csl + "\n")
    topic_files = {topic_bib_filename(slug): slug for slug in sorted(review.topics)}
    for name, slug in topic_files.items():
        write_if_changed(outdir, name, bibtex(items(topic_episodes(review, slug))))
    for stale in outdir.glob("litreview-*.bib"):  # of a topic renamed or deleted since the last build
        if stale.name not in topic_files:
            stale.unlink()


def link_output_files(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: links to files in the output folder, relative to the page that holds them."""
    if app.builder.name not in BUILDERS:
        return  # only these builders write the files, and only their pages link them
    base = app.builder.get_target_uri(docname)
    for ref in doctree.findall(nodes.reference):
        if OUTPUT_FILE_ATTR in ref:
            ref["refuri"] = relative_uri(base, quote(ref[OUTPUT_FILE_ATTR]))
