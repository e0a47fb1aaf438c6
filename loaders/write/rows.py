"""The rows of one article's write, built by pure functions from its `ArticleExtraction`.

`plan_write` gathers them in a `WritePlan` before the transaction, so a retried transaction does exactly
the same work; the plan's fingerprint lets a re-load of an unchanged article write nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pycountry
from pydantic import BaseModel, ConfigDict

from graph_schema.codes import code_fields
from graph_schema.model import (
    ENTITY_LABELS,
    RELATION_EVENT,
    SYMMETRIC_RELATIONS,
    EntityType,
    EventType,
    Label,
    Modality,
)
from graph_schema.text import search_fold
from loaders.errors import WriteError
from loaders.models import ArticleExtraction, Entity, Fact
from loaders.write.ids import claim_id, event_id, parse_tie_key, tie_key

Row = dict[str, Any]

WRITER_VERSION = "writer.v2"
"""The writer's semantics (what rows mean, how entities and events are derived), part of every fingerprint:
a new version makes the next load of each stored article rewrite it."""

_LABEL_ONLY_FIELDS: dict[str, Label] = {"roles_json": Label.PERSON, "alpha2": Label.COUNTRY}

_fold = functools.lru_cache(maxsize=1 << 16)(search_fold)
"""`search_fold`, remembered: a state's dozens of registry names are folded again in every article naming it."""


@functools.lru_cache(maxsize=1 << 14)
def _folded(names: tuple[str, ...]) -> tuple[str, ...]:
    # The folded forms of a list of names, remembered whole (a registry entity's are the same in every article).
    return tuple(_union(_fold(a) for a in names))


def article_extractor(extraction: ArticleExtraction) -> str:
    """The extractor name(s) and version(s) behind an article's facts, comma-joined."""
    return ",".join(sorted({fact.extractor for fact in extraction.facts}))


def _merged_entities(extraction: ArticleExtraction) -> list[Entity]:
    # The same id listed twice is one node: merge its names rather than letting the last row win.
    # Only an entity listed again is copied (shallow: its lists are replaced, never changed in place), so
    # the extraction is left as it is without deep-copying every entity of every article.
    by_id: dict[str, Entity] = {}
    copied: set[str] = set()
    for entity in extraction.entities:
        seen = by_id.get(entity.id)
        if seen is None:
            by_id[entity.id] = entity
            continue
        if seen.type != entity.type:
            raise WriteError(f"entity {entity.id!r} is listed as both {seen.type} and {entity.type}")
        if entity.id not in copied:
            seen = by_id[entity.id] = seen.model_copy()
            copied.add(entity.id)
        seen.aliases = _union(seen.aliases, entity.aliases)
        seen.known_aliases = _union(seen.known_aliases, entity.known_aliases)
        seen.role = seen.role or entity.role
        seen.qid = seen.qid or entity.qid
        seen.country = seen.country or entity.country
    return list(by_id.values())


def _union(*lists: Iterable[str]) -> list[str]:
    # First occurrences in order, empty strings dropped (a dict keeps insertion order, and is O(n)).
    return list(dict.fromkeys(item for items in lists for item in items if item))


def _alpha2(alpha3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3)
    return None if country is None else str(country.alpha_2)


def _entity_row(entity: Entity) -> Row:
    # A discovered entity has no registry names: its name and aliases come from its mentions only, so
    # no single article's spelling outlives that article.
    known = [] if entity.source == "discovered" else _union([entity.name], entity.known_aliases)
    row: Row = {
        "id": entity.id,
        "name": entity.name,
        "known_aliases": known,
        "known_folded": list(_folded(tuple(known))),
        "qid": entity.qid,
        "source": entity.source,
        # Dated roles as one JSON string: Neo4j properties cannot hold maps.
        "roles_json": json.dumps([r.model_dump() for r in entity.roles]) if entity.roles else None,
    }
    if entity.type is EntityType.COUNTRY:
        row["alpha2"] = _alpha2(entity.id)
    return row


def labelled_entity_rows(extraction: ArticleExtraction) -> list[Row]:
    """One row per entity, in id order, each carrying its node ``label`` (one MERGE for all).

    A row holds what is the same in every article (registry names, QID, roles). What depends on the
    article (the forms it used, the role and state it gave) travels on its MENTIONS row instead, and the
    entity's ``aliases``, ``search_text``, ``role`` and ``country`` are recomputed from all the mentions
    that remain, so retracting an article also takes back what it alone said of an entity.

    Id order is the order in which every transaction locks the entities it touches, so concurrent
    writers and retractions of articles sharing entities wait for each other rather than deadlock.
    A field that only one label stores (a person's roles, a country's alpha-2 code) is null on the rows of
    the other labels, which leaves what the node holds untouched.
    """
    flat: list[Row] = []
    for entity in _merged_entities(extraction):
        label = ENTITY_LABELS[entity.type]
        row = _entity_row(entity)
        own = {field: (row.get(field) if only is label else None) for field, only in _LABEL_ONLY_FIELDS.items()}
        flat.append({**row, **own, "label": label.value})
    return sorted(flat, key=lambda row: str(row["id"]))


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
                     "folded": list(_folded(tuple(surface))), "role": entity.role,
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
            **code_fields(fact.relation),  # plover, plover_mode, cameo: stored, so Browser shows them
        }
        seen = by_id.get(cid)
        if seen is None or props["confidence"] > seen["props"]["confidence"]:
            by_id[cid] = {"subject": fact.subject, "object": fact.object, "props": props}
    return list(by_id.values())


DIRECTED_EVENT_TYPES = sorted(t.value for r, t in RELATION_EVENT.items() if r not in SYMMETRIC_RELATIONS)
"""Event types whose name reads "subjects → objects" (the recompute's ``$directed_event_types``)."""


def event_participants(fact: Fact, names: dict[str, str]) -> str:
    """"A – B" (sorted) for a symmetric relation; "subject → object" for a directed one (a sanction's
    sanctioner first), so an event's name says who did what to whom."""
    if fact.relation in SYMMETRIC_RELATIONS:
        return " – ".join(names.get(p, p) for p in sorted({fact.subject, fact.object}))
    return f"{names.get(fact.subject, fact.subject)} → {names.get(fact.object, fact.object)}"


def labelled_event_rows(extraction: ArticleExtraction) -> list[Row]:
    """One row per distinct event id, each carrying its ``label`` (the event type), grouped by type."""
    names = {entity.id: entity.name for entity in extraction.entities}
    rows: dict[EventType, dict[str, Row]] = defaultdict(dict)
    for fact in extraction.facts:
        if fact.event_type is None:
            continue
        eid = event_id(fact.event_type, (fact.subject, fact.object), fact.date)
        if eid in rows[fact.event_type]:
            continue
        who = event_participants(fact, names)
        # The date (and the name that shows it) is recomputed from all the event's claims after writing.
        title = f"{fact.event_type.value}: {who}"
        rows[fact.event_type][eid] = {"id": eid, "type": fact.event_type.value, "title": title}
    return [{**row, "label": event_type.value} for event_type, by_id in rows.items() for row in by_id.values()]


def labelled_tie_rows(keys: Iterable[str]) -> list[Row]:
    """Tie keys as ``{key, source, target, relation}`` rows in key order (one recompute for all)."""
    rows: list[Row] = []
    for key in sorted(set(keys)):
        ref = parse_tie_key(key)
        rows.append({"key": key, "source": ref.source, "target": ref.target, "relation": ref.relation.value})
    return rows


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
        # The fields as they are (rows hold JSON values only), rather than `model_dump`, whose inference on
        # untyped rows costs more than the hash: the same JSON text, so the same fingerprint.
        rows: Row = {name: getattr(self, name) for name in type(self).model_fields}
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
