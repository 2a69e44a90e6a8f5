project = "Review (MyST)"
extensions = ["myst_parser", "sphinxcontrib_litreview"]
