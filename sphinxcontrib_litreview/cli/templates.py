"""The files of a new review, rendered from the Jinja templates shipped in ``templates/``.

Like ``sphinx-quickstart``'s, the templates are package data; the filters
here escape the review's title for each place it lands (Python, Markdown,
reST), so any title gives a project that builds.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Literal

import jinja2
from docutils.utils import column_width

Syntax = Literal["myst", "rst"]
SUFFIX: dict[Syntax, str] = {"myst": ".md", "rst": ".rst"}

TEMPLATES = Path(__file__).parent / "templates"
#: the pages every review starts with: role (as the README names them) -> file name without suffix
PAGES = {
    "index": "index",
    "topics": "topics",
    "topic": "pretrained-transformers",
    "episodes": "episodes",
    "glossary": "glossary",
}

_PUNCTUATION = frozenset(string.punctuation)


def _escape(text: str) -> str:
    """Backslash-escape ASCII punctuation: both CommonMark and reST then show it as written."""
    return "".join(f"\\{ch}" if ch in _PUNCTUATION else ch for ch in text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _rst_heading(text: str, underline: str) -> str:
    escaped = _escape(text)
    return f"{escaped}\n{underline * column_width(escaped)}"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(py=repr, markdown=_escape, rst_heading=_rst_heading, comment=_one_line)
    return env


def page_names(syntax: Syntax) -> dict[str, str]:
    return {role: stem + SUFFIX[syntax] for role, stem in PAGES.items()}


def render_review(title: str, syntax: Syntax) -> dict[str, str]:
    """Every file of a new review: relative path -> text."""
    env = _environment()
    context = {"title": title, "syntax": syntax, "pages": page_names(syntax)}
    files: dict[str, str] = {}
    for folder in ("common", syntax):
        for template in sorted((TEMPLATES / folder).glob("*.jinja")):
            name = template.name.removesuffix(".jinja")
            name = ".gitignore" if name == "gitignore" else name
            files[name] = env.get_template(f"{folder}/{template.name}").render(context)
    return files
