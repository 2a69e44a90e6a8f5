extensions = ["sphinxcontrib_litreview"]
project = "Index review"
author = "The reviewers"
copyright = "2026, The reviewers"
version = release = "1.0"
