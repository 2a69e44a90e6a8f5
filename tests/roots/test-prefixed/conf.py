extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Prefixed"
