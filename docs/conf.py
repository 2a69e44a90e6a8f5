"""Sphinx configuration of the sphinxcontrib-litreview documentation."""

import sys
from pathlib import Path

from sphinxcontrib_litreview import __version__

# docs/_ext/litreview_docs.py: the tables generated from the extension's own declarations
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinxcontrib-litreview"
author = "sphinxcontrib-litreview developers"
copyright = "2026, sphinxcontrib-litreview developers"
release = version = __version__

extensions = ["myst_parser", "sphinxcontrib_litreview", "litreview_docs"]

litreview_warn_unused_terms = True
# The example review takes the metadata of some episodes from a Better BibTeX export,
# and shows each episode's reference in APA style.
litreview_bibliography = ["example/references.bib"]
litreview_citation_style = "apa"

myst_enable_extensions = ["colon_fence", "deflist"]

html_theme = "furo"
html_title = "sphinxcontrib-litreview"

exclude_patterns = ["_build"]

# The example review's DOIs and arXiv IDs are invented: there is nothing to check.
linkcheck_ignore = [r"https://doi\.org/10\.5555/", r"https://arxiv\.org/abs/"]
