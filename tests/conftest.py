"""Shared fixtures: one real Neo4j per test session, started by the project itself.

Integration tests (everything under tests/integration/ is marked `integration` automatically) use:

- `neo4j_settings` (session): `Settings` of the test server, started on first use;
- `driver` (session): an open driver to it;
- `empty_graph` (function): the driver, after deleting every node except `:Migration` ones;
- `schema_applied` (session): the names of the migrations applied for this session.

Environment (so that concurrent runs do not collide, nothing here hard-codes a port):

- `TIESGRAPH_TEST_NEO4J_URI`: use that server instead of starting one (with `TIESGRAPH_TEST_NEO4J_USER`,
  `TIESGRAPH_TEST_NEO4J_PASSWORD`, `TIESGRAPH_TEST_NEO4J_DATABASE`);
- `TIESGRAPH_TEST_DATA` (default `<repo>/.tiesgraph-test/neo4j`), `TIESGRAPH_TEST_BOLT_PORT` (17687),
  `TIESGRAPH_TEST_HTTP_PORT` (17474): the started instance;
- `TIESGRAPH_TEST_KEEP=1`: leave the started instance running after the session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from service.db import open_driver
from service.neo4j_local import LocalNeo4j
from service.settings import Settings

REPO = Path(__file__).resolve().parent.parent
INTEGRATION_DIR = Path(__file__).resolve().parent / "integration"
TEST_PASSWORD = "tiesgraph-test"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/integration/ as `integration`."""
    for item in items:
        if INTEGRATION_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.integration)


def build_test_settings(env: dict[str, str] | None = None) -> Settings:
    """`Settings` for the test server, from the TIESGRAPH_TEST_* variables in `env` (default os.environ)."""
    env = dict(os.environ) if env is None else env
    common: dict[str, Any] = {
        "TIESGRAPH_ENV": "test",
        "NEO4J_DATABASE": env.get("TIESGRAPH_TEST_NEO4J_DATABASE", "neo4j"),
    }
    uri = env.get("TIESGRAPH_TEST_NEO4J_URI")
    if uri:
        return Settings(
            NEO4J_URI=uri,
            NEO4J_USER=env.get("TIESGRAPH_TEST_NEO4J_USER", env.get("NEO4J_USER", "neo4j")),
            NEO4J_PASSWORD=env.get("TIESGRAPH_TEST_NEO4J_PASSWORD", env.get("NEO4J_PASSWORD", TEST_PASSWORD)),
            **common,
        )
    # NEO4J_URI and the development instance's TIESGRAPH_NEO4J_* must not leak into the test instance.
    return Settings(
        NEO4J_URI=None,
        NEO4J_USER="neo4j",
        NEO4J_PASSWORD=env.get("TIESGRAPH_TEST_NEO4J_PASSWORD", TEST_PASSWORD),
        TIESGRAPH_NEO4J_DATA=Path(env.get("TIESGRAPH_TEST_DATA", str(REPO / ".tiesgraph-test" / "neo4j"))),
        TIESGRAPH_NEO4J_LISTEN="127.0.0.1",
        TIESGRAPH_NEO4J_BOLT_PORT=int(env.get("TIESGRAPH_TEST_BOLT_PORT", "17687")),
        TIESGRAPH_NEO4J_HTTP_PORT=int(env.get("TIESGRAPH_TEST_HTTP_PORT", "17474")),
        TIESGRAPH_NEO4J_HEAP="512m",
        TIESGRAPH_NEO4J_PAGECACHE="512m",
        # The test Neo4j's Browser loads its style and guide from the test API, never from `make run`'s.
        TIESGRAPH_API_PORT=int(env.get("TIESGRAPH_TEST_API_PORT", "17800")),
        **common,
    )


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    """Settings of the session's Neo4j, which is started here (once) unless it is a given server."""
    settings = build_test_settings()
    if not settings.managed:
        yield settings
        return
    manager = LocalNeo4j(settings)
    was_running = manager.status().running
    manager.start()
    try:
        yield settings
    finally:
        if not was_running and os.environ.get("TIESGRAPH_TEST_KEEP") != "1":
            manager.stop()


@pytest.fixture(scope="session")
def driver(neo4j_settings: Settings) -> Iterator[Driver]:
    """An open, verified driver for the session's Neo4j."""
    drv = open_driver(neo4j_settings)
    try:
        drv.verify_connectivity()
        yield drv
    finally:
        drv.close()


@pytest.fixture(scope="session")
def schema_applied(driver: Driver, neo4j_settings: Settings) -> list[str]:
    """Apply the graph schema's migrations once per session; the names of those applied now."""
    from graph_schema.migrations import apply_migrations  # lazily: only integration tests need it

    return apply_migrations(driver, database=neo4j_settings.neo4j_database)


@pytest.fixture
def empty_graph(driver: Driver, neo4j_settings: Settings) -> Driver:
    """The driver, after deleting every node (and relationship) except the `:Migration` records."""
    driver.execute_query(
        "MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=neo4j_settings.neo4j_database
    )
    return driver
