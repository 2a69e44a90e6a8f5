extensions = ["sphinxcontrib_litreview"]
project = "Checks"
