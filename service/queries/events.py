"""Events (meetings, visits, transfers …): lists with filters, and one event with its claims."""

from __future__ import annotations

from typing import LiteralString

from neo4j import Driver

from graph_schema.model import EventType
from service.code_params import CodeFilter
from service.deps import Page
from service.queries._common import ENTITY_TYPES, date_filter, evidence, read, ref
from service.schemas import Claim, EventDetail, EventSummary

# Projection of an event `ev` with its participants and place (an EventSummary).
EVENT_FIELDS: LiteralString = (
    """
       ev.id AS id, ev.type AS type, ev.name AS name, ev.date AS date, coalesce(ev.dates, []) AS dates,
       ev.status AS status,
       ev.support AS support,
       head(COLLECT { MATCH (ev)-[:TOOK_PLACE_IN]->(pl:Entity) WITH pl ORDER BY pl.id LIMIT 1 RETURN """
    + ref("pl")
    + """ }) AS place,
       COLLECT { MATCH (x:Entity)-[p:PARTICIPATED_IN]->(ev)
                 WITH x, collect(p.role) AS roles ORDER BY x.name, x.id
                 RETURN {id: x.id, name: x.name, type: head([l IN labels(x) WHERE l IN $entity_types]),
                         role: reduce(s = head(roles), r IN tail(roles) | s + ',' + r)} } AS participants"""
)

# First claims reporting the event `ev`, as Evidence (the timeline shows a few per event).
EVENT_EVIDENCE: LiteralString = (
    """
       COLLECT { MATCH (c:Claim)-[:ABOUT]->(ev)
                 OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)
                 WITH c, art ORDER BY c.confidence DESC, c.id LIMIT 5
                 RETURN """
    + evidence("c", "art")
    + """ } AS evidence"""
)

LIST: LiteralString = (
    """
MATCH (ev:Event)
WHERE ev.type IS NOT NULL
  AND ($type IS NULL OR ev.type = $type)
  AND ($event_types IS NULL OR ev.type IN $event_types)
  AND ($actor IS NULL OR EXISTS { MATCH (:Entity {id: $actor})-[:PARTICIPATED_IN]->(ev) })
  AND ($country IS NULL OR EXISTS { MATCH (x:Entity)-[:PARTICIPATED_IN]->(ev)
                                    WHERE x.id = $country OR x.country = $country })
  AND """
    + date_filter("ev.date")
    + """
WITH ev ORDER BY coalesce(ev.date, '') DESC, ev.id
SKIP $skip LIMIT $limit
RETURN"""
    + EVENT_FIELDS
)

# Every claim of one event, with subject, object, place and article.
CLAIMS_OF_EVENT: LiteralString = (
    """
MATCH (c:Claim)-[:ABOUT]->(:Event {id: $id})
OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)
OPTIONAL MATCH (c)-[:SUBJECT]->(s:Entity)
OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (pl:Entity {id: c.place_id})
WITH c, art, s, o, pl ORDER BY art.published, c.sentence_index, c.id
RETURN """
    + evidence("c", "art")
    + " AS evidence, "
    + ref("s")
    + " AS subject, "
    + ref("o")
    + " AS object, "
    + ref("pl")
    + """ AS place, c.event_id AS event_id
"""
)


def claim_from_row(row: dict[str, object]) -> Claim:
    """A Claim from a row holding its evidence map and its subject, object, place and event id."""
    ev = row["evidence"]
    assert isinstance(ev, dict)
    return Claim.model_validate({**ev, **{k: row[k] for k in ("subject", "object", "place", "event_id")}})


DETAIL: LiteralString = (
    """
MATCH (ev:Event {id: $id})
RETURN"""
    + EVENT_FIELDS
)


def list_events(*, driver: Driver, database: str, type: EventType | None, actor: str | None,
                country: str | None, since: str | None, until: str | None, page: Page,
                codes: CodeFilter | None = None) -> list[EventSummary]:
    """Events, newest first, filtered by type, PLOVER/CAMEO code, participant, participant's state and date."""
    event_types = codes.event_types if codes else None
    rows = read(driver, LIST, database=database, type=type.value if type else None, actor=actor,
                event_types=event_types,
                country=country, since=since, until=until, entity_types=ENTITY_TYPES,
                skip=page.offset, limit=page.limit + 1)
    return [EventSummary.model_validate(row) for row in rows]


def get(*, driver: Driver, database: str, event_id: str) -> EventDetail | None:
    """One event with every claim that reports it."""
    rows = read(driver, DETAIL, database=database, id=event_id, entity_types=ENTITY_TYPES)
    if not rows:
        return None
    claims = read(driver, CLAIMS_OF_EVENT, database=database, id=event_id, entity_types=ENTITY_TYPES)
    return EventDetail.model_validate({**rows[0], "claims": [claim_from_row(r) for r in claims]})
