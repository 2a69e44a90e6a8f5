extensions = ["sphinxcontrib_litreview"]
project = "Glossary review"
