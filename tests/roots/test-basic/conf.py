extensions = ["sphinxcontrib_litreview"]
project = "Basic review"
