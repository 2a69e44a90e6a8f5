extensions = ["sphinxcontrib_litreview"]
project = "Minimal"
