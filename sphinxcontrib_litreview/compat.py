"""Where Sphinx 8.1, 8.2 and 9 differ, the difference lives here, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sphinx
from sphinx.config import eval_config_file
from sphinx.util.tags import Tags

SPHINX_VERSION = sphinx.version_info[:2]


def read_conf_py(path: Path) -> dict[str, Any]:
    """Run a project's conf.py as Sphinx does and return its names.

    Sphinx 8.1 wants the file name as a ``str``, Sphinx 9 as a ``Path``.
    """
    filename: Any = str(path) if SPHINX_VERSION < (8, 2) else path
    return eval_config_file(filename, Tags())
