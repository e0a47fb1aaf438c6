"""Lists of people (and firms) after a list marker, each name with its title after it (rules.v2).

"Among those sanctioned are <Name>, a deputy finance minister; <Name>, head of the customs agency; …",
"Entre los sancionados figuran <Nombre>, viceministro de …; <Nombre>, alcalde de …". The markers are data
(``list_markers`` in loaders/data/lang/<lang>/rules.yaml). After a marker the sentence splits into items at
semicolons (at commas when it has none), and at a conjunction that opens a new "<Name>, <title>" item.

An item that opens with a run of two to five capitalised words followed by a comma is a person with the
title that follows; a state named in the title is the title's state, and items naming no state take the
one state the list's titles name ("N1, deputy minister of X; N2, head of customs": both of X). A state
or place alias inside the name ("Luis Montenegro Vidal") is part of the name, not a mention. Items of the
"<title> <Name>" form are read by the title cues (`titles`); `segments` serves the facts stage too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph_schema.model import EntityType
from loaders.lang import Rules
from loaders.mentions.items import Item, Span, discovered_person
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView, fold

_MAX_NAME_WORDS = 5
_NAME_GAP = (" ", "-", "\u00a0", ". ")
# a title runs to the item's end; a bracket or quote inside it is still the title's
_TITLE_END = re.compile(r"\s*[.:]?\s*$")
_NAME_TYPES = (EntityType.COUNTRY, EntityType.PLACE)


def marker_span(sv: SentenceView, rules: Rules) -> Span | None:
    """The sentence's first list marker (its longest reading), or None."""
    hits = rules.phrases["list_markers"].find(sv.tokens, sv.sentence.text, sv.start)
    if not hits:
        return None
    first = min(h.start for h in hits)
    return first, max(h.end for h in hits if h.start == first)


def marker_end(sv: SentenceView, rules: Rules) -> int | None:
    """Where the sentence's first list marker ends, or None."""
    span = marker_span(sv, rules)
    return span[1] if span else None


def _name_at(sv: SentenceView, start: int, end: int, rules: Rules, items: Sequence[Item]) -> Span | None:
    """The run of 2–5 capitalised words opening [start, end), closed by a comma; None otherwise.

    A state or place alias may stand inside the run but not make it up alone ("Arabia Saudita" is no name).
    """
    toks = [t for t in sv.tokens if start <= t.start and t.end <= end]
    if not toks or sv.raw(start, toks[0].start).strip():
        return None
    particles = rules.words.get("name_particles", frozenset())
    words, last, own = 0, None, 0
    for i, tok in enumerate(toks[:_MAX_NAME_WORDS + 2]):
        if i and sv.raw(toks[i - 1].end, tok.start) not in _NAME_GAP:
            break
        raw = sv.raw(tok.start, tok.end)
        cover = next((x for x in items if x.start < tok.end and tok.start < x.end), None)
        if cover is not None and not (cover.kind == "entity" and cover.etype in _NAME_TYPES):
            return None
        if raw[:1].isupper() and not raw.isdigit() and tok.text not in rules.stopwords:
            words, last = words + 1, tok
            own += cover is None
        elif not (words and tok.text in particles):
            break
    if last is None or not 2 <= words <= _MAX_NAME_WORDS or not own:
        return None
    if not sv.raw(last.end, end).lstrip().startswith(","):
        return None
    return toks[0].start, last.end


def _registry_name_at(sv: SentenceView, start: int, end: int, items: Sequence[Item]) -> Span | None:
    """A registry person (or one already found) opening [start, end), closed by a comma."""
    x = next((x for x in items if x.kind == "entity" and x.etype == EntityType.PERSON and x.start == start), None)
    if x is None or not sv.raw(x.end, end).lstrip().startswith(","):
        return None
    return x.start, x.end


def segments(sv: SentenceView, start: int, rules: Rules, items: Sequence[Item]) -> list[Span]:
    """The list's items from `start` to the sentence's end: split at semicolons (else commas), and at a
    conjunction that opens a "<Name>, <title>" item or a person already found."""
    end = sv.sentence.end
    region = sv.raw(start, end)
    sep = ";" if ";" in region else ","
    cuts = [(start + i, start + i + 1) for i, ch in enumerate(region) if ch == sep]  # (item end, next start)
    for tok in sv.tokens:
        if start < tok.start and rules.has("conjunctions", tok.text):
            nxt = next((t for t in sv.tokens if t.start > tok.start), None)
            if nxt is not None and (_registry_name_at(sv, nxt.start, end, items)
                                    or _name_at(sv, nxt.start, end, rules, items)):
                cuts.append((tok.start, tok.end))
    cuts.sort()
    ends = [c[0] for c in cuts] + [end]
    starts = [start] + [c[1] for c in cuts]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if sv.raw(a, b).strip(" ;,")]


def _title_parts(items: Sequence[Item], start: int, end: int) -> tuple[str | None, str | None, list[Item]]:
    """The first state and first organisation named in a title span, and every entity inside it."""
    inside = [x for x in items if x.kind == "entity" and start <= x.start and x.end <= end]
    country = next((x.entity_id for x in inside if x.etype == EntityType.COUNTRY), None)
    org = next((x.entity_id for x in inside if x.etype == EntityType.ORGANIZATION), None)
    return country, org, inside


def _role_text(sv: SentenceView, start: int, end: int, rules: Rules) -> str:
    """The title as the text gives it, or the English role of a title cue opening it."""
    raw = _TITLE_END.sub("", sv.raw(start, end)).strip(" ,;")
    cues = [m for m in rules.titles.find([t for t in sv.tokens if start <= t.start < end], sv.sentence.text,
                                         sv.start) if not sv.raw(start, m.start).strip(" ,")]
    if cues and not cues[0].payload.needs_org:
        return cues[0].payload.role
    return " ".join(raw.split())


def list_items(sv: SentenceView, items: list[Item], reg: Registry, rules: Rules) -> list[Item]:
    """People of a marked list ("<Name>, <title>; …") with their titles; state aliases inside names go."""
    at = marker_end(sv, rules)
    if at is None:
        return []
    found: list[tuple[Item, str | None]] = []
    for a, b in segments(sv, at, rules, items):
        lead = len(sv.raw(a, b)) - len(sv.raw(a, b).lstrip(" ;,"))
        span = _registry_name_at(sv, a + lead, b, items) or _name_at(sv, a + lead, b, rules, items)
        if span is None:
            continue
        comma = sv.raw(span[1], b).find(",") + span[1] + 1
        country, org, inside = _title_parts(items, comma, b)
        person = next((x for x in items if x.kind == "entity" and x.etype == EntityType.PERSON
                       and (x.start, x.end) == span), None)
        items[:] = [x for x in items if not (span[0] <= x.start and x.end <= span[1])]
        if person is None:
            person = discovered_person(sv, span, MentionHow.TITLE_CUE)
        person.role, person.role_org, person.title_start = _role_text(sv, comma, b, rules), org, span[0]
        org_actor = reg.get(org) if org else None
        person.role_country = country or (org_actor.country if org_actor else None)
        for x in inside:
            x.descriptor = True
        found.append((person, person.role_country))
    states = {c for _, c in found if c}
    for person, country in found:
        if country is None and len(states) == 1:
            person.role_country = next(iter(states))
    return [p for p, _ in found]


def is_list_head(sv: SentenceView, start: int, end: int, seg_end: int, conjunctions: frozenset[str]) -> bool:
    """Whether a mention [start, end) heads its list item: the item's comma or end follows it, or a
    conjunction opening the list's last item ("… N and several judges")."""
    rest = fold(sv.raw(end, seg_end)).strip()
    return not rest or rest[0] in ",;" or rest in (".",) or rest.split(maxsplit=1)[0] in conjunctions
