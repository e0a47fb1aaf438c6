"""What one sentence names before titles are read: aliases, title cues (demonyms inside them too),
organisations by their form, ranks."""

from __future__ import annotations

from typing import Any

from graph_schema.model import EntityType
from loaders import confidence
from loaders.lang import Rules
from loaders.mentions.aliases import alias_mentions
from loaders.mentions.appositions import restore, without_span
from loaders.mentions.institutions import institution_items
from loaders.mentions.items import Item
from loaders.mentions.orgforms import coordinated_orgs, find_org_spans
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import PhraseMatch, SentenceView, Spans, fold, longest, tokenize


def sentence_items(sv: SentenceView, reg: Registry, rules: Rules) -> list[Item]:
    """Aliases, title cues (demonyms inside titles too), organisations by form and ranks, in text order."""
    items: list[Item] = []
    for m in alias_mentions(sv, reg):
        actor = reg.get(m.payload.entity_id)
        if actor is None or (actor.type == EntityType.COUNTRY and _common_noun(sv, m, rules)):
            continue
        items.append(Item(m.start, m.end, "entity", actor.id, actor.type, m.payload.how,
                           sv.raw(m.start, m.end)))
    occupied = Spans((it.start, it.end) for it in items)

    def free(m: PhraseMatch[Any]) -> bool:
        return not occupied.overlaps(m.start, m.end)

    for tm in longest(m for m in rules.titles.find(sv.tokens, sv.sentence.text, sv.start) if free(m)):
        if free(tm):
            items.append(Item(tm.start, tm.end, "title", surface=sv.raw(tm.start, tm.end), cue=tm.payload))
    items += _titles_around_demonyms(sv, items, rules)
    items += institution_items(sv, items, reg, rules)
    items.sort(key=lambda it: it.start)
    taken = Spans((it.start, it.end) for it in items)
    spans = find_org_spans(sv, rules, taken)
    orgs = [(it.start, it.end, "") for it in items if it.etype == EntityType.ORGANIZATION]
    for o in spans:
        taken.add(o.start, o.end)
    spans += coordinated_orgs(sv, orgs + [(o.start, o.end, "") for o in spans], rules, taken)
    items += [Item(o.start, o.end, "entity", o.entity_id, EntityType.ORGANIZATION, MentionHow.FORM,
                   sv.raw(o.start, o.end), confidence=confidence.FORM_ORGANISATION) for o in spans]
    for rm in longest(m for m in rules.ranks.find(sv.tokens, sv.sentence.text, sv.start) if free(m)):
        raw = sv.raw(rm.start, rm.end)
        # a rank the rules list in lower case ("генерал", "général") is one in lower case too
        if free(rm) and (raw[:1].isupper() or rm.payload[:1].islower()):
            items.append(Item(rm.start, rm.end, "rank", surface=raw))
    items.sort(key=lambda it: it.start)
    return items


def _common_noun(sv: SentenceView, m: PhraseMatch[Any], rules: Rules) -> bool:
    """A state name that is a meeting or event noun of the language, an article before it at most ("la
    reunión", "la réunion": not Réunion), names no state."""
    toks = sv.tokens[m.first : m.last + 1]
    nouns = [t for t in toks if rules.phrases["event_nouns"].find([t], sv.sentence.text, sv.start)]
    return len(nouns) == 1 and all(t is nouns[0] or rules.has("determiners", t.text) for t in toks)


def _titles_around_demonyms(sv: SentenceView, items: list[Item], rules: Rules) -> list[Item]:
    """Titles with a demonym inside them ("le ministre sénégalais de la Défense", "el ministro chileno de
    Defensa"): the cue is matched with the demonym left out; the title item starts after the demonym,
    which thus stands before it as the title's state."""
    found: list[Item] = []
    occupied = [(it.start, it.end) for it in items if it.kind == "title"]
    for dem in [it for it in items if it.kind == "entity" and it.how == "demonym"]:
        text, at = without_span(sv.sentence.text, sv.start, dem.start, dem.end)
        removed = dem.end - at
        for tm in longest(rules.titles.find(tokenize(fold(text), sv.start), text, sv.start)):
            if not tm.start < at < tm.end:
                continue
            start, end = dem.end, restore(tm.end, at, removed)
            others = [(a, b) for a, b in occupied + [(x.start, x.end) for x in items if x is not dem]
                      if a < end and start < b]
            if not others:
                # a shorter title before the demonym ("ministre") is part of this one
                items[:] = [x for x in items if not (x.kind == "title" and tm.start <= x.start < dem.start)]
                found.append(Item(start, end, "title", surface=sv.raw(tm.start, end), cue=tm.payload))
                occupied.append((tm.start, end))
    return found
