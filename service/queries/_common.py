"""Shared pieces of the API's read queries: running a read, and projections reused across resources."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any, LiteralString

from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import DriverError, Neo4jError

from graph_schema.model import SYMMETRIC_RELATIONS, EntityType, Relation

ENTITY_TYPES: list[str] = [t.value for t in EntityType]
RELATIONS: list[str] = [r.value for r in Relation]
SYMMETRIC: list[str] = sorted(r.value for r in SYMMETRIC_RELATIONS)

# Relationship types cannot be parameters, and a pattern without them (`-[r]-` then `WHERE type(r) IN …`)
# walks every provenance edge of a node before filtering. So the tie types are spelled here as literals,
# one reviewed union for all ties and one per relation (tests/unit/test_read.py checks them against
# `Relation`); queries put them in their patterns through `typed`.
TIE_TYPES: LiteralString = (
    "MET_WITH|VISITED|ATTENDED|HOLDS_ROLE|SUPPLIES_ARMS_TO|TRAINS|COOPERATES_WITH|SIGNED_AGREEMENT_WITH"
    "|SANCTIONED|CRITICIZED|SUPPORTS|SEIZED_POWER_IN"
)
RELATION_TYPE: dict[Relation, LiteralString] = {
    Relation.MET_WITH: "MET_WITH", Relation.VISITED: "VISITED", Relation.ATTENDED: "ATTENDED",
    Relation.HOLDS_ROLE: "HOLDS_ROLE", Relation.SUPPLIES_ARMS_TO: "SUPPLIES_ARMS_TO", Relation.TRAINS: "TRAINS",
    Relation.COOPERATES_WITH: "COOPERATES_WITH", Relation.SIGNED_AGREEMENT_WITH: "SIGNED_AGREEMENT_WITH",
    Relation.SANCTIONED: "SANCTIONED", Relation.CRITICIZED: "CRITICIZED", Relation.SUPPORTS: "SUPPORTS",
    Relation.SEIZED_POWER_IN: "SEIZED_POWER_IN",
}


def typed(template: LiteralString, types: LiteralString = TIE_TYPES) -> LiteralString:
    """The template with its `__TIES__` placeholder replaced by a union of tie types (TIE_TYPES by default)."""
    return template.replace("__TIES__", types)


NO_TIE: LiteralString = "!%"
"""A relationship type expression no relationship matches (every relationship has a type)."""


def tie_types(relations: Iterable[Relation]) -> LiteralString:
    """The union of the given relations' types, in model order (NO_TIE for none): a code filter's pattern."""
    kept = set(relations)
    return "|".join([RELATION_TYPE[r] for r in Relation if r in kept]) or NO_TIE


def typed_per_relation(template: LiteralString) -> dict[Relation | None, LiteralString]:
    """The template for every relation (its one type) and for None (all tie types)."""
    queries: dict[Relation | None, LiteralString] = {None: typed(template)}
    queries.update({rel: typed(template, name) for rel, name in RELATION_TYPE.items()})
    return queries


READ_ATTEMPTS = 3
"""Tries of a read that failed with an error the driver calls retryable (a stale pooled connection, a
cluster member going away, a transient server error), 0.1 s then 0.2 s apart."""


def read(driver: Driver, query: LiteralString, *, database: str, **params: Any) -> list[dict[str, Any]]:
    """Run one read query on the configured database, routed to a reader; rows as dicts.

    One round trip: an auto-commit query (RUN and PULL sent together) instead of `execute_query`'s
    managed transaction, whose COMMIT is a second round trip (0.7 ms of a 4 ms search on the bench
    machine). The session shares `execute_query`'s bookmark manager, so a read still follows the API's
    own writes on a cluster; what the managed transaction's retries did, READ_ATTEMPTS does.
    The read queries return maps, lists and scalars only (never a node, relationship or path), so a row
    is the record's own values: `Record.data()` would copy every nested list and map once more to convert
    graph types there are none of (32 ms of the 50 ms a 3,000-edge ego graph takes to decode)."""
    for attempt in range(1, READ_ATTEMPTS + 1):
        try:
            with driver.session(database=database, default_access_mode=READ_ACCESS,
                                bookmark_manager=driver.execute_query_bookmark_manager) as session:
                return [dict(record) for record in session.run(query, params)]
        except (Neo4jError, DriverError) as exc:
            if attempt == READ_ATTEMPTS or not exc.is_retryable():
                raise
            time.sleep(0.1 * attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")


def ref(var: LiteralString) -> LiteralString:
    """Map projection of an actor as an EntityRef (null when the variable is null)."""
    return (
        "CASE WHEN " + var + " IS NULL THEN null ELSE {id: " + var + ".id, name: " + var + ".name, "
        "type: head([l IN labels(" + var + ") WHERE l IN $entity_types])} END"
    )


def evidence(claim: LiteralString, article: LiteralString) -> LiteralString:
    """Map projection of a claim and its article as Evidence."""
    return (
        "{claim_id: " + claim + ".id, relation: " + claim + ".relation, sentence: " + claim + ".sentence, "
        "sentence_index: " + claim + ".sentence_index, start: " + claim + ".start, end: " + claim + ".end, "
        "confidence: " + claim + ".confidence, status: " + claim + ".status, date: " + claim + ".date, "
        "extractor: " + claim + ".extractor, article: CASE WHEN " + article + " IS NULL THEN null ELSE "
        "{id: " + article + ".id, url: " + article + ".url, outlet: " + article + ".outlet, "
        "published: " + article + ".published, title: " + article + ".title} END}"
    )


def first_evidence(tie: LiteralString) -> LiteralString:
    """Subquery body: the first 5 claims of the tie by date and id (undated ones last) as Evidence rows
    (column `ev`). The dated ones are the first 5 entries of the Claim(tie_key, date, id) index, read in
    its order; only a tie with fewer than 5 dated claims looks for undated ones (through the tie_key
    index). So a tie costs about 5 index entries, whatever its number of claims. No aggregation: the
    body also runs inside the ties report's collect()."""
    dated: LiteralString = (
        "MATCH (c:Claim {tie_key: " + tie + ".key}) USING INDEX c:Claim(tie_key, date, id)\n"
        "      WHERE c.date IS NOT NULL AND c.id IS NOT NULL\n"
        "      WITH c ORDER BY c.tie_key, c.date, c.id LIMIT 5\n"
    )
    return (
        "CALL (" + tie + ") {\n"
        "      " + dated + "      RETURN c\n"
        "      UNION ALL\n"
        "      UNWIND CASE WHEN COUNT { " + dated + " RETURN c } < 5 THEN [" + tie + ".key] ELSE [] END AS short\n"
        "      MATCH (c:Claim {tie_key: short}) WHERE c.date IS NULL\n"
        "      WITH c ORDER BY c.id LIMIT 5\n"
        "      RETURN c\n"
        "    }\n"
        "    WITH c ORDER BY c.date, c.id LIMIT 5\n"
        "    OPTIONAL MATCH (c)-[:FROM_ARTICLE]->(art:Article)\n"
        "    WITH c, art ORDER BY c.date, c.id\n"
        "    RETURN " + evidence("c", "art") + " AS ev"
    )


def date_filter(var: LiteralString) -> LiteralString:
    """Keep rows whose date lies in $since..$until, each comparison at the shorter of the two precisions
    ("2021-06" is within until=2021-06-01); undated rows only when neither bound is given."""
    return span_filter(var, var)


def span_filter(first: LiteralString, last: LiteralString) -> LiteralString:
    """Keep rows whose span first..last overlaps $since..$until (compared at the shorter precision)."""
    return (
        "($since IS NULL OR (" + last + " IS NOT NULL AND left(" + last + ", size($since)) >= left($since, size("
        + last + ")))) AND ($until IS NULL OR (" + first + " IS NOT NULL AND left(" + first
        + ", size($until)) <= left($until, size(" + first + "))))"
    )
