extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Interactive lists"
html_theme = "furo"
