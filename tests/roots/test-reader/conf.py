extensions = ["sphinxcontrib_litreview"]
project = "Reader review"
author = "The reviewers"
copyright = "2026, The reviewers"
version = release = "1.0"
