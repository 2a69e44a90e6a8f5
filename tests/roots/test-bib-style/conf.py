extensions = ["sphinxcontrib_litreview"]
project = "Styled"
litreview_bibliography = ["refs.bib"]
litreview_citation_style = "styles/short.csl"
suppress_warnings = ["litreview.orphan"]
