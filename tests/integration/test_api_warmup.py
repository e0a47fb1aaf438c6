"""The API plans every read once when it starts (service.warmup): every read runs without error, the
thread ends; every variant of the large reads is among them; it can be switched off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from loaders.load import load_sources
from service.app import create_app
from service.queries import entities, ties
from service.queries.entities import EGO_GRAPH, RELATIONSHIPS
from service.queries.paths import SHORTEST_PATHS
from service.settings import Settings
from service.warmup import NO_ENTITY, Warming, pair, reads_to_warm, warm

WARM_TIMEOUT_S = 120.0


SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles"


@pytest.fixture(scope="module")
def client(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[TestClient]:
    """The sample articles loaded, then the API started over them."""
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    assert all(r.ok for r in load_sources(driver, [str(SAMPLE)], database=neo4j_settings.neo4j_database,
                                          progress=False))
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client


def test_the_api_warms_every_read_at_start_up(client: TestClient, driver: Driver,
                                              neo4j_settings: Settings) -> None:
    warming = client.app.state.warming  # type: ignore[attr-defined]
    assert isinstance(warming, Warming)
    warming.join(WARM_TIMEOUT_S)
    assert not warming.is_alive()
    assert warming.result is not None
    db = neo4j_settings.neo4j_database
    two = pair(driver, db)
    assert NO_ENTITY not in (two.a, two.b)  # the reads are about two actors with data
    expected = len(reads_to_warm(driver, db, two))
    assert warming.result.failed == 0
    assert warming.result.planned == expected
    assert expected >= 40  # every resource, each relation, depth and hop bound, with and without dates


class _Recording:
    """The real driver, noting every query string passed to execute_query or run in one of its sessions."""

    def __init__(self, driver: Driver) -> None:
        self.driver = driver
        self.queries: set[str] = set()

    def execute_query(self, query: str, *args: Any, **kwargs: Any) -> Any:
        self.queries.add(query)
        return self.driver.execute_query(query, *args, **kwargs)

    def session(self, **kwargs: Any) -> Any:
        return _RecordingSession(self.driver.session(**kwargs), self.queries)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.driver, name)


class _RecordingSession:
    """A real session, noting every query string passed to its run."""

    def __init__(self, session: Any, queries: set[str]) -> None:
        self.session, self.queries = session, queries

    def __enter__(self) -> _RecordingSession:
        self.session.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.session.__exit__(*exc)

    def run(self, query: str, *args: Any, **kwargs: Any) -> Any:
        self.queries.add(query)
        return self.session.run(query, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.session, name)


def test_the_warm_up_runs_every_variant_of_the_large_reads(client: TestClient, driver: Driver,
                                                           neo4j_settings: Settings) -> None:
    recording = _Recording(driver)
    result = warm(cast(Driver, recording), neo4j_settings.neo4j_database)
    assert result.failed == 0
    wanted = {ties.REPORT, entities.SEARCH, *EGO_GRAPH.values(), *SHORTEST_PATHS.values(),
              *RELATIONSHIPS.values()}
    assert wanted <= recording.queries, len(wanted - recording.queries)


def test_warming_can_be_switched_off(neo4j_settings: Settings, schema_applied: list[str]) -> None:
    off = neo4j_settings.model_copy(update={"warm_plans": False})
    with TestClient(create_app(off)) as test_client:
        assert test_client.app.state.warming is None  # type: ignore[attr-defined]
        assert test_client.get(f"/v1/entities/{NO_ENTITY}").status_code == 404
