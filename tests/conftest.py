"""Shared fixtures: Sphinx's own testing fixtures plus builds shared per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.helpers import Build, build, require_tools, sphinx

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"

# Sphinx colours its output whenever CI=true; the tests read the plain text that users' logs hold.
os.environ["NO_COLOR"] = "1"

# CI replays the same examples every run, so a red CI is always reproducible;
# locally every run explores new ones.
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Build]:
    """Build a test root once per session and share the result between tests that only read it.

    ``built("basic")``, ``built("basic", "latex")``, ``built("basic", confoverrides={...})``.
    """
    cache: dict[str, Build] = {}

    def get(root: str, builder: str = "html", **kwargs: Any) -> Build:
        key = repr((root, builder, sorted(kwargs.items())))
        if key not in cache:
            srcdir = tmp_path_factory.mktemp(f"{root}-{builder}")
            shutil.copytree(ROOTS / f"test-{root}", srcdir, dirs_exist_ok=True)
            cache[key] = build(srcdir, builder, **kwargs)
        return cache[key]

    return get


DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture(scope="session")
def docs_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of docs/, so that builds never write into the working tree."""
    src = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    return src


@pytest.fixture(scope="session")
def docs_html(docs_src: Path) -> Path:
    """The README's first command: the example review and docs, -W -n, html with furo."""
    out = docs_src.parent / "html"
    proc = sphinx("-W", "-n", "-q", "-b", "html", str(docs_src), str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return out


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.needs_dot``: a test whose pictures must really be drawn by graphviz's dot."""
    if item.get_closest_marker("needs_dot") is not None:
        require_tools("dot")
