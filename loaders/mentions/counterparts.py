"""People named after a descriptor noun ("his Turkish counterpart Ahmet Demir", "son homologue chilien,
Pedro Soto", "seinem peruanischen Amtskollegen Luis Vega") (rules.v2).

The nouns are data (``counterpart_nouns`` in loaders/data/lang/<lang>/rules.yaml). A run of two to four
capitalised words right after the noun — past a demonym and a comma — is a person the registry may lack;
the noun states no role of its own (the person's title is the other party's, not said of this one), so
the person gets none: the descriptor only makes the name a person, a meeting's partner for instance.
"""

from __future__ import annotations

from datetime import date

from graph_schema.model import EntityType
from loaders.lang import Rules
from loaders.mentions.items import Item, discovered_person
from loaders.mentions.names import capitalised_run
from loaders.mentions.titles import OpenTitle
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView, Spans, fold


def _start_after(sv: SentenceView, end: int, items: list[Item], rules: Rules) -> int:
    """Where a name may start after a descriptor noun ending at `end`: past a demonym or an origin ("mitranya
    dari Peru", "his counterpart from Peru": a state after one ``source_preps`` word) and a comma."""
    nxt = next((x for x in items if x.start >= end), None)
    between = sv.raw(end, nxt.start).split() if nxt is not None else []
    origin = nxt is not None and nxt.etype == EntityType.COUNTRY and len(between) == 1 \
        and rules.has("source_preps", fold(between[0]))
    if nxt is not None and nxt.kind == "entity" and ((nxt.how == "demonym" and not between) or origin):
        nxt.descriptor = True
        end = nxt.end
    gap = sv.raw(end, sv.sentence.end)
    stripped = gap.lstrip(" ")
    if stripped.startswith(","):
        return end + len(gap) - len(stripped) + 1
    return end


def counterpart_items(sv: SentenceView, items: list[Item], rules: Rules) -> list[Item]:
    """Persons the registry lacks named right after a descriptor noun (no role given)."""
    nouns = rules.words.get("counterpart_nouns", frozenset())
    if nouns.isdisjoint(sv.word_set):
        return []  # no descriptor noun in the sentence
    taken = Spans((it.start, it.end) for it in items)
    particles = rules.words.get("name_particles", frozenset())
    out: list[Item] = []
    for tok in sv.tokens:
        if tok.text not in nouns or taken.covers(tok.start):
            continue
        start = _start_after(sv, tok.end, items, rules)
        nxt = next((x for x in items if x.start >= start), None)
        if nxt is not None and nxt.kind == "entity" and nxt.etype == EntityType.PERSON \
                and not sv.raw(start, nxt.start).strip():
            continue  # a registry person: already a mention
        run = capitalised_run(sv, start, taken, stop=rules.stopwords | rules.calendar_words, particles=particles)
        if run is None or not 2 <= len(sv.raw(*run).replace("-", " ").split()) <= 5 \
                or len(sv.raw(*run).split()) < 2:
            continue
        person = discovered_person(sv, run, MentionHow.TITLE_CUE)
        person.title_start = tok.start  # "se reunió con su homólogo N": the descriptor opens the argument
        out.append(person)
        taken.add(*run)
    return out


def counterpart_titles(sv: SentenceView, items: list[Item], reg: Registry, rules: Rules, day: date | None,
                       open_titles: list[OpenTitle]) -> None:
    """"N met his Indian counterpart", "N rencontre son homologue indien": a counterpart named by its state
    alone holds, in that state, the office N holds on the article's date — an open title that `fill_titles`
    fills with that office's holder. N is the nearest person before the noun; no dated role, no title."""
    nouns = rules.words.get("counterpart_nouns", frozenset())
    if day is None or nouns.isdisjoint(sv.word_set):
        return
    for tok in sv.tokens:
        if tok.text not in nouns:
            continue
        state = _counterpart_state(sv, items, tok.start, tok.end, rules)
        after = next((x for x in items if x.start >= tok.end and x is not state), None)
        if state is None:
            continue
        if after is not None and after.kind == "entity" and after.etype == EntityType.PERSON \
                and len(sv.raw(max(tok.end, state.end), after.start).strip(" ,")) == 0:
            state.descriptor = True  # "his Indian counterpart Rajnath Singh": named, the state describes him
            continue
        person = next((x for x in reversed(items) if x.end <= tok.start and x.kind == "entity"
                       and x.etype == EntityType.PERSON), None)
        office = _office(person, reg, day) if person is not None else None
        # "India's defence minister met his Vietnamese counterpart": a title naming nobody yet, nearer
        opened = next((t for t in reversed(open_titles) if t.sv is sv and t.end <= tok.start), None)
        if opened is not None and (person is None or opened.end > person.end):
            office = _open_office(opened, reg)
        home = reg.get(office[1]) if office is not None and office[1] else None
        there = reg.get(state.entity_id)
        if office is None or home is None or there is None or home.id == there.id \
                or not office[0].endswith(f" of {home.name}"):
            continue
        title = office[0][: -len(home.name)] + there.name
        home_org = reg.get(office[2]) if office[2] else None
        org = reg.org_of_kind(home_org.kind, there.id) if home_org is not None and home_org.kind else None
        start, end = min(tok.start, state.start), max(tok.end, state.end)
        open_titles.append(OpenTitle(sv, items, start, end, title, org, there.id, False, [state]))


def _open_office(opened: OpenTitle, reg: Registry) -> tuple[str, str | None, str | None] | None:
    """(title, state, organisation) of a title naming nobody: its role in its state ("Minister of Defence"
    and India: "Minister of Defence of India", as the registry names the office)."""
    state = reg.get(opened.country) if opened.country else None
    if state is None:
        return None
    suffix = f" of {state.name}"
    return (opened.role if opened.role.endswith(suffix) else opened.role + suffix), state.id, opened.org


def _office(person: Item, reg: Registry, day: date) -> tuple[str, str | None, str | None] | None:
    """(title, state, organisation) of the office a person holds: the registry's role that day, else the
    title the text gives the person ("El ministro de Defensa de Chile, N")."""
    role = reg.role_on(person.entity_id, day)
    if role is not None:
        return role.title, role.country, role.org
    if person.role and person.role_country:
        return person.role, person.role_country, person.role_org
    return None


def _counterpart_state(sv: SentenceView, items: list[Item], start: int, end: int, rules: Rules) -> Item | None:
    """The state naming a counterpart: its demonym or name right before or after the noun, or after an
    affiliation or source word ("his Indian counterpart", "son homologue indien", "mitranya dari India")."""
    for x in items:
        if x.kind != "entity" or x.etype != EntityType.COUNTRY:
            continue
        if x.end <= start and not sv.raw(x.end, start).strip():
            return x
        gap = sv.raw(end, x.start).strip() if x.start >= end else None
        if gap is not None and (not gap or rules.has("affiliation_preps", gap.casefold())
                                or rules.has("source_preps", gap.casefold())):
            return x
    return None
