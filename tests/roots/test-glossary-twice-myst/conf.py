project = "Two glossaries"
extensions = ["myst_parser", "sphinxcontrib_litreview"]
