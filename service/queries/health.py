"""Readiness: Neo4j answers and every schema migration the code knows is recorded in the graph."""

from __future__ import annotations

from neo4j import READ_ACCESS, Driver

from graph_schema.migrations import APPLIED, pending_migrations


def missing_migrations(*, driver: Driver, database: str) -> tuple[list[str], list[str]]:
    """(applied ids, ids of known migrations not applied yet or applied with another checksum)."""
    # An auto-commit read, not a retried transaction function: a probe must answer at once when the
    # database is down rather than retry for the driver's 30 seconds.
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        applied = {str(row["id"]): str(row["checksum"]) for row in session.run(APPLIED).data()}
    return sorted(applied), pending_migrations(applied)
