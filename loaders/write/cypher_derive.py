"""The writer's Cypher that recomputes what claims support (entities, events, ties), reviewed as constants.

Everything derived is recomputed from the claims and mentions that remain, never incremented, so reloads
and retractions stay exact. Derived tie types are spelled statically, one ``MERGE`` branch per `Relation`
generated at import time (a ``MERGE`` on a dynamic type scans every relationship in Neo4j 5.26; a typed
one expands between its two endpoints).
Assembled into statements by `loaders.write.cypher`.
"""

from __future__ import annotations

from typing import LiteralString

from graph_schema.model import Relation

# What the full recompute and the incremental update of an entity share, after they set its names, role
# and state: a discovered entity's name (the form most of its remaining articles used, then the one of the
# earliest article), and BELONGS_TO (people, organisations) and LOCATED_IN (places), which follow
# ``country``; the writer puts each entity's state among the article's entities (implied, count 0), so that
# node exists whatever the load order. Both types only ever end at a Country (the schema's RelSpec, and the
# MERGEs below), so the stale ones are found by expanding from ``e`` with no label on the far end: with
# ``(c:Country)`` the planner scanned every Country and tried Expand(Into) for each (6.6M of the 7.1M db
# hits of a 100-article batch's entity update).
_ENTITY_TAIL: LiteralString = """
    WITH e
    CALL (e) {
        WITH e WHERE e.source = 'discovered'
        MATCH (a:Article)-[m:MENTIONS]->(e)
        UNWIND m.surface AS form
        WITH e, form, count(*) AS n,
             min(CASE WHEN a.published IS NULL THEN '~' ELSE a.published END + ' ' + a.id) AS first
        ORDER BY n DESC, first, form
        LIMIT 1
        SET e.name = form
    }
    CALL (e) {
        MATCH (e)-[b:BELONGS_TO|LOCATED_IN]->(c)
        WHERE c.id <> coalesce(e.country, '')
        DELETE b
    }
    CALL (e) {
        MATCH (c:Country {id: e.country})
        WHERE c <> e AND (e:Person OR e:Organization)
        MERGE (e)-[:BELONGS_TO]->(c)
    }
    CALL (e) {
        MATCH (c:Country {id: e.country})
        WHERE e:Place
        MERGE (e)-[:LOCATED_IN]->(c)
    }
}
"""


def refresh_entities(ids: LiteralString) -> LiteralString:
    """Recompute the entities listed in ``$<ids>`` from all the mentions that remain.

    ``aliases`` are the registry's names, then every other form a remaining article used (sorted);
    ``search_text`` likewise of the folded forms; ``role`` and ``country`` come from the most recently
    published article that gives one (then the greatest article id), which ``role_from``/``country_from``
    record as ``[published or '', article id]`` so that a later write can compare without re-reading all
    mentions (UPDATE_ENTITIES_CLAUSES). Used where an entity lost a mention (replacement, retraction).
    """
    return (
        """
CALL () {
    UNWIND $"""
        + ids
        + """ AS id
    MATCH (e:Entity {id: id})
    CALL (e) {
        OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(e)
        WITH m, a ORDER BY coalesce(a.published, '') DESC, a.id DESC
        RETURN collect(m.surface) AS surfaces, collect(m.folded) AS folded,
               collect(CASE WHEN m.role IS NOT NULL THEN [m.role, coalesce(a.published, ''), a.id] END) AS roles,
               collect(CASE WHEN m.country IS NOT NULL THEN [m.country, coalesce(a.published, ''), a.id] END)
                   AS countries
    }
    WITH e, surfaces, folded, head(roles) AS role, head(countries) AS country,
         coalesce(e.known_aliases, [e.name]) AS known, coalesce(e.known_folded, []) AS known_folded
    WITH e, role, country, known,
         COLLECT { UNWIND surfaces AS xs UNWIND xs AS x WITH x WHERE NOT x IN known RETURN DISTINCT x ORDER BY x }
             AS forms,
         known_folded + COLLECT {
             UNWIND folded AS xs UNWIND xs AS x WITH x WHERE NOT x IN known_folded RETURN DISTINCT x ORDER BY x
         } AS names
    SET e.aliases = known + forms,
        e.search_text = reduce(t = head(names), x IN tail(names) | t + ' | ' + x),
        e.role = role[0],
        e.role_from = role[1..],
        e.country = country[0],
        e.country_from = country[1..]
"""
        + _ENTITY_TAIL
    )


# What an update compares and merges, given ``e`` and this update's ``surface``, ``folded``, ``role`` with
# ``role_key`` and ``country`` with ``country_key`` (``[published or '', article id]`` of who said it).
_UPDATE_ENTITY: LiteralString = (
    """
    WITH e, surface, folded, role, role_key, country, country_key,
         coalesce(e.known_aliases, [e.name]) AS known, coalesce(e.known_folded, []) AS known_folded
    WITH e, role, role_key, country, country_key, known,
         COLLECT {
             UNWIND coalesce(e.aliases, []) + coalesce(surface, []) AS x
             WITH x WHERE NOT x IN known RETURN DISTINCT x ORDER BY x
         } AS forms,
         known_folded + COLLECT {
             UNWIND [x IN split(coalesce(e.search_text, ''), ' | ') WHERE x <> ''] + coalesce(folded, []) AS x
             WITH x WHERE NOT x IN known_folded RETURN DISTINCT x ORDER BY x
         } AS names,
         role IS NOT NULL AND (e.role_from IS NULL OR role_key[0] > e.role_from[0]
             OR (role_key[0] = e.role_from[0] AND role_key[1] >= e.role_from[1])) AS newer_role,
         country IS NOT NULL AND (e.country_from IS NULL OR country_key[0] > e.country_from[0]
             OR (country_key[0] = e.country_from[0] AND country_key[1] >= e.country_from[1])) AS newer_country
    SET e.aliases = known + forms,
        e.search_text = reduce(t = head(names), x IN tail(names) | t + ' | ' + x),
        e.role = CASE WHEN newer_role THEN role ELSE e.role END,
        e.role_from = CASE WHEN newer_role THEN role_key ELSE e.role_from END,
        e.country = CASE WHEN newer_country THEN country ELSE e.country END,
        e.country_from = CASE WHEN newer_country THEN country_key ELSE e.country_from END
"""
    + _ENTITY_TAIL
)

# The write path's update of the entities an article names (``$entity_ids``), from its mentions alone: its
# forms are merged into ``aliases`` and ``search_text`` (kept in the order refresh_entities gives them),
# and its role or state replaces the stored one only if the article is at least as recent as the one that
# gave it (``role_from``/``country_from``). The result equals a full recompute, since a new article only
# adds a mention; reading every mention of a state named by thousands of articles on each write is what
# this avoids. ``search_text`` is split back into its forms (a folded form holds no " | ").
UPDATE_ENTITIES_CLAUSES: LiteralString = (
    """
CALL () {
    UNWIND $entity_ids AS id
    MATCH (e:Entity {id: id})
    OPTIONAL MATCH (:Article {id: $id})-[m:MENTIONS]->(e)
    WITH e, m.surface AS surface, m.folded AS folded, m.role AS role, m.country AS country,
         [coalesce($props.published, ''), $id] AS role_key, [coalesce($props.published, ''), $id] AS country_key
"""
    + _UPDATE_ENTITY
)

# The same update for a batch of new articles, from ``$entity_updates``: one row per entity with the union
# of the forms the batch used and its most recent role and state (computed in `loaders.write.batch`), which
# equals applying each article's update in turn.
UPDATE_ENTITY_ROWS_CLAUSES: LiteralString = (
    """
CALL () {
    UNWIND $entity_updates AS row
    MATCH (e:Entity {id: row.id})
    WITH e, row.surface AS surface, row.folded AS folded, row.role AS role, row.role_key AS role_key,
         row.country AS country, row.country_key AS country_key
"""
    + _UPDATE_ENTITY
)


# Events are recomputed from the claims about them, never incremented; one with no claim left is deleted.
# Participation and place are derived from the remaining claims: what they no longer support is dropped,
# what is missing is added.
_REFRESH_EVENTS: LiteralString = """
CALL () {
    UNWIND $event_ids AS id
    MATCH (ev:Event {id: id})
    CALL (ev) {
        OPTIONAL MATCH (c:Claim)-[:ABOUT]->(ev)
        WITH c ORDER BY c.confidence DESC, c.id
        RETURN count(c) AS support, collect(DISTINCT c.status) AS statuses, collect(c.place_id) AS places,
               collect(c.date) AS dates
    }
    CALL (ev, support) {
        WITH * WHERE support = 0
        DETACH DELETE ev
        RETURN count(*) AS deleted
    }
    CALL (ev, support, statuses, places, dates) {
        WITH * WHERE support > 0
        // The event's date is the one most of its claims give (then the most precise, then the earliest);
        // every date reported stays on its claim and is listed in ev.dates, so conflicting reports remain
        // visible.
        SET ev.support = support,
            ev.status = head([s IN $status_rank WHERE s IN statuses]),
            ev.place_id = head(places),
            ev.date = head(COLLECT {
                UNWIND dates AS d
                WITH d, count(*) AS n ORDER BY n DESC, size(d) DESC, d
                RETURN d
            }),
            ev.dates = COLLECT { UNWIND dates AS d RETURN DISTINCT d ORDER BY d }
        // Who took part in which role, read once from the remaining claims: the title, then PARTICIPATED_IN,
        // follow from it (expanding each participant's claims instead walked every claim of a hub state).
        WITH ev, COLLECT {
            MATCH (ev)<-[:ABOUT]-(:Claim)-[r:SUBJECT|OBJECT]->(x:Entity)
            RETURN DISTINCT [x, toLower(type(r))] AS part
        } AS parts
        // The title shows the participants' current names (a discovered person's may have changed); a
        // directed event (a sanction, a transfer) names its subjects, an arrow, then its objects.
        WITH ev, parts, COLLECT {
            UNWIND parts AS part
            WITH DISTINCT part[0] AS x ORDER BY x.id
            RETURN coalesce(x.name, x.id)
        } AS who, COLLECT {
            UNWIND parts AS part
            WITH part WHERE part[1] = 'subject'
            WITH DISTINCT part[0] AS x ORDER BY x.id
            RETURN coalesce(x.name, x.id)
        } AS doers, COLLECT {
            UNWIND parts AS part
            WITH part WHERE part[1] = 'object'
            WITH DISTINCT part[0] AS x ORDER BY x.id
            RETURN coalesce(x.name, x.id)
        } AS done_to
        SET ev.title = ev.type + ': ' + CASE
            WHEN ev.type IN $directed_event_types AND size(doers) > 0 AND size(done_to) > 0
                 AND none(x IN doers WHERE x IN done_to)
            THEN reduce(t = head(doers), x IN tail(doers) | t + ' – ' + x) + ' → '
                 + reduce(t = head(done_to), x IN tail(done_to) | t + ' – ' + x)
            ELSE reduce(t = head(who), x IN tail(who) | t + ' – ' + x) END
        SET ev.name = coalesce(ev.title, ev.type) + CASE WHEN ev.date IS NULL THEN '' ELSE ' (' + ev.date + ')' END
        WITH ev, parts
        CALL (ev, parts) {
            MATCH (x)-[p:PARTICIPATED_IN]->(ev)
            WHERE NOT [x, p.role] IN parts
            DELETE p
        }
        CALL (ev, parts) {
            UNWIND parts AS part
            WITH part[0] AS x, part[1] AS role
            MERGE (x)-[:PARTICIPATED_IN {role: role}]->(ev)
        }
        CALL (ev) {
            OPTIONAL MATCH (ev)-[t:TOOK_PLACE_IN]->(p)
            WHERE NOT coalesce(p.id = ev.place_id AND (p:Place OR p:Country), false)
            DELETE t
        }
        CALL (ev) {
            MATCH (p:Entity {id: ev.place_id})
            WHERE p:Place OR p:Country
            MERGE (ev)-[:TOOK_PLACE_IN]->(p)
        }
    }
    RETURN sum(deleted) AS events_deleted
}
"""


def _merge_tie(relation: Relation) -> LiteralString:
    return (
        """
        WITH * WHERE support > 0 AND t.relation = '"""
        + relation.value
        + """'
        MERGE (s)-[r:"""
        + relation.value
        + """]->(o)
        ON CREATE SET r.key = t.key
        RETURN r"""
    )


def _merge_ties() -> LiteralString:
    branches: LiteralString = ""
    for relation in Relation:
        branches = branches + ("" if not branches else "\n        UNION ALL") + _merge_tie(relation)
    return branches


# Ties are recomputed from their claims (never incremented), so reloads and retractions stay exact; a tie
# with no claim left is deleted. ``key`` is ``REL|source|target``, so the tie is found from its endpoints:
# it is the one relationship of its type from ``s`` to ``o``, MERGEd by pattern and given its key when
# created. With ``{key: t.key}`` in the MERGE pattern, plans made on a small graph scanned the type's whole
# key index for every tie row (770k db hits for a 100-article batch, growing with the graph), instead of
# the Expand(Into) between the two endpoints, already locked and found by their unique ids.
_REFRESH_TIES: LiteralString = (
    """
CALL () {
    UNWIND $ties AS t
    MATCH (s:Entity {id: t.source}), (o:Entity {id: t.target})
    CALL (t) {
        OPTIONAL MATCH (c:Claim {tie_key: t.key})
        RETURN count(c) AS support, count(DISTINCT c.article_id) AS articles, max(c.confidence) AS confidence,
               collect(DISTINCT c.status) AS statuses, min(c.date) AS first_date, max(c.date) AS last_date
    }
    CALL (s, o, t, support) {
        WITH * WHERE support = 0
        MATCH (s)-[r {key: t.key}]->(o)
        WHERE type(r) = t.relation
        DELETE r
        RETURN count(*) AS deleted
    }
    OPTIONAL CALL (s, o, t, support) {"""
    + _merge_ties()
    + """
    }
    SET r.support = support,
        r.articles = articles,
        r.confidence = confidence,
        r.statuses = [x IN $status_rank WHERE x IN statuses],
        r.first_date = first_date,
        r.last_date = last_date
    RETURN sum(deleted) AS ties_deleted
}
"""
)

_DELETE_ORPHAN_ENTITIES: LiteralString = """
CALL () {
    UNWIND $orphan_candidates AS id
    MATCH (e:Entity {id: id})
    WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(e) }
      AND NOT EXISTS { (:Claim)-[:SUBJECT|OBJECT]->(e) }
    DETACH DELETE e
    RETURN count(*) AS entities_deleted
}
"""

# Events, then ties (the batch writer runs this after refreshing the entities that lost a mention, and
# deletes the orphans after it: `loaders.write.cypher`'s BATCH_* statements).
REFRESH_EVENTS_AND_TIES_CLAUSES: LiteralString = _REFRESH_EVENTS + _REFRESH_TIES

DELETE_ORPHAN_ENTITIES_CLAUSES: LiteralString = _DELETE_ORPHAN_ENTITIES

# The entities that lost a mention first (events show their names), then events, then ties, then the
# entities left with neither a mention nor a claim.
RECOMPUTE_CLAUSES: LiteralString = (
    refresh_entities("orphan_candidates") + REFRESH_EVENTS_AND_TIES_CLAUSES + _DELETE_ORPHAN_ENTITIES
)
