"""Store one article's fact view in Neo4j, and retract it again, in one transaction each.

Rows are built by pure functions (`entity_rows`, `mention_rows`, `claim_rows`, `event_rows`, `tie_rows`)
from an `ArticleExtraction`; the transaction functions only run the constant queries of `loaders.cypher`
over them, so a retried transaction does exactly the same work.

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

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Literal

import pycountry
from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ConstraintError, DriverError, Neo4jError
from pydantic import BaseModel, ConfigDict

from graph_schema.model import (
    ENTITY_LABELS,
    PLOVER,
    SYMMETRIC_RELATIONS,
    EntityType,
    EventType,
    Label,
    Modality,
    Relation,
)
from graph_schema.text import search_fold
from loaders import cypher
from loaders.errors import ArticleNotFound, DuplicateTextError, WriteError
from loaders.models import ArticleExtraction, Entity, Fact

Row = dict[str, Any]

WRITER_VERSION = "writer.v2"
"""The writer's semantics (what rows mean, how entities and events are derived), part of every fingerprint:
a new version makes the next load of each stored article rewrite it."""

TIE_KEY_SEPARATOR = "|"

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


class TieRef(BaseModel):
    """A derived tie's identity: its relation and its two endpoints (ordered for symmetric relations)."""

    model_config = ConfigDict(frozen=True)

    relation: Relation
    source: str
    target: str

    @property
    def key(self) -> str:
        """The tie key shared by the tie and its claims: ``REL|source|target``."""
        return TIE_KEY_SEPARATOR.join((self.relation.value, self.source, self.target))


# --- pure helpers ----------------------------------------------------------------------------------------


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def tie_ref(relation: Relation, subject: str, obj: str) -> TieRef:
    """The tie a fact supports; symmetric relations are stored once per unordered pair."""
    for entity_id in (subject, obj):
        if TIE_KEY_SEPARATOR in entity_id:
            raise WriteError(f"entity id {entity_id!r} contains {TIE_KEY_SEPARATOR!r}")
    if relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    return TieRef(relation=relation, source=subject, target=obj)


def tie_key(relation: Relation, subject: str, obj: str) -> str:
    """``REL|subject_id|object_id`` (ordered for symmetric relations)."""
    return tie_ref(relation, subject, obj).key


def parse_tie_key(key: str) -> TieRef:
    """The inverse of `tie_key`."""
    parts = key.split(TIE_KEY_SEPARATOR)
    if len(parts) != 3:
        raise WriteError(f"malformed tie key {key!r}")
    return TieRef(relation=Relation(parts[0]), source=parts[1], target=parts[2])


def claim_id(article_id: str, relation: Relation, subject: str, obj: str, sentence_index: int) -> str:
    """``clm:`` + sha1(article|relation|subject|object|sentence)[:16]: the same statement, the same id."""
    raw = "|".join((article_id, relation.value, subject, obj, str(sentence_index)))
    return "clm:" + _sha1(raw)[:16]


def event_period(date: str | None) -> str:
    """The time bucket that identifies an event: its month (``2021-06``), its year, or "" when undated.

    Outlets date one meeting differently ("Monday" in one, 22 June in another); keying events by month lets
    all reports of it meet on one node, while each claim keeps the date its article gave. Two meetings of
    the same people in the same month are one node too: the price of coreference without an event id.
    """
    return (date or "")[:7]


def event_id(event_type: EventType, participants: Iterable[str], date: str | None) -> str:
    """``evt:<type>:`` + sha1(sorted participants|month)[:12]: every report of one event, one node."""
    raw = "|".join(sorted(set(participants))) + "|" + event_period(date)
    return f"evt:{event_type.value}:" + _sha1(raw)[:12]


def article_extractor(extraction: ArticleExtraction) -> str:
    """The extractor name(s) and version(s) behind an article's facts, comma-joined."""
    return ",".join(sorted({fact.extractor for fact in extraction.facts}))


def _merged_entities(extraction: ArticleExtraction) -> list[Entity]:
    # The same id listed twice is one node: merge its names rather than letting the last row win.
    by_id: dict[str, Entity] = {}
    for entity in extraction.entities:
        seen = by_id.get(entity.id)
        if seen is None:
            by_id[entity.id] = entity.model_copy(deep=True)
            continue
        if seen.type != entity.type:
            raise WriteError(f"entity {entity.id!r} is listed as both {seen.type} and {entity.type}")
        seen.aliases = _union(seen.aliases, entity.aliases)
        seen.known_aliases = _union(seen.known_aliases, entity.known_aliases)
        seen.role = seen.role or entity.role
        seen.qid = seen.qid or entity.qid
        seen.country = seen.country or entity.country
    return list(by_id.values())


def _union(*lists: Iterable[str]) -> list[str]:
    out: list[str] = []
    for items in lists:
        for item in items:
            if item and item not in out:
                out.append(item)
    return out


def _alpha2(alpha3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3)
    return None if country is None else str(country.alpha_2)


def entity_rows(extraction: ArticleExtraction) -> dict[Label, list[Row]]:
    """Entity rows grouped by node label: what is the same in every article (registry names, QID, roles).

    What depends on the article (the forms it used, the role and state it gave) travels on its MENTIONS
    row instead, and the entity's ``aliases``, ``search_text``, ``role`` and ``country`` are recomputed from
    all the mentions that remain, so retracting an article also takes back what it alone said of an entity.
    """
    rows: dict[Label, list[Row]] = defaultdict(list)
    for entity in _merged_entities(extraction):
        # A discovered entity has no registry names: its name and aliases come from its mentions only, so
        # no single article's spelling outlives that article.
        known = [] if entity.source == "discovered" else _union([entity.name], entity.known_aliases)
        row: Row = {
            "id": entity.id,
            "name": entity.name,
            "known_aliases": known,
            "known_folded": _union(search_fold(a) for a in known),
            "qid": entity.qid,
            "source": entity.source,
            # Dated roles as one JSON string: Neo4j properties cannot hold maps.
            "roles_json": json.dumps([r.model_dump() for r in entity.roles]) if entity.roles else None,
        }
        if entity.type is EntityType.COUNTRY:
            row["alpha2"] = _alpha2(entity.id)
        rows[ENTITY_LABELS[entity.type]].append(row)
    # A fixed order (label, then id) makes concurrent writers lock shared entities in the same order.
    return {label: sorted(rows[label], key=lambda r: r["id"]) for label in ENTITY_LABELS.values() if label in rows}


def mention_rows(extraction: ArticleExtraction) -> list[Row]:
    """One (:Article)-[:MENTIONS]->(:Entity) row per entity of the article, with what the article says of it.

    ``count`` is how often the article names it (0 for an entity only implied: a fact's actor it did not
    name, the state of a person it did); ``surface`` the forms it used; ``role`` and ``country`` what the
    article (or the registry, as of its date) gives.
    """
    rows: list[Row] = []
    for entity in _merged_entities(extraction):
        surface = _union(entity.aliases)
        rows.append({"id": entity.id, "count": entity.mentions, "surface": surface,
                     "folded": _union(search_fold(a) for a in surface), "role": entity.role,
                     "country": entity.country})
    return rows


def _event_of(fact: Fact) -> str | None:
    if fact.event_type is None:
        return None
    return event_id(fact.event_type, (fact.subject, fact.object), fact.date)


def claim_rows(extraction: ArticleExtraction) -> list[Row]:
    """One Claim row per fact (the same statement twice is one claim, at its highest confidence)."""
    article_id = extraction.article.id
    known = {entity.id for entity in extraction.entities}
    by_id: dict[str, Row] = {}
    # Withheld statements (denied, or only planned) are recorded as claims with their status, but support
    # no tie and no event: "the Kremlin said Putin will not meet him" is evidence, not a meeting.
    asserted = [(fact, True) for fact in extraction.facts]
    withheld = [(fact, False) for fact in extraction.withheld if {fact.subject, fact.object} <= known]
    for fact, is_asserted in asserted + withheld:
        for role, ref in (("subject", fact.subject), ("object", fact.object)):
            if ref not in known:
                raise WriteError(f"{article_id}: a fact's {role} {ref!r} is not among the article's entities")
        cid = claim_id(article_id, fact.relation, fact.subject, fact.object, fact.sentence_index)
        props: Row = {
            "id": cid,
            "relation": fact.relation.value,
            "tie_key": tie_key(fact.relation, fact.subject, fact.object) if is_asserted else None,
            "event_id": _event_of(fact) if is_asserted else None,
            "article_id": article_id,
            "status": fact.status.value if isinstance(fact.status, Modality) else fact.status,
            "date": fact.date,
            "place_id": fact.place,
            "weapon_id": fact.weapon,
            "sentence": fact.evidence,
            "sentence_index": fact.sentence_index,
            "start": fact.start,
            "end": fact.end,
            "extractor": fact.extractor,
            "confidence": fact.confidence,
            "plover": PLOVER.get(fact.relation),
        }
        seen = by_id.get(cid)
        if seen is None or props["confidence"] > seen["props"]["confidence"]:
            by_id[cid] = {"subject": fact.subject, "object": fact.object, "props": props}
    return list(by_id.values())


def event_rows(extraction: ArticleExtraction) -> dict[EventType, list[Row]]:
    """Event rows grouped by event type (one MERGE query per type), one per distinct event id."""
    names = {entity.id: entity.name for entity in extraction.entities}
    rows: dict[EventType, dict[str, Row]] = defaultdict(dict)
    for fact in extraction.facts:
        if fact.event_type is None:
            continue
        eid = event_id(fact.event_type, (fact.subject, fact.object), fact.date)
        if eid in rows[fact.event_type]:
            continue
        who = " – ".join(names.get(p, p) for p in sorted({fact.subject, fact.object}))
        # The date (and the name that shows it) is recomputed from all the event's claims after writing.
        title = f"{fact.event_type.value}: {who}"
        rows[fact.event_type][eid] = {"id": eid, "type": fact.event_type.value, "title": title}
    return {t: list(by_id.values()) for t, by_id in rows.items()}


def tie_rows(keys: Iterable[str]) -> dict[Relation, list[Row]]:
    """Tie keys grouped by relation, as ``{key, source, target}`` rows (one query per relationship type)."""
    rows: dict[Relation, list[Row]] = defaultdict(list)
    for key in sorted(set(keys)):
        ref = parse_tie_key(key)
        rows[ref.relation].append({"key": key, "source": ref.source, "target": ref.target})
    return dict(rows)


def article_props(extraction: ArticleExtraction) -> Row:
    """The Article node's properties (``loaded_at`` is set by the server)."""
    meta = extraction.article
    return {
        "url": meta.url,
        "outlet": meta.outlet,
        "language": meta.language,
        "published": meta.published,
        "title": meta.title,
        "content_hash": meta.content_hash,
        "extractor": article_extractor(extraction),
    }


_LABEL_ONLY_FIELDS: dict[str, Label] = {"roles_json": Label.PERSON, "alpha2": Label.COUNTRY}


def labelled_entity_rows(extraction: ArticleExtraction) -> list[Row]:
    """`entity_rows` as one list in id order, each row carrying its ``label`` (one MERGE for all).

    Id order is the order in which every transaction locks the entities it touches, so concurrent
    writers and retractions of articles sharing entities wait for each other rather than deadlock.

    A field that only one label stores (a person's roles, a country's alpha-2 code) is null on the rows of
    the other labels, which leaves what the node holds untouched.
    """
    flat: list[Row] = []
    for label, rows in entity_rows(extraction).items():
        for row in rows:
            own = {field: (row.get(field) if only is label else None) for field, only in _LABEL_ONLY_FIELDS.items()}
            flat.append({**row, **own, "label": label.value})
    return sorted(flat, key=lambda row: str(row["id"]))


def labelled_event_rows(extraction: ArticleExtraction) -> list[Row]:
    """`event_rows` as one list, each row carrying its ``label`` (the event type)."""
    return [{**row, "label": event_type.value} for event_type, rows in event_rows(extraction).items() for row in rows]


def labelled_tie_rows(keys: Iterable[str]) -> list[Row]:
    """`tie_rows` as one list in key order, each row carrying its ``relation`` (one recompute for all)."""
    return sorted(
        ({**row, "relation": relation.value} for relation, rows in tie_rows(keys).items() for row in rows),
        key=lambda row: str(row["key"]),
    )


class WritePlan(BaseModel):
    """Every row of one article's write, built before the transaction so retries redo the same work."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    content_hash: str
    article: Row
    entities: list[Row]
    mentions: list[Row]
    claims: list[Row]
    events: list[Row]

    def fingerprint(self) -> str:
        """sha256 of every row: equal fingerprints write the same graph, so a re-load can skip it.

        Any change counts, not only the text's: a corrected publication date, new registry data or rules
        under the same extractor name all change some row and so rewrite the article; so does a new
        `WRITER_VERSION`.
        """
        rows = self.model_dump(mode="json")
        rows["writer"] = WRITER_VERSION
        rows["article"] = {k: v for k, v in self.article.items() if k != "fingerprint"}
        return hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def plan_write(extraction: ArticleExtraction) -> WritePlan:
    """All rows of an article's write (pure); the article row carries the plan's fingerprint."""
    plan = WritePlan(
        article_id=extraction.article.id,
        content_hash=extraction.article.content_hash,
        article=article_props(extraction),
        entities=labelled_entity_rows(extraction),
        mentions=mention_rows(extraction),
        claims=claim_rows(extraction),
        events=labelled_event_rows(extraction),
    )
    return plan.model_copy(update={"article": {**plan.article, "fingerprint": plan.fingerprint()}})


# --- transaction functions --------------------------------------------------------------------------------


_TIE_INPUTS: tuple[str, ...] = ("id", "status", "date", "confidence")
"""The claim properties a tie is computed from (the claim id stands for its article)."""


class _Footprint(BaseModel):
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


class _StoredMeanwhile(Exception):
    """A concurrent writer committed the article's id after this transaction's state check."""


def _remove_claims(tx: ManagedTransaction, article_id: str, lock_also: Iterable[str] = ()) -> _Footprint:
    # Claims and mentions go; what they touched is returned so it can be recomputed. ``lock_also`` are
    # entities the transaction writes next, locked in the same pass.
    record = tx.run(cypher.REMOVE_ARTICLE_CLAIMS, id=article_id, lock_also=sorted(set(lock_also))).single()
    return _Footprint() if record is None else _Footprint.model_validate(dict(record))


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
                    status_rank=list(STATUS_RANK)).single()
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


def _write_tx(tx: ManagedTransaction, plan: WritePlan) -> WriteSummary:
    new_ties = {row["props"]["tie_key"] for row in plan.claims if row["props"]["tie_key"]}
    event_ids = {row["id"] for row in plan.events}
    state = tx.run(cypher.ARTICLE_STATE, id=plan.article_id, content_hash=plan.content_hash).single()
    if state is None:
        raise WriteError(f"{plan.article_id}: the state query returned nothing")
    if state["stored"] and state["same_text"] is not None and state["fingerprint"] != plan.article["fingerprint"]:
        # Storing this version would give one text two articles, which the schema refuses.
        raise DuplicateTextError(f"{plan.article_id}: its new version's text is already stored as "
                                 f"{state['same_text']}; "
                                 "retract one of them first")
    if not state["stored"]:
        if state["same_text"] is not None:
            # The same text received twice in different forms (a .txt without URL, the record with one) is
            # one article: writing it again would double every tie's support.
            return WriteSummary(article_id=plan.article_id, status="unchanged", duplicate_of=state["same_text"])
        record = tx.run(cypher.WRITE_NEW_ARTICLE, _write_params(plan, new=True), event_ids=sorted(event_ids),
                        ties=labelled_tie_rows(new_ties), orphan_candidates=[],
                        status_rank=list(STATUS_RANK)).single()
        if record is None:
            # Another writer of this id committed after our state check; nothing was written.
            raise _StoredMeanwhile(plan.article_id)
        entities = int(record["entities"])
        claims = _check_claims(plan, record["claims"])
        return WriteSummary(article_id=plan.article_id, status="created", entities=entities, claims=claims,
                            events=len(event_ids), ties=len(new_ties))
    if state["fingerprint"] == plan.article["fingerprint"]:
        return WriteSummary(article_id=plan.article_id, status="unchanged")

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


# --- public API -------------------------------------------------------------------------------------------


def _same_text_committed_meanwhile(exc: ConstraintError) -> bool:
    # Only a violation of the one key the write SETs rather than MERGEs means a twin committed meanwhile;
    # any other would be a bug, reported as it is.
    return "content_hash" in (exc.message or str(exc))


def write_article(driver: Driver, extraction: ArticleExtraction, *, database: str) -> WriteSummary:
    """Write (or replace, or leave unchanged) one article's fact view in one transaction."""
    plan = plan_write(extraction)
    try:
        with driver.session(database=database) as session:
            try:
                return session.execute_write(_write_tx, plan)
            except _StoredMeanwhile:
                # Once more: the state check now finds the committed version, and this one replaces it.
                return session.execute_write(_write_tx, plan)
            except ConstraintError as exc:
                if not _same_text_committed_meanwhile(exc):
                    raise
                # Another transaction committed the same text under another id after our state check (and
                # ours rolled back): once more, the state check finds it and reports this one a duplicate.
                return session.execute_write(_write_tx, plan)
    except (Neo4jError, DriverError) as exc:
        raise WriteError(f"{plan.article_id}: the graph write failed and was rolled back: {exc}") from exc


def retract_article_id(driver: Driver, ref: str, *, database: str) -> RetractSummary:
    """Retract the article whose id or URL is ``ref`` (a local file's article: `loaders.load.retract_article`)."""
    try:
        with driver.session(database=database) as session:
            return session.execute_write(_retract_tx, ref)
    except (Neo4jError, DriverError) as exc:
        raise WriteError(f"{ref}: the retraction failed and was rolled back: {exc}") from exc

