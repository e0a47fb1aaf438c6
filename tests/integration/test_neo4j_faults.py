"""Neo4j faults seen through the API and the CLI, against the real Neo4j: refused credentials and a graph
whose schema was never applied are 503s in the stable error shape, and `load` refuses to write."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from graph_schema.migrations import apply_migrations, wait_for_indexes
from service.app import create_app
from service.cli import app as cli
from service.settings import Settings
from tests.integration.test_cli_load import real_runner  # noqa: F401  (fixture)
from tests.integration.test_writer import graph_counts

pytestmark = pytest.mark.usefixtures("schema_applied")

ARTICLE = {"url": "https://example.org/faults", "language": "en",
           "text": "Ilse Varga met Tomas Brandt in Vienna on 3 May 2021. Austria agreed to train Slovak pilots."}
READS = ["/v1/entities?q=Varga", "/v1/entities", "/v1/stats", "/v1/events"]


def _assert_503(response: object, code: str) -> None:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == 503, response.text
    body = response.json()
    assert list(body) == ["error"] and body["error"]["code"] == code
    assert "Retry-After" in response.headers
    assert "Neo." not in response.text and "Security" not in response.text  # no raw driver text


def test_refused_credentials_are_a_503_on_reads_and_writes(neo4j_settings: Settings) -> None:
    # A user that does not exist: failed attempts lock only that name, never the tests' own user.
    wrong = neo4j_settings.model_copy(update={"neo4j_user": "tiesgraph-nobody",
                                              "neo4j_password": SecretStr("not-the-password")})
    with TestClient(create_app(wrong)) as client:
        for path in READS:
            _assert_503(client.get(path), "neo4j_auth_failed")
        _assert_503(client.post("/v1/articles", json=ARTICLE), "neo4j_auth_failed")


@pytest.fixture
def schema_never_applied(driver: Driver, neo4j_settings: Settings, empty_graph: Driver) -> Iterator[Driver]:
    """The graph as if `tiesgraph schema apply` had never run: no migration records, no full-text index."""
    db = neo4j_settings.neo4j_database
    for statement in ("MATCH (m:Migration) DELETE m", "DROP INDEX ft_entity_names IF EXISTS"):
        driver.execute_query(statement, database_=db)
    try:
        yield driver
    finally:
        apply_migrations(driver, database=db)
        wait_for_indexes(driver, database=db)


def test_a_search_on_a_graph_without_its_schema_is_a_503_saying_so(
    neo4j_settings: Settings, schema_never_applied: Driver
) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        response = client.get("/v1/entities", params={"q": "Varga"})
        _assert_503(response, "schema_not_applied")
        assert "schema apply" in response.json()["error"]["message"]


def test_load_refuses_a_graph_without_its_schema_and_writes_nothing(
    real_runner: object, neo4j_settings: Settings, schema_never_applied: Driver, tmp_path: Path  # noqa: F811
) -> None:
    from typer.testing import CliRunner

    assert isinstance(real_runner, CliRunner)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(ARTICLE))
    result = real_runner.invoke(cli, ["load", "--no-progress", str(path)])
    assert result.exit_code == 1
    assert "schema" in result.stderr and "tiesgraph schema apply" in result.stderr
    assert "Traceback" not in result.stderr
    assert graph_counts(schema_never_applied, neo4j_settings) == (0, 0)
