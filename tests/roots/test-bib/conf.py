extensions = ["sphinxcontrib_litreview"]
project = "Bibliography"
litreview_bibliography = ["refs/main.bib", "refs/zotero.json", "refs/missing.bib"]
