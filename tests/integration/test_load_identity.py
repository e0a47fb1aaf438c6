"""A local file's identity is its path: an edited `.txt` (or `.json` without a URL) loaded again replaces
its earlier version — one article, each tie supported once — instead of a second article beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from graph_schema.model import Relation
from loaders.write.ids import tie_key
from service.cli import app
from service.settings import Settings
from tests.factories import query, tie
from tests.integration.test_cli_load import real_runner, runner  # noqa: F401  (fixtures)

pytestmark = pytest.mark.usefixtures("schema_applied")

FIRST = "Sergei Shoigu met Min Aung Hlaing in Moscow on 22 June 2021."
EDITED = "Sergei Shoigu met Min Aung Hlaing in Moscow on 22 June 2021, as the ministry said."
MEETING = tie_key(Relation.MET_WITH, "per:sergei-shoigu", "per:min-aung-hlaing")


def _articles(driver: Driver, settings: Settings) -> list[dict[str, object]]:
    return query(driver, settings, "MATCH (a:Article) RETURN a.id AS id, a.content_hash AS hash")


@pytest.mark.parametrize("form", ["txt", "json-without-url"])
def test_an_edited_local_file_loaded_again_replaces_its_earlier_version(
    runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path, form: str  # noqa: F811
) -> None:
    path = tmp_path / ("report.txt" if form == "txt" else "report.json")

    def write(text: str) -> None:
        path.write_text(text if form == "txt" else json.dumps({"language": "en", "text": text}))

    write(FIRST)
    first = runner.invoke(app, ["load", "--no-progress", str(path)])
    assert first.exit_code == 0 and "1 created" in first.stdout, first.output
    [before] = _articles(empty_graph, neo4j_settings)

    write(EDITED)
    again = runner.invoke(app, ["load", "--no-progress", str(path)])
    assert again.exit_code == 0 and "1 replaced" in again.stdout, again.output
    [after] = _articles(empty_graph, neo4j_settings)
    assert after["id"] == before["id"] and after["hash"] != before["hash"]
    meeting = tie(empty_graph, neo4j_settings, MEETING)
    assert meeting is not None and meeting["support"] == 1

    # The same file reached by another spelling of its path is the same article.
    other_spelling = tmp_path / "." / path.name
    same = runner.invoke(app, ["load", "--no-progress", str(other_spelling)])
    assert same.exit_code == 0 and "1 unchanged" in same.stdout, same.output
