"""Everything between two states (or any two actors): events on a timeline, direct ties, yearly counts.

A side is the actor itself plus, for a state, the actors whose `country` it is (officials, ministries,
armed forces, cities) and the people holding a role in it or in one of its institutions.
"""

from __future__ import annotations

from typing import LiteralString

from neo4j import Driver

from service.queries._common import ENTITY_TYPES, RELATIONS, date_filter, evidence, read, ref, span_filter
from service.queries.events import EVENT_EVIDENCE, EVENT_FIELDS
from service.schemas import EntityRef, TieBetween, TiesReport, TimelineEvent, YearCount


def _side(var: LiteralString, param: LiteralString) -> LiteralString:
    return (
        "(" + var + ".id = " + param + " OR " + var + ".country = " + param
        + " OR EXISTS { MATCH (" + var + ")-[:HOLDS_ROLE]->(h:Entity) WHERE h.id = " + param
        + " OR h.country = " + param + " })"
    )


ENDPOINTS: LiteralString = """
UNWIND [$a, $b] AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, """ + ref("n") + " AS entity"

TIMELINE: LiteralString = (
    """
MATCH (x:Entity)-[:PARTICIPATED_IN]->(ev:Event)
WHERE """
    + _side("x", "$a")
    + """
WITH DISTINCT ev
WHERE ev.type IS NOT NULL
  AND EXISTS { MATCH (y:Entity)-[:PARTICIPATED_IN]->(ev) WHERE """
    + _side("y", "$b")
    + """ }
  AND """
    + date_filter("ev.date")
    + """
WITH ev ORDER BY ev.date IS NULL, ev.date, ev.id
LIMIT $limit
RETURN"""
    + EVENT_FIELDS
    + ","
    + EVENT_EVIDENCE
)

TIES: LiteralString = (
    """
MATCH (x:Entity)
WHERE """
    + _side("x", "$a")
    + """
MATCH (x)-[r]-(y:Entity)
WHERE type(r) IN $relations AND """
    + _side("y", "$b")
    + """
WITH DISTINCT r
WHERE """
    + span_filter("r.first_date", "r.last_date")
    + """
WITH r, startNode(r) AS s, endNode(r) AS o
ORDER BY r.support DESC, r.key
LIMIT $limit
RETURN r.key AS key, type(r) AS relation, """
    + ref("s")
    + " AS source, "
    + ref("o")
    + """ AS target,
       r.support AS support, r.articles AS articles, r.confidence AS confidence,
       r.first_date AS first_date, r.last_date AS last_date,
       COLLECT { MATCH (c:Claim {tie_key: r.key})
                 OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)
                 WITH c, art ORDER BY c.date, c.id LIMIT 5
                 RETURN """
    + evidence("c", "art")
    + """ } AS evidence
"""
)

COUNTS: LiteralString = (
    """
MATCH (x:Entity)
WHERE """
    + _side("x", "$a")
    + """
MATCH (c:Claim)-[:SUBJECT|OBJECT]->(x)
WITH DISTINCT c
WHERE EXISTS { MATCH (c)-[:SUBJECT|OBJECT]->(y:Entity) WHERE """
    + _side("y", "$b")
    + """ }
OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)
WITH c, art, coalesce(c.date, art.published) AS d
WHERE """
    + date_filter("d")
    + """
RETURN c.relation AS relation, left(d, 4) AS year, count(c) AS claims, count(DISTINCT art) AS articles
ORDER BY year, relation
"""
)


def endpoints(*, driver: Driver, database: str, a: str, b: str) -> dict[str, EntityRef | None]:
    """The two actors by id (None for an unknown id)."""
    rows = read(driver, ENDPOINTS, database=database, a=a, b=b, entity_types=ENTITY_TYPES)
    return {row["id"]: EntityRef.model_validate(row["entity"]) if row["entity"] else None for row in rows}


def between(*, driver: Driver, database: str, a: EntityRef, b: EntityRef, since: str | None,
            until: str | None, limit: int) -> TiesReport:
    """Timeline of shared events, direct ties across the two sides, and claims per relation per year."""
    common = {"a": a.id, "b": b.id, "since": since, "until": until, "entity_types": ENTITY_TYPES}
    events = read(driver, TIMELINE, database=database, limit=limit, **common)
    ties = read(driver, TIES, database=database, relations=RELATIONS, limit=limit, **common)
    counts = read(driver, COUNTS, database=database, **common)
    return TiesReport(
        a=a, b=b,
        events=[TimelineEvent.model_validate(e) for e in events],
        ties=[TieBetween.model_validate(t) for t in ties],
        counts=[YearCount.model_validate(c) for c in counts],
    )
