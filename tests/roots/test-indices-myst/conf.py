extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Index MyST review"
author = "The reviewers"
copyright = "2026, The reviewers"
version = release = "1.0"
