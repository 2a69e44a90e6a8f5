extensions = ["myst_parser", "sphinxcontrib_litreview"]
exclude_patterns = ["_build", "inc-*"]
litreview_warn_unused_terms = True
