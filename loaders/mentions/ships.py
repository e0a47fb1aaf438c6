"""Ship nouns next to a state: the state's fleet named earlier in the article, else its navy."""

from __future__ import annotations

from collections.abc import Sequence

from graph_schema.model import EntityType
from loaders import confidence
from loaders.lang import Rules
from loaders.mentions.items import Item, tight
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView, longest


def ship_items(sv: SentenceView, items: list[Item], reg: Registry, rules: Rules,
                fleets: dict[str, str]) -> list[Item]:
    """"Russian warships", "kapal perang Rusia", "a detachment of ships": the state's fleet or navy.

    A ship noun (``ship_nouns`` of the rules) right next to a state stands for that state's fleet named
    earlier in the article (`fleets`: state -> fleet), else for its navy; the state word is then part of
    that mention, not an actor of its own. Ships are never actors themselves.
    """
    states = [it for it in items if it.kind == "entity" and it.etype == EntityType.COUNTRY]
    out: list[Item] = []
    for hit in longest(rules.phrases["ship_nouns"].find(sv.tokens, sv.sentence.text, sv.start)):
        state = next((it for it in states if it.end <= hit.start and tight(sv.raw(it.end, hit.start))),
                     None) or next((it for it in states if it.start >= hit.end
                                    and tight(sv.raw(hit.end, it.start))), None)
        if state is None or state.descriptor:
            continue
        org = fleets.get(state.entity_id) or reg.org_of_kind("navy", state.entity_id)
        if org is None:
            continue
        start, end = min(state.start, hit.start), max(state.end, hit.end)
        items.remove(state)
        states.remove(state)
        out.append(Item(start, end, "entity", org, EntityType.ORGANIZATION, MentionHow.SHIP, sv.raw(start, end),
                        confidence=confidence.SHIP_FLEET))
    return out


def note_fleets(items: Sequence[Item], reg: Registry, fleets: dict[str, str]) -> None:
    """Remember the last fleet of each state the article names (state -> fleet id)."""
    for it in items:
        actor = reg.get(it.entity_id) if it.etype == EntityType.ORGANIZATION else None
        if actor is not None and actor.kind == "fleet" and actor.country:
            fleets[actor.country] = actor.id
