project = "Substitutions"
extensions = ["sphinxcontrib_litreview"]
