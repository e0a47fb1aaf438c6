"""People named after a descriptor noun ("his Turkish counterpart Ahmet Demir", "son homologue chilien,
Pedro Soto", "seinem peruanischen Amtskollegen Luis Vega") (rules.v2).

The nouns are data (``counterpart_nouns`` in loaders/data/lang/<lang>/rules.yaml). A run of two to four
capitalised words right after the noun — past a demonym and a comma — is a person the registry may lack;
the noun states no role of its own (the person's title is the other party's, not said of this one), so
the person gets none: the descriptor only makes the name a person, a meeting's partner for instance.
"""

from __future__ import annotations

from graph_schema.model import EntityType
from loaders.lang import Rules
from loaders.mentions.items import Item, discovered_person
from loaders.mentions.names import capitalised_run
from loaders.models import MentionHow
from loaders.text import SentenceView, Spans


def _start_after(sv: SentenceView, end: int, items: list[Item]) -> int:
    """Where a name may start after a descriptor noun ending at `end`: past a demonym and a comma."""
    nxt = next((x for x in items if x.start >= end), None)
    if nxt is not None and nxt.kind == "entity" and nxt.how == "demonym" and not sv.raw(end, nxt.start).strip():
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
        start = _start_after(sv, tok.end, items)
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
