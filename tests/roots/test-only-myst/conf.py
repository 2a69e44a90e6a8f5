project = "Only review"
extensions = ["myst_parser", "sphinxcontrib_litreview"]
latex_documents = [("index", "only.tex", "Only review", "Tests", "manual")]
