extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Basic MyST review"
