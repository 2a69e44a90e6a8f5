project = "Only review"
extensions = ["sphinxcontrib_litreview"]
latex_documents = [("index", "only.tex", "Only review", "Tests", "manual")]
