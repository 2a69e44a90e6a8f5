"""``litreview import`` and ``litreview add``: episodes with ``:key:`` from a file, a DOI or an arXiv ID."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from sphinxcontrib_litreview.bibliography.bibtex import parse_bibtex
from sphinxcontrib_litreview.cli import fetch, main
from tests.helpers import body, build, visible
from tests.test_cli import snapshot

ROOTS = Path(__file__).parent / "roots"
DATA = Path(__file__).parent / "data"

pytestmark = pytest.mark.filterwarnings(
    "ignore:'myst_parser.sphinx_ext.myst_refs.MystReferenceResolver.app' is deprecated"
)


@pytest.fixture
def review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "review"
    shutil.copytree(ROOTS / "test-cli-bib", folder)
    monkeypatch.chdir(folder)
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# -- import -----------------------------------------------------------------------------------


def test_import_appends_an_episode_for_each_entry_no_episode_uses(review, capsys):
    before = (review / "episodes.rst").read_text(encoding="utf-8")
    status, out, err = _run(capsys, "import", "refs.bib")
    assert (status, err) == (0, "")
    assert out == "E2 second2021\nE3 third2022\n"
    after = (review / "episodes.rst").read_text(encoding="utf-8")
    # the existing episode is untouched: only appended to
    assert after.startswith(before)
    assert ".. episode:: E2\n   :key: second2021\n" in after[len(before) :]
    result = build(review)
    assert result.warnings == []
    page = visible(body(result.html("episodes")))
    assert "E2 The second entry, with Ümlauts 2021 · Two, Bob; Three, Cy · A Press" in page
    assert "Written by the reviewer; never changed by an import." in page

    # again: every entry has its episode now
    status, out, err = _run(capsys, "import", "refs.bib")
    assert (status, out) == (0, "")
    assert err == "every entry of refs.bib has an episode already; nothing to import\n"
    assert (review / "episodes.rst").read_text(encoding="utf-8") == after


def test_import_dry_run_writes_nothing(review, capsys):
    files = snapshot(review)
    status, out, err = _run(capsys, "import", "refs.bib", "--dry-run")
    assert status == 0
    assert out == "E2 second2021\nE3 third2022\n"
    assert err.startswith("dry run: 2 episode(s) would be appended to ")
    assert snapshot(review) == files


def test_import_into_a_myst_page_and_from_csl_json(review, capsys):
    items = [{"id": "zot1", "type": "article-journal", "title": "From Zotero: 'quoted' # title"}]
    (review / "library.json").write_text(json.dumps(items), encoding="utf-8")
    status, out, err = _run(capsys, "import", "library.json", "--page", "notes.md")
    assert (status, out) == (0, "E2 zot1\n")
    assert err == (
        "note: library.json is not in litreview_bibliography; add it in conf.py so the build finds the entries\n"
    )
    assert "```{episode} E2\n:key: zot1\n" in (review / "notes.md").read_text(encoding="utf-8")
    conf = review / "conf.py"
    conf.write_text(conf.read_text().replace('["refs.bib"]', '["refs.bib", "library.json"]'))
    result = build(review)
    assert "E2 From Zotero: 'quoted' # title" in visible(body(result.html("notes")))


def test_import_prints_the_files_problems_and_imports_the_rest(review, capsys):
    (review / "more.bib").write_text(
        "@article{ok2024, title = {Fine}}\n\n@article{broken, title = {Unclosed\n\n@misc{after, title={After}}\n",
        encoding="utf-8",
    )
    status, out, err = _run(capsys, "import", "more.bib", "--dry-run")
    assert status == 0
    assert out.splitlines()[0] == "E2 ok2024"
    assert err.splitlines()[0].startswith("more.bib:3: warning: cannot read @article{broken")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nowhere.bib", "litreview import: error: nowhere.bib is not a file\n"),
        ("refs.txt", "litreview import: error: refs.txt is not a .bib or .json file\n"),
    ],
)
def test_import_of_what_is_no_bibliography_is_one_line_and_exit_2(review, capsys, name, message):
    files = snapshot(review)
    status, out, err = _run(capsys, "import", name)
    assert (status, out, err) == (2, "", message)
    assert snapshot(review) == files


def test_import_of_a_real_bib_file_gives_every_readable_entry_an_episode(review, capsys):
    shutil.copy(DATA / "mne-references.bib", review / "mne.bib")
    entries, _ = parse_bibtex((review / "mne.bib").read_text(encoding="utf-8"), "mne.bib")
    status, out, _ = _run(capsys, "import", "mne.bib", "--page", "mne.rst")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == len({e.key for e in entries}) > 200
    assert lines[0].startswith("E2 ")
    text = (review / "mne.rst").read_text(encoding="utf-8")
    assert text.startswith("Episodes\n========\n")
    assert text.count(".. episode:: ") == len(lines)


# -- add --------------------------------------------------------------------------------------

CSL_ITEM = {
    "type": "article-journal",
    "title": "Entropy & <b>tags</b> in RL",
    "author": [{"family": "Doe", "given": "Jane"}, {"family": "Zhang", "given": "Wei"}],
    "issued": {"date-parts": [[2024, 6, 14]]},
    "container-title": "Journal of Tests",
    "DOI": "10.5555/good",
    "URL": "https://doi.org/10.5555/good",
    "reference": [{"key": "ref1", "unstructured": "a cited work"}],
}
ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry>
    <id>http://arxiv.org/abs/2406.01234v2</id>
    <published>2024-06-03T17:59:58Z</published>
    <title>Steering   without
      training</title>
    <author><name>Ana María López</name></author>
    <author><name>Wei Zhang</name></author>
    <arxiv:doi>10.5555/arxiv.steer</arxiv:doi>
  </entry>
</feed>
"""
EMPTY_FEED = '<feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>'


class _Handler(BaseHTTPRequestHandler):
    """Answers as doi.org and arXiv's API do, for the few identifiers the tests use."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/api/query":
            ident = parse_qs(parts.query).get("id_list", [""])[0]
            answers = {"2406.01234": ATOM, "9999.99999": EMPTY_FEED, "2401.00001": "<feed><unclosed>"}
            self._send(200, answers.get(ident, EMPTY_FEED).encode(), "application/atom+xml")
            return
        if self.headers.get("Accept") != fetch.CSL_JSON:
            self._send(406, b"", "text/plain")
        elif parts.path == "/10.5555/good":
            self._send(200, json.dumps(CSL_ITEM).encode(), fetch.CSL_JSON)
        elif parts.path == "/10.5555/slow":
            time.sleep(1.5)
            self._send(200, json.dumps(CSL_ITEM).encode(), fetch.CSL_JSON)
        elif parts.path == "/10.5555/garbage":
            self._send(200, b"<html>not json</html>", "text/html")
        else:
            self._send(404, b"DOI Not Found", "text/html")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    monkeypatch.setenv("LITREVIEW_DOI_URL", url)
    monkeypatch.setenv("LITREVIEW_ARXIV_URL", f"{url}/api/query")
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    try:
        yield url
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_add_by_doi_appends_the_entry_and_an_episode(review, server, capsys):
    status, out, err = _run(capsys, "add", "--doi", "https://doi.org/10.5555/good")
    assert (status, err) == (0, "")
    assert out == "E2 doe2024entropy\n"
    entries, problems = parse_bibtex((review / "refs.bib").read_text(encoding="utf-8"), "refs.bib")
    assert problems == []
    added = entries[-1]
    assert (added.key, added.title, added.date, added.venue, added.doi) == (
        "doe2024entropy",
        "Entropy & <b>tags</b> in RL",
        "2024-06-14",
        "Journal of Tests",
        "10.5555/good",
    )
    assert ".. episode:: E2\n   :key: doe2024entropy\n" in (review / "episodes.rst").read_text(
        encoding="utf-8"
    )
    result = build(review)
    assert result.warnings == []
    html = body(result.html("episodes"))
    assert "E2 Entropy &amp; &lt;b&gt;tags&lt;/b&gt; in RL 2024-06-14 · Doe, Jane; Zhang, Wei" in visible(
        html
    )

    # the same work again: it is there already
    files = snapshot(review)
    status, out, err = _run(capsys, "add", "--doi", "10.5555/GOOD")
    assert (status, out) == (2, "")
    assert err.startswith("litreview add: error: 10.5555/GOOD is already in ")
    assert err.endswith(
        "as 'doe2024entropy' (an episode takes it with 'litreview new --key doe2024entropy'); nothing was written\n"
    )
    assert snapshot(review) == files


def test_add_by_arxiv_id_into_a_csl_json_bibliography(review, server, capsys):
    conf = review / "conf.py"
    conf.write_text(conf.read_text().replace('["refs.bib"]', '["library.json", "refs.bib"]'))
    status, out, err = _run(capsys, "add", "--arxiv", "arXiv:2406.01234", "--page", "notes.md")
    assert (status, err) == (0, "")
    assert out == "E2 lopez2024steering\n"
    (item,) = json.loads((review / "library.json").read_text(encoding="utf-8"))
    assert item["title"] == "Steering without training"
    assert item["author"][0] == {"family": "López", "given": "Ana María"}
    result = build(review)
    assert result.warnings == []
    text = visible(body(result.html("notes")))
    assert "E2 Steering without training 2024-06-03 · López, Ana María; Zhang, Wei" in text
    assert "doi:10.5555/arxiv.steer, arXiv:2406.01234v2" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doi", "10.5555/unknown"], "DOI 10.5555/unknown is unknown to {url}/10.5555/unknown (HTTP 404)"),
        (["--doi", "10.5555/slow"], "{url}/10.5555/slow did not answer within 0.5 s"),
        (["--doi", "10.5555/garbage"], "{url}/10.5555/garbage did not answer with CSL-JSON ("),
        (["--arxiv", "9999.99999"], "arXiv ID 9999.99999 is unknown to {url}/api/query"),
        (["--arxiv", "2401.00001"], "{url}/api/query did not answer with an Atom feed ("),
    ],
)
def test_add_failures_are_one_line_exit_2_and_write_nothing(review, server, capsys, args, message):
    files = snapshot(review)
    status, out, err = _run(capsys, "add", *args)
    assert (status, out) == (2, "")
    assert err.startswith("litreview add: error: " + message.format(url=server))
    assert err.endswith("nothing was written\n")
    assert err.count("\n") == 1
    assert snapshot(review) == files


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doi", "11.5555/x"], "'11.5555/x' is not a DOI (10.NNNN/…); nothing was written"),
        (
            ["--arxiv", "not-an-id"],
            "'not-an-id' is not an arXiv ID (2406.01234, hep-th/9901001); nothing was written",
        ),
    ],
)
def test_add_refuses_what_is_no_identifier_before_fetching(review, capsys, args, message):
    status, out, err = _run(capsys, "add", *args)
    assert (status, out, err) == (2, "", f"litreview add: error: {message}\n")


def test_add_offline_says_so(review, capsys, monkeypatch):
    monkeypatch.setenv("LITREVIEW_DOI_URL", "http://127.0.0.1:9")  # the discard port: nothing listens
    files = snapshot(review)
    status, out, err = _run(capsys, "add", "--doi", "10.5555/good")
    assert (status, out) == (2, "")
    assert err.startswith("litreview add: error: cannot reach http://127.0.0.1:9/10.5555/good (")
    assert snapshot(review) == files


def test_add_without_a_bibliography_file_writes_nothing(review, server, capsys):
    conf = review / "conf.py"
    conf.write_text(conf.read_text().replace('litreview_bibliography = ["refs.bib"]\n', ""))
    files = snapshot(review)
    status, _, err = _run(capsys, "add", "--doi", "10.5555/good")
    assert status == 2
    assert err == (
        "litreview add: error: litreview_bibliography in conf.py names no file to add the entry to; "
        "nothing was written\n"
    )
    assert snapshot(review) == files
