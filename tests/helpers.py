"""Building real Sphinx projects in tests and reading back what a user sees."""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

ANSI = re.compile(r"\x1b\[[0-9;]*m")

#: MyST-Parser 4 reports a few lines differently from 5 (see docs/install.md)
MYST4 = version("myst-parser").startswith("4.")


@dataclass
class Build:
    app: SphinxTestApp
    srcdir: Path
    outdir: Path
    status: str
    warning_text: str

    @property
    def warnings(self) -> list[str]:
        """Warning lines with the source directory cut off: ``page.rst:12: WARNING: …``."""
        prefix = str(self.srcdir) + "/"
        lines = ANSI.sub("", self.warning_text).replace(prefix, "").splitlines()
        return [line for line in lines if "WARNING" in line or "ERROR" in line]

    def warnings_of(self, subtype: str) -> list[str]:
        return [w for w in self.warnings if w.endswith(f"[litreview.{subtype}]")]

    def html(self, docname: str) -> str:
        return (self.outdir / f"{docname}.html").read_text(encoding="utf-8")

    def text(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


def build(srcdir: Path, builder: str = "html", **kwargs: Any) -> Build:
    """Build *srcdir* with *builder*; ``kwargs`` go to :class:`SphinxTestApp`."""
    kwargs.setdefault("freshenv", True)
    app = SphinxTestApp(builder, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return Build(app, srcdir, Path(app.outdir), app.status.getvalue(), app.warning.getvalue())


def rebuild(previous: Build, builder: str = "html", **kwargs: Any) -> Build:
    """An incremental build of the same source tree, reusing the pickled environment."""
    kwargs.setdefault("freshenv", False)
    return build(previous.srcdir, builder, **kwargs)


def body(html: str) -> str:
    """The main content of a page, without the theme's chrome."""
    match = re.search(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', html, re.S)
    return match.group(1) if match else html


def without_previews(html: str) -> str:
    """*html* without the page's preview data."""
    return re.sub(
        r'<script type="application/json" class="lit-previews">.*?</script>\n', "", html, flags=re.S
    )


def html_pages(result: Build) -> dict[str, str]:
    """Every HTML page of a build, by its path in the output folder."""
    return {
        path.relative_to(result.outdir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(result.outdir.rglob("*.html"))
    }


def diff_pages(got: dict[str, str], expected: dict[str, str], context: int = 2) -> str:
    """A unified diff of the pages that differ (and the names of missing ones); "" if none."""
    parts = []
    for name in sorted(got.keys() | expected.keys()):
        if name not in got or name not in expected:
            parts.append(f"{name}: only in {'the first' if name in got else 'the second'} build")
        elif got[name] != expected[name]:
            lines = difflib.unified_diff(
                expected[name].splitlines(), got[name].splitlines(), name, name, n=context, lineterm=""
            )
            parts.append("\n".join(lines))
    return "\n".join(parts)


_UPDATING = re.compile(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed, (\d+) removed")
_READING = re.compile(r"reading sources\.\.\. \[ *\d+%\] (\S+)")


def reread(result: Build) -> tuple[tuple[int, int, int], set[str]]:
    """What a (serial) build read: its (added, changed, removed) counts and the docnames read."""
    status = ANSI.sub("", result.status)
    match = _UPDATING.search(status)
    assert match, status
    added, changed, removed = (int(n) for n in match.groups())
    return (added, changed, removed), set(_READING.findall(status))


_WRITING = re.compile(r"writing output\.\.\. \[ *\d+%\] (\S+)")


def rewritten(result: Build) -> set[str]:
    """The docnames a (serial) build wrote."""
    return set(_WRITING.findall(ANSI.sub("", result.status)))


def visible(html: str) -> str:
    """What a reader sees: scripts and tags stripped, white space folded, pilcrows dropped."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    text = re.sub(r"</?(?:p|li|t[dhr]|div|h\d|d[tdl]|ul|ol|table|section)\b[^>]*>", " ", html)
    text = re.sub(r"<[^>]+>", "", text).replace("¶", "")
    return " ".join(text.split())


def section(html: str, section_id: str) -> str:
    """The HTML of the section with *section_id*, up to the next section."""
    # MyST-Parser 5 gives a labelled section the label as its id; 4 puts a <span id> inside it
    start = html.rfind("<section", 0, html.index(f' id="{section_id}"'))
    end = html.find("<section", start + 1)
    return html[start : end if end != -1 else len(html)]


def sphinx(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m sphinx`` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *args], capture_output=True, text=True, check=False, timeout=900
    )


@dataclass(frozen=True)
class InventoryEntry:
    uri: str
    display_name: str


def read_inventory(path: Path, base_uri: str) -> dict[str, dict[str, InventoryEntry]]:
    """An ``objects.inv`` read back by Sphinx's own reader: ``{"lit:episode": {"E026": entry}}``.

    Sphinx 8.1 gives each entry as a tuple, 8.2 and later as an item with attributes.
    """
    with path.open("rb") as stream:
        data = InventoryFile.load(stream, base_uri, posixpath.join)
    result: dict[str, dict[str, InventoryEntry]] = {}
    for objtype, entries in data.items():
        for name, item in entries.items():
            uri, display_name = (
                (item[2], item[3]) if isinstance(item, tuple) else (item.uri, item.display_name)
            )
            result.setdefault(objtype, {})[name] = InventoryEntry(uri, display_name)
    return result


def require_tools(*tools: str) -> None:
    """Skip a test whose programs (TeX, graphviz's dot) are missing here; under CI, which installs them, fail."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {', '.join(missing)} (.ci/run does)")
        pytest.skip(f"needs {', '.join(missing)}")
