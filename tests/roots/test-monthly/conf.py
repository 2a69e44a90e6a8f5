extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Monthly review"
author = "The reviewers"
copyright = "2026, The reviewers"
version = release = "1.0"
