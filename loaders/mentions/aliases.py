"""Registry aliases in a sentence: case rules, then the longest match (ties: how, then type)."""

from __future__ import annotations

from graph_schema.model import EntityType
from loaders.registry import AliasHit, Registry
from loaders.text import PhraseMatch, SentenceView, longest

_HOW_RANK = {"country": 0, "epithet": 1, "alias": 2, "demonym": 3}


_TYPE_RANK = {EntityType.PERSON: 0, EntityType.ORGANIZATION: 1, EntityType.WEAPON: 2,
              EntityType.EVENT: 3, EntityType.COUNTRY: 4, EntityType.PLACE: 5}


def _case_ok(hit: AliasHit, surface: str) -> bool:
    if hit.exact_case:
        return surface.replace(".", "") == hit.surface.replace(".", "")
    if hit.capitalised:
        return surface[:1].isupper() or surface[:1].isdigit()
    return True


def alias_mentions(sv: SentenceView, reg: Registry) -> list[PhraseMatch[AliasHit]]:
    """Registry aliases of the sentence whose case fits, longest first (ties: how, then type)."""
    found = []
    for m in reg.matcher.find(sv.tokens, sv.sentence.text, sv.start):
        if _case_ok(m.payload, sv.raw(m.start, m.end)):
            found.append(m)

    def rank(m: PhraseMatch[AliasHit]) -> tuple[int, int, int, int]:
        actor = reg.get(m.payload.entity_id)
        etype = actor.type if actor else EntityType.COUNTRY
        return (-(m.end - m.start), _HOW_RANK.get(m.payload.how, 9), _TYPE_RANK[etype], m.start)

    return longest(found, rank)
