"""Names: capitalised runs, calendar words, fuzzy matches, respelt and repeated surnames, name suffixes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rapidfuzz import fuzz

from graph_schema.model import EntityType
from loaders import confidence
from loaders.lang import Rules, inflection, name_suffixes
from loaders.mentions.items import Item
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView, Spans, norm


def suffix_patterns(suffixes: Sequence[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The name suffixes (a final "." may be left out) after a name, and a name ending in one whose
    full stop was left out ("Romeo Cruz Jr" before ".")."""
    alts = "|".join(re.escape(s[:-1]) + r"\.?" if s.endswith(".") else re.escape(s) for s in suffixes) or r"(?!)"
    stops = "|".join(re.escape(s[:-1]) for s in suffixes if s.endswith(".")) or r"(?!)"
    return re.compile(rf"^,?\s(?:{alts})(?![\w'’-])"), re.compile(rf"\s(?:{stops})$")


@cache
def _suffixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return suffix_patterns(name_suffixes())


def capitalised_run(sv: SentenceView, start: int, taken: Spans, max_words: int = 4,
                     stop: frozenset[str] = frozenset(), particles: frozenset[str] = frozenset()
                     ) -> tuple[int, int] | None:
    """The capitalised name starting at the first word at/after `start` (only spaces before it); lower-case
    `particles` (``name_particles`` of the rules: "von", "bin") may stand inside it."""
    i = sv.token_index_at(start)
    if i >= len(sv.tokens) or sv.raw(start, sv.tokens[i].start).strip():
        return None
    first = i
    end = None
    count = 0
    while i < len(sv.tokens) and count < max_words:
        tok = sv.tokens[i]
        raw = sv.raw(tok.start, tok.end)
        if taken.covers(tok.start):
            break
        if i > first:
            gap = sv.raw(sv.tokens[i - 1].end, tok.start)
            if gap not in (" ", "-", ". ", ".") and gap != "\u00a0":
                break
        if raw[:1].isupper() and tok.text not in stop and not raw.isdigit():
            end = tok.end
            count += 1
        elif i > first and end is not None and gap == "-" and raw[:1].isalpha():
            end = tok.end  # a hyphenated given name: "Kim Min-jun", "Nguyen Thi-lan"
        elif tok.text in particles and i > first:
            pass
        else:
            break
        i += 1
    if end is None:
        return None
    return sv.tokens[first].start, end


_FUZZY_WORDS = 2  # index words of a name whose candidates are compared


def fuzzy_best(name: str, reg: Registry) -> str | None:
    """The registry person or organisation whose alias a normalised name of two words or more nearly spells
    (rapidfuzz ratio ≥ ``FUZZY_THRESHOLD``), found through the fuzzy index's words; None if none does."""
    best: tuple[float, str] | None = None
    # a near spelling keeps most words exact: the candidates of the name's two rarest indexed words suffice
    lists = sorted((hits for w in set(name.split()) if (hits := reg.fuzzy_index.get(w))), key=len)
    for hits in lists[:_FUZZY_WORDS]:
        for alias, ent in hits:
            score = fuzz.ratio(name, alias)
            if score >= confidence.FUZZY_THRESHOLD and (best is None or score > best[0]):
                best = (score, ent)
    return best[1] if best is not None else None


def registered_spelling(items: Sequence[Item], reg: Registry) -> None:
    """A person found by a title cue whose name nearly spells a registry person's ("President Abdel Fattah
    al-Sisi", the registry's "… el-Sisi") is that person."""
    for it in items:
        if it.kind != "entity" or it.etype != EntityType.PERSON or it.how != MentionHow.TITLE_CUE \
                or it.entity_id in reg.actors:
            continue
        name = norm(it.surface)
        if len(name.split()) < 2:
            continue
        found = fuzzy_best(name, reg)
        actor = reg.get(found) if found else None
        if actor is not None and actor.type == EntityType.PERSON:
            it.entity_id = actor.id
            it.confidence = min(it.confidence, confidence.FUZZY_NAME)


def fuzzy_items(sv: SentenceView, items: list[Item], reg: Registry, rules: Rules) -> list[Item]:
    """Capitalised multi-word names left unmatched, against person/organisation aliases."""
    taken = Spans((it.start, it.end) for it in items)
    out: list[Item] = []
    text, base, tokens = sv.sentence.text, sv.start, sv.tokens
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not text[tok.start - base].isupper() or taken.covers(tok.start):  # (a word's first letter)
            i += 1
            continue
        run = capitalised_run(sv, tok.start, taken, stop=rules.stopwords,
                               particles=rules.words.get("name_particles", frozenset()))
        if run is None:
            i += 1
            continue
        run_toks = sv.tokens[sv.token_index_at(run[0]) : sv.token_index_at(run[1])]
        # the first word may just open the sentence ("Kemudian Rajnat Singh …"): try without it too
        for k in range(min(2, len(run_toks) - 1)):
            start = run_toks[k].start
            name = norm(sv.raw(start, run[1]))
            words = name.split()
            if len(words) < 2:
                break
            best = fuzzy_best(name, reg)
            actor = reg.get(best) if best is not None else None
            if actor is not None:
                out.append(Item(start, run[1], "entity", actor.id, actor.type, MentionHow.FUZZY,
                                sv.raw(start, run[1]), confidence=confidence.FUZZY_NAME))
                taken.add(start, run[1])
                break
        i = sv.token_index_at(run[1])
    return out


def same_person_respelt(items: Sequence[Item], spellings: dict[str, str]) -> None:
    """A discovered person spelt a little differently later in the article ("Shambhu Kumaran", then
    "Sambhu Kumaran") is the one found first: same number of words, names nearly equal."""
    for it in items:
        if it.kind != "entity" or it.etype != EntityType.PERSON or it.how != MentionHow.TITLE_CUE:
            continue
        name = norm(it.surface)
        if name in spellings:
            it.entity_id = spellings[name]
            continue
        words = len(name.split())
        same = next((ent for known, ent in spellings.items() if len(known.split()) == words
                     and fuzz.ratio(name, known) >= confidence.FUZZY_THRESHOLD), None)
        if same is not None:
            it.entity_id = same
        spellings[name] = it.entity_id


def remember_surnames(items: Sequence[Item], discovered: dict[str, str]) -> None:
    """The surnames of people discovered or fuzzy-matched in a sentence (folded surname -> person id)."""
    for it in items:
        if it.kind == "entity" and it.etype == EntityType.PERSON and it.how in (MentionHow.TITLE_CUE,
                                                                                MentionHow.FUZZY):
            words = norm(it.surface).split()
            if len(words) >= 2 and len(words[-1]) >= 3:
                discovered.setdefault(inflection().surname_key(words[-1]), it.entity_id)


def surname_items(sv: SentenceView, items: Sequence[Item], discovered: dict[str, str]) -> list[Item]:
    """A discovered person's surname alone, capitalised and not inside another item, is that person."""
    taken = Spans((it.start, it.end) for it in items)
    out: list[Item] = []
    for tok in sv.tokens:
        ent = discovered.get(inflection().surname_key(tok.text))
        raw = sv.raw(tok.start, tok.end)
        if ent and raw[:1].isupper() and not taken.overlaps(tok.start, tok.end):
            out.append(Item(tok.start, tok.end, "entity", ent, EntityType.PERSON, MentionHow.ALIAS, raw,
                            confidence=confidence.SURNAME_AGAIN))
    return out


def extend_suffix(sv: SentenceView, it: Item) -> None:
    """"Lloyd Austin III", "Gilberto Teodoro Jr.": a person's name goes on over a generational suffix."""
    after, stopless = _suffixes()
    if stopless.search(it.surface) and sv.raw(it.end, it.end + 1) == ".":
        it.end += 1  # "Romeo Cruz Jr." found without its full stop
        it.surface = sv.raw(it.start, it.end)
        return
    suffix = after.match(sv.raw(it.end, sv.sentence.end))
    if suffix:
        it.end += suffix.end()
        it.surface = sv.raw(it.start, it.end)
