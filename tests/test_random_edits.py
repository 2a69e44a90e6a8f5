"""Property: after any sequence of edits, an incremental build equals a clean build.

Hypothesis writes a small review (episode pages, topic pages, a glossary, in
reST, MyST or both), then applies random edits a user makes: retitle, re-topic,
add, delete, rename and move episodes, and set or clear their ``:added:`` and ``:date:``; add,
delete, rename and retitle topics; add and remove citations and term uses (the topic map and the
topics' pictures and timelines show them); redefine terms; move an episode page's
episodes into an ``include``d file and back; join episodes to bibliography entries
by ``:key:``, and edit, add and delete those entries in the ``.bib``; build with another builder
(sharing the doctrees, as ``sphinx-build -M`` does) between two html builds.  After every edit the
incremental build's pages must equal a clean build's, and so must its warnings
when the review was clean before the edit; at the end ``-j 2`` must equal a
serial build.

Set ``LITREVIEW_HYPOTHESIS=long`` for many more and longer runs locally.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.helpers import Build, body, build, diff_pages, html_pages, rebuild

LONG = os.environ.get("LITREVIEW_HYPOTHESIS") == "long"
TERMS = ("alpha", "beta", "gamma")
WORDS = ("signal", "noise", "prior", "sample", "reward", "model", "bias", "drift")
#: bibliography keys episodes may name; k9 is never defined
KEYS = ("k1", "k2", "k3", "k9")
#: days episodes may be added on; two episodes added on one day are ordered by ID
ADDED = ("2024-12-31", "2025-01-05", "2025-02-01")
TAGS = ("t0", "t1", "t2")
#: dates episodes may have: two years, two months of one year, a year alone (no month for ``:by: month``)
DATES = ("2023-05-02", "2024-01-10", "2024-03", "2024")
#: people, each of the first two in both spellings SPEC.md allows
PEOPLE = ("Jane Doe", "Doe, Jane", "Wei Zhang", "Zhang, Wei", "Ana Lima")


@dataclass
class Episode:
    title: str
    topics: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    #: the bibliography entry it joins ("" for none): then its title comes from the entry
    key: str = ""
    #: its ``:added:`` ("" for none): the feeds and the "recently added" list show it
    added: str = ""
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    #: its ``:date:`` ("" for undated): the timelines count it in a bar or in their note
    date: str = ""


@dataclass
class Review:
    fmt: str  # rst, myst or mixed
    episodes: dict[str, Episode] = field(default_factory=dict)
    #: episode page -> the IDs on it, in order
    pages: dict[str, list[str]] = field(default_factory=dict)
    #: topic slug -> (title, cited IDs, used terms)
    topics: dict[str, tuple[str, list[str], list[str]]] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=lambda: {t: f"The {t} term. More." for t in TERMS})
    next_id: int = 1
    #: episode pages whose episodes stand in an included file, ``_inc-<page>``
    included: set[str] = field(default_factory=set)
    #: refs.bib: key -> (title, venue)
    bib: dict[str, tuple[str, str]] = field(default_factory=dict)

    def myst(self, docname: str) -> bool:
        return self.fmt == "myst" or (self.fmt == "mixed" and sum(map(ord, docname)) % 2 == 1)

    def files(self) -> dict[str, str]:
        files = {
            "conf.py": 'extensions = ["myst_parser", "sphinxcontrib_litreview"]\nproject = "R"\n'
            'exclude_patterns = ["_build", "_inc-*"]\n'
            'litreview_bibliography = ["refs.bib"]\n'
            'html_baseurl = "https://example.org/r/"\n',
            "refs.bib": "".join(
                f"@article{{{key},\n  title = {{{title}}},\n  journal = {{{venue}}},\n}}\n\n"
                for key, (title, venue) in self.bib.items()
            ),
        }
        topic_docs = [f"topic-{slug}" for slug in self.topics]
        pages = {
            "index": self._page("index", "Review", [("toctree", ["topics", "glossary", *topic_docs])]),
            "topics": self._page(
                "topics",
                "Topics",
                [
                    ("directive", "topic-index"),
                    ("tag-list", None),
                    ("added-list", None),
                    ("directive", "topic-graph"),
                    ("author-list", None),
                    ("timeline", None),
                ],
            ),
            "glossary": self._page("glossary", "Glossary", [("glossary", None)]),
        }
        for slug, (title, cites, terms) in self.topics.items():
            prose = " ".join(
                [f"Cites {self._role('ep', c, f'topic-{slug}')}." for c in cites]
                + [f"Uses {self._role('term', t, f'topic-{slug}')}." for t in terms]
            )
            pages[f"topic-{slug}"] = self._page(
                f"topic-{slug}",
                title,
                [
                    ("topic", slug),
                    ("text", prose or "No citations."),
                    ("directive", "anchoring-episodes"),
                    ("pictures", slug),
                ],
            )
        for page, ids in self.pages.items():
            if not ids:
                continue  # an empty episode page would be an ordinary page outside the toctree
            blocks: list[tuple[str, object]] = [("episode", i) for i in ids]
            if page in self.included:
                ext = "md" if self.myst(page) else "rst"
                files[f"_inc-{page}.{ext}"] = self._blocks(page, blocks)
                blocks = [("include", f"_inc-{page}.{ext}")]
            pages[page] = self._page(page, f"Episodes {page}", blocks)
        for docname, text in pages.items():
            files[f"{docname}.{'md' if self.myst(docname) else 'rst'}"] = text
        return files

    def _role(self, role: str, target: str, docname: str) -> str:
        return f"{{{role}}}`{target}`" if self.myst(docname) else f":{role}:`{target}`"

    def _page(self, docname: str, title: str, blocks: list[tuple[str, object]]) -> str:
        heading = f"# {title}\n" if self.myst(docname) else f"{title}\n{'=' * len(title)}\n"
        return heading + "\n" + self._blocks(docname, blocks)

    def _blocks(self, docname: str, blocks: list[tuple[str, object]]) -> str:
        md = self.myst(docname)
        out = []
        for kind, arg in blocks:
            if kind == "text":
                out.append(f"{arg}\n")
            elif kind == "toctree":
                entries = "\n".join(arg)  # type: ignore[arg-type]
                out.append(
                    f"```{{toctree}}\n{entries}\n```\n"
                    if md
                    else ".. toctree::\n\n" + _indent(entries) + "\n"
                )
            elif kind == "directive":
                out.append(f"```{{{arg}}}\n```\n" if md else f".. {arg}::\n")
            elif kind == "tag-list":
                out.append("```{episode-list}\n:tag: t1\n```\n" if md else ".. episode-list::\n   :tag: t1\n")
            elif kind == "added-list":
                out.append(
                    "```{episode-list}\n:sort: -added\n:limit: 3\n```\n"
                    if md
                    else ".. episode-list::\n   :sort: -added\n   :limit: 3\n"
                )
            elif kind == "pictures":
                # the topic's neighbourhood and the citations among its episodes
                out.append(
                    f"```{{topic-graph}} {arg}\n```\n\n```{{citation-graph}}\n:topic: {arg}\n```\n\n"
                    f"```{{episode-timeline}}\n:topic: {arg}\n```\n"
                    if md
                    else f".. topic-graph:: {arg}\n\n.. citation-graph::\n   :topic: {arg}\n\n"
                    f".. episode-timeline::\n   :topic: {arg}\n"
                )
            elif kind == "timeline":
                # by year for the whole review, by month for one tag
                out.append(
                    "```{episode-timeline}\n```\n\n```{episode-timeline}\n:by: month\n:tag: t1\n```\n"
                    if md
                    else ".. episode-timeline::\n\n.. episode-timeline::\n   :by: month\n   :tag: t1\n"
                )
            elif kind == "author-list":
                out.append(
                    "```{episode-list}\n:author: Jane Doe\n```\n"
                    if md
                    else ".. episode-list::\n   :author: Jane Doe\n"
                )
            elif kind == "topic":
                out.append(f"```{{topic-summary}} {arg}\n```\n" if md else f".. topic-summary:: {arg}\n")
            elif kind == "glossary":
                body = "\n".join(f"{t}\n   {d}\n" for t, d in self.definitions.items())
                out.append(
                    f"```{{glossary}}\n{body}```\n" if md else ".. glossary::\n\n" + _indent(body) + "\n"
                )
            elif kind == "episode":
                out.append(self._episode(docname, str(arg), md))
            elif kind == "include":
                out.append(f"```{{include}} {arg}\n```\n" if md else f".. include:: {arg}\n")
        return "\n".join(out)

    def _episode(self, docname: str, ep_id: str, md: bool) -> str:
        ep = self.episodes[ep_id]
        options = [f":key: {ep.key}" if ep.key else f":title: {ep.title}"]
        if ep.tags:
            options.append(f":tags: {', '.join(ep.tags)}")
        if ep.authors:
            options.append(f":authors: {'; '.join(ep.authors)}")
        if ep.topics:
            options.append(f":topics: {', '.join(ep.topics)}")
        if ep.added:
            options.append(f":added: {ep.added}")
        if ep.date:
            options.append(f":date: {ep.date}")
        text = " ".join(
            [f"Cites {self._role('ep', c, docname)}." for c in ep.cites]
            + [f"Uses {self._role('term', t, docname)}." for t in ep.terms]
        )
        if md:
            return f"```{{episode}} {ep_id}\n" + "\n".join(options) + f"\n\n{text}\n```\n"
        return f".. episode:: {ep_id}\n" + _indent("\n".join(options)) + "\n\n" + _indent(text) + "\n"


def _indent(text: str) -> str:
    return "\n".join(f"   {line}" if line else "" for line in text.splitlines())


def _write(srcdir: Path, files: dict[str, str], previous: dict[str, str]) -> None:
    """Write what changed, with a newer mtime, and delete what is gone, as an editor would."""
    for name in previous.keys() - files.keys():
        (srcdir / name).unlink()
    for name, text in files.items():
        if previous.get(name) != text:
            path = srcdir / name
            path.write_text(text, encoding="utf-8")
            stamp = max(time.time(), path.stat().st_mtime) + 2
            os.utime(path, (stamp, stamp))


def _bodies(result: Build) -> dict[str, str]:
    # Only the main content: Sphinx itself leaves the previous/next titles of
    # neighbouring pages stale in incremental builds, in any project.
    return {name: body(html) for name, html in html_pages(result).items()} | _feeds(result)


def _feeds(result: Build) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(result.outdir.glob("*.atom"))}


class EditSequence(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="litreview-edits-"))
        self.src = self.tmp / "incremental"
        self.src.mkdir()
        self.files: dict[str, str] = {}
        self.ever_written: set[str] = set()
        self.previous_clean: list[str] = []
        self.last: Build | None = None
        self.steps = 0
        #: a builder to run on the edited sources before the next html build, if any
        self.between: str = ""

    # -- the review and the edits ----------------------------------------------

    @initialize(fmt=st.sampled_from(["rst", "myst", "mixed"]), size=st.integers(2, 5), data=st.data())
    def start(self, fmt: str, size: int, data: st.DataObject) -> None:
        self.review = Review(fmt)
        self.review.topics = {"ta": ("Topic A", [], ["alpha"]), "tb": ("Topic B", [], [])}
        self.review.pages = {"ep-one": [], "ep-two": []}
        self.review.bib = {"k1": ("Entry one", "J. One"), "k2": ("Entry two", "J. Two")}
        for _ in range(size):
            self._new_episode(data, data.draw(st.sampled_from(sorted(self.review.pages))))
        self.review.episodes["E1"].key = "k1"
        self.review.episodes["E1"].authors = ["Doe, Jane"]  # the author list starts with an episode
        self._sync(first=True)

    def _new_episode(self, data: st.DataObject, page: str) -> str:
        review = self.review
        ep_id = f"E{review.next_id}"
        review.next_id += 1
        topics = data.draw(st.lists(st.sampled_from(sorted(review.topics)), max_size=2, unique=True))
        added = data.draw(st.sampled_from(["", *ADDED]))
        date = data.draw(st.sampled_from(["", *DATES]))
        review.episodes[ep_id] = Episode(
            self._title(data), topics, added=added, tags=[f"t{int(ep_id[1:]) % 2}"], date=date
        )
        review.pages[page].append(ep_id)
        cited_by = data.draw(st.sampled_from(sorted(review.topics)))
        review.topics[cited_by][1].append(ep_id)  # so that it is no orphan
        return ep_id

    def _title(self, data: st.DataObject) -> str:
        return " ".join(data.draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))).capitalize()

    def _any_episode(self, data: st.DataObject) -> str:
        return data.draw(st.sampled_from(sorted(self.review.episodes)))

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data())
    def retitle_episode(self, data: st.DataObject) -> None:
        self.review.episodes[self._any_episode(data)].title = self._title(data)

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data(), added=st.sampled_from(["", *ADDED]))
    def set_added(self, data: st.DataObject, added: str) -> None:
        self.review.episodes[self._any_episode(data)].added = added

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data(), date=st.sampled_from(["", *DATES]))
    def redate_episode(self, data: st.DataObject, date: str) -> None:
        self.review.episodes[self._any_episode(data)].date = date

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data())
    def retag_episode(self, data: st.DataObject) -> None:
        ep = self.review.episodes[self._any_episode(data)]
        ep.tags = data.draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True))

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data())
    def reauthor_episode(self, data: st.DataObject) -> None:
        ep = self.review.episodes[self._any_episode(data)]
        ep.authors = data.draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True))

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data())
    def retopic_episode(self, data: st.DataObject) -> None:
        ep = self.review.episodes[self._any_episode(data)]
        ep.topics = data.draw(
            st.lists(st.sampled_from([*self.review.topics, "nowhere"]), max_size=2, unique=True)
        )

    @rule(data=st.data())
    def add_episode(self, data: st.DataObject) -> None:
        self._new_episode(data, data.draw(st.sampled_from(sorted(self.review.pages))))

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data())
    def delete_episode(self, data: st.DataObject) -> None:
        ep_id = self._any_episode(data)
        del self.review.episodes[ep_id]
        for ids in self.review.pages.values():
            if ep_id in ids:
                ids.remove(ep_id)

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data())
    def rename_episode(self, data: st.DataObject) -> None:
        old = self._any_episode(data)
        new = f"E{self.review.next_id}"
        self.review.next_id += 1
        self.review.episodes[new] = self.review.episodes.pop(old)
        for ids in self.review.pages.values():
            if old in ids:
                ids[ids.index(old)] = new

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data())
    def move_episode(self, data: st.DataObject) -> None:
        ep_id = self._any_episode(data)
        for ids in self.review.pages.values():
            if ep_id in ids:
                ids.remove(ep_id)
        self.review.pages[data.draw(st.sampled_from(sorted(self.review.pages)))].append(ep_id)

    @rule(data=st.data())
    def add_topic(self, data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(["tc", "td", "te"]))
        if slug not in self.review.topics:
            self.review.topics[slug] = (self._title(data), [], [])

    @precondition(lambda self: len(self.review.topics) > 1)
    @rule(data=st.data())
    def delete_topic(self, data: st.DataObject) -> None:
        del self.review.topics[data.draw(st.sampled_from(sorted(self.review.topics)))]

    @rule(data=st.data())
    def rename_topic(self, data: st.DataObject) -> None:
        old = data.draw(st.sampled_from(sorted(self.review.topics)))
        new = data.draw(st.sampled_from(["ta", "tb", "tc", "td", "te"]))
        if new not in self.review.topics:
            self.review.topics[new] = self.review.topics.pop(old)

    @rule(data=st.data())
    def retitle_topic(self, data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(sorted(self.review.topics)))
        _, cites, terms = self.review.topics[slug]
        self.review.topics[slug] = (self._title(data), cites, terms)

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data(), in_topic=st.booleans())
    def add_citation(self, data: st.DataObject, in_topic: bool) -> None:
        target = data.draw(st.sampled_from([*sorted(self.review.episodes), "E999"]))
        if in_topic:
            self.review.topics[data.draw(st.sampled_from(sorted(self.review.topics)))][1].append(target)
        else:
            self.review.episodes[self._any_episode(data)].cites.append(target)

    @rule(data=st.data())
    def remove_citation(self, data: st.DataObject) -> None:
        holders = [c for _, c, _ in self.review.topics.values() if c]
        holders += [ep.cites for ep in self.review.episodes.values() if ep.cites]
        if holders:
            cites = data.draw(st.sampled_from(holders))
            cites.pop(data.draw(st.integers(0, len(cites) - 1)))

    @rule(data=st.data(), add=st.booleans())
    def term_use(self, data: st.DataObject, add: bool) -> None:
        holders = [terms for _, _, terms in self.review.topics.values()]
        holders += [ep.terms for ep in self.review.episodes.values()]
        terms = data.draw(st.sampled_from(holders))
        if add:
            terms.append(data.draw(st.sampled_from(TERMS)))
        elif terms:
            terms.pop()

    @rule(term=st.sampled_from(TERMS), data=st.data())
    def redefine_term(self, term: str, data: st.DataObject) -> None:
        self.review.definitions[term] = f"{self._title(data)}. Second sentence."

    @rule(page=st.sampled_from(["ep-one", "ep-two"]))
    def toggle_include(self, page: str) -> None:
        self.review.included ^= {page}

    @precondition(lambda self: self.review.episodes)
    @rule(data=st.data(), key=st.sampled_from(["", *KEYS]))
    def join_entry(self, data: st.DataObject, key: str) -> None:
        self.review.episodes[self._any_episode(data)].key = key

    @rule(key=st.sampled_from(KEYS[:3]), data=st.data(), delete=st.booleans())
    def edit_entry(self, key: str, data: st.DataObject, delete: bool) -> None:
        if delete:
            self.review.bib.pop(key, None)
        else:
            self.review.bib[key] = (self._title(data), data.draw(st.sampled_from(["J. One", "J. Two"])))

    @rule(builder=st.sampled_from(["latex", "text"]))
    def another_builder_first(self, builder: str) -> None:
        self.between = builder

    # -- the property --------------------------------------------------------------

    def _sync(self, first: bool = False) -> None:
        files = self.review.files()
        _write(self.src, files, self.files)
        self.files = files
        self.ever_written.update(files)
        if first:
            self.last = build(self.src)
            self.previous_clean = sorted(self.last.warnings)
            return
        if self.between and self.last is not None:
            # reads the edits into the shared environment; the html build must still show them
            rebuild(self.last, self.between)
            self.between = ""
        incremental = rebuild(self.last) if self.last is not None else build(self.src)
        clean_dir = self.tmp / f"clean-{self.steps}"
        shutil.copytree(self.src, clean_dir, ignore=shutil.ignore_patterns("_build"))
        clean = build(clean_dir)
        pages = _bodies(clean)
        shutil.rmtree(clean_dir)
        # Sphinx never deletes the output of a deleted source, nor a domain index that
        # has become empty (no episodes, tags or authors left): leave those out
        indices = {"lit-episodeindex.html", "lit-tagindex.html", "lit-authorindex.html"}
        got = {
            name: html
            for name, html in _bodies(incremental).items()
            if name in pages or not (self._deleted(name) or name in indices)
        }
        assert (diff := diff_pages(got, pages)) == "", diff
        if not self.previous_clean:
            assert sorted(incremental.warnings) == sorted(clean.warnings)
        else:
            assert set(incremental.warnings) <= set(clean.warnings)
        self.previous_clean = sorted(clean.warnings)
        self.last = incremental

    def _deleted(self, page: str) -> bool:
        """Whether *page* (an output HTML file) was written from a source that no longer exists."""
        stem = page.removesuffix(".html")
        was = any(name.rsplit(".", 1)[0] == stem for name in self.ever_written)
        return was and not any(name.rsplit(".", 1)[0] == stem for name in self.files)

    @invariant()
    def incremental_equals_clean(self) -> None:
        if self.last is None:
            return
        self.steps += 1
        if self.steps > 1:
            self._sync()

    def teardown(self) -> None:
        try:
            if self.last is not None:
                serial_dir, parallel_dir = self.tmp / "serial", self.tmp / "parallel"
                for target in (serial_dir, parallel_dir):
                    shutil.copytree(self.src, target, ignore=shutil.ignore_patterns("_build"))
                serial, parallel = build(serial_dir), build(parallel_dir, parallel=2)
                got, expected = html_pages(parallel) | _feeds(parallel), html_pages(serial) | _feeds(serial)
                assert (diff := diff_pages(got, expected)) == "", diff
                assert sorted(parallel.warnings) == sorted(serial.warnings)
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


EditSequence.TestCase.settings = settings(
    max_examples=60 if LONG else 4,
    stateful_step_count=12 if LONG else 4,
    deadline=None,
    # Every step builds twice; shrinking a failure can take many minutes, so CI reports
    # the failing sequence as found, and the long local mode shrinks it.
    phases=list(Phase) if LONG else [Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
test_random_edit_sequences = EditSequence.TestCase
