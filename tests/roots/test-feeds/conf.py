extensions = ["sphinxcontrib_litreview"]
project = "Feeds & <friends>"
author = "Rita Reviewer"
html_baseurl = "https://example.org/review/"
