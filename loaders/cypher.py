"""The writer's Cypher, reviewed as constants.

Values always travel as ``$parameters``. An article is written in a handful of statements (state, removal
of a previous version, write, recompute), not one per label or type, because each statement is a round
trip inside the article's transaction. Where a statement needs a label or a relationship type:

* node labels are SET dynamically (``SET e:$(row.label)``) from a row value that the writer builds only
  from the schema's enums (`Label`, `EventType`), never from input text; setting a label needs no lookup;
* derived tie types are spelled statically: one ``MERGE`` branch per `Relation`, generated here at import
  time, because a ``MERGE`` on a dynamic type cannot use the tie's key index in Neo4j 5.26 (it scans every
  relationship).

Every MATCH and MERGE starts from a key that `graph_schema` constrains or indexes (``id`` of each label,
``Claim.tie_key``, ``Claim.article_id``, ``Article.content_hash``/``url``, the tie types' ``key``) or
expands from nodes already matched that way.
"""

from __future__ import annotations

from typing import LiteralString

from graph_schema.model import Relation

# --- the article itself -------------------------------------------------------------------------------

# Whether the article is stored (and as what), and whether the same text is stored under another id
# (at most one: Article.content_hash is unique).
ARTICLE_STATE: LiteralString = """
OPTIONAL MATCH (stored:Article {id: $id})
CALL () {
    OPTIONAL MATCH (other:Article {content_hash: $content_hash})
    WHERE other.id <> $id
    RETURN other.id AS same_text
    ORDER BY same_text
    LIMIT 1
}
RETURN stored IS NOT NULL AS stored, stored.fingerprint AS fingerprint, same_text
"""

FIND_ARTICLE: LiteralString = """
MATCH (a:Article)
WHERE a.id = $ref OR a.url = $ref
RETURN a.id AS id
ORDER BY id
LIMIT 1
"""

# An article's claims and mentions are removed; what they touched is returned so it can be recomputed
# (``claims`` carries what a tie is computed from, so ties this article supports unchanged are kept).
# The article and its claims' actors are locked first, in id order (``SET`` of a label they already have
# changes nothing but takes the write lock a writer takes on them): whoever else changes claims of the same
# ties or events, whose endpoints and participants they are, waits for this transaction to commit and then
# recounts.
REMOVE_ARTICLE_CLAIMS: LiteralString = """
MATCH (a:Article {id: $id})
SET a:Article
WITH a
CALL () {
    MATCH (:Claim {article_id: $id})-[:SUBJECT|OBJECT]->(e:Entity)
    WITH DISTINCT e
    ORDER BY e.id
    SET e:Entity
}
OPTIONAL MATCH (a)-[m:MENTIONS]->(x:Entity)
WITH collect(DISTINCT x.id) AS mentioned, collect(m) AS mentions
FOREACH (m IN mentions | DELETE m)
WITH mentioned
OPTIONAL MATCH (c:Claim {article_id: $id})
WITH mentioned, collect(c) AS claims
CALL (claims) {
    UNWIND claims AS c
    MATCH (c)-[:SUBJECT|OBJECT]->(e:Entity)
    RETURN collect(DISTINCT e.id) AS actors
}
WITH mentioned, actors, claims,
     [c IN claims | c {.id, .tie_key, .event_id, .status, .date, .confidence}] AS footprint
FOREACH (c IN claims | DETACH DELETE c)
RETURN mentioned, actors, footprint AS claims
"""

DELETE_ARTICLE: LiteralString = """
MATCH (a:Article {id: $id})
DETACH DELETE a
"""

# --- writing an article -----------------------------------------------------------------------------------

# Everything the article states. Entities come first and in a fixed order (by id, as in
# REMOVE_ARTICLE_CLAIMS): SETting them write-locks them until commit, which is what serialises concurrent
# writers of one tie or event.
# An entity is MERGEd on :Entity(id) (constrained) and gets its type label afterwards, so a node first seen
# under another article keeps one identity. The entity row holds what every article says alike (registry
# names, QID, dated roles); what this article says (forms used, role, state) goes on its MENTIONS edge, and
# the entity's aliases, search text, role and state are then recomputed from all its mentions
# (_refresh_entities). ``roles_json`` is only set from Person rows and ``alpha2`` only from Country rows
# (null elsewhere, which keeps the stored value).
_WRITE: LiteralString = """
MERGE (a:Article {id: $id})
SET a += $props, a.loaded_at = datetime()
WITH a
CALL (a) {
    UNWIND $entities AS row
    MERGE (e:Entity {id: row.id})
    SET e:$(row.label),
        e.name = row.name,
        e.source = row.source,
        e.qid = coalesce(row.qid, e.qid),
        e.known_aliases = row.known_aliases,
        e.known_folded = row.known_folded,
        e.roles_json = coalesce(row.roles_json, e.roles_json),
        e.alpha2 = coalesce(row.alpha2, e.alpha2)
    RETURN count(e) AS entities
}
CALL (a) {
    UNWIND $mentions AS row
    MATCH (e:Entity {id: row.id})
    MERGE (a)-[m:MENTIONS]->(e)
    SET m.count = row.count, m.surface = row.surface, m.folded = row.folded, m.role = row.role,
        m.country = row.country
}
// The date, and the name that shows it, are recomputed from all the event's claims afterwards.
CALL () {
    UNWIND $events AS row
    MERGE (ev:Event {id: row.id})
    SET ev:$(row.label), ev.type = row.type, ev.title = row.title
    SET ev.name = coalesce(ev.title, ev.type) + CASE WHEN ev.date IS NULL THEN '' ELSE ' (' + ev.date + ')' END
}
CALL (a) {
    UNWIND $claims AS row
    MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})
    MERGE (c:Claim {id: row.props.id})
    SET c += row.props
    MERGE (c)-[:FROM_ARTICLE]->(a)
    MERGE (c)-[:SUBJECT]->(s)
    MERGE (c)-[:OBJECT]->(o)
    RETURN count(c) AS claims
}
CALL () {
    UNWIND $about AS row
    MATCH (c:Claim {id: row.id}), (ev:Event {id: row.event_id})
    MERGE (c)-[:ABOUT]->(ev)
}
"""

# --- recomputing what claims and mentions support -----------------------------------------------------------


def _refresh_entities(ids: LiteralString) -> LiteralString:
    """Recompute the entities listed in ``$<ids>`` from the mentions that remain.

    ``aliases`` and ``search_text`` are the registry's names plus every form a remaining article used;
    ``role`` and ``country`` come from the most recently published article that gives one. BELONGS_TO
    (people, organisations) and LOCATED_IN (places) follow ``country``; the writer puts each entity's state
    among the article's entities (implied, count 0), so that node exists whatever the load order.
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
        WITH m, a ORDER BY a.published IS NULL, a.published DESC, a.id DESC
        RETURN collect(m.surface) AS surfaces, collect(m.folded) AS folded, collect(m.role) AS roles,
               collect(m.country) AS countries
    }
    WITH e, roles, countries,
         reduce(acc = coalesce(e.known_aliases, [e.name]), xs IN surfaces |
                reduce(acc2 = acc, x IN xs | CASE WHEN x IN acc2 THEN acc2 ELSE acc2 + x END)) AS aliases,
         reduce(acc = coalesce(e.known_folded, []), xs IN folded |
                reduce(acc2 = acc, x IN xs | CASE WHEN x IN acc2 THEN acc2 ELSE acc2 + x END)) AS names
    SET e.aliases = aliases,
        e.search_text = reduce(t = head(names), x IN tail(names) | t + ' | ' + x),
        e.role = head(roles),
        e.country = head(countries)
    WITH e
    CALL (e) {
        OPTIONAL MATCH (e)-[b:BELONGS_TO|LOCATED_IN]->(c:Country)
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
        SET ev.name = coalesce(ev.title, ev.type) + CASE WHEN ev.date IS NULL THEN '' ELSE ' (' + ev.date + ')' END
        WITH ev
        CALL (ev) {
            OPTIONAL MATCH (x)-[p:PARTICIPATED_IN]->(ev)
            WHERE NOT EXISTS { (ev)<-[:ABOUT]-(:Claim)-[r:SUBJECT|OBJECT]->(x) WHERE toLower(type(r)) = p.role }
            DELETE p
        }
        CALL (ev) {
            MATCH (ev)<-[:ABOUT]-(:Claim)-[r:SUBJECT|OBJECT]->(x:Entity)
            WITH DISTINCT x, toLower(type(r)) AS role
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
        + """ {key: t.key}]->(o)
        RETURN r"""
    )


def _merge_ties() -> LiteralString:
    branches: LiteralString = ""
    for relation in Relation:
        branches = branches + ("" if not branches else "\n        UNION ALL") + _merge_tie(relation)
    return branches


# Ties are recomputed from their claims (never incremented), so reloads and retractions stay exact; a tie
# with no claim left is deleted. ``key`` is ``REL|source|target``, so the tie is found from its endpoints.
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

# Events, then ties, then entities left with neither a mention nor a claim, then the entities that lost a
# mention but remain.
_RECOMPUTE: LiteralString = (
    _REFRESH_EVENTS + _REFRESH_TIES + _DELETE_ORPHAN_ENTITIES + _refresh_entities("orphan_candidates")
)

# --- the statements the writer runs -----------------------------------------------------------------------

WRITE_ARTICLE: LiteralString = _WRITE + _refresh_entities("entity_ids") + "RETURN entities, claims\n"

RECOMPUTE: LiteralString = _RECOMPUTE + "RETURN events_deleted, ties_deleted, entities_deleted\n"

# A new article in one statement: written, then what it supports recomputed. The recompute follows the
# write within the statement, so it counts claims only after this article's entities are locked.
WRITE_NEW_ARTICLE: LiteralString = _WRITE + _refresh_entities("entity_ids") + _RECOMPUTE + "RETURN entities, claims\n"
