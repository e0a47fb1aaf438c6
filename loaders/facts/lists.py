"""SANCTIONED facts of a marked list: "Among those sanctioned are A, …; B, …" (rules.v2).

A list marker (``list_markers``, loaders/mentions/lists.py) names no sanctioning actor: it is the actor
of the article's last asserted sanctions fact before the list, whose date the list takes when it gives
none. Each list item's head — the person or organisation its comma or its end follows ("the state-owned
firm N", "<title> N", "N, <title>") — is one target; a word after a name ("N's son M") makes it no head.
No earlier sanctions fact, no target sanctioned.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph_schema.model import RELATION_EVENT, Modality, Relation
from loaders import confidence
from loaders.facts.args import FactsCtx
from loaders.facts.specs import EXTRACTOR, ORG, P
from loaders.facts.whenwhere import nearest_date
from loaders.mentions.lists import is_list_head, marker_end, segments
from loaders.models import Fact, Mention
from loaders.text import SentenceView


def _last_sanction(found: Sequence[Sequence[tuple[Fact, bool]]]) -> Fact | None:
    return next((f for part in reversed(found) for f, ok in reversed(part)
                 if ok and f.relation == Relation.SANCTIONED), None)


def _governed(sv: SentenceView, m: Mention, fctx: FactsCtx) -> bool:
    """"the son of N": a name after an affiliation word describes the item's head, it is not the head."""
    prev = sv.words_before(m.start, 1)
    return bool(prev) and fctx.rules.has("affiliation_preps", prev[0].text)


def _heads(sv: SentenceView, ms: Sequence[Mention], at: int, fctx: FactsCtx, end: int) -> list[Mention]:
    """The head of each list item after the marker (before `end`)."""
    items = [m for m in ms if m.start >= at]
    conjunctions = fctx.rules.words.get("conjunctions", frozenset())
    heads: list[Mention] = []
    for a, b in segments(sv, at, fctx.rules, []):
        head = next((m for m in items if a <= m.start and m.end <= b and m.end <= end and not m.descriptor
                     and m.entity_type in (P, ORG) and is_list_head(sv, m.start, m.end, b, conjunctions)
                     and not _governed(sv, m, fctx)), None)
        if head is not None and all(h.entity_id != head.entity_id for h in heads):
            heads.append(head)
    return heads


def list_sanction_facts(sv: SentenceView, ms: Sequence[Mention], fctx: FactsCtx,
                        found: Sequence[Sequence[tuple[Fact, bool]]], end: int) -> list[tuple[Fact, bool]]:
    """One SANCTIONED fact per head of a marked list, the actor carried from the last sanctions fact.

    `found` holds the facts so far in parts (the article's, then the sentence's), not copied into one list
    per sentence."""
    at = marker_end(sv, fctx.rules)
    if at is None or at > end:
        return []
    prev = _last_sanction(found)  # read only for a marked list: `found` is every fact so far
    if prev is None:
        return []
    sent = sv.sentence
    day = nearest_date(fctx, sent, at) or prev.date
    out = []
    for m in _heads(sv, ms, at, fctx, end):
        if m.entity_id == prev.subject:
            continue
        out.append((Fact(subject=prev.subject, relation=Relation.SANCTIONED, object=m.entity_id, date=day,
                         place=None, evidence=sent.text, sentence_index=sent.index, start=sent.start,
                         end=sent.end, confidence=round(confidence.CARRIED_ACTOR * prev.confidence
                                                        * m.confidence, 3),
                         status=Modality.HAPPENED, extractor=EXTRACTOR,
                         event_type=RELATION_EVENT.get(Relation.SANCTIONED)), True))
    return out
