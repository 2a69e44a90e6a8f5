extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Graphs"
author = "The reviewers"
copyright = "2026, The reviewers"
version = release = "1.0"
