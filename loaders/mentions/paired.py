"""One title for two states and two people, in order (rules.v2): "the presidents of Chile and Peru, Ana
Rojas and Luis Vega", "президентов России и Ирана Владимира Путина и Масуда Пезешкиана", "los ministros de
Defensa de Chile y Perú, A y B": the first person holds the title of the first state, the second of the
second. The title item is consumed (it names no one else); the states become descriptors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph_schema.model import EntityType
from loaders.lang import Rules
from loaders.mentions.items import Item, discovered_person
from loaders.mentions.names import capitalised_run
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView, Spans, fold


def _joined(sv: SentenceView, a: int, b: int, rules: Rules) -> bool:
    """Only one conjunction between two offsets."""
    words = [fold(w) for w in re.findall(r"\w+", sv.raw(a, b))]
    return len(words) == 1 and rules.has("conjunctions", words[0]) and "," not in sv.raw(a, b)


def _links_only(sv: SentenceView, a: int, b: int, rules: Rules) -> bool:
    words = [fold(w) for w in re.findall(r"\w+", sv.raw(a, b))]
    return len(words) <= 2 and all(rules.has("title_links", w) for w in words) and "," not in sv.raw(a, b)


def _after_conj(sv: SentenceView, pos: int, rules: Rules) -> int | None:
    """The offset after the one conjunction that follows `pos` (spaces only around it)."""
    tok = next(iter(sv.words_after(pos, 1)), None)
    if tok is None or not rules.has("conjunctions", tok.text) or sv.raw(pos, tok.start).strip():
        return None
    return tok.end


def _person_at(sv: SentenceView, pos: int, items: Sequence[Item], rules: Rules) -> Item | None:
    """The registry person or the capitalised name (two words or more) starting at `pos`, past spaces/a comma."""
    start = pos + len(sv.raw(pos, sv.sentence.end)) - len(sv.raw(pos, sv.sentence.end).lstrip(" ,"))
    if sv.raw(pos, start).count(",") > 1:
        return None
    x = next((x for x in items if x.start >= start), None)
    if x is not None and x.start == start:
        return x if x.kind == "entity" and x.etype == EntityType.PERSON else None
    run = capitalised_run(sv, start, Spans((i.start, i.end) for i in items), stop=rules.stopwords,
                          particles=rules.words.get("name_particles", frozenset()))
    if run is None or len(sv.raw(*run).split()) < 2:
        return None
    return discovered_person(sv, run, MentionHow.TITLE_CUE)


def paired_titles(sv: SentenceView, items: list[Item], reg: Registry, rules: Rules) -> list[Item]:
    """Roles of "<title> of A and B, N1 and N2"; the people the registry lacks, as new items."""
    new: list[Item] = []
    for idx, t in enumerate(list(items)):
        if t.kind != "title" or t.cue is None or t.cue.needs_org:
            continue
        after = [x for x in items[idx + 1:] if x.kind == "entity"][:2]
        if len(after) < 2 or any(c.etype != EntityType.COUNTRY for c in after):
            continue
        c1, c2 = after
        if not _links_only(sv, t.end, c1.start, rules) or not _joined(sv, c1.end, c2.start, rules):
            continue
        p1 = _person_at(sv, c2.end, items, rules)
        conj = _after_conj(sv, p1.end, rules) if p1 is not None else None
        p2 = _person_at(sv, conj, items, rules) if conj is not None else None
        if p1 is None or p2 is None or p2.start == p1.start:
            continue
        for person, state in ((p1, c1), (p2, c2)):
            person.role, person.role_country = f"{t.cue.role} of {reg.name_of(state.entity_id)}", state.entity_id
            person.role_kind, person.title_start = t.cue.org_kind, t.start
            if person not in items:
                new.append(person)
        c1.descriptor = c2.descriptor = True
        items.remove(t)
    return new
