"""Many articles in one write transaction, with the guarantees of one: `write_batch`.

A batch is a state check for all its articles, one lock statement, the removal of the replaced articles'
old claims, one statement that writes every row, and a few that update and recompute, once, the union of
what the batch touched (the entities it names, the events and ties of its new and removed claims), each
run only when it has something to do. Rows are those of
`loaders.write.rows.plan_write`, batched `UNWIND $rows … MERGE` on constrained keys. The outcome per article
is what `write_article` reports for it (created, replaced, unchanged, a duplicate).

Exactness is that of the one-article writer: unchanged articles (same fingerprint) write nothing; a
replaced article's old claims are removed first and its ties recomputed from what remains, so retraction
by support stays exact; concurrent batches wait for each other on the entities they share, locked in one
pass in id order (which also keeps them from deadlocking); a race with a concurrent writer of the same
article id or text reruns the batch, as `write_article` does. Anything else that fails rolls the whole
batch back: the loader then halves it (`loaders.load`) until the article at fault is written alone.

A batch holds each article id and each text (``content_hash``) once: `BatchBuilder` starts a new batch
when one repeats, so a second version of an article is written after the first, as in one-by-one order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from neo4j import Driver, ManagedTransaction

from loaders.errors import WriteError
from loaders.models import ArticleExtraction
from loaders.write import cypher
from loaders.write.rows import DIRECTED_EVENT_TYPES, Row, WritePlan, labelled_tie_rows, plan_write
from loaders.write.transactions import (
    STATUS_RANK,
    Footprint,
    StoredMeanwhile,
    WriteSummary,
    run_write,
    settled_by_state,
    unchanged_ties,
)


class BatchBuilder:
    """Collects plans for one batch; `fits` is False once an article's id or text is already in it."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.hashes: set[str] = set()

    def fits(self, extraction: ArticleExtraction) -> bool:
        """Whether ``extraction`` can join the batch (its id and its text are not in it yet)."""
        return extraction.article.id not in self.ids and extraction.article.content_hash not in self.hashes

    def add(self, extraction: ArticleExtraction) -> None:
        """Count ``extraction`` in the batch."""
        self.ids.add(extraction.article.id)
        self.hashes.add(extraction.article.content_hash)


def _check_distinct(plans: Sequence[WritePlan]) -> None:
    builder = BatchBuilder()
    for plan in plans:
        if plan.article_id in builder.ids or plan.content_hash in builder.hashes:
            raise WriteError(f"{plan.article_id}: its id or text is in the batch twice (write it in the next one)")
        builder.ids.add(plan.article_id)
        builder.hashes.add(plan.content_hash)


def merged_entity_rows(plans: Sequence[WritePlan]) -> list[Row]:
    """One entity row per id over the batch, equal in effect to writing the articles' rows in turn.

    The fields a later row overwrites come from the last row; those kept when null (QID, roles, alpha-2)
    from the last row that has one; a discovered entity's name from the first (a name, once set, stays).
    """
    by_id: dict[str, list[Row]] = {}
    for plan in plans:
        for row in plan.entities:
            by_id.setdefault(str(row["id"]), []).append(row)
    merged: list[Row] = []
    for entity_id, rows in sorted(by_id.items()):
        if len({(r["label"], r["source"]) for r in rows}) > 1:
            raise WriteError(f"entity {entity_id!r} has two labels or sources in one batch")
        row = dict(rows[-1])
        for field in ("qid", "roles_json", "alpha2"):
            row[field] = next((r[field] for r in reversed(rows) if r.get(field) is not None), None)
        if row["source"] == "discovered":
            row["name"] = rows[0]["name"]
        merged.append(row)
    return merged


def _key(plan: WritePlan) -> list[str]:
    return [plan.article.get("published") or "", plan.article_id]


def entity_updates(plans: Sequence[WritePlan], skip: set[str]) -> list[Row]:
    """Per entity (but ``skip``), the new articles' forms and the most recent role and state among them."""
    updates: dict[str, Row] = {}
    for plan in plans:
        for mention in plan.mentions:
            if mention["id"] in skip:
                continue
            row = updates.setdefault(mention["id"], {"id": mention["id"], "surface": [], "folded": [],
                                                     "role": None, "role_key": None,
                                                     "country": None, "country_key": None})
            row["surface"] += [x for x in mention["surface"] if x not in row["surface"]]
            row["folded"] += [x for x in mention["folded"] if x not in row["folded"]]
            for field in ("role", "country"):
                if mention[field] is not None and (row[field + "_key"] is None or _key(plan) >= row[field + "_key"]):
                    row[field], row[field + "_key"] = mention[field], _key(plan)
    return [updates[k] for k in sorted(updates)]


def _states(tx: ManagedTransaction, plans: Sequence[WritePlan]) -> dict[str, Any]:
    rows = [{"id": p.article_id, "content_hash": p.content_hash} for p in plans]
    return {record["id"]: record for record in tx.run(cypher.BATCH_STATE, articles=rows)}


def _lock(tx: ManagedTransaction, new: Sequence[WritePlan], replaced: Sequence[WritePlan],
          entities: Iterable[str]) -> None:
    articles = sorted([{"id": p.article_id, "new": True} for p in new]
                      + [{"id": p.article_id, "new": False} for p in replaced], key=lambda r: str(r["id"]))
    record = tx.run(cypher.LOCK_BATCH, articles=articles, replaced=sorted(p.article_id for p in replaced),
                    entity_ids=sorted(entities)).single()
    if record is not None and record["raced"]:
        # Another writer committed one of these ids after the state check: rerun, they are replacements.
        raise StoredMeanwhile(", ".join(record["raced"]))


def _remove(tx: ManagedTransaction, replaced: Sequence[WritePlan]) -> dict[str, Footprint]:
    if not replaced:
        return {}
    records = tx.run(cypher.REMOVE_CLAIMS_OF, ids=sorted(p.article_id for p in replaced))
    return {r["id"]: Footprint.model_validate({k: r[k] for k in ("mentioned", "actors", "claims")})
            for r in records}


def _tie_keys(plan: WritePlan) -> set[str]:
    return {row["props"]["tie_key"] for row in plan.claims if row["props"]["tie_key"]}


def _event_ids(plan: WritePlan) -> set[str]:
    return {row["id"] for row in plan.events}


def _summary(plan: WritePlan, old: Footprint | None) -> WriteSummary:
    before = old or Footprint()
    return WriteSummary(article_id=plan.article_id, status="created" if old is None else "replaced",
                        entities=len(plan.entities), claims=len(plan.claims),
                        events=len(_event_ids(plan) | before.event_ids), ties=len(_tie_keys(plan) | before.tie_keys))


def _touched(plans: Sequence[WritePlan], old: dict[str, Footprint]) -> dict[str, Any]:
    """The recompute's parameters: the union of the events, ties and orphan candidates of every article."""
    events: set[str] = set()
    ties: set[str] = set()
    orphans: set[str] = set()
    for plan in plans:
        before = old.get(plan.article_id)
        events |= _event_ids(plan)
        if before is None:
            ties |= _tie_keys(plan)
            continue
        events |= before.event_ids
        kept = unchanged_ties(before.claims, (row["props"] for row in plan.claims))
        ties |= (_tie_keys(plan) | before.tie_keys) - kept
        orphans |= (set(before.mentioned) | set(before.actors)) - {row["id"] for row in plan.mentions}
    return {"event_ids": sorted(events), "ties": labelled_tie_rows(ties), "orphan_candidates": sorted(orphans)}


def _rows(plans: Sequence[WritePlan], new: Sequence[WritePlan], replaced: Sequence[WritePlan]) -> dict[str, Any]:
    events: dict[str, Row] = {}
    for plan in plans:
        for row in plan.events:
            events.setdefault(str(row["id"]), row)
    claims = [row for plan in plans for row in plan.claims]
    refresh = sorted({str(row["id"]) for plan in replaced for row in plan.entities})
    return {
        "articles": [{"id": p.article_id, "props": p.article} for p in plans],
        "entities": merged_entity_rows(plans),
        "mentions": [{**row, "article_id": p.article_id} for p in plans for row in p.mentions],
        "events": [events[k] for k in sorted(events)],
        "claims": claims,
        "about": [{"id": r["props"]["id"], "event_id": r["props"]["event_id"]}
                  for r in claims if r["props"]["event_id"]],
        "entity_updates": entity_updates(new, skip=set(refresh)),
        "refresh_ids": refresh,
    }


_ROW_PARAMS = ("articles", "entities", "mentions", "events", "claims", "about")
"""The parameters of `cypher.BATCH_WRITE_ROWS` among `_rows`'s."""


def _write(tx: ManagedTransaction, new: list[WritePlan], replaced: list[WritePlan]) -> list[WriteSummary]:
    """Lock, remove the replaced articles' claims, write every row, update and recompute once; one summary each."""
    plans = new + replaced
    rows = _rows(plans, new, replaced)
    _lock(tx, new, replaced, (str(row["id"]) for row in rows["entities"]))
    old = _remove(tx, replaced)
    touched = _touched(plans, old)
    record = tx.run(cypher.BATCH_WRITE_ROWS, {k: rows[k] for k in _ROW_PARAMS}).single()
    written = 0 if record is None else int(record["claims"] or 0)
    if written != len(rows["claims"]):
        # Raising inside the transaction function rolls the whole batch back.
        raise WriteError(f"a batch of {len(plans)} articles wrote {written} of {len(rows['claims'])} claims")
    # What follows depends on what was just written; a statement with nothing to do is skipped.
    if rows["entity_updates"]:
        tx.run(cypher.BATCH_UPDATE_ENTITIES, entity_updates=rows["entity_updates"]).consume()
    refresh = sorted(set(rows["refresh_ids"]) | set(touched["orphan_candidates"]))
    if refresh:
        tx.run(cypher.BATCH_REFRESH_ENTITIES, ids=refresh).consume()
    if touched["event_ids"] or touched["ties"]:
        tx.run(cypher.BATCH_RECOMPUTE, event_ids=touched["event_ids"], ties=touched["ties"],
               status_rank=list(STATUS_RANK), directed_event_types=DIRECTED_EVENT_TYPES).consume()
    if touched["orphan_candidates"]:
        tx.run(cypher.BATCH_DELETE_ORPHANS, orphan_candidates=touched["orphan_candidates"]).consume()
    return [_summary(plan, old.get(plan.article_id)) for plan in plans]


def _batch_tx(tx: ManagedTransaction, plans: list[WritePlan]) -> list[WriteSummary]:
    states = _states(tx, plans)
    outcome: dict[str, WriteSummary] = {}
    new: list[WritePlan] = []
    replaced: list[WritePlan] = []
    for plan in plans:
        state = states[plan.article_id]
        settled = settled_by_state(plan, state)
        if settled is not None:
            outcome[plan.article_id] = settled
        else:
            (replaced if state["stored"] else new).append(plan)
    if new or replaced:
        outcome.update((s.article_id, s) for s in _write(tx, new, replaced))
    return [outcome[plan.article_id] for plan in plans]


def write_batch(driver: Driver, extractions: Sequence[ArticleExtraction], *, database: str) -> list[WriteSummary]:
    """Write (or replace, or leave unchanged) several articles in one transaction; one summary each, in order.

    The articles' ids and texts must be distinct (`BatchBuilder`); a failure rolls back the whole batch
    (`WriteError`, or `DuplicateTextError` for a version whose text another article holds).
    """
    plans = [plan_write(extraction) for extraction in extractions]
    if not plans:
        return []
    _check_distinct(plans)
    what = plans[0].article_id if len(plans) == 1 else f"a batch of {len(plans)} articles from {plans[0].article_id}"
    return run_write(driver, _batch_tx, plans, database=database, what=what)


def batches(extractions: Iterable[ArticleExtraction], size: int) -> Iterator[list[ArticleExtraction]]:
    """``extractions`` in order, ``size`` to a batch, a new batch begun early where an id or text repeats."""
    batch: list[ArticleExtraction] = []
    builder = BatchBuilder()
    for extraction in extractions:
        if len(batch) >= size or not builder.fits(extraction):
            yield batch
            batch, builder = [], BatchBuilder()
        builder.add(extraction)
        batch.append(extraction)
    if batch:
        yield batch


def write_articles(driver: Driver, extractions: Iterable[ArticleExtraction], *, database: str,
                   batch_size: int) -> list[WriteSummary]:
    """`write_batch` over ``extractions``, ``batch_size`` at a time (no halving: a failure is raised)."""
    return [summary for batch in batches(extractions, batch_size)
            for summary in write_batch(driver, batch, database=database)]
