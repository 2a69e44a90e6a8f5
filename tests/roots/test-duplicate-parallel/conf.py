project = "Duplicate under -j 2"
extensions = ["sphinxcontrib_litreview"]
