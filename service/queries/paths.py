"""Shortest paths between two actors over derived ties."""

from __future__ import annotations

from typing import LiteralString

from neo4j import Driver

from service.queries._common import ENTITY_TYPES, RELATIONS, read
from service.schemas import GraphEdge, GraphNode, Path

MAX_HOPS = 6

_TEMPLATE: LiteralString = """
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[*..__MAX_HOPS__]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $relations)
WITH p LIMIT $limit
RETURN length(p) AS length,
       [x IN nodes(p) | {id: x.id, name: x.name, type: head([l IN labels(x) WHERE l IN $entity_types]),
                         country: x.country}] AS nodes,
       [r IN relationships(p) | {id: coalesce(r.key, elementId(r)), source: startNode(r).id,
                                 target: endNode(r).id, relation: type(r), support: r.support,
                                 articles: r.articles, confidence: r.confidence,
                                 first_date: r.first_date, last_date: r.last_date}] AS edges
"""

# A variable-length bound cannot be a parameter: one query per allowed bound, from literals only.
_HOPS: dict[int, LiteralString] = {1: "1", 2: "2", 3: "3", 4: "4", 5: "5", 6: "6"}
SHORTEST_PATHS: dict[int, LiteralString] = {n: _TEMPLATE.replace("__MAX_HOPS__", s) for n, s in _HOPS.items()}


def shortest(*, driver: Driver, database: str, source: str, target: str, max_hops: int,
             limit: int) -> list[Path]:
    """All shortest paths (up to `limit`) of at most `max_hops` derived ties between two actors."""
    rows = read(driver, SHORTEST_PATHS[max_hops], database=database, source=source, target=target,
                relations=RELATIONS, entity_types=ENTITY_TYPES, limit=limit)
    return [
        Path(length=row["length"], nodes=[GraphNode.model_validate(n) for n in row["nodes"]],
             edges=[GraphEdge.model_validate(e) for e in row["edges"]])
        for row in rows
    ]
