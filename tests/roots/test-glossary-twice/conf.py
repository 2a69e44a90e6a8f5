project = "Two glossaries"
extensions = ["sphinxcontrib_litreview"]
