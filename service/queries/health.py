"""Readiness: Neo4j answers and every schema migration the code knows is recorded in the graph."""

from __future__ import annotations

from neo4j import Driver

from graph_schema.migrations import MIGRATIONS, applied_migrations


def missing_migrations(*, driver: Driver, database: str) -> tuple[list[str], list[str]]:
    """(applied ids, ids of known migrations not applied yet)."""
    applied = applied_migrations(driver, database=database)
    return sorted(applied), [m.id for m in MIGRATIONS if m.id not in applied]
