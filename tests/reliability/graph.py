"""The graph as comparable data: every node and relationship with its properties (load times left out,
list values as multisets), and the shape each article has in it (its claims and mentions)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from neo4j import Driver, RoutingControl
from pydantic import BaseModel

VOLATILE = frozenset({"loaded_at"})

NODES = "MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels, properties(n) AS props"
RELATIONSHIPS = """
MATCH (a)-[r]->(b) WHERE NOT a:Migration
RETURN coalesce(a.id, a.key) AS a, type(r) AS type, properties(r) AS props, coalesce(b.id, b.key) AS b
"""
ARTICLE_SHAPES = """
MATCH (art:Article)
OPTIONAL MATCH (c:Claim)-[:FROM_ARTICLE]->(art)
WITH art, collect(c.id) AS claims
OPTIONAL MATCH (art)-[:MENTIONS]->(e)
RETURN art.id AS id, claims, collect(e.id) AS mentions
"""
ORPHAN_CLAIMS = "MATCH (c:Claim) WHERE NOT (c)-[:FROM_ARTICLE]->(:Article) RETURN count(c) AS n"
DUPLICATE_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
WITH a, b, type(r) AS type, properties(r) AS props, count(*) AS n WHERE n > 1
RETURN count(*) AS n
"""


def _rows(driver: Driver, database: str, cypher: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, database_=database, routing_=RoutingControl.READ)
    return [dict(r) for r in records]


def _canonical(value: Any) -> Any:
    if isinstance(value, list):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    return value.isoformat() if hasattr(value, "isoformat") else value


class GraphDump(BaseModel):
    """Nodes and relationships as counted multisets of canonical JSON strings."""

    nodes: dict[str, int]
    relationships: dict[str, int]

    def difference(self, other: GraphDump) -> list[str]:
        """What differs from ``other`` (a few lines), empty when the graphs are equal."""
        lines: list[str] = []
        for kind, mine, theirs in (("node", self.nodes, other.nodes),
                                   ("relationship", self.relationships, other.relationships)):
            extra, missing = Counter(mine) - Counter(theirs), Counter(theirs) - Counter(mine)
            lines += [f"extra {kind}: {k[:300]}" for k in list(extra)[:3]]
            lines += [f"missing {kind}: {k[:300]}" for k in list(missing)[:3]]
        return lines


def dump(driver: Driver, database: str) -> GraphDump:
    """The whole graph (but migration records and load times)."""
    nodes = Counter(json.dumps(_canonical(row), sort_keys=True) for row in _rows(driver, database, NODES))
    rels = Counter(json.dumps(_canonical(row), sort_keys=True) for row in _rows(driver, database, RELATIONSHIPS))
    return GraphDump(nodes=dict(nodes), relationships=dict(rels))


def article_shapes(driver: Driver, database: str) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per stored article: its claim ids and the ids of what it mentions."""
    return {row["id"]: (frozenset(row["claims"]), frozenset(row["mentions"]))
            for row in _rows(driver, database, ARTICLE_SHAPES)}


def partial_articles(driver: Driver, database: str,
                     reference: dict[str, tuple[frozenset[str], frozenset[str]]]) -> list[str]:
    """Articles that are neither wholly present (as in ``reference``) nor absent, and stray claims."""
    stored = article_shapes(driver, database)
    problems = [f"{article_id}: {len(stored[article_id][0])} of {len(shape[0])} claims, "
                f"{len(stored[article_id][1])} of {len(shape[1])} mentions"
                for article_id, shape in reference.items() if article_id in stored and stored[article_id] != shape]
    problems += [f"{article_id}: not in the reference load" for article_id in stored if article_id not in reference]
    orphans = _rows(driver, database, ORPHAN_CLAIMS)[0]["n"]
    if orphans:
        problems.append(f"{orphans} claims without their article")
    return problems


def duplicate_relationships(driver: Driver, database: str) -> int:
    """Groups of relationships alike in ends, type and properties (there must be none)."""
    return int(_rows(driver, database, DUPLICATE_RELATIONSHIPS)[0]["n"])


def wipe(driver: Driver, database: str) -> None:
    """Delete everything but the migration records."""
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=database)
