extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Values as written"
litreview_ep_label = "{id}"
