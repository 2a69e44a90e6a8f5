extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Joined"
litreview_bibliography = ["refs.bib", "zotero.json"]
suppress_warnings = ["litreview.orphan"]
