"""Identities of what the writer stores: claim, event and tie ids, all derived from content.

The same statement gets the same id in every process and on every machine (sha1 of its parts), so
re-loading an article MERGEs onto the nodes it wrote before instead of adding new ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from graph_schema.model import SYMMETRIC_RELATIONS, EventType, Relation
from loaders.errors import WriteError

TIE_KEY_SEPARATOR = "|"


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
