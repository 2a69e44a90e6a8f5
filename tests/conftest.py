"""Shared fixtures: Sphinx's own testing fixtures plus builds shared per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Build, build

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"


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
