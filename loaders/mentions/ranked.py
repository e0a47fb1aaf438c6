"""People the registry lacks, named after a rank or an honorific: "General Ali Reza Tangsiri", "le général
iranien Jean Ravel", "el coronel Luis Ortiz Vega", "Jenderal Budi Hartono", "генерала Олега Петренко", "Mr John Ode"."""

from __future__ import annotations

from loaders.lang import Rules
from loaders.mentions.items import Item, discovered_person
from loaders.mentions.names import capitalised_run
from loaders.models import MentionHow
from loaders.text import SentenceView, Spans

_MIN_WORDS = 2  # "General Dynamics", "Admiral Kuznetsov" (a ship): one capitalised word names no one here
_MAX_WORDS = 4


def ranked_people(sv: SentenceView, items: list[Item], rules: Rules) -> list[Item]:
    """The capitalised name of two words or more right after a rank that no title, alias or earlier stage
    has taken; a name holding a word of the language's institution nouns or company suffixes
    (`org_heads`, `org_suffixes`: "General Atomics Aeronautical Systems Inc") or followed by one is no
    person. The rank states no office: the person has no role."""
    taken = Spans((it.start, it.end) for it in items)
    particles = rules.words.get("name_particles", frozenset())
    out: list[Item] = []
    for rank in [it for it in items if it.kind == "rank"]:
        pos = rank.end + 1 if sv.raw(rank.end, rank.end + 1) == "." else rank.end  # "Gen. N", "M. N"
        # "le général iranien N", "el general venezolano N": the state's adjective between rank and name
        demonym = next((it for it in items if it.kind == "entity" and it.how == MentionHow.DEMONYM
                        and it.start >= pos and not sv.raw(pos, it.start).strip()), None)
        if demonym is not None:
            pos = demonym.end
        run = capitalised_run(sv, pos, taken, max_words=_MAX_WORDS, stop=rules.stopwords, particles=particles)
        if run is None:
            continue
        words = [t.text for t in sv.words_within(*run)]
        after = [t.text for t in sv.words_after(run[1], 1)]
        if sum(1 for w in sv.raw(*run).split() if w[:1].isupper()) < _MIN_WORDS \
                or any(rules.has("org_heads", w) or rules.has("org_suffixes", w) for w in words + after):
            continue
        out.append(discovered_person(sv, run, MentionHow.TITLE_CUE))
        taken.add(*run)
    return out
