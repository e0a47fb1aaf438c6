"""The graph model renders deterministic DDL that covers every key the writers MERGE on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from graph_schema import ddl
from graph_schema.migrations import MIGRATIONS, Migration
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


_CREATE = re.compile(r"^CREATE (?:FULLTEXT )?(CONSTRAINT|INDEX) (\w+) IF NOT EXISTS ")
_DROP = re.compile(r"^DROP (CONSTRAINT|INDEX) (\w+) IF EXISTS$")


def _left_after(migrations: Iterable[Migration]) -> dict[str, str]:
    """The schema objects (name -> creating statement) that applying the migrations in order leaves."""
    left: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for migration in migrations:
        for statement in migration.statements:
            if created := _CREATE.match(statement):
                kind, name = created.groups()
                assert name not in left, f"{migration.id} creates {name} again"
                left[name], kinds[name] = statement, kind
            elif dropped := _DROP.match(statement):
                kind, name = dropped.groups()
                assert kinds.get(name) == kind, f"{migration.id} drops {kind} {name}, which no migration created"
                del left[name]
            else:
                raise AssertionError(f"{migration.id}: not idempotent DDL: {statement}")
    return left


def test_migrations_applied_in_order_leave_exactly_the_models_ddl() -> None:
    """What a later migration drops does not count: the model is what remains."""
    assert sorted(_left_after(MIGRATIONS).values()) == sorted(ddl.render())


def test_a_dropped_statement_is_not_left() -> None:
    create = "CREATE INDEX idx_x IF NOT EXISTS FOR (n:X) ON (n.x)"
    migrations = [Migration(id="0001", name="a", statements=(create,)),
                  Migration(id="0002", name="b", statements=("DROP INDEX idx_x IF EXISTS",))]
    assert _left_after(migrations[:1]) == {"idx_x": create}
    assert _left_after(migrations) == {}


def test_pending_migrations_are_the_missing_and_the_edited() -> None:
    from graph_schema.migrations import pending_migrations

    current = {m.id: m.checksum for m in MIGRATIONS}
    assert pending_migrations(current) == []
    assert pending_migrations({}) == [m.id for m in MIGRATIONS]
    assert pending_migrations({**current, MIGRATIONS[0].id: "edited"}) == [MIGRATIONS[0].id]
