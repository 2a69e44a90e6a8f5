extensions = ["myst_parser", "sphinxcontrib_litreview"]
project = "Glossary review"
