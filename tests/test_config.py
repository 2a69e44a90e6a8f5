"""Configuration values: declared once, validated, documented."""

from __future__ import annotations

import re

import pytest

import sphinxcontrib_litreview
from sphinxcontrib_litreview.config import CONFIG_VALUES
from tests.helpers import body


def test_every_value_is_registered_with_its_type_and_default(built):
    app = built("minimal").app
    for value in CONFIG_VALUES:
        assert value.name in app.config
        assert app.config[value.name] == value.default
        assert value.help
        assert value.rebuild in {"env", "html", ""}


def test_setup_declares_parallel_safety_and_versions(built):
    ext = built("minimal").app.extensions["sphinxcontrib_litreview"]
    assert ext.version == sphinxcontrib_litreview.__version__
    assert ext.parallel_read_safe is True
    assert ext.parallel_write_safe is True
    assert ext.metadata["env_version"] == sphinxcontrib_litreview.ENV_VERSION


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("litreview_id_pattern", "E(", "litreview_id_pattern is not a valid regular expression"),
        ("litreview_ep_label", "{id} {nope}", "litreview_ep_label uses unknown fields nope"),
        ("litreview_ep_label", "{id", "litreview_ep_label is not a valid format string"),
        ("litreview_list_sort", "random", "litreview_list_sort must be one of id, date, -date, title"),
    ],
)
def test_a_value_that_cannot_work_warns_and_falls_back(built, name, value, message):
    result = built("minimal", confoverrides={name: value})
    config_warnings = result.warnings_of("config")
    assert len(config_warnings) == 1
    assert message in config_warnings[0]
    assert result.app.config[name] == next(v.default for v in CONFIG_VALUES if v.name == name)
    # the build goes on with the default
    assert '<span class="xref lit lit-ep">E001</span>' in body(result.html("index"))


def test_review_title_labels_the_topic_header(built):
    html = built("basic", confoverrides={"litreview_review_title": "Survey"}).html("rl")
    # (html builds link the topic's .bib after the count)
    assert re.search(r'<p class="lit-topic-header"[^>]*>Survey · 2 episodes · <a [^>]*>BibTeX</a></p>', html)
