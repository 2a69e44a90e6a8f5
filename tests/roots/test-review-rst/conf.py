project = "Review (reST)"
extensions = ["sphinxcontrib_litreview"]
