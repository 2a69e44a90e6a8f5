project = "Review (reST)"
extensions = ["sphinxcontrib_litreview"]
html_baseurl = "https://example.org/review/"
