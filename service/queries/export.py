"""Reads behind the exports: ties (nodes, then edges), events one row each, claims with their evidence.

Rows are streamed from one auto-commit read session (`stream`), record by record, so a large graph never
sits in memory. Relationship types are spelled in the pattern (`[r:MET_WITH|VISITED|…]`) so the store's
type index is used; the list comes only from `graph_schema.model.Relation`, never from a request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, LiteralString

from neo4j import READ_ACCESS, Driver
from pydantic import BaseModel, ConfigDict

from graph_schema.model import Relation
from service.queries._common import ENTITY_TYPES, date_filter, evidence, span_filter


class ExportFilter(BaseModel):
    """What an export keeps: a date window, one relation, ties or events touching one state."""

    model_config = ConfigDict(frozen=True)

    since: str | None = None
    until: str | None = None
    relation: Relation | None = None
    country: str | None = None
    relations: tuple[Relation, ...] | None = None  # kept by a plover=/cameo= filter (None: every relation)

    def params(self) -> dict[str, Any]:
        """Query parameters shared by every export query."""
        coded = None if self.relations is None else [r.value for r in self.relations]
        return {"since": self.since, "until": self.until, "country": self.country, "relations": coded,
                "relation": self.relation.value if self.relation else None, "entity_types": ENTITY_TYPES}


def _types(relations: list[Relation]) -> LiteralString:
    """`A|B|C` from schema enum members (their values are reviewed constants, not request input)."""
    return "|".join(r.value for r in relations)


def _state(var: LiteralString) -> LiteralString:
    """The ISO alpha-3 of an actor's state: its own id for a Country, else its `country`."""
    return "CASE WHEN " + var + ":Country THEN " + var + ".id ELSE " + var + ".country END"


_TOUCHES_COUNTRY: LiteralString = "($country IS NULL OR $country IN [s.id, s.country, o.id, o.country])"
_CODED_TIE: LiteralString = "($relations IS NULL OR type(r) IN $relations)"


def _tie_match(types: LiteralString) -> LiteralString:
    return (
        "MATCH (s:Entity)-[r:" + types + "]->(o:Entity)\nWHERE " + _TOUCHES_COUNTRY + " AND " + _CODED_TIE + " AND "
        + span_filter("r.first_date", "r.last_date") + "\n"
    )


def _tie_nodes(types: LiteralString) -> LiteralString:
    return (
        _tie_match(types)
        + """UNWIND [s, o] AS n
WITH DISTINCT n
RETURN n.id AS id, n.name AS name, head([l IN labels(n) WHERE l IN $entity_types]) AS type, """
        + _state("n")
        + """ AS country
ORDER BY id
"""
    )


def _tie_edges(types: LiteralString) -> LiteralString:
    return (
        _tie_match(types)
        + """RETURN r.key AS key, type(r) AS relation, s.id AS source, o.id AS target, r.support AS support,
       r.articles AS articles, r.confidence AS confidence, r.first_date AS first_date,
       r.last_date AS last_date
ORDER BY key
"""
    )


_ALL: LiteralString = _types(list(Relation))
TIE_NODES: dict[Relation | None, LiteralString] = {None: _tie_nodes(_ALL)} | {
    rel: _tie_nodes(_types([rel])) for rel in Relation}
"""Every actor at either end of a kept tie, per relation (None: all relations)."""
TIE_EDGES: dict[Relation | None, LiteralString] = {None: _tie_edges(_ALL)} | {
    rel: _tie_edges(_types([rel])) for rel in Relation}
"""Every kept tie, per relation (None: all relations)."""

EVENTS: LiteralString = (
    """
MATCH (ev:Event)
WHERE ev.type IS NOT NULL AND """
    + date_filter("ev.date")
    + """
  AND ($country IS NULL OR EXISTS { MATCH (x:Entity)-[:PARTICIPATED_IN]->(ev)
                                    WHERE x.id = $country OR x.country = $country })
  AND ($relation IS NULL OR EXISTS { MATCH (c:Claim)-[:ABOUT]->(ev) WHERE c.relation = $relation })
  AND ($relations IS NULL OR EXISTS { MATCH (c:Claim)-[:ABOUT]->(ev) WHERE c.relation IN $relations })
WITH ev ORDER BY ev.date IS NULL, ev.date, ev.id
OPTIONAL CALL (ev) {
  MATCH (c:Claim)-[:ABOUT]->(ev)
  OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)
  WITH c, art ORDER BY art.published IS NULL, art.published, c.id LIMIT 1
  OPTIONAL MATCH (c)-[:SUBJECT]->(s:Entity)
  OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity)
  RETURN c, art, s, o
}
RETURN ev.id AS event_id, ev.date AS date, ev.type AS type, ev.status AS status,
       ev.name AS name,
       s.id AS source_id, s.name AS source_name, """
    + _state("s")
    + """ AS source_state,
       o.id AS target_id, o.name AS target_name, """
    + _state("o")
    + """ AS target_state,
       head(COLLECT { MATCH (ev)-[:TOOK_PLACE_IN]->(pl:Entity) WITH pl ORDER BY pl.id LIMIT 1
                      RETURN {id: pl.id, name: pl.name} }) AS place,
       ev.support AS support, art.url AS first_evidence_url
"""
)
"""One row per event: its first claim (earliest article) gives source, target, PLOVER category and URL."""


def _actor(var: LiteralString) -> LiteralString:
    return (
        "CASE WHEN " + var + " IS NULL THEN null ELSE {id: " + var + ".id, name: " + var + ".name, "
        "type: head([l IN labels(" + var + ") WHERE l IN $entity_types]), state: " + _state(var) + "} END"
    )


CLAIMS: LiteralString = (
    """
MATCH (c:Claim)
WHERE ($relation IS NULL OR c.relation = $relation) AND ($relations IS NULL OR c.relation IN $relations)
OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)
OPTIONAL MATCH (c)-[:SUBJECT]->(s:Entity)
OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity)
WITH c, art, s, o, coalesce(c.date, art.published) AS d
WHERE """
    + _TOUCHES_COUNTRY
    + " AND "
    + date_filter("d")
    + """
WITH c, art, s, o, d ORDER BY d IS NULL, d, c.id
RETURN """
    + evidence("c", "art")
    + " AS evidence, "
    + _actor("s")
    + " AS subject, "
    + _actor("o")
    + """ AS object,
       c.place_id AS place_id, c.weapon_id AS weapon_id, c.event_id AS event_id, c.tie_key AS tie_key
"""
)
"""Every kept claim with its evidence (sentence, offsets, extractor, article) and both actors."""


def stream(driver: Driver, query: LiteralString, *, database: str, **params: Any) -> Iterator[dict[str, Any]]:
    """Rows of one read query, fetched from the server as they are consumed (the session closes at the end)."""
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        for record in session.run(query, params):
            yield record.data()


def tie_nodes(*, driver: Driver, database: str, where: ExportFilter) -> Iterator[dict[str, Any]]:
    """Actors at either end of the kept ties, by id."""
    return stream(driver, TIE_NODES[where.relation], database=database, **where.params())


def tie_edges(*, driver: Driver, database: str, where: ExportFilter) -> Iterator[dict[str, Any]]:
    """The kept ties, by key."""
    return stream(driver, TIE_EDGES[where.relation], database=database, **where.params())


def events(*, driver: Driver, database: str, where: ExportFilter) -> Iterator[dict[str, Any]]:
    """One row per kept event, oldest first."""
    return stream(driver, EVENTS, database=database, **where.params())


def claims(*, driver: Driver, database: str, where: ExportFilter) -> Iterator[dict[str, Any]]:
    """The kept claims with evidence, oldest first."""
    return stream(driver, CLAIMS, database=database, **where.params())
