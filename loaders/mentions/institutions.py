"""State institutions named by their noun and a state (rules.v2): "le ministère kényan de la Défense", "el
Ministerio de Defensa keniano", "o Ministério da Defesa do Quénia".

The nouns are data (``institution_nouns`` in loaders/data/lang/<lang>/rules.yaml, by the registry's
institution kind). Romance languages put the demonym after the noun or inside it, after its head word, and
the state after a link word ("du", "de", "della": ``title_links``); the registry's aliases are templates of
a few fixed word orders, so these are read here. The noun and its state become one mention of that state's
institution of the kind; the noun alone names none (whose ministry it is stays unsaid).
"""

from __future__ import annotations

import re

from graph_schema.model import EntityType
from loaders.lang import Rules
from loaders.lang.rules import INSTITUTIONS
from loaders.mentions.appositions import restore, without_span
from loaders.mentions.items import Item
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import PhraseMatcher, SentenceView, fold, longest, tokenize

_LINK_WORDS = 2  # "de la", "do": at most two link words between the noun and its state


def institution_items(sv: SentenceView, items: list[Item], reg: Registry, rules: Rules) -> list[Item]:
    """The institutions a sentence names by noun and state; the state items they take in leave `items`."""
    table = rules.phrases[INSTITUTIONS]
    found: list[tuple[int, int, str, Item | None]] = []  # (start, end, kind, demonym inside)
    for m in table.find(sv.tokens, sv.sentence.text, sv.start):
        found.append((m.start, m.end, m.payload, None))
    found += _around_demonyms(sv, items, table)
    if not found:
        return []  # no institution noun in the sentence
    out: list[Item] = []
    for start, end, kind, inside in sorted(found, key=lambda f: (f[0], -f[1])):
        if any(start < x.end and x.start < end for x in [*items, *out] if x is not inside):
            continue  # a registry alias or another reading holds these words
        state = inside or _state_after(sv, items, end, rules) or _demonym_before(sv, items, start)
        office = reg.org_of_kind(kind, state.entity_id) if state is not None else None
        if state is None or office is None:
            continue
        lo, hi = min(start, state.start), max(end, state.end)
        out.append(Item(lo, hi, "entity", office, EntityType.ORGANIZATION, MentionHow.ALIAS, sv.raw(lo, hi),
                        confidence=state.confidence))
        items.remove(state)
    return out


def _around_demonyms(sv: SentenceView, items: list[Item],
                     table: PhraseMatcher[str]) -> list[tuple[int, int, str, Item | None]]:
    """Institution nouns with a demonym after their head word ("ministère kényan de la Défense"): the noun
    matched with the demonym left out (only where the word before a demonym can start one)."""
    out: list[tuple[int, int, str, Item | None]] = []
    for dem in (it for it in items if it.kind == "entity" and it.how == MentionHow.DEMONYM):
        before = sv.words_before(dem.start, 1)
        if not before or table.candidates(before[0].text) is None:
            continue
        text, at = without_span(sv.sentence.text, sv.start, dem.start, dem.end)
        removed = dem.end - at
        for m in longest(table.scan(tokenize(fold(text), sv.start), text, sv.start)):
            if m.start < at < m.end:
                out.append((m.start, restore(m.end, at, removed), m.payload, dem))
    return out


def _state_after(sv: SentenceView, items: list[Item], end: int, rules: Rules) -> Item | None:
    """The state right after an institution noun: its demonym ("Ministerio de Defensa keniano") or its name
    behind link words ("ministère de la Défense du Kenya")."""
    nxt = next((x for x in items if x.start >= end), None)
    if nxt is None or nxt.kind != "entity" or nxt.etype != EntityType.COUNTRY:
        return None
    gap = sv.raw(end, nxt.start)
    words = [fold(w) for w in re.findall(r"\w+", gap)]
    if not words:
        return nxt if not gap.strip() and nxt.how == MentionHow.DEMONYM else None
    if nxt.how == MentionHow.DEMONYM or len(words) > _LINK_WORDS or re.search(r"[^\w\s'’]", gap):
        return None
    return nxt if all(rules.has("title_links", w) for w in words) else None


def _demonym_before(sv: SentenceView, items: list[Item], start: int) -> Item | None:
    """A demonym right before an institution noun ("das kenianische Außenministerium")."""
    prev = next((x for x in reversed(items) if x.end <= start), None)
    if prev is None or prev.kind != "entity" or prev.how != MentionHow.DEMONYM or sv.raw(prev.end, start).strip():
        return None
    return prev
