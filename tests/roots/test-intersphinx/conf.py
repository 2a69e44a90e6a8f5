extensions = ["sphinx.ext.intersphinx", "sphinxcontrib_litreview"]
project = "Citing project"
# The inventory is copied here by the test from a build of the `basic` review.
intersphinx_mapping = {"review": ("https://review.example/", "review-objects.inv")}
intersphinx_cache_limit = 0
