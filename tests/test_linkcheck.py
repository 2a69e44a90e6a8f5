"""linkcheck sees every episode source, with its file and line, against a local server."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from tests.helpers import build

CONF = 'extensions = ["myst_parser", "sphinxcontrib_litreview"]\nproject = "Links"\nlinkcheck_timeout = 5\n'

RST = """\
Links
=====

Cites :ep:`E1` and :ep:`E2`.

.. episode:: E1
   :title: Served
   :source: {base}/ok.html

.. episode:: E2
   :title: Two sources
   :date: 2025
   :source: {base}/ok.html#x, {base}/missing.html
"""

MYST = """\
# Markdown links

Cites {{ep}}`E3`.

```{{episode}} E3
:title: From MyST
:source: {base}/gone.html
```
"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "www"
    root.mkdir()
    (root / "ok.html").write_text("<html><body><p id='x'>ok</p></body></html>")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_linkcheck_checks_every_source_at_its_line(tmp_path, server):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF)
    (src / "index.rst").write_text(RST.format(base=server) + "\n.. toctree::\n\n   more\n")
    (src / "more.md").write_text(MYST.format(base=server))

    result = build(src, "linkcheck")

    rows = [json.loads(line) for line in result.text("output.json").splitlines()]
    found = {(r["filename"], r["lineno"], r["uri"]): r["status"] for r in rows}
    assert found == {
        ("index.rst", 8, f"{server}/ok.html"): "working",
        ("index.rst", 13, f"{server}/ok.html#x"): "working",
        ("index.rst", 13, f"{server}/missing.html"): "broken",
        ("more.md", 7, f"{server}/gone.html"): "broken",
    }
    report = result.text("output.txt")
    assert f"index.rst:13: [broken] {server}/missing.html: 404" in report
    assert f"more.md:7: [broken] {server}/gone.html: 404" in report
