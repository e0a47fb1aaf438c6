"""The mention stage: every sentence's mentions, then the article-wide passes (titles' holders, surnames)."""

from __future__ import annotations

from graph_schema.model import EntityType
from loaders.context import ArticleContext
from loaders.mentions.counterparts import counterpart_items, counterpart_titles
from loaders.mentions.found import sentence_items
from loaders.mentions.items import Item, to_mention
from loaders.mentions.leadin import mark_lead_in
from loaders.mentions.lists import list_items
from loaders.mentions.names import (
    extend_suffix,
    fuzzy_items,
    registered_spelling,
    remember_surnames,
    same_person_respelt,
    surname_items,
)
from loaders.mentions.paired import paired_titles
from loaders.mentions.ranked import ranked_people
from loaders.mentions.ships import note_fleets, ship_items
from loaders.mentions.titles import OpenTitle, apply_titles, fill_titles
from loaders.models import Mention
from loaders.text import SentenceView


def find_mentions(ctx: ArticleContext) -> list[Mention]:
    """Every entity mention of the article's sentences, in text order.

    Titles naming nobody are filled with their holder on the article's publication day.
    """
    reg, rl = ctx.registry, ctx.rules
    per_sentence: list[tuple[SentenceView, list[Item]]] = []
    discovered: dict[str, str] = {}  # folded surname -> person id
    open_titles: list[OpenTitle] = []
    fleets: dict[str, str] = {}  # state -> the last fleet of it the article named
    spellings: dict[str, str] = {}  # normalised name of a discovered person -> its id
    for sv in ctx.views:
        items = sentence_items(sv, reg, rl)
        items += list_items(sv, items, reg, rl)
        mark_lead_in(sv, items)
        items.sort(key=lambda it: it.start)
        items += paired_titles(sv, items, reg, rl)
        items.sort(key=lambda it: it.start)
        items += apply_titles(sv, items, reg, rl, open_titles)
        items.sort(key=lambda it: it.start)
        items += counterpart_items(sv, items, rl)
        items.sort(key=lambda it: it.start)  # the counterpart named after its noun comes before a later place
        counterpart_titles(sv, items, reg, rl, ctx.published, open_titles)
        items += ship_items(sv, items, reg, rl, fleets)
        note_fleets(items, reg, fleets)
        items.sort(key=lambda it: it.start)
        items += fuzzy_items(sv, items, reg, rl)
        items += ranked_people(sv, items, rl)
        items.sort(key=lambda it: it.start)
        registered_spelling(items, reg)
        same_person_respelt(items, spellings)
        remember_surnames(items, discovered)
        per_sentence.append((sv, items))
    mentioned = {it.entity_id for _, items in per_sentence for it in items
                 if it.kind == "entity" and it.etype == EntityType.PERSON}
    fill_titles(open_titles, reg, ctx.published, mentioned)
    mentions: list[Mention] = []
    for sv, items in per_sentence:
        if discovered:
            items += surname_items(sv, items, discovered)
        for it in sorted(items, key=lambda x: x.start):
            if it.kind == "entity":
                if it.etype == EntityType.PERSON:
                    extend_suffix(sv, it)
                mentions.append(to_mention(it, sv.sentence.index))
    return mentions
