extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Timeline review"
author = "The reviewers"
copyright = "2026, The reviewers"
version = release = "1.0"
smartquotes = False  # the topic title keeps its straight " for the escaping tests
