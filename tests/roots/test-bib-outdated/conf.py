extensions = ["sphinxcontrib_litreview"]
project = "Bibliography edits"
litreview_bibliography = ["refs.bib"]
suppress_warnings = ["litreview.orphan"]
