"""Bibliography files read into plain entries: BibTeX/BibLaTeX and CSL-JSON.

:mod:`.entries` is the data, :mod:`.bibtex` and :mod:`.csljson` read one file's
text each, :mod:`.latex` turns LaTeX into text, :mod:`.load` reads the files of
``litreview_bibliography`` once per content, and :mod:`.events` wires that into
a Sphinx build.  :mod:`.join` says what an entry gives an episode, :mod:`.write`
writes episodes back out as BibTeX and CSL-JSON.  Only :mod:`.events` knows
about Sphinx.
"""
