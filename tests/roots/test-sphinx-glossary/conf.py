# A project written the way Sphinx's own documentation writes its glossary,
# with no episodes at all. The test builds it with and without the extension.
project = "Plain glossary"
extensions = []
