"""Exports when Neo4j cannot be reached (a real driver to a port nobody listens on): a 503 in the error
shape from the API, a message and no file from the CLI — never a truncated download."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.app import create_app
from service.cli import app as cli_app
from service.db import open_driver
from service.deps import get_driver
from service.settings import Settings

NOBODY = "bolt://127.0.0.1:9"


@pytest.fixture
def client() -> Iterator[TestClient]:
    """The API with a real driver to a closed port (the lifespan is not run)."""
    settings = Settings.model_validate({"NEO4J_URI": NOBODY, "TIESGRAPH_ENV": "test"})
    driver = open_driver(settings)
    app = create_app(settings)
    app.dependency_overrides[get_driver] = lambda: driver
    try:
        yield TestClient(app, raise_server_exceptions=False)
    finally:
        driver.close()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "jsonl"])
def test_api_export_without_neo4j_is_503_before_any_byte(client: TestClient, fmt: str) -> None:
    response = client.get("/v1/export", params={"format": fmt})
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "neo4j_unavailable"


def test_cli_export_without_neo4j_fails_and_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", NOBODY)
    monkeypatch.setenv("TIESGRAPH_ENV", "test")
    out = tmp_path / "ties.graphml"
    result = CliRunner().invoke(cli_app, ["export", "--format", "graphml", "-o", str(out)])
    assert result.exit_code == 1 and "cannot reach Neo4j" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "message"), [
    (["--country", "Atlantis"], "--country"), (["--since", "June"], "--since"),
    (["--since", "2022", "--until", "2021"], "after"), (["--relation", "LIKES"], "LIKES"),
    (["--since", "2021-13-45"], "--since 2021-13-45 is not a calendar date"),
    (["--until", "2021-02-30"], "--until 2021-02-30 is not a calendar date"),
    (["--since", "2021-00"], "--since 2021-00 is not a calendar date"),
    (["--country", "Kyiv"], "the capital plc:kyiv, a place in UKR"),
])
def test_cli_export_refuses_bad_options_before_connecting(args: list[str], message: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", NOBODY)
    monkeypatch.setenv("TIESGRAPH_ENV", "test")
    result = CliRunner().invoke(cli_app, ["export", "--format", "csv", *args])
    assert result.exit_code != 0 and message in result.output
    assert "cannot reach Neo4j" not in result.output


@pytest.mark.parametrize("day", ["2021-13-45", "2021-02-29", "2021-04-31"])
def test_cli_export_refuses_an_impossible_date_in_one_line(day: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", NOBODY)
    monkeypatch.setenv("TIESGRAPH_ENV", "test")
    result = CliRunner().invoke(cli_app, ["export", "--format", "graphml", "--since", day])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().count("\n") == 0 and "not a calendar date" in result.output
