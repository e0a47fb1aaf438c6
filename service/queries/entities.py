"""Actors: search (full-text, multilingual), one actor, its direct ties and its ego network."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Literal, LiteralString

from neo4j import Driver
from neo4j.exceptions import ClientError
from pydantic import TypeAdapter

from graph_schema.model import EntityType, Relation
from graph_schema.text import search_fold
from service.code_params import CodeFilter
from service.deps import Page
from service.errors import BadRequest, NotFound, SchemaNotApplied, is_auth_error
from service.queries._common import (
    ENTITY_TYPES,
    RELATIONS,
    SYMMETRIC,
    first_evidence,
    read,
    ref,
    span_filter,
    tie_types,
    typed,
    typed_per_relation,
)
from service.queries.health import missing_migrations
from service.schemas import (
    EgoGraph,
    EntityDetail,
    EntitySummary,
    RelationCount,
    RoleOut,
    Tie,
)

Direction = Literal["out", "in", "both"]
_ROLES = TypeAdapter(list[RoleOut])
# Whole lists validated in one call (pydantic's core loops over them), not one model_validate per row.
_SUMMARIES = TypeAdapter(list[EntitySummary])
_TIES = TypeAdapter(list[Tie])

_SUMMARY: LiteralString = """
       n.id AS id, n.name AS name, head([l IN labels(n) WHERE l IN $entity_types]) AS type,
       coalesce(n.aliases, []) AS aliases, n.qid AS qid, n.country AS country, n.role AS role"""

SEARCH: LiteralString = (
    """
CALL db.index.fulltext.queryNodes('ft_entity_names', $lucene) YIELD node AS n, score
WHERE $type IS NULL OR $type IN labels(n)
WITH n, score,
     ($folded IN [s IN split(coalesce(n.search_text, ''), '|') | trim(s)]
      OR toLower(n.name) = $folded) AS exact
ORDER BY exact DESC, score DESC, n.name, n.id
SKIP $skip LIMIT $limit
RETURN score, exact,"""
    + _SUMMARY
)

LIST: LiteralString = (
    """
MATCH (n:Entity)
WHERE $type IS NULL OR $type IN labels(n)
WITH n ORDER BY n.name, n.id
SKIP $skip LIMIT $limit
RETURN"""
    + _SUMMARY
)

EXISTS: LiteralString = "MATCH (n:Entity {id: $id}) RETURN n.id AS id"

DETAIL: LiteralString = typed("""
MATCH (n:Entity {id: $id})
RETURN n {.*} AS props,
       head([l IN labels(n) WHERE l IN $entity_types]) AS type,
       COLLECT { MATCH (n)-[r:__TIES__]->(:Entity) RETURN type(r) } AS outgoing,
       COLLECT { MATCH (n)<-[r:__TIES__]-(:Entity) RETURN type(r) } AS incoming,
       COUNT { MATCH (n)-[:PARTICIPATED_IN]->(ev:Event) RETURN DISTINCT ev } AS events,
       COUNT { MATCH (a:Article)-[m:MENTIONS]->(n) WHERE m.count > 0 RETURN DISTINCT a } AS articles
""")

# Symmetric ties match in either direction whatever `direction` asks: they are stored once per pair.
# One round trip: no row means no such actor; one row with a null key means an actor without such ties.
_RELATIONSHIPS: LiteralString = (
    """
MATCH (n:Entity {id: $id})
OPTIONAL CALL (n) {
  MATCH (n)-[r:__TIES__]-(o:Entity)
  WHERE ($direction = 'both' OR type(r) IN $symmetric
         OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
    AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
    AND """
    + span_filter("r.first_date", "r.last_date")
    + """
  WITH r, o
  ORDER BY r.support DESC, coalesce(r.last_date, '') DESC, o.name, r.key
  SKIP $skip LIMIT $limit
  RETURN r, o, COLLECT { """
    + first_evidence("r")
    + """ } AS evidence
}
RETURN r.key AS key, type(r) AS relation,
       CASE WHEN type(r) IN $symmetric THEN 'both' WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       """
    + ref("o")
    + """ AS other,
       r.support AS support, r.articles AS articles, r.confidence AS confidence,
       coalesce(r.statuses, []) AS statuses, r.first_date AS first_date, r.last_date AS last_date,
       evidence
"""
)
RELATIONSHIPS: dict[Relation | None, LiteralString] = typed_per_relation(_RELATIONSHIPS)
"""The relationships query for one relation's type, or for every tie type (None)."""

_NODE: LiteralString = "{id: b.id, name: b.name, type: head([l IN labels(b) WHERE l IN $entity_types]), " \
    "country: b.country}"

# One hop of the ego network: the not-yet-seen neighbours of the frontier, strongest ties first, at most
# `room` of them (room = $limit - nodes so far). A hop with no room, or no frontier, finds nothing more and
# marks the graph truncated when a frontier was left unexplored.
_EGO_HOP: LiteralString = """
CALL (seen, frontier) {
  MATCH (a:Entity)-[r:__TIES__]-(b:Entity)
  WHERE size(seen) < $limit AND a.id IN frontier AND NOT b.id IN seen
  WITH b, sum(coalesce(r.support, 1)) AS weight
  ORDER BY weight DESC, b.name, b.id
  RETURN collect(""" + _NODE + """) AS found
}
WITH center, seen, frontier, hops, truncated, found, $limit - size(seen) AS room
WITH center, seen, hops, found, room,
     truncated OR (room <= 0 AND size(frontier) > 0) OR (room > 0 AND size(found) > room) AS truncated
WITH center, hops, truncated, CASE WHEN room <= 0 THEN [] ELSE found[..room] END AS found, seen
WITH center, hops + [found] AS hops, truncated, [x IN found | x.id] AS frontier, seen + [x IN found | x.id] AS seen
"""

_EGO_START: LiteralString = """
MATCH (b:Entity {id: $id})
WITH """ + _NODE + """ AS center, [b.id] AS seen, [b.id] AS frontier, [] AS hops, false AS truncated
"""

# The edges among the nodes found: each node read once by id, then its incoming ties kept when the
# other end is among those nodes (node identity, no property read or label check per expanded tie).
_EGO_END: LiteralString = typed("""
CALL (seen) {
  MATCH (n:Entity) WHERE n.id IN seen
  WITH collect(n) AS nodes
  UNWIND nodes AS b
  MATCH (a)-[r:__TIES__]->(b)
  WHERE a IN nodes
  WITH a, r, b ORDER BY coalesce(r.key, elementId(r))
  RETURN collect({id: coalesce(r.key, elementId(r)), source: a.id, target: b.id, relation: type(r),
                  support: r.support, articles: r.articles, confidence: r.confidence,
                  first_date: r.first_date, last_date: r.last_date}) AS edges
}
RETURN center, hops, truncated, edges
""")

EGO_GRAPH: dict[int, LiteralString] = {
    depth: _EGO_START + typed(_EGO_HOP) * depth + _EGO_END for depth in (1, 2, 3)
}
"""The whole ego network in one query, per depth (the API allows 1 to 3 hops)."""

# Lucene's query syntax characters; a backslash escapes each one (&& and || are covered by & and |).
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
# Words the standard analyzer drops: a prefix query on one would demand a term that is never indexed.
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
})


def lucene_query(q: str) -> str:
    """A Lucene query for q: every word required, the last one also as a prefix, the phrase boosted."""
    words = [_LUCENE_SPECIAL.sub(r"\\\1", w) for w in search_fold(q).split()]
    if not words:
        raise BadRequest("q has no searchable characters.", details={"q": q})
    last = words[-1]
    clauses = [*words[:-1], last if last in _STOPWORDS else f"({last} OR {last}*)"]
    query = " AND ".join(clauses)
    if len(words) > 1:
        query = f'({query}) OR "{" ".join(words)}"^4'
    return query


def search(*, driver: Driver, database: str, q: str | None, type: EntityType | None,
           page: Page) -> list[EntitySummary]:
    """Actors whose name or alias matches q (exact alias hits first), or all actors by name."""
    params: dict[str, Any] = {
        "type": type.value if type else None, "entity_types": ENTITY_TYPES,
        "skip": page.offset, "limit": page.limit + 1,
    }
    if q is None or not q.strip():
        rows = read(driver, LIST, database=database, **params)
    else:
        try:
            rows = read(driver, SEARCH, database=database, lucene=lucene_query(q), folded=search_fold(q), **params)
        except ClientError as exc:  # a query Lucene still refuses: the user's input, not our fault …
            _raise_unless_bad_query(exc, driver=driver, database=database)
            raise BadRequest("q could not be parsed as a search.", details={"q": q}) from exc
    return _SUMMARIES.validate_python(rows)


def _raise_unless_bad_query(exc: ClientError, *, driver: Driver, database: str) -> None:
    """… unless Neo4j refused our credentials, or the full-text index is missing (schema not applied)."""
    if is_auth_error(exc):
        raise exc
    _, missing = missing_migrations(driver=driver, database=database)
    if missing:
        raise SchemaNotApplied("The graph's schema is not applied (run `tiesgraph schema apply`).",
                               details={"missing": missing}) from exc


def exists(*, driver: Driver, database: str, entity_id: str) -> bool:
    """Whether an actor has this id."""
    return bool(read(driver, EXISTS, database=database, id=entity_id))


def _roles(raw: object) -> list[RoleOut]:
    """The dated roles the writer stored as JSON (a malformed value reads as no roles)."""
    if not isinstance(raw, str) or not raw:
        return []
    try:
        return sorted(_ROLES.validate_json(raw), key=lambda r: r.start or "")
    except ValueError:
        return []


def get(*, driver: Driver, database: str, entity_id: str) -> EntityDetail | None:
    """One actor with its ties counted per relation and direction."""
    rows = read(driver, DETAIL, database=database, id=entity_id, entity_types=ENTITY_TYPES)
    if not rows:
        return None
    row = rows[0]
    props: dict[str, Any] = row["props"]
    out, inc = Counter(row["outgoing"]), Counter(row["incoming"])
    return EntityDetail(
        id=props["id"], name=props.get("name"), type=row["type"],
        aliases=props.get("aliases") or [], qid=props.get("qid"), country=props.get("country"),
        alpha2=props.get("alpha2"), role=props.get("role"), roles=_roles(props.get("roles_json")),
        source=props.get("source"),
        ties=[RelationCount(relation=Relation(rel), outgoing=out[rel], incoming=inc[rel])
              for rel in RELATIONS if out[rel] or inc[rel]],
        events=row["events"], articles=row["articles"],
    )


def not_found(entity_id: str) -> NotFound:
    """The API's 404 for an unknown actor id."""
    return NotFound(f"No entity with id {entity_id!r}.", details={"id": entity_id})


def relationships(*, driver: Driver, database: str, entity_id: str, relation: Relation | None,
                  direction: Direction, since: str | None, until: str | None,
                  min_confidence: float | None, page: Page, codes: CodeFilter | None = None) -> list[Tie]:
    """The actor's derived ties with support, dates, confidence, the other actor and first evidence
    (NotFound for an unknown actor: the existence check is part of the same query)."""
    query = RELATIONSHIPS[relation]
    if codes is not None and codes.relations is not None:
        query = typed(_RELATIONSHIPS, tie_types(r for r in codes.relations if relation in (None, r)))
    rows = read(
        driver, query, database=database, id=entity_id, symmetric=SYMMETRIC,
        direction=direction, min_confidence=min_confidence, since=since, until=until,
        entity_types=ENTITY_TYPES, skip=page.offset, limit=page.limit + 1,
    )
    if not rows:
        raise not_found(entity_id)
    return _TIES.validate_python([row for row in rows if row["key"] is not None])


def ego_graph(*, driver: Driver, database: str, entity_id: str, depth: int, limit: int) -> EgoGraph:
    """Breadth-first neighbourhood over derived ties, at most `limit` nodes, in one query (NotFound for an
    unknown actor)."""
    rows = read(driver, EGO_GRAPH[depth], database=database, id=entity_id, limit=limit,
                entity_types=ENTITY_TYPES)
    if not rows:
        raise not_found(entity_id)
    row = rows[0]
    nodes = [{**row["center"], "depth": 0}]
    nodes += [{**n, "depth": hop} for hop, found in enumerate(row["hops"], 1) for n in found]
    return EgoGraph.model_validate({"center": entity_id, "depth": depth, "nodes": nodes, "edges": row["edges"],
                                    "truncated": row["truncated"]})
