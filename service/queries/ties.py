"""Everything between two states (or any two actors): events on a timeline, direct ties, yearly counts.

A side is the actor itself plus, for a state, the actors whose `country` it is (officials, ministries,
armed forces, cities) and the people holding a role in it or in one of its institutions.
"""

from __future__ import annotations

from typing import LiteralString

from neo4j import Driver

from service.code_params import CodeFilter
from service.errors import NotFound
from service.queries._common import (
    ENTITY_TYPES,
    date_filter,
    first_evidence,
    read,
    ref,
    span_filter,
    tie_types,
    typed,
)
from service.queries.events import EVENT_EVIDENCE, EVENT_FIELDS
from service.schemas import EntityRef, TiesReport


def _side(var: LiteralString, param: LiteralString) -> LiteralString:
    """A subquery giving `var` for every actor of the side `param`, each found through an index (the id
    constraint, the country index, then HOLDS_ROLE ties from those)."""
    return (
        "CALL () { MATCH (" + var + ":Entity {id: " + param + "}) RETURN " + var
        + " UNION MATCH (" + var + ":Entity {country: " + param + "}) RETURN " + var
        + " UNION MATCH (:Entity {id: " + param + "})<-[:HOLDS_ROLE]-(" + var + ":Entity) RETURN " + var
        + " UNION MATCH (:Entity {country: " + param + "})<-[:HOLDS_ROLE]-(" + var + ":Entity) RETURN " + var
        + " }\n"
    )


def _near_far(near: LiteralString, far: LiteralString, edge: LiteralString) -> LiteralString:
    """Subquery body naming the sides `near` (the one with fewer `edge` relationships, read from the
    degree store, nothing expanded) and `far`: the report walks claims and events from the near side and
    only checks them against the far one, so a small actor's report beside a hub stays small."""
    return (
        "CALL (sa) { UNWIND sa AS x RETURN sum(COUNT { (x)" + edge + "() }) AS da }\n"
        "  CALL (sb) { UNWIND sb AS y RETURN sum(COUNT { (y)" + edge + "() }) AS db }\n"
        "  RETURN CASE WHEN da <= db THEN sa ELSE sb END AS " + near
        + ", CASE WHEN da <= db THEN sb ELSE sa END AS " + far
    )


ENDPOINTS: LiteralString = """
UNWIND [$a, $b] AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, """ + ref("n") + " AS entity"

_EVENT_COLUMNS: tuple[LiteralString, ...] = (
    "id", "type", "name", "date", "dates", "status", "support", "place", "participants", "evidence",
)

# Everything between the two sides in one round trip: both endpoints, then each side once, then the
# timeline, the direct ties and the yearly counts as three lists.
_REPORT: LiteralString = (
    """
OPTIONAL MATCH (na:Entity {id: $a})
OPTIONAL MATCH (nb:Entity {id: $b})
CALL () { """ + _side("x", "$a") + """ RETURN collect(x) AS sa }
CALL () { """ + _side("y", "$b") + """ RETURN collect(y) AS sb }
CALL (sa, sb) { """ + _near_far("en", "ef", "-[:PARTICIPATED_IN]->") + """ }
CALL (sa, sb) { """ + _near_far("cn", "cf", "<-[:SUBJECT|OBJECT]-") + """ }
OPTIONAL CALL (en, ef) {
  UNWIND en AS x
  MATCH (x)-[:PARTICIPATED_IN]->(ev)
  WITH DISTINCT ev, ef
  WHERE ev.type IS NOT NULL
    AND ($event_types IS NULL OR ev.type IN $event_types)
    AND EXISTS { MATCH (y)-[:PARTICIPATED_IN]->(ev) WHERE y IN ef }
    AND """
    + date_filter("ev.date")
    + """
  WITH ev ORDER BY ev.date IS NULL, ev.date, ev.id
  LIMIT $limit
  RETURN"""
    + EVENT_FIELDS
    + ","
    + EVENT_EVIDENCE
    + """
}
WITH na, nb, sa, sb, cn, cf, collect(CASE WHEN id IS NULL THEN null ELSE {"""
    + ", ".join(c + ": " + c for c in _EVENT_COLUMNS)
    + """} END) AS events
CALL (sa, sb) {
  UNWIND sa AS x
  MATCH (x)-[r:__TIES__]-(y:Entity)
  WHERE y IN sb
  WITH DISTINCT r
  WHERE """
    + span_filter("r.first_date", "r.last_date")
    + """
  WITH r, startNode(r) AS s, endNode(r) AS o
  ORDER BY r.support DESC, r.key
  LIMIT $limit
  RETURN collect({key: r.key, relation: type(r), source: """
    + ref("s")
    + ", target: "
    + ref("o")
    + """,
       support: r.support, articles: r.articles, confidence: r.confidence,
       first_date: r.first_date, last_date: r.last_date,
       evidence: COLLECT { """
    + first_evidence("r")
    + """ }}) AS ties
}
CALL (cn, cf) {
  UNWIND cn AS x
  MATCH (c)-[:SUBJECT|OBJECT]->(x)
  WITH DISTINCT c, cf
  WHERE ($relations IS NULL OR c.relation IN $relations)
    AND EXISTS { MATCH (c)-[:SUBJECT|OBJECT]->(y) WHERE y IN cf }
  WITH c, CASE WHEN c.date IS NULL
               THEN head(COLLECT { MATCH (c)-[:FROM_ARTICLE]->(art:Article) RETURN art.published })
               ELSE c.date END AS d
  WHERE """
    + date_filter("d")
    + """
  WITH c.relation AS relation, left(d, 4) AS year, count(c) AS claims, count(DISTINCT c.article_id) AS articles
  ORDER BY year, relation
  RETURN collect({relation: relation, year: year, claims: claims, articles: articles}) AS counts
}
RETURN """
    + ref("na")
    + " AS a, "
    + ref("nb")
    + """ AS b, events, ties, counts
"""
)
REPORT: LiteralString = typed(_REPORT)

def endpoints(*, driver: Driver, database: str, a: str, b: str) -> dict[str, EntityRef | None]:
    """The two actors by id (None for an unknown id)."""
    rows = read(driver, ENDPOINTS, database=database, a=a, b=b, entity_types=ENTITY_TYPES)
    return {row["id"]: EntityRef.model_validate(row["entity"]) if row["entity"] else None for row in rows}


def report(*, driver: Driver, database: str, a: str, b: str, since: str | None, until: str | None,
           limit: int, codes: CodeFilter | None = None) -> TiesReport:
    """Timeline of shared events, direct ties across the two sides, and claims per relation per year, in
    one query, all kept by `codes` (NotFound listing the unknown ids when an actor is unknown)."""
    codes = codes or CodeFilter()
    query = REPORT if codes.relations is None else typed(_REPORT, tie_types(codes.relations))
    row = read(driver, query, database=database, a=a, b=b, since=since, until=until, limit=limit,
               entity_types=ENTITY_TYPES, relations=codes.relation_names, event_types=codes.event_types)[0]
    unknown = [x for x, r in ((a, row["a"]), (b, row["b"])) if r is None]
    if unknown:
        raise NotFound(f"No entity with id {unknown[0]!r}.", details={"unknown": unknown})
    return TiesReport.model_validate(row)


def between(*, driver: Driver, database: str, a: EntityRef, b: EntityRef, since: str | None,
            until: str | None, limit: int) -> TiesReport:
    """`report` for two actors already known to exist."""
    return report(driver=driver, database=database, a=a.id, b=b.id, since=since, until=until, limit=limit)
