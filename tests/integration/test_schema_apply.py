"""Applying the migrations to the real Neo4j twice leaves exactly the model's constraints and indexes."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver, RoutingControl

from graph_schema import ddl
from graph_schema.migrations import MIGRATIONS, applied_migrations, apply_migrations
from service.settings import Settings


def _constraints(driver: Driver, db: str) -> set[tuple[str, str, tuple[str, ...]]]:
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *",
        database_=db, routing_=RoutingControl.READ,
    )
    return {(r["name"], r["labelsOrTypes"][0], tuple(r["properties"])) for r in records}


def _indexes(driver: Driver, db: str) -> dict[str, dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint "
        "WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN *",
        database_=db, routing_=RoutingControl.READ,
    )
    return {r["name"]: dict(r) for r in records}


def test_applying_twice_leaves_the_models_constraints_and_indexes(
    driver: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    apply_migrations(driver, database=db)
    first = (_constraints(driver, db), _indexes(driver, db))
    assert apply_migrations(driver, database=db) == []
    second = (_constraints(driver, db), _indexes(driver, db))
    assert first == second

    expected_constraints = {(c.name, c.label, (c.property,)) for c in ddl.expected_constraints()}
    assert first[0] == expected_constraints
    live_indexes = first[1]
    assert set(live_indexes) == {i.name for i in ddl.expected_indexes()}
    for index in ddl.expected_indexes():
        live = live_indexes[index.name]
        assert live["type"] == index.kind
        assert live["entityType"] == index.entity
        assert live["labelsOrTypes"] == [index.label_or_type]
        assert tuple(live["properties"]) == index.properties


def test_applied_migrations_are_recorded_with_their_checksums(driver: Driver, neo4j_settings: Settings) -> None:
    db = neo4j_settings.neo4j_database
    apply_migrations(driver, database=db)
    assert applied_migrations(driver, database=db) == {m.id: m.checksum for m in MIGRATIONS}


def test_fulltext_index_folds_case_and_accents(driver: Driver, neo4j_settings: Settings, empty_graph: Driver) -> None:
    db = neo4j_settings.neo4j_database
    apply_migrations(driver, database=db)
    driver.execute_query(
        "CREATE (:Entity:Place {id: 'plc:test-bogota', name: 'Bogotá', search_text: 'bogota | bogotá'})",
        database_=db,
    )
    driver.execute_query("CALL db.awaitIndexes(60)", database_=db)
    records, _, _ = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('ft_entity_names', 'BOGOTA') YIELD node RETURN node.id AS id",
        database_=db, routing_=RoutingControl.READ,
    )
    assert [r["id"] for r in records] == ["plc:test-bogota"]


def test_migration_0003_refuses_a_graph_holding_one_text_twice_before_dropping_anything(
    driver: Driver, neo4j_settings: Settings, empty_graph: Driver
) -> None:
    """Back to the state before 0003 (its index, no constraint), with one text stored as two articles."""
    from graph_schema.errors import MigrationError

    db = neo4j_settings.neo4j_database
    apply_migrations(driver, database=db)
    for statement in ("DROP CONSTRAINT uq_article_content_hash IF EXISTS",
                      "CREATE INDEX idx_article_content_hash IF NOT EXISTS FOR (n:Article) ON (n.content_hash)",
                      "MATCH (m:Migration {id: '0003'}) DELETE m",
                      "CREATE (:Article {id: 'art:txt', content_hash: 'h-twice'}), "
                      "(:Article {id: 'art:json', content_hash: 'h-twice'}), "
                      "(:Article {id: 'art:other', content_hash: 'h-once'})"):
        driver.execute_query(statement, database_=db)
    try:
        with pytest.raises(MigrationError, match=r"0003.*h-twice.*art:(txt|json).*art:(txt|json)") as raised:
            apply_migrations(driver, database=db)
        assert "h-once" not in str(raised.value)
        assert "idx_article_content_hash" in _indexes(driver, db)
        assert "0003" not in applied_migrations(driver, database=db)
        driver.execute_query("MATCH (a:Article {id: 'art:json'}) DELETE a", database_=db)
        assert apply_migrations(driver, database=db) == ["0003"]
    finally:
        driver.execute_query("MATCH (a:Article) DETACH DELETE a", database_=db)
        apply_migrations(driver, database=db)
    assert "idx_article_content_hash" not in _indexes(driver, db)
