"""The writer's Cypher, reviewed as constants: the article's own statements and the ones the writer runs.

Values always travel as ``$parameters``. An article is written in a handful of statements (state, removal
of a previous version, write, recompute), not one per label or type, because each statement is a round
trip inside the article's transaction. Where a statement needs a label or a relationship type:

* node labels are SET dynamically (``SET e:$(row.label)``) from a row value that the writer builds only
  from the schema's enums (`Label`, `EventType`), never from input text; setting a label needs no lookup;
* derived tie types are spelled statically: one ``MERGE`` branch per `Relation`, generated at import time
  in `loaders.write.cypher_derive`, because a ``MERGE`` on a dynamic type is not planned as a typed
  expansion between its endpoints in Neo4j 5.26 (it scans every relationship).

Every MATCH and MERGE starts from a key that `graph_schema` constrains or indexes (``id`` of each label,
``Claim.tie_key``, ``Claim.article_id``, ``Article.content_hash``/``url``, the tie types' ``key``) or
expands from nodes already matched that way.
"""

from __future__ import annotations

from typing import LiteralString

from loaders.write.cypher_derive import (
    DELETE_ORPHAN_ENTITIES_CLAUSES,
    RECOMPUTE_CLAUSES,
    REFRESH_EVENTS_AND_TIES_CLAUSES,
    UPDATE_ENTITIES_CLAUSES,
    UPDATE_ENTITY_ROWS_CLAUSES,
    refresh_entities,
)

# --- the article itself -------------------------------------------------------------------------------

# An article's (``a``, id ``aid``) mentions and claims are deleted; what they touched is returned.
_REMOVE_CLAIMS_AND_MENTIONS: LiteralString = """
OPTIONAL MATCH (a)-[m:MENTIONS]->(x:Entity)
WITH aid, collect(DISTINCT x.id) AS mentioned, collect(m) AS mentions
FOREACH (m IN mentions | DELETE m)
WITH aid, mentioned
OPTIONAL MATCH (c:Claim {article_id: aid})
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
# The article is locked first, then, in one pass and in id order, every entity this transaction will
# change: its claims' actors, the entities it mentions (implied states included, whose mentions are
# deleted here and which are then re-read as orphan candidates) and ``$lock_also`` (the entities a
# replacement is about to write). ``SET`` of a label they already have changes nothing but takes the write
# lock a writer takes on them: whoever else changes claims of the same ties or events, whose endpoints and
# participants they are, or mentions of the same entities, waits for this transaction to commit and then
# recounts.
REMOVE_ARTICLE_CLAIMS: LiteralString = """
MATCH (a:Article {id: $id})
SET a:Article
WITH a
CALL (a) {
    CALL (a) {
        MATCH (:Claim {article_id: $id})-[:SUBJECT|OBJECT]->(e:Entity)
        RETURN e
        UNION
        MATCH (a)-[:MENTIONS]->(e:Entity)
        RETURN e
        UNION
        UNWIND $lock_also AS id
        MATCH (e:Entity {id: id})
        RETURN e
    }
    WITH DISTINCT e
    ORDER BY e.id
    SET e:Entity
}
WITH a, $id AS aid
""" + _REMOVE_CLAIMS_AND_MENTIONS

# The removal of several articles' claims and mentions (the batch writer, which locked the articles and the
# entities before): one footprint row per article id.
REMOVE_CLAIMS_OF: LiteralString = """
UNWIND $ids AS aid
MATCH (a:Article {id: aid})
CALL (a, aid) {""" + _REMOVE_CLAIMS_AND_MENTIONS + """}
RETURN aid AS id, mentioned, actors, claims
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
# the entity's aliases, search text, role and state are then updated from it (UPDATE_ENTITIES_CLAUSES) or
# recomputed from all its mentions (refresh_entities). ``roles_json`` is only set from Person rows and
# ``alpha2`` only from Country rows (null elsewhere, which keeps the stored value). A discovered entity's
# name is derived from its mentions (_ENTITY_TAIL), so a row only names a node that has no name yet.
# With ``$new`` (the state check found no article with this id), an Article that exists after the MERGE
# was committed by a concurrent writer of the same id meanwhile: the statement then writes nothing and
# returns no row, and the writer runs the article again, as a replacement.
_ENTITIES: LiteralString = """
CALL () {
    UNWIND $entities AS row
    MERGE (e:Entity {id: row.id})
    SET e:$(row.label),
        e.name = CASE WHEN row.source = 'discovered' THEN coalesce(e.name, row.name) ELSE row.name END,
        e.source = row.source,
        e.qid = coalesce(row.qid, e.qid),
        e.known_aliases = row.known_aliases,
        e.known_folded = row.known_folded,
        e.roles_json = coalesce(row.roles_json, e.roles_json),
        e.alpha2 = coalesce(row.alpha2, e.alpha2)
    RETURN count(e) AS entities
}
"""

_MENTION_PROPS: LiteralString = """
    MERGE (a)-[m:MENTIONS]->(e)
    SET m.count = row.count, m.surface = row.surface, m.folded = row.folded, m.role = row.role,
        m.country = row.country
}
"""

# The date, and the name that shows it, are recomputed from all the event's claims afterwards.
_EVENTS: LiteralString = """
CALL () {
    UNWIND $events AS row
    MERGE (ev:Event {id: row.id})
    SET ev:$(row.label), ev.type = row.type, ev.title = row.title
    SET ev.name = coalesce(ev.title, ev.type) + CASE WHEN ev.date IS NULL THEN '' ELSE ' (' + ev.date + ')' END
}
"""

_CLAIM_LINKS: LiteralString = """
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

_WRITE: LiteralString = (
    """
MERGE (a:Article {id: $id})
WITH a
WHERE NOT $new OR a.fingerprint IS NULL
SET a += $props, a.loaded_at = datetime()
WITH a
"""
    + _ENTITIES
    + """
CALL (a) {
    UNWIND $mentions AS row
    MATCH (e:Entity {id: row.id})"""
    + _MENTION_PROPS
    + _EVENTS
    + """
CALL (a) {
    UNWIND $claims AS row
    MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})"""
    + _CLAIM_LINKS
)

# --- writing many articles at once (loaders.write.batch) ----------------------------------------------------

# The batch's articles are MERGEd and locked in id order (``raced``: the ones the state check found absent
# that a concurrent writer committed meanwhile), then, in one pass and in id order, every entity the batch
# will change: what the replaced articles' claims and mentions touch, and the entities the batch writes.
# One sorted pass for all is what keeps two concurrent batches from deadlocking on shared states.
LOCK_BATCH: LiteralString = """
UNWIND $articles AS row
MERGE (a:Article {id: row.id})
SET a:Article
WITH collect(CASE WHEN row.new AND a.fingerprint IS NOT NULL THEN row.id END) AS raced
CALL () {
    CALL () {
        UNWIND $replaced AS id
        MATCH (:Claim {article_id: id})-[:SUBJECT|OBJECT]->(e:Entity)
        RETURN e
        UNION
        UNWIND $replaced AS id
        MATCH (:Article {id: id})-[:MENTIONS]->(e:Entity)
        RETURN e
        UNION
        UNWIND $entity_ids AS id
        MATCH (e:Entity {id: id})
        RETURN e
    }
    WITH DISTINCT e
    ORDER BY e.id
    SET e:Entity
}
RETURN raced
"""

# Whether each article is stored (and as what), and whether its text is stored under another id.
BATCH_STATE: LiteralString = """
UNWIND $articles AS row
OPTIONAL MATCH (stored:Article {id: row.id})
CALL (row) {
    OPTIONAL MATCH (other:Article {content_hash: row.content_hash})
    WHERE other.id <> row.id
    RETURN other.id AS same_text
    ORDER BY same_text
    LIMIT 1
}
RETURN row.id AS id, stored IS NOT NULL AS stored, stored.fingerprint AS fingerprint, same_text
"""

# A batch's write after BATCH_STATE, LOCK_BATCH and REMOVE_CLAIMS_OF, in this order, in its one transaction
# (the locks taken by LOCK_BATCH hold until commit, and each statement sees what the ones before wrote):
# every row; the new articles' entities updated; the entities that lost a mention recomputed; events and
# ties recomputed once for the union of what the batch touched; orphan entities deleted. They are separate
# statements, not one, because Neo4j plans a statement as a whole and replans it when the graph's
# statistics change: the single statement took 4-6 s to plan on the bench machine (its parts, ~3 s in all),
# several times per short load; and a part with nothing to do (the refresh and orphan parts, for a batch of
# new articles) is then not run nor planned at all.
BATCH_WRITE_ROWS: LiteralString = (
    """
CALL () {
    UNWIND $articles AS row
    MATCH (a:Article {id: row.id})
    SET a += row.props, a.loaded_at = datetime()
}
"""
    + _ENTITIES
    + """
CALL () {
    UNWIND $mentions AS row
    MATCH (a:Article {id: row.article_id}), (e:Entity {id: row.id})"""
    + _MENTION_PROPS
    + _EVENTS
    + """
CALL () {
    UNWIND $claims AS row
    MATCH (a:Article {id: row.props.article_id}), (s:Entity {id: row.subject}), (o:Entity {id: row.object})"""
    + _CLAIM_LINKS
    + "RETURN entities, claims\n"
)

BATCH_UPDATE_ENTITIES: LiteralString = UPDATE_ENTITY_ROWS_CLAUSES + "RETURN count(*) AS done\n"

# The replaced articles' entities and the orphan candidates, in one pass: a refresh depends only on the
# mentions that remain, which nothing between the two changes.
BATCH_REFRESH_ENTITIES: LiteralString = refresh_entities("ids") + "RETURN count(*) AS done\n"

BATCH_RECOMPUTE: LiteralString = REFRESH_EVENTS_AND_TIES_CLAUSES + "RETURN events_deleted, ties_deleted\n"

BATCH_DELETE_ORPHANS: LiteralString = DELETE_ORPHAN_ENTITIES_CLAUSES + "RETURN entities_deleted\n"

# --- recomputing what claims and mentions support -----------------------------------------------------------

# --- the statements the writer runs -----------------------------------------------------------------------

# A replacement: the entities this version names may have lost what the previous one said of them.
WRITE_ARTICLE: LiteralString = _WRITE + refresh_entities("entity_ids") + "RETURN entities, claims\n"

RECOMPUTE: LiteralString = RECOMPUTE_CLAUSES + "RETURN events_deleted, ties_deleted, entities_deleted\n"

# A new article in one statement: written, then what it supports recomputed. The recompute follows the
# write within the statement, so it counts claims only after this article's entities are locked.
WRITE_NEW_ARTICLE: LiteralString = _WRITE + UPDATE_ENTITIES_CLAUSES + RECOMPUTE_CLAUSES + "RETURN entities, claims\n"
