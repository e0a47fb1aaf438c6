"""Entity mentions per sentence: exact aliases, title cues (roles, new people), fuzzy names.

Stages inside `find_mentions`, all driven by data:

1. exact aliases of the registry (`registry.load_registry().matcher`): one dict lookup per folded
   word, longest match wins; short all-caps aliases (US, RI, EU) must match in case, capitalised
   aliases must be capitalised in the text;
2. title cues of ``loaders/data/rules/<lang>.yaml`` (``titles``, ``ranks``): "Menteri Pertahanan India
   Rajnath Singh", "Russian Defence Minister …", "Wang Yi, Menteri Luar Negeri Tiongkok"
   give the person a role (English title, organisation, state); the state/organisation words of the
   title become *descriptor* mentions (named, but not actors of that sentence); a capitalised name
   after a cue that the registry lacks becomes a discovered person ``per:<normalised-name>``;
3. fuzzy matching (rapidfuzz, high threshold) only for capitalised multi-word names left unmatched,
   against person/organisation aliases sharing a word ("Rajnat Singh" → Rajnath Singh);
4. a discovered or fuzzy-matched person's surname alone, later in the article, is that person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from graph_schema.model import EntityType
from loaders.appositions import name_after_comma, name_before_comma, restore, without_span
from loaders.datafiles import load_yaml
from loaders.dates import parse_published
from loaders.language import lang_data
from loaders.models import CleanArticle, Mention, Sentence
from loaders.orgforms import find_org_spans
from loaders.registry import DATA_DIR, AliasHit, Registry, RegistryError, load_registry
from loaders.text import PhraseMatch, PhraseMatcher, SentenceView, fold, longest, norm, slug, tokenize, view

FUZZY_THRESHOLD = 90.0


# --------------------------------------------------------------------------------------------------
# Rules (per language, merged with English)


@dataclass(frozen=True)
class TitleCue:
    """A title word or phrase and what it means."""

    role: str
    org_kind: str | None
    needs_org: bool
    shared: bool = False  # several people hold it at once (deputy minister, ambassador): no holder by date


@dataclass(frozen=True)
class Trigger:
    """A relation trigger phrase."""

    relation: str
    # strong | weak | reverse | agent_after (a noun whose actor follows it: "kunjungan A ke B")
    # | mutual (a joint pledge of coordinated parties only: "A and B agreed to")
    strength: str
    capitalised: bool = False  # a noun in a language that capitalises nouns: "Treffen", not the verb "treffen"


@dataclass
class Rules:
    """The compiled rules of one language (plus English)."""

    lang: str
    titles: PhraseMatcher[TitleCue]
    ranks: PhraseMatcher[str]
    triggers: PhraseMatcher[Trigger]
    words: dict[str, frozenset[str]]  # single-word cue sets: conjunctions, negation, …
    phrases: dict[str, PhraseMatcher[str]]  # multi-word cue sets: skip_sentences, anaphora, …
    modality: PhraseMatcher[str]
    stopwords: frozenset[str] = field(default_factory=frozenset)
    verb_final: bool = False  # "A hat B getroffen": a clause-final verb has both its actors before it

    def trigger_ok(self, sv: SentenceView, m: PhraseMatch[Trigger]) -> bool:
        """Whether a trigger found in a sentence counts: a capitalised noun trigger must be capitalised."""
        return not m.payload.capitalised or sv.raw(m.start, m.end)[:1].isupper()

    def has(self, kind: str, word: str) -> bool:
        """Whether a folded word is in one of the single-word cue sets."""
        return word in self.words.get(kind, frozenset())


_WORD_SETS = ("between", "conjunctions", "passive_agents", "negation", "locative_preps", "speech_verbs",
              "source_preps", "recipient_preps", "object_preps", "comitative_preps", "determiners",
              "host_preps", "former", "title_links", "name_particles", "affiliation_preps",
              "org_suffixes", "org_prefixes", "company_nouns", "arms_words")
_PHRASE_SETS = ("skip_sentences", "statement_anaphora", "event_nouns", "capital_words",
                "negation", "conjunctions", "relative_pronouns", "remote_contact", "ship_nouns")


def _rules_raw(lang: str, rules_dir: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    todo = [lang, "en"]
    while todo:
        code = todo.pop(0)
        if code in seen:
            continue
        seen.add(code)
        path = rules_dir / f"{code}.yaml"
        if not path.exists():
            continue
        try:
            raw = load_yaml(path) or {}
        except yaml.YAMLError as exc:
            raise RegistryError(f"{path}: {exc}") from exc
        out.append(raw)
        if raw.get("inherit"):
            todo.insert(0, str(raw["inherit"]))
    return out


def _without(raw: dict[str, Any], dropped: set[str]) -> dict[str, Any]:
    """A rules file without the cue phrases in `dropped` (folded), in every section.

    ``not_inherited: [may]`` in Tagalog rules: the English modal "may" is the Tagalog "there is/has";
    ``[no]`` in Portuguese: "no" is "in the", not a negation.
    """
    def keep(phrase: Any) -> bool:
        return norm(str(phrase)) not in dropped

    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "titles":
            out[key] = [{**t, "cue": [c for c in t["cue"] if keep(c)]} for t in value or []]
        elif key in ("triggers", "modality"):
            out[key] = {k: ({s: [p for p in ps or [] if keep(p)] for s, ps in v.items()} if isinstance(v, dict)
                            else [p for p in v or [] if keep(p)]) for k, v in (value or {}).items()}
        elif isinstance(value, list):
            out[key] = [p for p in value if keep(p)]
        else:
            out[key] = value
    return out


def _stopwords(lang: str) -> frozenset[str]:
    """The language's stopwords, folded (none for a language without a data file)."""
    return frozenset(fold(w) for w in lang_data(lang).stopwords)


@lru_cache(maxsize=32)
def load_rules(lang: str, rules_dir: Path = DATA_DIR / "rules") -> Rules:
    """The rules of `lang` merged with English ones, compiled once."""
    titles: PhraseMatcher[TitleCue] = PhraseMatcher()
    ranks: PhraseMatcher[str] = PhraseMatcher()
    triggers: PhraseMatcher[Trigger] = PhraseMatcher()
    modality: PhraseMatcher[str] = PhraseMatcher()
    words: dict[str, set[str]] = {k: set() for k in _WORD_SETS}
    phrases: dict[str, PhraseMatcher[str]] = {k: PhraseMatcher() for k in _PHRASE_SETS}
    verb_final = False
    dropped: set[str] = set()  # cues a file keeps its fallbacks (inherited file, English) from adding
    for i, raw in enumerate(_rules_raw(lang, rules_dir)):
        if i == 0:
            verb_final = bool(raw.get("verb_final"))
        if dropped:
            raw = _without(raw, dropped)
        dropped |= {norm(str(w)) for w in raw.get("not_inherited") or []}
        for t in raw.get("titles") or []:
            needs_org = bool(t.get("needs_org", False))
            cue = TitleCue(str(t["role"]), t.get("org_kind"), needs_org, bool(t.get("shared", needs_org)))
            for phrase in t["cue"]:
                titles.add(str(phrase), cue, inflect=False)
        for r in raw.get("ranks") or []:
            ranks.add(str(r), str(r), inflect=False)
        for rel, groups in (raw.get("triggers") or {}).items():
            for strength, phrase_list in (groups or {}).items():
                for phrase in phrase_list or []:
                    cap = bool(raw.get("nouns_capitalised")) and str(phrase)[:1].isupper()
                    triggers.add(str(phrase), Trigger(str(rel), str(strength), cap), inflect=False)
        for status, phrase_list in (raw.get("modality") or {}).items():
            for phrase in phrase_list or []:
                modality.add(str(phrase), str(status), inflect=False)
        for key in _WORD_SETS:
            words[key].update(norm(str(w)) for w in raw.get(key) or [])
        for key in _PHRASE_SETS:
            for phrase in raw.get(key) or []:
                phrases[key].add(str(phrase), str(phrase), inflect=False)
    return Rules(lang=lang, titles=titles, ranks=ranks, triggers=triggers,
                 words={k: frozenset(v) for k, v in words.items()}, phrases=phrases,
                 modality=modality, stopwords=_stopwords(lang), verb_final=verb_final)


_HOW_RANK = {"country": 0, "epithet": 1, "alias": 2, "demonym": 3}
_TYPE_RANK = {EntityType.PERSON: 0, EntityType.ORGANIZATION: 1, EntityType.WEAPON: 2,
              EntityType.EVENT: 3, EntityType.COUNTRY: 4, EntityType.PLACE: 5}


def _case_ok(hit: AliasHit, surface: str) -> bool:
    if hit.exact_case:
        return surface.replace(".", "") == hit.surface.replace(".", "")
    if hit.capitalised:
        return surface[:1].isupper() or surface[:1].isdigit()
    return True


def _alias_mentions(sv: SentenceView, reg: Registry) -> list[PhraseMatch[AliasHit]]:
    found = []
    for m in reg.matcher.find(sv.tokens, sv.sentence.text, sv.start):
        if _case_ok(m.payload, sv.raw(m.start, m.end)):
            found.append(m)

    def rank(m: PhraseMatch[AliasHit]) -> tuple[int, int, int, int]:
        actor = reg.get(m.payload.entity_id)
        etype = actor.type if actor else EntityType.COUNTRY
        return (-(m.end - m.start), _HOW_RANK.get(m.payload.how, 9), _TYPE_RANK[etype], m.start)

    return longest(found, rank)


@dataclass
class _Item:
    """Something found in a sentence, in text order."""

    start: int
    end: int
    kind: str  # entity | title | rank
    entity_id: str = ""
    etype: EntityType | None = None
    how: str = ""
    surface: str = ""
    cue: TitleCue | None = None
    descriptor: bool = False
    role: str | None = None
    role_org: str | None = None
    role_country: str | None = None
    role_kind: str | None = None
    title_start: int | None = None
    confidence: float = 1.0


_PAREN = re.compile(r"\([^()]{0,40}\)")
_TIGHT = re.compile(r"^[\s,]*$")


def _tight(gap: str, allow_comma: bool = False) -> bool:
    """Only spaces (a parenthesis like "(Menhan)" or "(kiri)" allowed) between two items."""
    gap = _PAREN.sub(" ", gap)
    gap = gap.replace("’s", " ").replace("'s", " ").replace(".", " ")  # "Russia's", "Gen. X"
    if allow_comma:
        return bool(_TIGHT.match(gap)) and gap.count(",") <= 1
    return not gap.strip()


_SUFFIX = re.compile(r"^,?\s(?:Jr\.?|Sr\.?|II|III|IV)(?![\w'’-])")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _capitalised_run(sv: SentenceView, start: int, taken: list[tuple[int, int]], max_words: int = 4,
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
        if any(a <= tok.start < b for a, b in taken):
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


def _sentence_items(sv: SentenceView, reg: Registry, rules: Rules) -> list[_Item]:
    items: list[_Item] = []
    for m in _alias_mentions(sv, reg):
        actor = reg.get(m.payload.entity_id)
        if actor is None:
            continue
        items.append(_Item(m.start, m.end, "entity", actor.id, actor.type, m.payload.how,
                           sv.raw(m.start, m.end)))
    occupied = [(it.start, it.end) for it in items]

    def free(m: PhraseMatch[Any]) -> bool:
        return not any(a < m.end and m.start < b for a, b in occupied)

    for tm in longest(m for m in rules.titles.find(sv.tokens, sv.sentence.text, sv.start) if free(m)):
        if free(tm):
            items.append(_Item(tm.start, tm.end, "title", surface=sv.raw(tm.start, tm.end), cue=tm.payload))
    items += _titles_around_demonyms(sv, items, rules)
    taken = [(it.start, it.end) for it in items]
    items += [_Item(o.start, o.end, "entity", o.entity_id, EntityType.ORGANIZATION, "form", sv.raw(o.start, o.end),
                    confidence=0.8) for o in find_org_spans(sv, rules, taken)]
    for rm in longest(m for m in rules.ranks.find(sv.tokens, sv.sentence.text, sv.start) if free(m)):
        raw = sv.raw(rm.start, rm.end)
        if free(rm) and raw[:1].isupper():
            items.append(_Item(rm.start, rm.end, "rank", surface=raw))
    items.sort(key=lambda it: it.start)
    return items


def _titles_around_demonyms(sv: SentenceView, items: list[_Item], rules: Rules) -> list[_Item]:
    """Titles with a demonym inside them ("le ministre sénégalais de la Défense", "el ministro chileno de
    Defensa"): the cue is matched with the demonym left out; the title item starts after the demonym,
    which thus stands before it as the title's state."""
    found: list[_Item] = []
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
                found.append(_Item(start, end, "title", surface=sv.raw(tm.start, end), cue=tm.payload))
                occupied.append((tm.start, end))
    return found


def _ship_items(sv: SentenceView, items: list[_Item], reg: Registry, rules: Rules,
                fleets: dict[str, str]) -> list[_Item]:
    """"Russian warships", "kapal perang Rusia", "a detachment of ships": the state's fleet or navy.

    A ship noun (``ship_nouns`` of the rules) right next to a state stands for that state's fleet named
    earlier in the article (`fleets`: state -> fleet), else for its navy; the state word is then part of
    that mention, not an actor of its own. Ships are never actors themselves.
    """
    states = [it for it in items if it.kind == "entity" and it.etype == EntityType.COUNTRY]
    out: list[_Item] = []
    for hit in longest(rules.phrases["ship_nouns"].find(sv.tokens, sv.sentence.text, sv.start)):
        state = next((it for it in states if it.end <= hit.start and _tight(sv.raw(it.end, hit.start))),
                     None) or next((it for it in states if it.start >= hit.end
                                    and _tight(sv.raw(hit.end, it.start))), None)
        if state is None or state.descriptor:
            continue
        org = fleets.get(state.entity_id) or reg.org_of_kind("navy", state.entity_id)
        if org is None:
            continue
        start, end = min(state.start, hit.start), max(state.end, hit.end)
        items.remove(state)
        states.remove(state)
        out.append(_Item(start, end, "entity", org, EntityType.ORGANIZATION, "ship", sv.raw(start, end),
                         confidence=0.8))
    return out


def _role_string(reg: Registry, cue: TitleCue, org: str | None, country: str | None) -> str:
    if cue.org_kind and country:
        return f"{cue.role} of {reg.name_of(country)}"
    if org:
        return f"{cue.role} of the {reg.name_of(org)}"
    if country:
        return f"{cue.role} of {reg.name_of(country)}"
    return cue.role


@dataclass
class _OpenTitle:
    """A title naming nobody ("the Prime Minister of Myanmar", "Wamenhan Rusia"): filled from the registry."""

    sv: SentenceView
    items: list[_Item]  # the sentence's items, where the holder's mention goes
    start: int
    end: int
    role: str
    org: str | None
    country: str | None
    shared: bool
    parts: list[_Item]


def _affiliation(sv: SentenceView, items: Sequence[_Item], end: int, rules: Rules) -> _Item | None:
    """The state or organisation a person's name is followed by, behind an affiliation word
    (``affiliation_preps``: "from", "dari") and at most one determiner ("X from the Russian embassy")."""
    nxt = next((x for x in items if x.start >= end), None)
    if nxt is None or nxt.kind != "entity" or nxt.etype not in (EntityType.COUNTRY, EntityType.ORGANIZATION):
        return None
    gap = sv.raw(end, nxt.start)
    words = [fold(w) for w in re.findall(r"\w+", gap)]
    if "," in gap or not words or not rules.has("affiliation_preps", words[0]) or len(words) > 2:
        return None
    if len(words) == 2 and not rules.has("determiners", words[1]):
        return None
    return nxt


def _after_former(sv: SentenceView, start: int, rules: Rules) -> bool:
    """Whether a "former"/"mantan"/"ehemalige" word stands right before a title."""
    prev = [t for t in sv.tokens if t.end <= start][-1:]
    return bool(prev) and rules.has("former", prev[0].text) and not sv.raw(prev[0].end, start).strip()


def _org_and_country(parts: Sequence[_Item], reg: Registry, org: str | None,
                     country: str | None) -> tuple[str | None, str | None]:
    """The organisation and state a title's parts name (the last of each wins; an org brings its state)."""
    for p in parts:
        if p.etype == EntityType.ORGANIZATION:
            org = p.entity_id
            actor = reg.get(org)
            country = country or (actor.country if actor else None)
        elif p.etype == EntityType.COUNTRY:
            country = p.entity_id
    return org, country


def _apply_titles(sv: SentenceView, items: list[_Item], reg: Registry, rules: Rules,
                  open_titles: list[_OpenTitle] | None = None) -> list[_Item]:
    """Attach roles to people named with a title; discover people the registry lacks.

    A title naming nobody is kept in `open_titles` (when given) for `_fill_titles`.
    """
    new: list[_Item] = []
    taken = [(it.start, it.end) for it in items]
    stop = rules.stopwords
    particles = rules.words.get("name_particles", frozenset())
    determiners = rules.words.get("determiners", frozenset())
    name_stop = _calendar_words(rules.lang) | stop
    for idx, it in enumerate(items):
        if it.kind != "title" or it.cue is None:
            continue
        cue = it.cue
        org: str | None = None
        country: str | None = None
        parts: list[_Item] = []
        # state or organisation before the cue ("Russian Defence Minister", "Russia's defence minister")
        prev = items[idx - 1] if idx else None
        if (prev is not None and prev.kind == "entity" and prev.etype in (EntityType.COUNTRY,
                                                                           EntityType.ORGANIZATION)
                and _tight(sv.raw(prev.end, it.start))):
            parts.append(prev)
        # after the cue: optional link word, state/organisation, ranks, then the person
        j = idx + 1
        pos = it.end
        while j < len(items):
            nxt = items[j]
            gap = sv.raw(pos, nxt.start)
            gap_words = [fold(w) for w in re.findall(r"\w+", _PAREN.sub(" ", gap))]
            host_words = rules.words.get("host_preps", frozenset())
            # "Ambassador to Myanmar", "Dubes RI untuk Rusia": the state after the word is the host
            host = bool(gap_words) and gap_words[0] in host_words and any(p.etype == EntityType.COUNTRY
                                                                           for p in parts)
            # "Minister of Defence of X": the link words of the language and English (title_links)
            link_ok = all(rules.has("title_links", w) or (host and i == 0)
                          for i, w in enumerate(gap_words))
            if not (_tight(gap) or (link_ok and len(gap_words) <= 2 and "," not in gap)):
                break
            if host and nxt.kind == "entity" and nxt.etype == EntityType.COUNTRY:
                nxt.descriptor = True
            elif nxt.kind == "entity" and nxt.etype in (EntityType.COUNTRY, EntityType.ORGANIZATION) \
                    and not any(p.etype == nxt.etype for p in parts if p.start > it.start):
                parts.append(nxt)
            elif nxt.kind == "rank" or (nxt.kind == "title" and nxt.cue == cue):
                pass
            else:
                break
            pos = nxt.end
            if nxt.kind == "rank" and sv.raw(pos, pos + 1) == ".":
                pos += 1  # "Adm. Budi Santoso", "Gen. X"
            j += 1
        org, country = _org_and_country(parts, reg, org, country)
        if cue.org_kind and org is None:
            org = reg.org_of_kind(cue.org_kind, country)
        person: _Item | None = None
        run: tuple[int, int] | None = None

        def person_at(start: int, k: int, cue: TitleCue = cue) -> tuple[_Item | None, tuple[int, int] | None]:
            """The registry person (items[k]) or capitalised name right at `start`."""
            if k < len(items) and items[k].kind == "entity" and items[k].etype == EntityType.PERSON \
                    and _tight(sv.raw(start, items[k].start)):
                return items[k], None
            if k >= len(items) or items[k].start > start:
                found = _capitalised_run(sv, start, taken, stop=stop, particles=particles)
                if found is not None:
                    name = sv.raw(*found)
                    if len(name) >= 3 and (len(name.split()) >= 2 or not cue.needs_org):
                        return _Item(found[0], found[1], "entity", f"per:{slug(name)}", EntityType.PERSON,
                                     "title-cue", name, confidence=0.8), found
            return None, None

        person, run = person_at(pos, j)
        if person is None or run is not None:  # a unit name may look like a name: a rank further on decides
            chain = _title_chain(sv, items, pos)
            if chain is not None:
                inside, name_at = chain
                k = next((n for n, x in enumerate(items) if x.start >= name_at), len(items))
                chained, chained_run = person_at(name_at, k)
                if chained is not None:
                    person, run = chained, chained_run
                    for x in inside:
                        if not any(p.etype == x.etype for p in parts if p.start > it.start):
                            parts.append(x)
                    org, country = _org_and_country(parts, reg, org, country)
        if cue.needs_org and org is None and country is None:
            continue
        if person is None:  # "<title of X>, <Name>, ..." (loaders/appositions.py)
            found = name_after_comma(sv, pos, taken, name_stop, particles)
            if found is not None:
                person, run = _discovered(sv, found, "title-cue"), found
        if run is not None and person is not None:
            new.append(person)
            taken.append(run)
        title_start = min([it.start, *(p.start for p in parts)])
        if person is None:
            # appositive: "Wang Yi, Menteri Luar Negeri Tiongkok"
            before = [x for x in items[:idx] if x.kind == "entity" and x.etype == EntityType.PERSON]
            if before and "," in sv.raw(before[-1].end, title_start) \
                    and _tight(sv.raw(before[-1].end, title_start), allow_comma=True):
                person = before[-1]
                title_start = person.start
            else:  # "<Name>, the <title of X>, ..." (loaders/appositions.py)
                found = name_before_comma(sv, title_start, taken, name_stop, particles, determiners)
                if found is not None:
                    person = _discovered(sv, found, "title-cue")
                    new.append(person)
                    taken.append(found)
                    title_start = person.start
        if person is None:
            if open_titles is not None and (org or country) and not _after_former(sv, title_start, rules):
                org_actor = reg.get(org) if org else None
                open_titles.append(_OpenTitle(sv, items, title_start, pos, _role_string(reg, cue, org, country),
                                              org, country or (org_actor.country if org_actor else None),
                                              cue.shared, parts))
            continue
        if org is None and country is None and not cue.needs_org:
            # "Military Attaché X from the Russian embassy", "the spokesman X of the ministry": a state or
            # an organisation right after the name, behind an affiliation word, is the title's
            aff = _affiliation(sv, items, person.end, rules)
            if aff is not None:
                aff.descriptor = True
                if aff.etype == EntityType.ORGANIZATION:
                    org = aff.entity_id
                else:
                    country = aff.entity_id
        if person.role is None:
            person.role = _role_string(reg, cue, org, country)
            person.role_org = org
            person.role_kind = cue.org_kind
            org_actor = reg.get(org) if org else None
            person.role_country = country or (org_actor.country if org_actor else None)
        person.title_start = min(title_start, person.start)
        for p in parts:
            p.descriptor = True
    return new


@lru_cache(maxsize=32)
def _calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names of the language and English, folded: never a person's name."""
    out: set[str] = set()
    for code in {lang, "en"}:
        data = lang_data(code)
        out.update(fold(str(w)) for w in (*data.months, *data.weekdays))
    return frozenset(out)


def _discovered(sv: SentenceView, span: tuple[int, int], how: str) -> _Item:
    """A person the registry lacks, found by the form of the sentence."""
    name = sv.raw(*span)
    return _Item(span[0], span[1], "entity", f"per:{slug(name)}", EntityType.PERSON, how, name, confidence=0.8)


_CHAIN_STOP = re.compile(r"[,;:\"“”«»]|\s[\u2013\u2014-]\s")


def _title_chain(sv: SentenceView, items: list[_Item], pos: int, max_words: int = 16
                 ) -> tuple[list[_Item], int] | None:
    """A long title running up to a rank: "Komandan Pangkalan Utama TNI AL (Danlantamal) V Surabaya
    Laksamana Pertama TNI <name>" — unit names, numbers, bracketed abbreviations and ranks between a
    title and its name are skipped.

    From `pos`, words may be capitalised, numbers, bracketed, or states/organisations/places/ranks;
    a lower-case word, a comma or a person ends the chain. The name follows the chain's last rank
    (after brackets and a branch such as "TNI" right after it). Returns the states/organisations
    before that rank and the offset where the name starts, or None without a rank.
    """
    ents = [x for x in items if x.start >= pos and x.kind in ("entity", "rank")]
    last_rank: _Item | None = None
    inside: list[_Item] = []
    prev_end = pos
    for t in [t for t in sv.tokens if t.start >= pos][:max_words]:
        if _CHAIN_STOP.search(sv.raw(prev_end, t.start)):
            break
        raw = sv.raw(t.start, t.end)
        at = next((x for x in ents if x.start <= t.start < x.end), None)
        bracketed = sv.raw(pos, t.start).count("(") > sv.raw(pos, t.start).count(")")
        if at is not None and at.kind == "rank":
            last_rank = at
        elif at is not None and at.etype == EntityType.PERSON:
            break
        elif at is not None:
            if at not in inside and at.etype in (EntityType.ORGANIZATION, EntityType.COUNTRY) \
                    and (last_rank is None or at.start < last_rank.start):
                inside.append(at)
        elif not (bracketed or raw[:1].isupper() or raw.isdigit()):
            break
        prev_end = t.end
    if last_rank is None:
        return None
    start = last_rank.end
    while True:
        rest = sv.raw(start, sv.sentence.end)
        paren = re.match(r"\s*\([^()]{0,40}\)", rest)
        branch = next((x for x in ents if x.kind == "entity" and x.etype == EntityType.ORGANIZATION
                       and x.start > start and not sv.raw(start, x.start).strip()), None)
        if paren:
            start += paren.end()
        elif branch is not None:
            start = branch.end
        else:
            break
    inside = [x for x in inside if x.start < last_rank.start]
    return inside, start


def _fill_titles(open_titles: Sequence[_OpenTitle], reg: Registry, day: date | None,
                 mentioned: set[str]) -> None:
    """The holder of each title naming nobody, from the registry's dated roles on the article's date.

    A single-holder office (a state's defence minister, president, prime minister) is filled by whoever
    held it that day; a shared one (a deputy minister, an ambassador) only by a holder the article names
    elsewhere. No holder, or more than one: no person, and the title's state or organisation stays a
    descriptor (not "A met the ministry" for "A met the deputy minister").
    """
    for ot in open_titles:
        for p in ot.parts:
            p.descriptor = True
        holders = reg.holders_on(ot.role, day)
        if ot.shared:
            holders = [h for h in holders if h in mentioned]
        if len(holders) != 1:
            continue
        ot.items.append(_Item(ot.start, ot.end, "entity", holders[0], EntityType.PERSON, "role-holder",
                              ot.sv.raw(ot.start, ot.end), role=ot.role, role_org=ot.org,
                              role_country=ot.country, title_start=ot.start, confidence=0.8))


def _fuzzy(sv: SentenceView, items: list[_Item], reg: Registry, rules: Rules) -> list[_Item]:
    """Capitalised multi-word names left unmatched, against person/organisation aliases."""
    taken = [(it.start, it.end) for it in items]
    out: list[_Item] = []
    i = 0
    while i < len(sv.tokens):
        tok = sv.tokens[i]
        raw = sv.raw(tok.start, tok.end)
        if not raw[:1].isupper() or any(a <= tok.start < b for a, b in taken):
            i += 1
            continue
        run = _capitalised_run(sv, tok.start, taken, stop=rules.stopwords,
                               particles=rules.words.get("name_particles", frozenset()))
        if run is None:
            i += 1
            continue
        run_toks = [t for t in sv.tokens if run[0] <= t.start < run[1]]
        # the first word may just open the sentence ("Kemudian Rajnat Singh …"): try without it too
        for k in range(min(2, len(run_toks) - 1)):
            start = run_toks[k].start
            name = norm(sv.raw(start, run[1]))
            words = name.split()
            if len(words) < 2:
                break
            best: tuple[float, str] | None = None
            for w in set(words):
                for alias, ent in reg.fuzzy_index.get(w, ()):
                    score = fuzz.ratio(name, alias)
                    if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                        best = (score, ent)
            actor = reg.get(best[1]) if best is not None else None
            if actor is not None:
                out.append(_Item(start, run[1], "entity", actor.id, actor.type, "fuzzy",
                                 sv.raw(start, run[1]), confidence=0.85))
                taken.append((start, run[1]))
                break
        i = sv.token_index_at(run[1])
    return out


def _same_person_respelt(items: Sequence[_Item], spellings: dict[str, str]) -> None:
    """A discovered person spelt a little differently later in the article ("Shambhu Kumaran", then
    "Sambhu Kumaran") is the one found first: same number of words, names nearly equal."""
    for it in items:
        if it.kind != "entity" or it.etype != EntityType.PERSON or it.how != "title-cue":
            continue
        name = norm(it.surface)
        if name in spellings:
            it.entity_id = spellings[name]
            continue
        words = len(name.split())
        same = next((ent for known, ent in spellings.items() if len(known.split()) == words
                     and fuzz.ratio(name, known) >= FUZZY_THRESHOLD), None)
        if same is not None:
            it.entity_id = same
        spellings[name] = it.entity_id


def _to_mention(it: _Item, index: int) -> Mention:
    assert it.etype is not None
    return Mention(sentence_index=index, start=it.start, end=it.end, surface=it.surface,
                   entity_id=it.entity_id, entity_type=it.etype, how=it.how, role=it.role,
                   role_org=it.role_org, role_country=it.role_country, role_kind=it.role_kind,
                   descriptor=it.descriptor,
                   title_start=it.title_start, confidence=it.confidence)


def find_mentions(
    article: CleanArticle,
    *,
    registry: Registry | None = None,
    rules: Rules | None = None,
    sentences: Sequence[Sentence] | None = None,
    published: date | None = None,
    views: Sequence[SentenceView] | None = None,
) -> list[Mention]:
    """Every entity mention of the article's sentences, in text order.

    Titles naming nobody are filled with their holder on `published` (default: the article's date).
    `views` are the sentences already folded and tokenised (the pipeline shares them with the facts).
    """
    reg = registry or load_registry()
    rl = rules or load_rules(article.language)
    per_sentence: list[tuple[SentenceView, list[_Item]]] = []
    discovered: dict[str, str] = {}  # folded surname -> person id
    open_titles: list[_OpenTitle] = []
    fleets: dict[str, str] = {}  # state -> the last fleet of it the article named
    spellings: dict[str, str] = {}  # normalised name of a discovered person -> its id
    if views is None:
        views = [view(sent) for sent in (sentences if sentences is not None else article.sentences)]
    for sv in views:
        items = _sentence_items(sv, reg, rl)
        items += _apply_titles(sv, items, reg, rl, open_titles)
        items += _ship_items(sv, items, reg, rl, fleets)
        for it in items:
            actor = reg.get(it.entity_id) if it.etype == EntityType.ORGANIZATION else None
            if actor is not None and actor.kind == "fleet" and actor.country:
                fleets[actor.country] = actor.id
        items.sort(key=lambda it: it.start)
        items += _fuzzy(sv, items, reg, rl)
        _same_person_respelt(items, spellings)
        for it in items:
            if it.kind == "entity" and it.etype == EntityType.PERSON and it.how in ("title-cue", "fuzzy"):
                words = norm(it.surface).split()
                if len(words) >= 2 and len(words[-1]) >= 3:
                    discovered.setdefault(words[-1], it.entity_id)
        per_sentence.append((sv, items))
    mentioned = {it.entity_id for _, items in per_sentence for it in items
                 if it.kind == "entity" and it.etype == EntityType.PERSON}
    _fill_titles(open_titles, reg, published if published is not None else parse_published(article.published),
                 mentioned)
    mentions: list[Mention] = []
    for sv, items in per_sentence:
        if discovered:
            taken = [(it.start, it.end) for it in items]
            for tok in sv.tokens:
                ent = discovered.get(tok.text)
                raw = sv.raw(tok.start, tok.end)
                if ent and raw[:1].isupper() and not any(a < tok.end and tok.start < b for a, b in taken):
                    items.append(_Item(tok.start, tok.end, "entity", ent, EntityType.PERSON, "alias", raw,
                                       confidence=0.8))
        for it in sorted(items, key=lambda x: x.start):
            if it.kind == "entity":
                if it.etype == EntityType.PERSON:
                    suffix = _SUFFIX.match(sv.raw(it.end, sv.sentence.end))
                    if suffix:  # "Lloyd Austin III", "Gilberto Teodoro Jr.": the name goes on
                        it.end += suffix.end()
                        it.surface = sv.raw(it.start, it.end)
                mentions.append(_to_mention(it, sv.sentence.index))
    return mentions
