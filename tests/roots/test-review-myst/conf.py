project = "Review (MyST)"
extensions = ["myst_parser", "sphinxcontrib_litreview"]
html_baseurl = "https://example.org/review/"
