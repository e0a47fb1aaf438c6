"""Title cues: roles for the people they name, people the registry lacks, titles naming nobody.

A title's state or organisation comes before it ("Russian Defence Minister", "Russia's defence
minister") or after it behind link words ("Minister of Defence of X", "Dubes RI untuk Rusia": the state
after a host word is the host); its person follows (past ranks and long unit names: `chain`), or
stands before it as an apposition ("Wang Yi, Menteri Luar Negeri Tiongkok", loaders/mentions/appositions.py).
A title naming nobody is kept as an `OpenTitle`, filled by `fill_titles` from the registry's dated roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from graph_schema.model import EntityType
from loaders import confidence
from loaders.lang import Rules, TitleCue
from loaders.mentions.appositions import name_after_comma, name_before_comma
from loaders.mentions.chain import title_chain
from loaders.mentions.items import PAREN, Item, Span, discovered_person, tight
from loaders.mentions.names import capitalised_run
from loaders.models import MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView, Spans, fold


def _role_string(reg: Registry, cue: TitleCue, org: str | None, country: str | None) -> str:
    if cue.org_kind and country:
        return f"{cue.role} of {reg.name_of(country)}"
    if org:
        return f"{cue.role} of the {reg.name_of(org)}"
    if country:
        return f"{cue.role} of {reg.name_of(country)}"
    return cue.role


@dataclass
class OpenTitle:
    """A title naming nobody ("the Prime Minister of Myanmar", "Wamenhan Rusia"): filled from the registry."""

    sv: SentenceView
    items: list[Item]  # the sentence's items, where the holder's mention goes
    start: int
    end: int
    role: str
    org: str | None
    country: str | None
    shared: bool
    parts: list[Item]


def _affiliation(sv: SentenceView, items: Sequence[Item], end: int, rules: Rules) -> Item | None:
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
    prev = sv.words_before(start, 1)
    return bool(prev) and rules.has("former", prev[0].text) and not sv.raw(prev[0].end, start).strip()


def _org_and_country(parts: Sequence[Item], reg: Registry, org: str | None,
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


_STATE_OR_ORG = (EntityType.COUNTRY, EntityType.ORGANIZATION)
_PORTFOLIO_WORDS = 6


def _given_name_of(sv: SentenceView, run: Span, nxt: Item) -> bool:
    """Whether a capitalised run ends right before a registry person's name (one space between)."""
    return nxt.kind == "entity" and nxt.etype == EntityType.PERSON and sv.raw(run[1], nxt.start) == " " \
        and len(sv.raw(*run).split()) <= 2


@dataclass
class _Title:
    """One title cue being read: what it names so far."""

    idx: int
    item: Item
    cue: TitleCue
    parts: list[Item] = field(default_factory=list)  # the title's state and organisation words
    org: str | None = None
    country: str | None = None
    pos: int = 0  # where the title (with its link words, states and ranks) ends
    next_index: int = 0  # the first item after it
    person: Item | None = None
    run: Span | None = None  # the span of a person discovered here (not a registry mention)

    def adds_part(self, x: Item) -> bool:
        """Whether `x` may join the parts after the cue (one state and one organisation at most)."""
        return not any(p.etype == x.etype for p in self.parts if p.start > self.item.start)


class _TitleReader:
    """Reads the title cues of one sentence, in text order."""

    def __init__(self, sv: SentenceView, items: list[Item], reg: Registry, rules: Rules,
                 open_titles: list[OpenTitle]) -> None:
        self.sv, self.items, self.reg, self.rules, self.open_titles = sv, items, reg, rules, open_titles
        self.new: list[Item] = []
        self.taken = Spans((it.start, it.end) for it in items)
        self.stop = rules.stopwords
        self.particles = rules.words.get("name_particles", frozenset())
        self.determiners = rules.words.get("determiners", frozenset())
        self.name_stop = rules.calendar_words | self.stop

    def read(self, t: _Title) -> None:
        """Find the title's parts and person; attach the role, or keep the title open."""
        prev = self.items[t.idx - 1] if t.idx else None
        # "Department of Defence (DoD) spokesperson N": an abbreviation in brackets before the title
        if (prev is not None and prev.kind == "entity" and prev.etype in _STATE_OR_ORG
                and (tight(gap := self.sv.raw(prev.end, t.item.start)) or gap.strip() == ")")):
            t.parts.append(prev)
        self._walk_after(t)
        t.org, t.country = _org_and_country(t.parts, self.reg, t.org, t.country)
        if t.cue.org_kind and t.org is None:
            t.org = self.reg.org_of_kind(t.cue.org_kind, t.country)
        t.person, t.run = self._person_at(t.pos, t.next_index, t.cue)
        if t.person is None or t.run is not None:  # a unit name may look like a name: a rank further on decides
            self._through_chain(t)
        if t.cue.needs_org and t.org is None and t.country is None:
            return
        if t.person is None:  # "<title of X>, <Name>, ..." (loaders/mentions/appositions.py)
            ranks = [(x.start, x.end) for x in self.items[t.next_index:] if x.kind == "rank"]
            found = name_after_comma(self.sv, t.pos, self.taken, self.name_stop, self.particles, ranks,
                                     weak=self.rules.calendar_words)
            if found is not None:
                t.person, t.run = discovered_person(self.sv, found, MentionHow.TITLE_CUE), found
        if t.run is not None and t.person is not None:
            self.new.append(t.person)
            self.taken.add(*t.run)
        title_start = min([t.item.start, *(p.start for p in t.parts)])
        if t.person is None:
            title_start = self._person_before(t, title_start)
        if t.person is None:
            self._keep_open(t, title_start)
            return
        self._attach(t, t.person, title_start)

    def _walk_after(self, t: _Title) -> None:
        """After the cue: link words, a state or organisation, ranks, the same cue again."""
        sv, items, it = self.sv, self.items, t.item
        j, pos = t.idx + 1, it.end
        while j < len(items):
            nxt = items[j]
            gap = sv.raw(pos, nxt.start)
            gap_words = [fold(w) for w in re.findall(r"\w+", PAREN.sub(" ", gap))]
            host_words = self.rules.words.get("host_preps", frozenset())
            # "Ambassador to Myanmar", "Dubes RI untuk Rusia": the state after the word is the host
            host = bool(gap_words) and gap_words[0] in host_words and any(p.etype == EntityType.COUNTRY
                                                                           for p in t.parts)
            # "Minister of Defence of X": the link words of the language and English (title_links)
            link_ok = all(self.rules.has("title_links", w) or (host and i == 0) for i, w in enumerate(gap_words))
            if not (tight(gap) or (link_ok and len(gap_words) <= 2 and "," not in gap)
                    or self._portfolio(t, j, gap, gap_words)):
                break
            if host and nxt.kind == "entity" and nxt.etype == EntityType.COUNTRY:
                nxt.descriptor = True
            elif nxt.kind == "entity" and nxt.etype in _STATE_OR_ORG and t.adds_part(nxt):
                t.parts.append(nxt)
            elif not (nxt.kind == "rank" or (nxt.kind == "title" and nxt.cue == t.cue)):
                break
            pos = nxt.end
            if nxt.kind == "rank" and sv.raw(pos, pos + 1) == ".":
                pos += 1  # "Adm. Budi Santoso", "Gen. X"
            j += 1
        t.next_index, t.pos = j, pos

    def _portfolio(self, t: _Title, j: int, gap: str, gap_words: list[str]) -> bool:
        """"министр экономического развития РФ N", "Minister of Economy and Finance of Mali N": a title
        needing its state may run over a portfolio (a few words, no punctuation) up to the state, when
        the state (its name, not an adjective) follows the portfolio and nothing else was read yet."""
        nxt = self.items[j]
        return (t.cue.needs_org and j == t.idx + 1 and not t.parts and nxt.kind == "entity"
                and nxt.etype == EntityType.COUNTRY and nxt.how != MentionHow.DEMONYM
                and 0 < len(gap_words) <= _PORTFOLIO_WORDS
                and not re.search(r"[,;:()\"“”«»]", gap))

    def _person_at(self, start: int, k: int, cue: TitleCue) -> tuple[Item | None, Span | None]:
        """The registry person (items[k]) or capitalised name right at `start`."""
        sv, items = self.sv, self.items
        if k < len(items) and items[k].kind == "entity" and items[k].etype == EntityType.PERSON \
                and tight(sv.raw(start, items[k].start)):
            return items[k], None
        if k >= len(items) or items[k].start > start:
            found = capitalised_run(sv, start, self.taken, stop=self.stop, particles=self.particles)
            if found is not None and k < len(items) and _given_name_of(sv, found, items[k]):
                # "Verteidigungsminister Olexij Resnikow": a given name before a known surname is that person's
                items[k].start, items[k].surface = found[0], sv.raw(found[0], items[k].end)
                return items[k], None
            if found is not None:
                name = sv.raw(*found)
                # "the Defence Ministers Meeting": a meeting noun names an event, never a person
                named_event = self.rules.phrases["event_nouns"].find(
                    sv.tokens[sv.token_index_at(found[0]) : sv.token_index_at(found[1])], sv.sentence.text, sv.start)
                if len(name) >= 3 and (len(name.split()) >= 2 or not cue.needs_org) and not named_event:
                    return discovered_person(sv, found, MentionHow.TITLE_CUE), found
        return None, None

    def _through_chain(self, t: _Title) -> None:
        """The person after a long title running up to a rank; its states/organisations join the parts."""
        chain = title_chain(self.sv, self.items, t.pos)
        if chain is None:
            return
        inside, name_at = chain
        k = next((n for n, x in enumerate(self.items) if x.start >= name_at), len(self.items))
        chained, chained_run = self._person_at(name_at, k, t.cue)
        if chained is None:
            return
        t.person, t.run = chained, chained_run
        for x in inside:
            if t.adds_part(x):
                t.parts.append(x)
        t.org, t.country = _org_and_country(t.parts, self.reg, t.org, t.country)

    def _person_before(self, t: _Title, title_start: int) -> int:
        """An apposition before the title ("Wang Yi, Menteri …", "<Name>, the <title>"); the title's start."""
        sv = self.sv
        before = [x for x in self.items[:t.idx] if x.kind == "entity" and x.etype == EntityType.PERSON]
        if before and "," in sv.raw(before[-1].end, title_start) \
                and tight(sv.raw(before[-1].end, title_start), allow_comma=True):
            t.person = before[-1]
            return t.person.start
        found = name_before_comma(sv, title_start, self.taken, self.name_stop, self.particles, self.determiners)
        if found is None:
            return title_start
        t.person = discovered_person(sv, found, MentionHow.TITLE_CUE)
        self.new.append(t.person)
        self.taken.add(*found)
        return t.person.start

    def _keep_open(self, t: _Title, title_start: int) -> None:
        """A title naming nobody, with a state or organisation: its holder is looked up later."""
        if (t.org or t.country) and not _after_former(self.sv, title_start, self.rules):
            org_actor = self.reg.get(t.org) if t.org else None
            self.open_titles.append(OpenTitle(self.sv, self.items, title_start, t.pos,
                                              _role_string(self.reg, t.cue, t.org, t.country), t.org,
                                              t.country or (org_actor.country if org_actor else None),
                                              t.cue.shared, t.parts))

    def _attach(self, t: _Title, person: Item, title_start: int) -> None:
        """Give the person the title's role; the title's state and organisation become descriptors."""
        org, country = t.org, t.country
        if org is None and country is None and not t.cue.needs_org:
            # "Military Attaché X from the Russian embassy", "the spokesman X of the ministry": a state or
            # an organisation right after the name, behind an affiliation word, is the title's
            aff = _affiliation(self.sv, self.items, person.end, self.rules)
            if aff is not None:
                aff.descriptor = True
                if aff.etype == EntityType.ORGANIZATION:
                    org = aff.entity_id
                else:
                    country = aff.entity_id
        if person.role is None:
            person.role = _role_string(self.reg, t.cue, org, country)
            person.role_org = org
            person.role_kind = t.cue.org_kind
            org_actor = self.reg.get(org) if org else None
            person.role_country = country or (org_actor.country if org_actor else None)
        person.title_start = min(title_start, person.start)
        for p in t.parts:
            p.descriptor = True


def apply_titles(sv: SentenceView, items: list[Item], reg: Registry, rules: Rules,
                 open_titles: list[OpenTitle]) -> list[Item]:
    """Attach roles to people named with a title; the people the registry lacks, as new items.

    A title naming nobody is kept in `open_titles` for `fill_titles`.
    """
    if not any(it.kind == "title" for it in items):
        return []  # no title cue in the sentence: nothing to read
    reader = _TitleReader(sv, items, reg, rules, open_titles)
    for idx, it in enumerate(items):
        if it.kind == "title" and it.cue is not None:
            reader.read(_Title(idx, it, it.cue))
    return reader.new


def fill_titles(open_titles: Sequence[OpenTitle], reg: Registry, day: date | None,
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
        ot.items.append(Item(ot.start, ot.end, "entity", holders[0], EntityType.PERSON, MentionHow.ROLE_HOLDER,
                              ot.sv.raw(ot.start, ot.end), role=ot.role, role_org=ot.org,
                              role_country=ot.country, title_start=ot.start,
                             confidence=confidence.ROLE_HOLDER))
