extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Bibliography in MyST"
litreview_bibliography = ["library.json", "extra.bib"]
