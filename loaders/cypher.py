"""The writer's Cypher, reviewed as constants.

Values always travel as ``$parameters``. Labels and relationship types cannot be parameters in Cypher, so
the queries that need one are generated here, at import time, from the schema's enums (`Label`,
`EventType`, `Relation`) into dicts keyed by the enum member: no label or type ever comes from input.
Every MERGE is on a key that `graph_schema` constrains (``id`` of each label) or, for derived ties, on
``key`` between two already-matched endpoints.
"""

from __future__ import annotations

from typing import LiteralString

from graph_schema.model import ENTITY_LABELS, EventType, Label, Relation

# --- the article itself -------------------------------------------------------------------------------

ARTICLE_STATE: LiteralString = """
MATCH (a:Article {id: $id})
RETURN a.content_hash AS content_hash, a.extractor AS extractor
"""

SAME_TEXT_ARTICLE: LiteralString = """
MATCH (a:Article {content_hash: $content_hash})
WHERE a.id <> $id
RETURN a.id AS id
ORDER BY a.id
LIMIT 1
"""

FIND_ARTICLE: LiteralString = """
MATCH (a:Article)
WHERE a.id = $ref OR a.url = $ref
RETURN a.id AS id
ORDER BY id
LIMIT 1
"""

MERGE_ARTICLE: LiteralString = """
MERGE (a:Article {id: $id})
SET a += $props, a.loaded_at = datetime()
"""

# What an article's claims and mentions touch, read before they are removed (retraction or replacement).
ARTICLE_FOOTPRINT: LiteralString = """
OPTIONAL MATCH (:Article {id: $id})-[:MENTIONS]->(m:Entity)
WITH collect(DISTINCT m.id) AS mentioned
OPTIONAL MATCH (c:Claim {article_id: $id})
OPTIONAL MATCH (c)-[:SUBJECT|OBJECT]->(e:Entity)
RETURN mentioned,
       collect(DISTINCT e.id) AS actors,
       collect(DISTINCT c.tie_key) AS tie_keys,
       collect(DISTINCT c.event_id) AS event_ids,
       count(DISTINCT c) AS claims
"""

DELETE_ARTICLE_CLAIMS: LiteralString = """
MATCH (c:Claim {article_id: $id})
DETACH DELETE c
"""

DELETE_ARTICLE_MENTIONS: LiteralString = """
MATCH (:Article {id: $id})-[m:MENTIONS]->()
DELETE m
"""

DELETE_ARTICLE: LiteralString = """
MATCH (a:Article {id: $id})
DETACH DELETE a
"""

# --- entities ---------------------------------------------------------------------------------------------


def _merge_entity(label: Label) -> LiteralString:
    # MERGE on :Entity(id) (constrained) and add the type label afterwards, so a node first seen under
    # another article keeps one identity. Aliases and the folded search text are unions: re-loading adds
    # nothing, and another article's names are kept.
    extra: LiteralString = ""
    if label is Label.PERSON:
        extra = ", e.role = coalesce(row.role, e.role), e.roles_json = coalesce(row.roles_json, e.roles_json)"
    elif label is Label.COUNTRY:
        extra = ", e.alpha2 = coalesce(row.alpha2, e.alpha2)"
    return (
        """
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:"""
        + label.value
        + """,
    e.name = row.name,
    e.source = row.source,
    e.qid = coalesce(row.qid, e.qid),
    e.country = coalesce(row.country, e.country),
    e.aliases = reduce(acc = coalesce(e.aliases, []), x IN row.aliases |
                       CASE WHEN x IN acc THEN acc ELSE acc + x END)"""
        + extra
        + """
WITH e, row,
     reduce(acc = CASE WHEN coalesce(e.search_text, '') = '' THEN [] ELSE split(e.search_text, ' | ') END,
            x IN row.folded | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS folded
SET e.search_text = reduce(s = head(folded), x IN tail(folded) | s + ' | ' + x)
RETURN count(e) AS n
"""
    )


MERGE_ENTITY: dict[Label, LiteralString] = {label: _merge_entity(label) for label in ENTITY_LABELS.values()}

# An entity's state, for organisations and people, and the state a place lies in. Only when that
# country is already a node: the writer never invents an entity the article did not name.
BELONGS_TO: LiteralString = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.id}), (c:Country {id: row.country})
MERGE (e)-[:BELONGS_TO]->(c)
"""

LOCATED_IN: LiteralString = """
UNWIND $rows AS row
MATCH (e:Place {id: row.id}), (c:Country {id: row.country})
MERGE (e)-[:LOCATED_IN]->(c)
"""

MERGE_MENTIONS: LiteralString = """
MATCH (a:Article {id: $article_id})
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count, m.surface = row.surface
RETURN count(m) AS n
"""

# --- claims and events ------------------------------------------------------------------------------------

MERGE_CLAIMS: LiteralString = """
MATCH (a:Article {id: $article_id})
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})
MERGE (c:Claim {id: row.props.id})
SET c += row.props
MERGE (c)-[:FROM_ARTICLE]->(a)
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)
RETURN count(c) AS n
"""


def _merge_event(event_type: EventType) -> LiteralString:
    return (
        """
UNWIND $rows AS row
MERGE (ev:Event {id: row.id})
SET ev:"""
        + event_type.value
        + """, ev.type = row.type, ev.title = row.title
RETURN count(ev) AS n
"""
    )


MERGE_EVENT: dict[EventType, LiteralString] = {t: _merge_event(t) for t in EventType}

LINK_CLAIMS_TO_EVENTS: LiteralString = """
UNWIND $rows AS row
MATCH (c:Claim {id: row.id}), (ev:Event {id: row.event_id})
MERGE (c)-[:ABOUT]->(ev)
RETURN count(*) AS n
"""

# --- recomputing what claims support ----------------------------------------------------------------------

DELETE_UNSUPPORTED_EVENTS: LiteralString = """
UNWIND $ids AS id
MATCH (ev:Event {id: id})
WHERE NOT EXISTS { (:Claim)-[:ABOUT]->(ev) }
DETACH DELETE ev
RETURN count(*) AS n
"""

# Participation and place are derived from the remaining claims: drop them, then rebuild.
REFRESH_EVENTS: LiteralString = """
UNWIND $ids AS id
MATCH (ev:Event {id: id})
OPTIONAL MATCH ()-[p:PARTICIPATED_IN]->(ev)
DELETE p
WITH DISTINCT ev
OPTIONAL MATCH (ev)-[t:TOOK_PLACE_IN]->()
DELETE t
WITH DISTINCT ev
MATCH (c:Claim)-[:ABOUT]->(ev)
WITH ev, c ORDER BY c.confidence DESC, c.id
WITH ev, count(c) AS support, collect(DISTINCT c.status) AS statuses, collect(c.place_id) AS places
// The event's date is the one most of its claims give (then the most precise, then the earliest); every
// date reported stays on its claim and is listed in ev.dates, so conflicting reports remain visible.
SET ev.support = support,
    ev.status = head([s IN $status_rank WHERE s IN statuses]),
    ev.place_id = head(places),
    ev.date = head(COLLECT {
        MATCH (c:Claim)-[:ABOUT]->(ev) WHERE c.date IS NOT NULL
        WITH c.date AS d, count(*) AS n ORDER BY n DESC, size(d) DESC, d
        RETURN d
    }),
    ev.dates = COLLECT {
        MATCH (c:Claim)-[:ABOUT]->(ev) WHERE c.date IS NOT NULL
        RETURN DISTINCT c.date AS d ORDER BY d
    }
WITH ev
SET ev.name = coalesce(ev.title, ev.type) + CASE WHEN ev.date IS NULL THEN '' ELSE ' (' + ev.date + ')' END
RETURN count(ev) AS n
"""

LINK_EVENT_PARTICIPANTS: LiteralString = """
UNWIND $ids AS id
MATCH (ev:Event {id: id})<-[:ABOUT]-(:Claim)-[r:SUBJECT|OBJECT]->(x:Entity)
WITH DISTINCT ev, x, toLower(type(r)) AS role
MERGE (x)-[:PARTICIPATED_IN {role: role}]->(ev)
"""

LINK_EVENT_PLACES: LiteralString = """
UNWIND $ids AS id
MATCH (ev:Event {id: id})
WHERE ev.place_id IS NOT NULL
MATCH (p:Entity {id: ev.place_id})
WHERE p:Place OR p:Country
MERGE (ev)-[:TOOK_PLACE_IN]->(p)
"""


def _delete_unsupported_ties(relation: Relation) -> LiteralString:
    return (
        """
UNWIND $keys AS key
MATCH ()-[r:"""
        + relation.value
        + """ {key: key}]->()
WHERE NOT EXISTS { MATCH (c:Claim {tie_key: key}) }
DELETE r
RETURN count(*) AS n
"""
    )


def _refresh_ties(relation: Relation) -> LiteralString:
    # Recomputed from the claims, never incremented: reloads and retractions stay exact.
    return (
        """
UNWIND $ties AS t
MATCH (c:Claim {tie_key: t.key})
WITH t, count(c) AS support, count(DISTINCT c.article_id) AS articles, max(c.confidence) AS confidence,
     collect(DISTINCT c.status) AS statuses, min(c.date) AS first_date, max(c.date) AS last_date
MATCH (s:Entity {id: t.source}), (o:Entity {id: t.target})
MERGE (s)-[r:"""
        + relation.value
        + """ {key: t.key}]->(o)
SET r.support = support,
    r.articles = articles,
    r.confidence = confidence,
    r.statuses = [x IN $status_rank WHERE x IN statuses],
    r.first_date = first_date,
    r.last_date = last_date
RETURN count(r) AS n
"""
    )


DELETE_UNSUPPORTED_TIES: dict[Relation, LiteralString] = {r: _delete_unsupported_ties(r) for r in Relation}
REFRESH_TIES: dict[Relation, LiteralString] = {r: _refresh_ties(r) for r in Relation}

DELETE_ORPHAN_ENTITIES: LiteralString = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(e) }
  AND NOT EXISTS { (:Claim)-[:SUBJECT|OBJECT]->(e) }
DETACH DELETE e
RETURN count(*) AS n
"""
