"""Readiness: Neo4j answers and every schema migration the code knows is recorded in the graph."""

from __future__ import annotations

from typing import LiteralString

from neo4j import READ_ACCESS, Driver

from graph_schema.migrations import MIGRATIONS

APPLIED: LiteralString = "MATCH (m:Migration) RETURN m.id AS id ORDER BY id"


def missing_migrations(*, driver: Driver, database: str) -> tuple[list[str], list[str]]:
    """(applied ids, ids of known migrations not applied yet)."""
    # An auto-commit read, not a retried transaction function: a probe must answer at once when the
    # database is down rather than retry for the driver's 30 seconds.
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        applied = [str(row["id"]) for row in session.run(APPLIED).data()]
    return applied, [m.id for m in MIGRATIONS if m.id not in applied]
