"""Numbered schema migrations, applied idempotently and recorded in the graph as (:Migration) nodes.

A migration is a list of statements. Applying twice is a no-op: applied ids are skipped, and every DDL
statement is `IF NOT EXISTS` (`IF EXISTS` for a drop). Editing a migration after it was applied is refused
(checksum mismatch): add a new numbered migration instead.

A migration may carry a ``preflight``: a read query run before its first statement, whose rows (if any)
say why the migration cannot succeed on this graph, so it fails before changing anything. The preflight
is not part of the checksum: it changes no schema, and adding one to an applied migration is no edit of
what was applied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import LiteralString

from neo4j import Driver, ManagedTransaction, RoutingControl
from pydantic import BaseModel, ConfigDict

from graph_schema import ddl
from graph_schema.errors import MigrationError


class Migration(BaseModel):
    """One numbered migration."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    statements: tuple[str, ...]
    preflight: str | None = None
    """A read query whose rows (if any) make the migration fail before its first statement runs."""
    preflight_error: str = "the graph holds data the migration cannot apply to"
    """What the preflight's rows mean, the start of the error that lists them."""

    @property
    def checksum(self) -> str:
        """sha256 of its statements, to detect edits after it was applied."""
        return hashlib.sha256("\n".join(self.statements).encode()).hexdigest()


# The model is the source of truth: applied in order, the migrations leave exactly `ddl.render()`. A later
# migration lists the statements it introduced (and drops what the model no longer has); 0001 holds the
# rest of the model, so its checksum never changes (tests/snapshots/migrations.txt pins every checksum).
_LATER: tuple[Migration, ...] = (
    Migration(
        id="0002",
        name="index Article.content_hash (the same text loaded from two forms is one article)",
        statements=("CREATE INDEX idx_article_content_hash IF NOT EXISTS FOR (n:Article) ON (n.content_hash)",),
    ),
    # The index of 0002 only made the writer's duplicate check fast; two concurrent writers of one text's
    # two forms both passed it. The constraint makes the second one fail, and the writer then finds the
    # first. A constraint brings its own index and cannot coexist with a plain index on the same property,
    # so the index goes first. On a graph that already holds one text twice (written by racing loaders
    # before this migration) the constraint would be refused after the index was dropped, so the preflight
    # lists every duplicated hash and its articles first and nothing changes: retract all but one article
    # of each, then apply again.
    Migration(
        id="0003",
        name="unique Article.content_hash (one text is one article, also under concurrent loaders)",
        statements=(
            "DROP INDEX idx_article_content_hash IF EXISTS",
            "CREATE CONSTRAINT uq_article_content_hash IF NOT EXISTS "
            "FOR (n:Article) REQUIRE n.content_hash IS UNIQUE",
        ),
        preflight=(
            "MATCH (a:Article) WHERE a.content_hash IS NOT NULL "
            "WITH a.content_hash AS content_hash, collect(a.id) AS ids WHERE size(ids) > 1 "
            "RETURN content_hash, ids ORDER BY content_hash"
        ),
        preflight_error="texts stored as more than one article (retract all but one of each, then apply again)",
    ),
    # The API's ties between two states gather each side by `country` (officials, ministries, cities of the
    # state): without an index every request scanned all actors.
    Migration(
        id="0004",
        name="index Entity.country (a state's side found by index)",
        statements=("CREATE INDEX idx_entity_country IF NOT EXISTS FOR (n:Entity) ON (n.country)",),
    ),
    # The API shows a tie's first 5 claims by date and id as its evidence: through the tie_key index every
    # claim of the tie was read and sorted (18,546 claims for a hub's 51 listed ties at 10k articles).
    Migration(
        id="0005",
        name="index Claim(tie_key, date, id) (a tie's first claims read in order, not all of them)",
        statements=("CREATE INDEX idx_claim_tie_key_date_id IF NOT EXISTS FOR (n:Claim) ON (n.tie_key, n.date, n.id)",),
    ),
)
_LATER_STATEMENTS = {s for m in _LATER for s in m.statements}

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        id="0001",
        name="constraints and indexes of graph model v1",
        statements=tuple(s for s in ddl.render() if s not in _LATER_STATEMENTS),
    ),
    *_LATER,
)

APPLIED: LiteralString = "MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum ORDER BY m.id"
"""The applied migrations' ids and checksums (also run by the API's readiness probe)."""
_RECORD = (
    "MERGE (m:Migration {id: $id}) "
    "ON CREATE SET m.name = $name, m.checksum = $checksum, m.applied_at = datetime()"
)
_MIGRATION_CONSTRAINT = (
    "CREATE CONSTRAINT uq_migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE"
)


def applied_migrations(driver: Driver, *, database: str) -> dict[str, str]:
    """Ids and checksums of the migrations already recorded in the graph."""
    records, _, _ = driver.execute_query(APPLIED, database_=database, routing_=RoutingControl.READ)
    return {r["id"]: r["checksum"] for r in records}


def pending_migrations(applied: Mapping[str, str]) -> list[str]:
    """Ids of the known migrations that are not applied, or were applied with another checksum."""
    return [m.id for m in MIGRATIONS if applied.get(m.id) != m.checksum]


def apply_migrations(
    driver: Driver,
    *,
    database: str,
    on_statement: Callable[[str], None] | None = None,
) -> list[str]:
    """Apply every migration not yet recorded; return the ids applied now (empty when up to date)."""
    # Schema commands cannot share a transaction with data writes, so each runs on its own.
    driver.execute_query(_MIGRATION_CONSTRAINT, database_=database, routing_=RoutingControl.WRITE)
    done = applied_migrations(driver, database=database)
    applied: list[str] = []
    for migration in MIGRATIONS:
        if migration.id in done:
            if done[migration.id] != migration.checksum:
                raise MigrationError(
                    f"migration {migration.id} ({migration.name}) changed after it was applied; "
                    "add a new numbered migration instead of editing it"
                )
            continue
        _preflight(driver, migration, database=database)
        for statement in migration.statements:
            if on_statement is not None:
                on_statement(statement)
            try:
                driver.execute_query(statement, database_=database, routing_=RoutingControl.WRITE)
            except Exception as exc:  # the driver raises many kinds; all mean this migration failed
                raise MigrationError(f"migration {migration.id} failed on: {statement}: {exc}") from exc

        def _record(tx: ManagedTransaction, m: Migration = migration) -> None:
            tx.run(_RECORD, id=m.id, name=m.name, checksum=m.checksum)

        with driver.session(database=database) as session:
            session.execute_write(_record)
        applied.append(migration.id)
    return applied


def _preflight(driver: Driver, migration: Migration, *, database: str) -> None:
    """Raise `MigrationError` listing the preflight's rows, if the migration has one and it finds any."""
    if migration.preflight is None:
        return
    records, _, _ = driver.execute_query(migration.preflight, database_=database, routing_=RoutingControl.READ)
    if records:
        found = "; ".join(", ".join(f"{k}={v}" for k, v in dict(r).items()) for r in records)
        raise MigrationError(f"migration {migration.id} ({migration.name}) not applied: "
                             f"{migration.preflight_error}: {found}")


def wait_for_indexes(driver: Driver, *, database: str, timeout_seconds: int = 120) -> None:
    """Block until every index is online (a fresh full-text index populates in the background)."""
    driver.execute_query(
        f"CALL db.awaitIndexes({int(timeout_seconds)})",
        database_=database,
        routing_=RoutingControl.WRITE,
    )
