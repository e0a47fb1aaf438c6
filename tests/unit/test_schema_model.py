"""The graph model renders deterministic DDL that covers every key the writers MERGE on."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_schema import ddl
from graph_schema.migrations import MIGRATIONS
from graph_schema.model import ACTOR_LABELS, MODEL, Label, Relation

SNAPSHOT = Path(__file__).parent.parent / "snapshots" / "schema_ddl.txt"
MIGRATIONS_SNAPSHOT = Path(__file__).parent.parent / "snapshots" / "migrations.txt"


def test_rendered_ddl_matches_the_committed_snapshot() -> None:
    assert ddl.render() == SNAPSHOT.read_text().splitlines()


@pytest.mark.parametrize("label", [*ACTOR_LABELS, Label.ENTITY, Label.ARTICLE, Label.CLAIM, Label.MIGRATION])
def test_every_merged_label_has_a_uniqueness_constraint_on_id(label: Label) -> None:
    constrained = {(c.label, c.property) for c in ddl.expected_constraints()}
    assert (label.value, "id") in constrained


@pytest.mark.parametrize("relation", list(Relation))
def test_every_derived_tie_type_has_a_key_index(relation: Relation) -> None:
    names = {i.name for i in ddl.expected_indexes()}
    assert f"idx_rel_{relation.value.lower()}_key" in names


def test_names_are_unique_across_constraints_and_indexes() -> None:
    names = [c.name for c in ddl.expected_constraints()] + [i.name for i in ddl.expected_indexes()]
    assert len(names) == len(set(names))


def test_every_statement_is_idempotent_ddl() -> None:
    assert all("IF NOT EXISTS" in s for s in ddl.render())


def test_migrations_are_numbered_in_order() -> None:
    ids = [m.id for m in MIGRATIONS]
    assert ids == sorted(ids) and len(ids) == len(set(ids))


def test_applied_migrations_never_change() -> None:
    """A database that applied a migration refuses an edited one: change the model via a NEW migration.

    When this fails after a model change, add a numbered migration with the new statements (0001 then
    keeps its checksum) and append its line to tests/snapshots/migrations.txt.
    """
    committed = [line.split(" ", 2)[:2] for line in MIGRATIONS_SNAPSHOT.read_text().splitlines()]
    current = [[m.id, m.checksum] for m in MIGRATIONS]
    assert current[: len(committed)] == committed


def test_model_declares_no_property_twice_per_label() -> None:
    for spec in MODEL.nodes:
        names = [p.name for p in spec.properties]
        assert len(names) == len(set(names)), spec.label


def test_migrations_together_hold_exactly_the_models_ddl() -> None:
    statements = [s for m in MIGRATIONS for s in m.statements]
    assert sorted(statements) == sorted(ddl.render())
    assert len(statements) == len(set(statements))


def test_pending_migrations_are_the_missing_and_the_edited() -> None:
    from graph_schema.migrations import pending_migrations

    current = {m.id: m.checksum for m in MIGRATIONS}
    assert pending_migrations(current) == []
    assert pending_migrations({}) == [m.id for m in MIGRATIONS]
    assert pending_migrations({**current, MIGRATIONS[0].id: "edited"}) == [MIGRATIONS[0].id]
