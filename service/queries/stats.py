"""Counts by label and relationship type, and the last load time."""

from __future__ import annotations

from typing import Any, LiteralString

from neo4j import READ_ACCESS, Driver, ManagedTransaction, NotificationMinimumSeverity

from graph_schema.model import EventType, Label, Relation, StructuralRel
from service.schemas import Stats


def _build_counts() -> LiteralString:
    # One count-store lookup per label and type (constant time, however large the graph). The names come
    # only from the schema's enums, so this generated text is as reviewed as a literal. Each count is
    # taken before the constant columns are added: a grouped count over no rows would give no row.
    labels = [*(label.value for label in Label), *(t.value for t in EventType)]
    types = [*(r.value for r in Relation), *(s.value for s in StructuralRel)]
    parts = [f"MATCH (n:`{label}`) WITH count(n) AS n RETURN 'label' AS kind, '{label}' AS name, n"
             for label in labels]
    parts += [f"MATCH ()-[r:`{rel}`]->() WITH count(r) AS n RETURN 'relation' AS kind, '{rel}' AS name, n"
              for rel in types]
    return "\nUNION ALL\n".join(parts)


COUNTS: LiteralString = _build_counts()

LAST_LOAD: LiteralString = "MATCH (a:Article) RETURN toString(max(a.loaded_at)) AS last_loaded_at"


def stats(*, driver: Driver, database: str) -> Stats:
    """Counts by label and relation type (zeros included) and max(Article.loaded_at)."""

    def work(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], Any]:
        return tx.run(COUNTS).data(), tx.run(LAST_LOAD).single(strict=True)["last_loaded_at"]

    # Labels and types no article has produced yet are expected here: the server's "unknown label"
    # notifications would only be noise in the logs.
    with driver.session(database=database, default_access_mode=READ_ACCESS,
                        notifications_min_severity=NotificationMinimumSeverity.OFF) as session:
        rows, last = session.execute_read(work)
    return Stats(
        labels={r["name"]: r["n"] for r in rows if r["kind"] == "label"},
        relations={r["name"]: r["n"] for r in rows if r["kind"] == "relation"},
        last_loaded_at=last,
    )
