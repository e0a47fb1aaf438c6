"""Counts by label and relationship type, and the last load time."""

from __future__ import annotations

from typing import LiteralString

from neo4j import Driver

from graph_schema.model import EventType, Label, Relation, StructuralRel
from service.queries._common import read
from service.schemas import Stats


def _build_counts() -> LiteralString:
    # One count-store lookup per label and type. The names come only from the schema's enums, so this
    # generated text is as reviewed as a literal.
    labels = [*(label.value for label in Label), *(t.value for t in EventType)]
    parts = [f"MATCH (n:`{label}`) RETURN 'label' AS kind, '{label}' AS name, count(n) AS n" for label in labels]
    parts += [f"MATCH ()-[r:`{rel}`]->() RETURN 'relation' AS kind, '{rel}' AS name, count(r) AS n"
              for rel in [*(r.value for r in Relation), *(s.value for s in StructuralRel)]]
    return "\nUNION ALL\n".join(parts)


COUNTS: LiteralString = _build_counts()

LAST_LOAD: LiteralString = "MATCH (a:Article) RETURN toString(max(a.loaded_at)) AS last_loaded_at"


def stats(*, driver: Driver, database: str) -> Stats:
    """Counts by label and relation type (zeros included) and max(Article.loaded_at)."""
    rows = read(driver, COUNTS, database=database)
    last = read(driver, LAST_LOAD, database=database)
    return Stats(
        labels={r["name"]: r["n"] for r in rows if r["kind"] == "label"},
        relations={r["name"]: r["n"] for r in rows if r["kind"] == "relation"},
        last_loaded_at=last[0]["last_loaded_at"] if last else None,
    )
