"""Shortest paths between two actors over derived ties."""

from __future__ import annotations

from typing import LiteralString

from neo4j import Driver
from pydantic import TypeAdapter

from service.errors import NotFound
from service.queries._common import ENTITY_TYPES, read, typed
from service.schemas import Path

MAX_HOPS = 6

# One round trip: the endpoints' existence comes back with the paths (`paths` is null when one is missing).
_TEMPLATE: LiteralString = typed("""
OPTIONAL MATCH (a:Entity {id: $source})
OPTIONAL MATCH (b:Entity {id: $target})
OPTIONAL CALL (a, b) {
  MATCH p = allShortestPaths((a)-[:__TIES__*..__MAX_HOPS__]-(b))
  WITH p LIMIT $limit
  RETURN collect({length: length(p),
       nodes: [x IN nodes(p) | {id: x.id, name: x.name, type: head([l IN labels(x) WHERE l IN $entity_types]),
                                country: x.country}],
       edges: [r IN relationships(p) | {id: coalesce(r.key, elementId(r)), source: startNode(r).id,
                                        target: endNode(r).id, relation: type(r), support: r.support,
                                        articles: r.articles, confidence: r.confidence,
                                        first_date: r.first_date, last_date: r.last_date}]}) AS paths
}
RETURN a IS NOT NULL AS has_source, b IS NOT NULL AS has_target, paths
""")

# A variable-length bound cannot be a parameter: one query per allowed bound, from literals only.
_HOPS: dict[int, LiteralString] = {1: "1", 2: "2", 3: "3", 4: "4", 5: "5", 6: "6"}
SHORTEST_PATHS: dict[int, LiteralString] = {n: _TEMPLATE.replace("__MAX_HOPS__", s) for n, s in _HOPS.items()}

_PATHS = TypeAdapter(list[Path])


def shortest(*, driver: Driver, database: str, source: str, target: str, max_hops: int,
             limit: int) -> list[Path]:
    """All shortest paths (up to `limit`) of at most `max_hops` derived ties between two actors
    (NotFound naming `from` or `to` for an unknown actor)."""
    row = read(driver, SHORTEST_PATHS[max_hops], database=database, source=source, target=target,
               entity_types=ENTITY_TYPES, limit=limit)[0]
    for name, entity_id, known in (("from", source, row["has_source"]), ("to", target, row["has_target"])):
        if not known:
            raise NotFound(f"No entity with id {entity_id!r}.", details={name: entity_id})
    return _PATHS.validate_python(row["paths"] or [])
