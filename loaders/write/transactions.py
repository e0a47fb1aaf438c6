"""Store one article's fact view in Neo4j, and retract it again, in one transaction each.

Rows are built before the transaction by the pure functions of `loaders.write.rows`; the transaction
functions here only run the constant queries of `loaders.write.cypher` over them, so a retried
transaction does exactly the same work.

Ties and events are *derived*: after claims change, each affected tie and event is recomputed from the
claims that remain (support, articles, confidence, statuses, dates), and deleted when none remain.
Re-writing an article whose rows are unchanged (same fingerprint) writes nothing; a changed article
has its old claims retracted and the new ones written in the same transaction (ties it supports exactly
as before are not recomputed: they cannot have changed).

Each statement is a round trip, so there are few: a new article is a state check and one statement that
writes everything and recomputes what it supports; a replacement adds the removal of the old claims and
splits the write from the recompute, which depends on what was removed.

Concurrent writers (``tiesgraph load --shard``) stay exact because every article first SETs its
entities, which write-locks them: a second transaction touching the same tie or event (whose endpoints
or participants are among those entities) waits until the first commits and then recounts its claims,
committed ones included. Removing an article's claims (replacement, retraction) first locks, in one
pass, every entity it will change: its claims' actors, the entities it mentions (implied states
included) and, for a replacement, the entities the new version writes. Each pass takes its locks in id
order, after the article's own; a deadlock is still possible (a new article's entities are locked in a
second pass) and is a transient error the driver retries, which is safe because transaction functions
are idempotent.

The state check reads before any lock, so two writers of one article id (two versions of one source) may
both find it absent. The write statement's MERGE of the Article waits for the other's commit; it then
finds the article stored and writes nothing, and `write_article` runs the article once more, which
replaces the committed version instead of adding a second set of claims beside it.

One text is one article, also when two loaders write its two forms (a ``.txt`` and its JSON record) at
once: both may find no other article with its ``content_hash``, but the uniqueness constraint on it lets
only one commit. The other's write fails with a constraint violation, which the driver does not retry;
`write_article` runs that article once more, and its state check then finds the committed twin.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeVar

from neo4j import Driver, ManagedTransaction, Session
from neo4j.exceptions import ConstraintError, DriverError, Neo4jError
from pydantic import BaseModel, ConfigDict

from graph_schema.model import Modality
from loaders.errors import ArticleNotFound, DuplicateTextError, WriteError
from loaders.models import ArticleExtraction
from loaders.write import cypher
from loaders.write.rows import DIRECTED_EVENT_TYPES, Row, WritePlan, labelled_tie_rows, plan_write

P = TypeVar("P")
R = TypeVar("R")

STATUS_RANK: tuple[str, ...] = (
    Modality.HAPPENED.value,
    Modality.ONGOING.value,
    Modality.AGREED.value,
    Modality.ANNOUNCED.value,
    Modality.PLANNED.value,
    Modality.ALLEGED.value,
    Modality.DENIED.value,
)
"""Modalities from most to least real: an event's status is the first one any of its claims has."""


class WriteSummary(BaseModel):
    """What `write_article` did; the counts are what this call wrote (all zero when "unchanged")."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    status: Literal["created", "replaced", "unchanged"]
    duplicate_of: str | None = None
    """Set when the same clean text is already in the graph under another id (e.g. its .txt and .json)."""
    entities: int = 0
    claims: int = 0
    events: int = 0
    ties: int = 0


class RetractSummary(BaseModel):
    """What `retract_article` removed or recomputed."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    claims: int = 0
    events: int = 0
    events_deleted: int = 0
    ties: int = 0
    ties_deleted: int = 0
    entities_deleted: int = 0


_TIE_INPUTS: tuple[str, ...] = ("id", "status", "date", "confidence")
"""The claim properties a tie is computed from (the claim id stands for its article)."""


class Footprint(BaseModel):
    """What an article's claims and mentions touched, read as they are removed."""

    mentioned: list[str] = []
    actors: list[str] = []
    claims: list[Row] = []

    @property
    def tie_keys(self) -> set[str]:
        """The ties the removed claims supported."""
        return {c["tie_key"] for c in self.claims if c["tie_key"]}

    @property
    def event_ids(self) -> set[str]:
        """The events the removed claims were about."""
        return {c["event_id"] for c in self.claims if c["event_id"]}


class StoredMeanwhile(Exception):
    """A concurrent writer committed the article's id after this transaction's state check."""


def _remove_claims(tx: ManagedTransaction, article_id: str, lock_also: Iterable[str] = ()) -> Footprint:
    # Claims and mentions go; what they touched is returned so it can be recomputed. ``lock_also`` are
    # entities the transaction writes next, locked in the same pass.
    record = tx.run(cypher.REMOVE_ARTICLE_CLAIMS, id=article_id, lock_also=sorted(set(lock_also))).single()
    return Footprint() if record is None else Footprint.model_validate(dict(record))


def _tie_inputs(claims: Iterable[Row]) -> dict[str, list[tuple[Any, ...]]]:
    by_key: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for claim in claims:
        if claim["tie_key"]:
            by_key[claim["tie_key"]].append(tuple(claim[field] for field in _TIE_INPUTS))
    return {key: sorted(inputs, key=repr) for key, inputs in by_key.items()}


def unchanged_ties(old_claims: Iterable[Row], new_claims: Iterable[Row]) -> set[str]:
    """Tie keys whose claims from this article are the same before and after a replacement.

    A tie is computed only from its claims' ids, statuses, dates and confidences; when this article's
    share of them is identical, what other articles contribute is untouched too, so the tie cannot have
    changed and is not recomputed.
    """
    old, new = _tie_inputs(old_claims), _tie_inputs(new_claims)
    return {key for key, inputs in new.items() if old.get(key) == inputs}


class _Recomputed(BaseModel):
    events_deleted: int = 0
    ties_deleted: int = 0
    entities_deleted: int = 0


def _recompute(
    tx: ManagedTransaction,
    *,
    event_ids: Iterable[str],
    tie_keys: Iterable[str],
    orphan_candidates: Iterable[str],
) -> _Recomputed:
    """Recompute the events and ties whose claims were just written or deleted, and drop orphan entities.

    Each is recomputed from the claims that remain and deleted when none remain; an entity goes when
    neither a mention nor a claim points at it any more.
    """
    events, ties, candidates = sorted(set(event_ids)), labelled_tie_rows(tie_keys), sorted(set(orphan_candidates))
    if not (events or ties or candidates):
        return _Recomputed()
    record = tx.run(cypher.RECOMPUTE, event_ids=events, ties=ties, orphan_candidates=candidates,
                    status_rank=list(STATUS_RANK), directed_event_types=DIRECTED_EVENT_TYPES).single()
    return _Recomputed() if record is None else _Recomputed.model_validate(dict(record))


def _write_params(plan: WritePlan, *, new: bool) -> dict[str, Any]:
    about = [{"id": r["props"]["id"], "event_id": r["props"]["event_id"]}
             for r in plan.claims if r["props"]["event_id"]]
    return {"id": plan.article_id, "new": new, "props": plan.article, "entities": plan.entities,
            "entity_ids": [row["id"] for row in plan.entities], "mentions": plan.mentions,
            "events": plan.events, "claims": plan.claims, "about": about}


def _check_claims(plan: WritePlan, written: Any) -> int:
    claims = int(written or 0)
    if claims != len(plan.claims):
        # Raising inside the transaction function rolls the whole article back.
        raise WriteError(f"{plan.article_id}: wrote {claims} of {len(plan.claims)} claims")
    return claims


def settled_by_state(plan: WritePlan, state: Mapping[str, Any]) -> WriteSummary | None:
    """What an article's stored state alone decides (unchanged, or a duplicate of another id), else None.

    `DuplicateTextError` when its new version's text is stored as another article (one text, one article).
    """
    if state["stored"] and state["same_text"] is not None and state["fingerprint"] != plan.article["fingerprint"]:
        # Storing this version would give one text two articles, which the schema refuses.
        raise DuplicateTextError(f"{plan.article_id}: its new version's text is already stored as "
                                 f"{state['same_text']}; "
                                 "retract one of them first")
    if not state["stored"] and state["same_text"] is not None:
        # The same text received twice in different forms (a .txt without URL, the record with one) is
        # one article: writing it again would double every tie's support.
        return WriteSummary(article_id=plan.article_id, status="unchanged", duplicate_of=state["same_text"])
    if state["stored"] and state["fingerprint"] == plan.article["fingerprint"]:
        return WriteSummary(article_id=plan.article_id, status="unchanged")
    return None


def _write_tx(tx: ManagedTransaction, plan: WritePlan) -> WriteSummary:
    new_ties = {row["props"]["tie_key"] for row in plan.claims if row["props"]["tie_key"]}
    event_ids = {row["id"] for row in plan.events}
    state = tx.run(cypher.ARTICLE_STATE, id=plan.article_id, content_hash=plan.content_hash).single()
    if state is None:
        raise WriteError(f"{plan.article_id}: the state query returned nothing")
    settled = settled_by_state(plan, state)
    if settled is not None:
        return settled
    if not state["stored"]:
        record = tx.run(cypher.WRITE_NEW_ARTICLE, _write_params(plan, new=True), event_ids=sorted(event_ids),
                        ties=labelled_tie_rows(new_ties), orphan_candidates=[],
                        status_rank=list(STATUS_RANK), directed_event_types=DIRECTED_EVENT_TYPES).single()
        if record is None:
            # Another writer of this id committed after our state check; nothing was written.
            raise StoredMeanwhile(plan.article_id)
        entities = int(record["entities"])
        claims = _check_claims(plan, record["claims"])
        return WriteSummary(article_id=plan.article_id, status="created", entities=entities, claims=claims,
                            events=len(event_ids), ties=len(new_ties))
    # A changed version: its old claims go, the new ones are written, and what either touched is recomputed
    # (except ties this article supports exactly as before).
    old = _remove_claims(tx, plan.article_id, lock_also=(row["id"] for row in plan.entities))
    record = tx.run(cypher.WRITE_ARTICLE, _write_params(plan, new=False)).single()
    entities = 0 if record is None else int(record["entities"])
    claims = _check_claims(plan, None if record is None else record["claims"])
    kept = unchanged_ties(old.claims, (row["props"] for row in plan.claims))
    _recompute(tx, event_ids=event_ids | old.event_ids, tie_keys=(new_ties | old.tie_keys) - kept,
               orphan_candidates=(set(old.mentioned) | set(old.actors)) - {row["id"] for row in plan.mentions})
    return WriteSummary(
        article_id=plan.article_id,
        status="replaced",
        entities=entities,
        claims=claims,
        events=len(event_ids | old.event_ids),
        ties=len(new_ties | old.tie_keys),
    )


def _retract_tx(tx: ManagedTransaction, ref: str) -> RetractSummary:
    record = tx.run(cypher.FIND_ARTICLE, ref=ref).single()
    if record is None:
        raise ArticleNotFound(f"no article with id or URL {ref!r} in the graph")
    article_id = str(record["id"])
    old = _remove_claims(tx, article_id)
    tx.run(cypher.DELETE_ARTICLE, id=article_id).consume()
    done = _recompute(tx, event_ids=old.event_ids, tie_keys=old.tie_keys,
                      orphan_candidates=set(old.mentioned) | set(old.actors))
    return RetractSummary(
        article_id=article_id,
        claims=len(old.claims),
        events=len(old.event_ids),
        events_deleted=done.events_deleted,
        ties=len(old.tie_keys),
        ties_deleted=done.ties_deleted,
        entities_deleted=done.entities_deleted,
    )


def _same_text_committed_meanwhile(exc: ConstraintError) -> bool:
    # Only a violation of the one key the write SETs rather than MERGEs means a twin committed meanwhile;
    # any other would be a bug, reported as it is.
    return "content_hash" in (exc.message or str(exc))


RACE_RETRIES = 5
"""How many times a write is run again after concurrent writers stored some of its articles meanwhile: a
batch of many articles can meet another loader's commit more than once (seen with 4 loaders of 100-article
batches over overlapping files); each rerun's state check finds what was committed."""


def _until_no_race(session: Session, work: Callable[[ManagedTransaction, P], R], plans: P) -> R:
    """``work`` in one write transaction, rerun up to RACE_RETRIES times after a `StoredMeanwhile`."""
    for _ in range(RACE_RETRIES):
        try:
            return session.execute_write(work, plans)
        except StoredMeanwhile:
            continue  # the state check now finds the committed versions, and this write replaces them
    return session.execute_write(work, plans)


def run_write(driver: Driver, work: Callable[[ManagedTransaction, P], R], plans: P, *, database: str,
              what: str) -> R:
    """``work(tx, plans)`` in one write transaction, run once more after a race with a concurrent writer.

    ``what`` names the article(s) in the `WriteError` a failed write becomes.
    """
    try:
        with driver.session(database=database) as session:
            try:
                return _until_no_race(session, work, plans)
            except ConstraintError as exc:
                if not _same_text_committed_meanwhile(exc):
                    raise
                # Another transaction committed the same text under another id after our state check (and
                # ours rolled back): once more, the state check finds it and reports this one a duplicate.
                return session.execute_write(work, plans)
    except (Neo4jError, DriverError) as exc:
        raise WriteError(f"{what}: the graph write failed and was rolled back: {exc}") from exc


def write_article(driver: Driver, extraction: ArticleExtraction, *, database: str) -> WriteSummary:
    """Write (or replace, or leave unchanged) one article's fact view in one transaction."""
    plan = plan_write(extraction)
    return run_write(driver, _write_tx, plan, database=database, what=plan.article_id)


def retract_article_id(driver: Driver, ref: str, *, database: str) -> RetractSummary:
    """Retract the article whose id or URL is ``ref`` (a local file's article: `loaders.load.retract_article`)."""
    try:
        with driver.session(database=database) as session:
            return session.execute_write(_retract_tx, ref)
    except (Neo4jError, DriverError) as exc:
        raise WriteError(f"{ref}: the retraction failed and was rolled back: {exc}") from exc
