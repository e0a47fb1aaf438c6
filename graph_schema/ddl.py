"""Constraints and indexes rendered from the graph model, with deterministic names.

The same model always renders the same statements in the same order, so `SHOW CONSTRAINTS` /
`SHOW INDEXES` after migrating can be compared with `expected_constraints()` / `expected_indexes()`.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from graph_schema.model import MODEL, GraphModel, Relation

_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")


def _snake(name: str) -> str:
    return _SNAKE.sub("_", name).lower()


class Constraint(BaseModel):
    """A node property uniqueness constraint."""

    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    property: str

    def statement(self) -> str:
        """The idempotent DDL that creates it."""
        return (
            f"CREATE CONSTRAINT {self.name} IF NOT EXISTS "
            f"FOR (n:{self.label}) REQUIRE n.{self.property} IS UNIQUE"
        )


class Index(BaseModel):
    """A range index on a node or relationship property, or a full-text index."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: str  # RANGE | FULLTEXT
    entity: str  # NODE | RELATIONSHIP
    label_or_type: str
    properties: tuple[str, ...]
    analyzer: str | None = None

    def statement(self) -> str:
        """The idempotent DDL that creates it."""
        if self.kind == "FULLTEXT":
            props = ", ".join(f"n.{p}" for p in self.properties)
            return (
                f"CREATE FULLTEXT INDEX {self.name} IF NOT EXISTS FOR (n:{self.label_or_type}) "
                f"ON EACH [{props}] OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{self.analyzer}'}}}}"
            )
        props = ", ".join(f"n.{p}" for p in self.properties)
        pattern = f"(n:{self.label_or_type})" if self.entity == "NODE" else f"()-[n:{self.label_or_type}]-()"
        return f"CREATE INDEX {self.name} IF NOT EXISTS FOR {pattern} ON ({props})"


def expected_constraints(model: GraphModel = MODEL) -> list[Constraint]:
    """One uniqueness constraint per unique property of every label, named uq_<label>_<prop>."""
    return [
        Constraint(name=f"uq_{_snake(spec.label.value)}_{prop.name}", label=spec.label.value, property=prop.name)
        for spec in model.nodes
        for prop in spec.properties
        if prop.unique
    ]


def expected_indexes(model: GraphModel = MODEL) -> list[Index]:
    """Range indexes (idx_<label>_<prop>, idx_rel_<type>_key), full-text and composite indexes of the model."""
    out: list[Index] = []
    for spec in model.nodes:
        seen: set[str] = set()
        for prop in spec.properties:
            if prop.indexed and not prop.unique and prop.name not in seen:
                seen.add(prop.name)
                out.append(Index(name=f"idx_{_snake(spec.label.value)}_{prop.name}", kind="RANGE",
                                 entity="NODE", label_or_type=spec.label.value, properties=(prop.name,)))
    for rel in Relation:
        out.append(Index(name=f"idx_rel_{rel.value.lower()}_key", kind="RANGE", entity="RELATIONSHIP",
                         label_or_type=rel.value, properties=("key",)))
    for ft in model.fulltext:
        out.append(Index(name=ft.name, kind="FULLTEXT", entity="NODE", label_or_type=ft.label.value,
                         properties=ft.properties, analyzer=ft.analyzer))
    for comp in model.composite:
        out.append(Index(name=comp.name, kind="RANGE", entity="NODE", label_or_type=comp.label.value,
                         properties=comp.properties))
    return out


def render(model: GraphModel = MODEL) -> list[str]:
    """All DDL statements for the model: constraints first (they bring their own indexes)."""
    return [c.statement() for c in expected_constraints(model)] + [i.statement() for i in expected_indexes(model)]
