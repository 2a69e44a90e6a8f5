"""Pictures of the review: charts and graphs drawn from its data, for HTML and the PDF.

``timeline`` draws the episode timeline as SVG and LaTeX.  The graphs go
through Sphinx's graphviz support: ``graphs`` says what a graph shows (plain
records, its view), ``dot`` writes its DOT, ``drawing`` has dot draw it for
each builder, ``render`` puts it and its text alternative on the page, and
``directives`` reads what the page asks for.
"""
