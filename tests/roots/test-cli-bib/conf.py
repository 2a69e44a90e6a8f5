extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Imported"
litreview_bibliography = ["refs.bib"]
suppress_warnings = ["litreview.orphan"]
