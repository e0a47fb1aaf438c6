"""Actors: search (full-text, multilingual), one actor, its direct ties and its ego network."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Literal, LiteralString

from neo4j import READ_ACCESS, Driver, ManagedTransaction
from neo4j.exceptions import ClientError
from pydantic import TypeAdapter

from graph_schema.model import EntityType, Relation
from graph_schema.text import search_fold
from service.deps import Page
from service.errors import BadRequest, SchemaNotApplied, is_auth_error
from service.queries._common import ENTITY_TYPES, RELATIONS, SYMMETRIC, evidence, read, ref, span_filter
from service.queries.health import missing_migrations
from service.schemas import (
    EgoGraph,
    EntityDetail,
    EntitySummary,
    GraphEdge,
    GraphNode,
    RelationCount,
    RoleOut,
    Tie,
)

Direction = Literal["out", "in", "both"]
_ROLES = TypeAdapter(list[RoleOut])

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

DETAIL: LiteralString = """
MATCH (n:Entity {id: $id})
RETURN n {.*} AS props,
       head([l IN labels(n) WHERE l IN $entity_types]) AS type,
       COLLECT { MATCH (n)-[r]->(:Entity) WHERE type(r) IN $relations RETURN type(r) } AS outgoing,
       COLLECT { MATCH (n)<-[r]-(:Entity) WHERE type(r) IN $relations RETURN type(r) } AS incoming,
       COUNT { MATCH (n)-[:PARTICIPATED_IN]->(ev:Event) RETURN DISTINCT ev } AS events,
       COUNT { MATCH (a:Article)-[m:MENTIONS]->(n) WHERE m.count > 0 RETURN DISTINCT a } AS articles
"""

# Symmetric ties match in either direction whatever `direction` asks: they are stored once per pair.
RELATIONSHIPS: LiteralString = (
    """
MATCH (n:Entity {id: $id})-[r]-(o:Entity)
WHERE type(r) IN $relations
  AND ($direction = 'both' OR type(r) IN $symmetric
       OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
  AND """
    + span_filter("r.first_date", "r.last_date")
    + """
WITH n, r, o
ORDER BY r.support DESC, coalesce(r.last_date, '') DESC, o.name, r.key
SKIP $skip LIMIT $limit
CALL (r) {
  OPTIONAL MATCH (c:Claim {tie_key: r.key})
  OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)
  WITH c, art ORDER BY c.date, c.id LIMIT 5
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE """
    + evidence("c", "art")
    + """ END) AS evidence
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

# One hop of the ego network: the not-yet-seen neighbours of the frontier, strongest ties first.
EGO_HOP: LiteralString = """
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $frontier AND type(r) IN $relations AND NOT b.id IN $seen
WITH b, sum(coalesce(r.support, 1)) AS weight
ORDER BY weight DESC, b.name, b.id
LIMIT $limit
RETURN b.id AS id, b.name AS name, head([l IN labels(b) WHERE l IN $entity_types]) AS type,
       b.country AS country
"""

EGO_CENTER: LiteralString = """
MATCH (b:Entity {id: $id})
RETURN b.id AS id, b.name AS name, head([l IN labels(b) WHERE l IN $entity_types]) AS type,
       b.country AS country
"""

EGO_EDGES: LiteralString = """
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $relations
RETURN coalesce(r.key, elementId(r)) AS id, a.id AS source, b.id AS target, type(r) AS relation,
       r.support AS support, r.articles AS articles, r.confidence AS confidence,
       r.first_date AS first_date, r.last_date AS last_date
ORDER BY id
"""

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
    return [EntitySummary.model_validate(row) for row in rows]


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
    rows = read(driver, DETAIL, database=database, id=entity_id, entity_types=ENTITY_TYPES,
                relations=RELATIONS)
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


def relationships(*, driver: Driver, database: str, entity_id: str, relation: Relation | None,
                  direction: Direction, since: str | None, until: str | None,
                  min_confidence: float | None, page: Page) -> list[Tie]:
    """The actor's derived ties with support, dates, confidence, the other actor and first evidence."""
    rows = read(
        driver, RELATIONSHIPS, database=database, id=entity_id,
        relations=[relation.value] if relation else RELATIONS, symmetric=SYMMETRIC, direction=direction,
        min_confidence=min_confidence, since=since, until=until, entity_types=ENTITY_TYPES,
        skip=page.offset, limit=page.limit + 1,
    )
    return [Tie.model_validate(row) for row in rows]


def ego_graph(*, driver: Driver, database: str, entity_id: str, depth: int, limit: int) -> EgoGraph:
    """Breadth-first neighbourhood over derived ties, at most `limit` nodes, in one read transaction."""

    def work(tx: ManagedTransaction) -> EgoGraph:
        center = tx.run(EGO_CENTER, id=entity_id, entity_types=ENTITY_TYPES).data()
        nodes = [GraphNode.model_validate({**center[0], "depth": 0})]
        seen = [entity_id]
        frontier = [entity_id]
        truncated = False
        for hop in range(1, depth + 1):
            room = limit - len(nodes)
            if room <= 0 or not frontier:
                truncated = truncated or (room <= 0 and bool(frontier))
                break
            found = tx.run(EGO_HOP, frontier=frontier, seen=seen, relations=RELATIONS,
                           entity_types=ENTITY_TYPES, limit=room + 1).data()
            if len(found) > room:
                truncated, found = True, found[:room]
            nodes += [GraphNode.model_validate({**row, "depth": hop}) for row in found]
            frontier = [row["id"] for row in found]
            seen += frontier
        edges = tx.run(EGO_EDGES, ids=seen, relations=RELATIONS).data()
        return EgoGraph(center=entity_id, depth=depth, nodes=nodes,
                        edges=[GraphEdge.model_validate(e) for e in edges], truncated=truncated)

    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        return session.execute_read(work)

