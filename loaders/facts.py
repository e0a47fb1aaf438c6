"""Facts from resolved mentions and relation triggers (extractor ``rules.v1``).

Per sentence (sentences of related-article links — "Baca juga", "Read more" — are skipped):

* **HOLDS_ROLE** for every person named with a title (object: the title's organisation, else its state);
* a **trigger** of ``loaders/data/rules/<lang>.yaml`` gives the relation; its arguments follow general
  rules: the subject is the nearest fitting actor before the trigger (not one already used as the
  object of an earlier trigger of the sentence, so "A flew to B to attend C" makes A the attendee), the
  object the first fitting actor after it; with no subject before it, "between A and B", a subject after
  the subordinate clause ("Before meeting A, B met C"), or "trigger A … B" ("talks of A with B", "a visit
  by A to B", "disampaikan A kepada B") are tried; "A and B held talks" pairs coordinated subjects; an
  object after a passive agent word ("by", "oleh") swaps the roles; ``reverse`` triggers ("bought")
  swap supplier and recipient; coordinated objects ("to A and B") each get a fact;
* a person where a state or organisation is needed stands for the organisation/state of their title;
  a capital city where a state is needed (recipient "à Bakou") stands for the state;
* **negation** cues between the subject and the trigger deny the fact; **modality** cues make it
  planned/agreed/announced. Denied facts, and planned meetings/visits/attendance, are *withheld* (kept
  apart from the fact view); planned cooperation or supply is a fact with its status;
* **date**: the date expression of the sentence nearest the trigger; a sentence that opens with a
  statement anaphor ("Pernyataan tersebut disampaikan … pada Selasa (22/6/2021)") dates the undated
  facts of the sentence before; **place**: a place named in the sentence, else the dateline city;
  a visit to a city is a visit to its state, the city being the place;
* ``reverse`` (purchase) triggers: the buyer is the recipient; the seller is the actor after a source
  word ("from", "dari", "de", "von"), else the maker's state of a weapon named after the trigger; a supply
  noun with an origin adjective ("delivery of Russian S-400 to India") has that state as the supplier;
* a trigger inside a relative clause ("…, which …", "yang …") takes its subject from the clause or the
  antecedent right before the pronoun; a trigger outside takes no argument and no date from inside one;
* accusations ("accused of supplying") are *alleged* and withheld; pledges are *announced*; a phone call
  is no meeting; a state and its own forces are not two parties of a tie; a sanctions sentence naming
  only targets takes the sanctioning actor of the article's previous sanctions;
* **HOLDS_ROLE** also for registry people named without a title: their registered role on the article date;
  a title naming nobody ("the Prime Minister of Myanmar") stands for its holder on the article's date
  (``mentions._fill_titles``) but states no HOLDS_ROLE of its own;
* facts are de-duplicated on (subject, relation, object) — either order for symmetric relations —
  keeping the first evidence and the most precise date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from graph_schema.model import RELATION_EVENT, SYMMETRIC_RELATIONS, EntityType, Modality, Relation
from loaders.dates import DateMention, find_dates
from loaders.mentions import Rules, Trigger, load_rules
from loaders.models import CleanArticle, Entity, Fact, Mention, Sentence
from loaders.registry import Registry, load_registry
from loaders.text import PhraseMatch, SentenceView, Token, fold, longest, slug, view

EXTRACTOR = "rules.v1"

P, ORG, C, PL, EV = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.PLACE,
                   EntityType.EVENT)


@dataclass(frozen=True)
class RelationSpec:
    """Which entity types fill a relation's subject and object, and how it treats places and plans."""

    subject: frozenset[EntityType]
    object: frozenset[EntityType]
    has_place: bool
    planned_is_fact: bool  # "plans to cooperate" is a COOPERATES_WITH fact; "plans to meet" is not a meeting


SPECS: dict[Relation, RelationSpec] = {
    Relation.MET_WITH: RelationSpec(frozenset({P, ORG}), frozenset({P, ORG}), True, False),
    Relation.VISITED: RelationSpec(frozenset({P, ORG}), frozenset({C, PL}), True, False),
    Relation.ATTENDED: RelationSpec(frozenset({P, ORG, C}), frozenset({EV}), True, False),
    Relation.TRAINS: RelationSpec(frozenset({C, ORG}), frozenset({C, ORG}), False, True),
    Relation.SUPPLIES_ARMS_TO: RelationSpec(frozenset({C, ORG}), frozenset({C, ORG}), False, True),
    Relation.COOPERATES_WITH: RelationSpec(frozenset({C, ORG}), frozenset({C, ORG}), False, True),
    Relation.SIGNED_AGREEMENT_WITH: RelationSpec(frozenset({C, ORG}), frozenset({C, ORG}), True, False),
    Relation.SANCTIONED: RelationSpec(frozenset({C, ORG}), frozenset({C, ORG, P}), False, False),
    Relation.CRITICIZED: RelationSpec(frozenset({C, ORG, P}), frozenset({C, ORG, P}), False, False),
    Relation.SUPPORTS: RelationSpec(frozenset({C, ORG, P}), frozenset({C, ORG, P}), False, True),
    Relation.SEIZED_POWER_IN: RelationSpec(frozenset({ORG, P}), frozenset({C}), False, False),
}

_STRENGTH = {"strong": 0.9, "reverse": 0.8, "agent_after": 0.8, "agent_noun": 0.8, "reverse_noun": 0.8,
             "mutual": 0.7, "weak": 0.6}
_NOUN_STRENGTHS = frozenset({"agent_noun", "reverse_noun"})
_POSSESSIVE = re.compile(r"^(?:\s*['’]s?)\s+(?:[^\W\d_]+\s+){0,2}$")
_WINDOW = 60  # characters before a trigger searched for negation/modality cues
_PRECISION = {None: 0, 4: 1, 7: 2, 10: 3}
_NOT_ASSERTED = frozenset({Modality.DENIED, Modality.ALLEGED})  # withheld whatever the relation
# relations between people on the move: "A flew to B to attend C" makes A, not B, the attendee
_PERSON_LEVEL = frozenset({Relation.MET_WITH, Relation.VISITED, Relation.ATTENDED})
# ties that need two distinct parties: a state and its own forces are one
_BETWEEN_STATES = frozenset({Relation.SUPPLIES_ARMS_TO, Relation.TRAINS, Relation.COOPERATES_WITH,
                             Relation.SIGNED_AGREEMENT_WITH})
# relations whose actor carries over to a later sentence that names only the targets
_CARRIED = frozenset({Relation.SANCTIONED})
# a relative clause runs from its pronoun to the next clause break ("…, yang merebut kekuasaan …, …")
_CLAUSE_BREAK = re.compile(r"[,;()]|\s[\u2013\u2014-]\s")
_PAREN_GAP = re.compile(r"\([^()]{0,40}\)")
_EVENT_YEAR = re.compile(r"\s\d{4}(?!\d)")


@dataclass
class FactsResult:
    """Facts asserted by the article, claims withheld (denied/planned), entities found on the way."""

    facts: list[Fact] = field(default_factory=list)
    withheld: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    skipped_sentences: set[int] = field(default_factory=set)


@dataclass
class _Arg:
    mention: Mention
    entity_id: str
    confidence: float


@dataclass
class _Ctx:
    article: CleanArticle
    reg: Registry
    rules: Rules
    person_role: dict[str, tuple[str | None, str | None]]  # person -> (role org, role state)
    dateline: str | None
    dates: list[DateMention]
    published: date | None = None


def _convert(m: Mention, allowed: frozenset[EntityType], ctx: _Ctx, *, object_slot: bool) -> _Arg | None:
    """The entity a mention stands for in a slot accepting `allowed` types (None: it does not fit)."""
    if m.entity_type == EntityType.WEAPON:
        # a named ship calling at a port or taking part in an exercise: its fleet or navy acts
        actor = ctx.reg.get(m.entity_id)
        if actor is None or actor.operator is None or P not in allowed:
            return None
        operator = ctx.reg.get(actor.operator)
        if operator is not None and operator.type in allowed:
            return _Arg(m, operator.id, m.confidence * 0.9)
        return None
    if m.entity_type in allowed:
        return _Arg(m, m.entity_id, m.confidence)
    if m.entity_type == P and (ORG in allowed or C in allowed):
        org, country = ctx.person_role.get(m.entity_id, (None, None))
        if org is None and country is None:
            actor = ctx.reg.get(m.entity_id)
            country = actor.country if actor else None
        target = country if (country and C in allowed) else org  # a state before its ministry
        if target:
            return _Arg(m, target, m.confidence * 0.8)
    if m.entity_type == PL and C in allowed and object_slot:
        actor = ctx.reg.get(m.entity_id)
        if actor is not None and actor.capital_of:
            return _Arg(m, actor.capital_of, m.confidence * 0.8)
    return None


def _words_between(sv: SentenceView, start: int, end: int) -> list[str]:
    return [t.text for t in sv.tokens if t.start >= start and t.end <= end]


def _conj_gap(sv: SentenceView, ctx: _Ctx, start: int, end: int) -> str | None:
    """"word" if only a conjunction lies between two actors, "comma" if only a comma, else None."""
    gap = re.sub(r"\([^()]{0,40}\)", " ", sv.raw(start, end))
    words = re.findall(r"\w+", fold(gap))
    if not words:
        return "comma" if gap.strip() == "," else None
    toks = [t for t in sv.tokens if t.start >= start and t.end <= end]
    hits = ctx.rules.phrases["conjunctions"].find(toks, sv.sentence.text, sv.start)
    return "word" if len(words) <= 3 and hits else None


def _ext_start(m: Mention) -> int:
    return m.title_start if m.title_start is not None else m.start


def _status(sv: SentenceView, ctx: _Ctx, start: int, end: int) -> Modality:
    """Negation or modality cues in [start, end) of the sentence."""
    toks = [t for t in sv.tokens if t.start >= start and t.end <= end]
    if not toks:
        return Modality.HAPPENED
    if any(ctx.rules.has("negation", t.text) for t in toks) or ctx.rules.phrases["negation"].find(
            toks, sv.sentence.text, sv.start):
        return Modality.DENIED
    found = ctx.rules.modality.find(toks, sv.sentence.text, sv.start)
    if found:
        return Modality(found[-1].payload)
    return Modality.HAPPENED


def _nearest_date(ctx: _Ctx, sent: Sentence, near: int,
                  skip: Sequence[tuple[int, int]] = ()) -> str | None:
    """The date of the sentence nearest `near`, leaving out dates inside the `skip` spans."""
    best: tuple[int, str] | None = None
    for d in ctx.dates:
        if any(a <= d.start < b for a, b in skip):
            continue  # "…, which seized power in the 1 February coup, …" dates the coup, not the clause
        if d.start >= sent.start and d.end <= sent.end:
            dist = abs(d.start - near)
            if best is None or dist < best[0]:
                best = (dist, d.value)
    return best[1] if best else None


def _place_for(rel: Relation, obj: str, args: Sequence[Mention], ctx: _Ctx) -> str | None:
    places = [m for m in args if m.entity_type == PL]
    if rel == Relation.VISITED:
        for m in places:
            actor = ctx.reg.get(m.entity_id)
            if actor is not None and actor.country == obj:
                return m.entity_id
        if ctx.dateline:
            actor = ctx.reg.get(ctx.dateline)
            if actor is not None and actor.country == obj:
                return ctx.dateline
        return None
    if places:
        return places[0].entity_id
    return ctx.dateline


def _event_after(sv: SentenceView, ctx: _Ctx, pos: int, when: str | None) -> Entity | None:
    """A conference/forum/exercise named right after an attendance trigger, as a discovered event.

    Its id carries the year of `when` (the fact's date), else of the publication: the security
    conference of 2021 is not that of 2023 (`evt:konferensi-keamanan-2021`).
    """
    toks = [t for t in sv.tokens if t.start >= pos]
    if not toks or sv.raw(pos, toks[0].start).strip():
        return None
    hits = [h for h in ctx.rules.phrases["event_nouns"].find(toks[:3], sv.sentence.text, sv.start)
            if h.first == 0]
    if not hits:
        return _named_event(sv, ctx, toks, when)
    end = toks[0].end
    stop = ctx.rules.words.get("locative_preps", frozenset()) | ctx.rules.words.get("conjunctions", frozenset())
    for i, t in enumerate(toks[:5]):
        if i and (sv.raw(toks[i - 1].end, t.start).strip() or t.text in stop or t.text in ctx.rules.stopwords
                  or (t.text.isdigit() and len(t.text) != 4)):
            break
        end = t.end
    surface = sv.raw(toks[0].start, end)
    year = (when or "")[:4] or (str(ctx.published.year) if ctx.published else "")
    ent_id = f"evt:{slug(surface)}-{year}" if year and not surface.endswith(year) else f"evt:{slug(surface)}"
    return Entity(id=ent_id, type=EV, name=surface, aliases=[surface], source="discovered",
                  mentions=1)


_EVENT_LEAD = 2  # words between an attendance trigger and an event's name ("the", "au", "an der")
_EVENT_WORDS = 8


def _named_event(sv: SentenceView, ctx: _Ctx, toks: Sequence[Token], when: str | None) -> Entity | None:
    """A capitalised event name after an attendance trigger, past at most two small words: "attended the
    Andean Security Forum 2024", "participé au salon Eurosatory", "nahm an der Pacific Defence Expo teil".

    The name runs over capitalised words, years and link words (``title_links``) followed by a
    capitalised word; it must hold an event noun (``event_nouns``, any case).
    """
    rl = ctx.rules
    small = rl.words.get("determiners", frozenset()) | rl.words.get("locative_preps", frozenset())
    i = 0
    while i < min(_EVENT_LEAD, len(toks)) and (toks[i].text in small or toks[i].text in rl.stopwords) \
            and not sv.raw(toks[i].start, toks[i].end)[:1].isupper():
        i += 1
    span: list[Token] = []
    for k in range(i, min(i + _EVENT_WORDS, len(toks))):
        t = toks[k]
        if span and sv.raw(span[-1].end, t.start) not in (" ", "-", "'s ", "’s "):
            break
        raw = sv.raw(t.start, t.end)
        nxt_cap = k + 1 < len(toks) and sv.raw(toks[k + 1].start, toks[k + 1].end)[:1].isupper()
        if raw[:1].isupper() or (raw.isdigit() and len(raw) == 4 and span) \
                or (span and rl.has("title_links", t.text) and nxt_cap) \
                or (not span and rl.phrases["event_nouns"].find([t], sv.sentence.text, sv.start) and nxt_cap):
            span.append(t)
        else:
            break
    while span and rl.has("title_links", span[-1].text):
        span.pop()
    if not any(sv.raw(t.start, t.end)[:1].isupper() for t in span) or \
            not rl.phrases["event_nouns"].find(span, sv.sentence.text, sv.start):
        return None
    surface = sv.raw(span[0].start, span[-1].end)
    year = (when or "")[:4] or (str(ctx.published.year) if ctx.published else "")
    ent_id = f"evt:{slug(surface)}-{year}" if year and not surface.endswith(year) else f"evt:{slug(surface)}"
    return Entity(id=ent_id, type=EV, name=surface, aliases=[surface], source="discovered", mentions=1)


def relative_spans(sv: SentenceView, rules: Rules) -> list[tuple[int, int]]:
    """Relative clauses of a sentence ("…, yang …", "which …", "qui …"): pronoun to the next clause break."""
    spans = []
    for h in rules.phrases["relative_pronouns"].find(sv.tokens, sv.sentence.text, sv.start):
        brk = _CLAUSE_BREAK.search(sv.raw(h.end, sv.sentence.end))
        spans.append((h.start, h.end + brk.start() if brk else sv.sentence.end))
    return spans


def _skip_from(sv: SentenceView, ctx: _Ctx) -> int | None:
    """Offset where a related-article link starts in the sentence ("Baca juga: …"), if any."""
    hits = ctx.rules.phrases["skip_sentences"].find(sv.tokens, sv.sentence.text, sv.start)
    for h in hits:
        after = sv.raw(h.end, min(h.end + 2, sv.sentence.end)).lstrip()
        before = sv.raw(sv.start, h.start).strip()
        multiword = h.last > h.first
        if after.startswith(":") or (not before and multiword):
            return h.start
    return None


def dateline_place(article: CleanArticle, mentions: Sequence[Mention], reg: Registry) -> str | None:
    """The dateline city ("JAKARTA, KOMPAS.com –", "BANGKOK, October 23. /TASS/", "Jakarta (ANTARA) -")."""
    for m in mentions:
        if m.sentence_index > 4:
            break
        if m.entity_type != PL:
            continue
        letters = [c for c in m.surface if c.isalpha()]
        sent = next((s for s in article.sentences if s.index == m.sentence_index), None)
        at_start = sent is not None and not article.text[sent.start : m.start].strip()
        after = article.text[m.end : m.end + 4]
        if (letters and all(c.isupper() for c in letters) and len(letters) > 3) or (
                at_start and re.match(r"^\s*(?:\(|[-–—:,])", after)):
            return m.entity_id
    return None


class _SentenceFacts:
    """Trigger-by-trigger extraction over one sentence."""

    def __init__(self, sv: SentenceView, mentions: list[Mention], ctx: _Ctx, limit: int,
                 carried: dict[Relation, str]) -> None:
        self.sv = sv
        self.ctx = ctx
        self.limit = limit
        self.args = [m for m in mentions if not m.descriptor and m.start < limit]
        self.consumed: set[int] = set()
        self.out: list[tuple[Fact, bool]] = []  # (fact, asserted)
        self.entities: list[Entity] = []
        self.rel_spans = relative_spans(sv, ctx.rules)
        self.trig_span: tuple[int, int] | None = None  # the relative clause holding the current trigger
        self.open_span: tuple[int, int] | None = None  # a relative clause the trigger noun heads
        self.carried = carried  # relation -> subject of its last fact in the article (shared by sentences)
        self.triggers: list[PhraseMatch[Trigger]] = []  # every trigger of the sentence, in text order
        # "Marumex 2024", "Shangri-La Dialogue 2023": a year inside or right after an event's name dates nothing
        self.name_spans = [(m.start, m.end + (len(y.group()) if m.entity_type == EV and (
            y := _EVENT_YEAR.match(sv.raw(m.end, sv.sentence.end))) else 0)) for m in mentions]

    def _visible(self, m: Mention) -> bool:
        """Whether an actor may fill a slot of the current trigger, given the relative clauses.

        A trigger inside a relative clause takes its subject from the clause or from the antecedent
        right before the pronoun ("the junta, which seized power"; not "any state that buys … from
        Russia"); a trigger outside one takes no argument from inside one.
        """
        if self.trig_span is not None:
            a, _ = self.trig_span
            if _ext_start(m) >= a:
                return True
            return not _PAREN_GAP.sub(" ", self.sv.raw(m.end, a)).strip(" ,")
        return not any(a <= m.start < b for a, b in self.rel_spans if (a, b) != self.open_span)

    def _objects_after(self, trig: PhraseMatch[Trigger]) -> list[Mention]:
        """Object candidates: after the trigger; right after it when the trigger ends in a preposition
        ("sanctions on A", "sanksi terhadap A": not "sanctions on any state that buys from A")."""
        cands = self._after(trig.end)
        last = [t.text for t in self.sv.tokens if t.end <= trig.end][-1:]
        if last and self.ctx.rules.has("object_preps", last[0]):
            cands = [m for m in cands if len(_words_between(self.sv, trig.end, _ext_start(m))) <= 2]
        return cands

    def _before(self, pos: int) -> list[Mention]:
        return [m for m in reversed(self.args) if m.end <= pos and self._visible(m)]

    def _after(self, pos: int) -> list[Mention]:
        return [m for m in self.args if m.start >= pos and not self._speaker(m) and self._visible(m)]

    def _same_state(self, a: str, b: str) -> bool:
        """Whether two actors are one state and an institution of it (or two institutions of one state)."""
        actor_a, actor_b = self.ctx.reg.get(a), self.ctx.reg.get(b)
        state_a = actor_a.country if actor_a is not None else None
        state_b = actor_b.country if actor_b is not None else None
        if state_a is None or state_b is None or state_a != state_b:
            return False
        return EntityType.COUNTRY in (actor_a.type if actor_a else None, actor_b.type if actor_b else None)

    def _prev_word(self, m: Mention) -> str:
        """The folded word right before a mention (its title included)."""
        prev = [t.text for t in self.sv.tokens if t.end <= _ext_start(m)][-1:]
        return prev[0] if prev else ""

    def _reverse_args(self, trig: PhraseMatch[Trigger], buyer_types: frozenset[EntityType],
                      seller_types: frozenset[EntityType]) -> tuple[_Arg | None, _Arg | None]:
        """(buyer, seller) of a purchase trigger ("A bought X from B", "the purchase of X by A").

        The buyer is the actor before the trigger (or after a passive agent word); the seller is the
        actor after a source word ("from", "dari", "de", "von"), else the maker's state of a weapon
        named after the trigger; any other actor after the trigger fills neither role.
        """
        buyer = self._first(self._before(trig.start), buyer_types, object_slot=False)
        seller: _Arg | None = None
        for m in self._after(trig.end):
            word = self._prev_word(m)
            if buyer is None and self.ctx.rules.has("passive_agents", word):
                buyer = _convert(m, buyer_types, self.ctx, object_slot=False)
            elif seller is None and self.ctx.rules.has("source_preps", word):
                seller = _convert(m, seller_types, self.ctx, object_slot=True)
        if seller is None:
            clause_end = _CLAUSE_BREAK.search(self.sv.raw(trig.end, self.limit))
            end = trig.end + clause_end.start() if clause_end else self.limit
            for m in self.args:
                actor = self.ctx.reg.get(m.entity_id)
                if (trig.end <= m.start < end and m.entity_type == EntityType.WEAPON and actor is not None
                        and actor.country and C in seller_types):
                    seller = _Arg(m, actor.country, m.confidence * 0.8)
                    break
        if buyer is not None and seller is not None and buyer.entity_id == seller.entity_id:
            return None, None
        return buyer, seller

    def _origin_supplier(self, obj: _Arg, obj_types: frozenset[EntityType]) -> tuple[_Arg, _Arg] | None:
        """"deliveries of Russian S-400 to India": an origin adjective after a supply noun is the supplier,
        the actor after a recipient word ("to", "для", "ke", "à") the recipient."""
        if obj.mention.how != "demonym":
            return None
        for m in self._after(obj.mention.end):
            if self.ctx.rules.has("recipient_preps", self._prev_word(m)):
                rec = _convert(m, obj_types, self.ctx, object_slot=True)
                if rec is not None and rec.entity_id != obj.entity_id:
                    return obj, rec
                return None
        return None

    def _speaker(self, m: Mention) -> bool:
        """"…, the ministry said" / "kata Singh": the source of the sentence, not an object."""
        after = [t for t in self.sv.tokens if t.start >= m.end][:1]
        before = [t for t in self.sv.tokens if t.end <= _ext_start(m)][-1:]
        speech = self.ctx.rules.words.get("speech_verbs", frozenset())
        if after and after[0].text in speech and not self.sv.raw(m.end, after[0].start).strip(" ,"):
            # "A, after talks with B, said": an actor governed by a preposition is not the speaker
            prep = self._prev_word(m)
            return not (self.ctx.rules.has("object_preps", prep) or self.ctx.rules.has("comitative_preps", prep))
        if before and before[0].text in speech and not self.sv.raw(before[0].end, _ext_start(m)).strip(" ,"):
            return True
        # "…, erklärte das Ministerium": one article between the verb and the speaker
        two = [t for t in self.sv.tokens if t.end <= _ext_start(m)][-2:]
        return len(two) == 2 and two[0].text in speech and two[1].text in self.ctx.rules.words.get(
            "determiners", frozenset()) and not self.sv.raw(two[0].end, two[1].start).strip(" ,")

    def _first(self, cands: Sequence[Mention], allowed: frozenset[EntityType], *, object_slot: bool,
               skip_consumed: bool = False, exclude: str | None = None) -> _Arg | None:
        for m in cands:
            if skip_consumed and m.start in self.consumed:
                continue
            arg = _convert(m, allowed, self.ctx, object_slot=object_slot)
            if arg is not None and arg.entity_id != exclude:
                return arg
        return None

    def _coordinated(self, first: _Arg, allowed: frozenset[EntityType], forward: bool) -> list[_Arg]:
        """Actors joined to `first` by a conjunction ("A dan B", "A, B and C")."""
        chain: list[tuple[_Arg, str]] = []
        cur = first.mention
        while True:
            if forward:
                nxt = next((m for m in self.args if m.start > cur.end), None)
                kind = _conj_gap(self.sv, self.ctx, cur.end, _ext_start(nxt)) if nxt else None
            else:
                nxt = next((m for m in reversed(self.args) if m.end <= _ext_start(cur)), None)
                kind = _conj_gap(self.sv, self.ctx, nxt.end, _ext_start(cur)) if nxt else None
            if kind is None or nxt is None:
                break
            arg = _convert(nxt, allowed, self.ctx, object_slot=forward)
            if arg is None:
                break
            chain.append((arg, kind))
            cur = nxt
        # "A, B and C": commas count only in a list closed by a conjunction
        last_word = max((i for i, (_, kind) in enumerate(chain) if kind == "word"), default=-1)
        return [arg for arg, _ in chain[: last_word + 1]]

    def _agent_after(self, trig: PhraseMatch[Trigger], subj_types: frozenset[EntityType],
                     obj_types: frozenset[EntityType]) -> tuple[_Arg, _Arg] | None:
        """(actor, object) of a noun whose actor follows it in its clause: "dalam kunjungan A ke B",
        "à l'occasion du déplacement en B de A" (``agent_after`` triggers); None without both."""
        brk = _CLAUSE_BREAK.search(_PAREN_GAP.sub(lambda m: " " * len(m.group()),
                                                  self.sv.raw(trig.end, self.limit)))
        end = trig.end + brk.start() if brk else self.limit
        cands = [m for m in self._after(trig.end) if m.end <= end]
        agent = self._first(cands, subj_types, object_slot=False)
        if agent is None:
            return None
        obj = self._first([m for m in cands if m is not agent.mention], obj_types, object_slot=True,
                          exclude=agent.entity_id)
        return (agent, obj) if obj is not None else None

    def _governed(self, trig: PhraseMatch[Trigger], subj: _Arg) -> bool:
        """Whether a speech verb or a trigger of another relation stands between the subject and `trig` in
        one clause: the trigger (a noun such as "coup") is then reported or that verb's object."""
        if subj.mention.end > trig.start:
            return False
        between = self.sv.raw(subj.mention.end, trig.start)
        if _CLAUSE_BREAK.search(_PAREN_GAP.sub(" ", between)):
            return False
        if any(self.ctx.rules.has("speech_verbs", w) for w in _words_between(self.sv, subj.mention.end, trig.start)):
            return True  # "A said the coup …": a speaker
        return any(t.payload.relation != trig.payload.relation and subj.mention.end <= t.start and t.end <= trig.start
                   for t in self.triggers)

    def _noun_args(self, trig: PhraseMatch[Trigger], types: frozenset[EntityType],
                   other_types: frozenset[EntityType]) -> tuple[_Arg | None, _Arg | None]:
        """(holder, other party) of an agent noun ("supplier", "Waffenlieferant", "buyer").

        The holder is the actor before the noun: the copula's subject ("A is the main supplier of B")
        or the head of an apposition ("A, B's main arms supplier, …"). The other party is the
        possessive right before the noun, else the first actor after it in its clause ("of B",
        "Ägyptens", an origin adjective: "a buyer of French arms"). A one-word noun counts only with
        an arms word (``arms_words``, also as a compound's start: "Waffenlieferant") in its clause.
        """
        brk = _CLAUSE_BREAK.search(self.sv.raw(trig.end, self.limit))
        end = trig.end + brk.start() if brk else self.limit
        arms = self.ctx.rules.words.get("arms_words", frozenset())
        if trig.first == trig.last and not any(t.text.startswith(w) for t in self.sv.tokens
                                               if trig.start <= t.start < end for w in arms):
            return None, None  # a bare "supplier" or "buyer" says arms only with an arms word (or compound)
        before = self._before(trig.start)
        poss = before[0] if before and _POSSESSIVE.match(self.sv.raw(before[0].end, trig.start)) else None
        if poss is not None:
            other = _convert(poss, other_types, self.ctx, object_slot=True)
            rest = [m for m in before[1:] if "," in self.sv.raw(m.end, poss.start)]
            holder = self._first(rest[:1], types, object_slot=False,
                                 exclude=other.entity_id if other else None)
            return holder, other
        holder = self._first(before, types, object_slot=False)
        after = [m for m in self._after(trig.end) if m.end <= end]
        other = self._first(after, other_types, object_slot=True, exclude=holder.entity_id if holder else None)
        return holder, other

    def run(self, trig: PhraseMatch[Trigger]) -> None:
        """Facts of one trigger."""
        rel = Relation(trig.payload.relation)
        spec = SPECS.get(rel)
        if spec is None:
            return
        strength = trig.payload.strength
        reverse = strength == "reverse"
        subj_types, obj_types = (spec.object, spec.subject) if reverse else (spec.subject, spec.object)
        if strength == "weak" and rel == Relation.MET_WITH:
            subj_types = obj_types = frozenset({P})
        penalty = 1.0
        self.trig_span = next(((a, b) for a, b in self.rel_spans if a <= trig.start < b), None)
        # "the cooperation which was built between A and B": the trigger noun heads the clause
        self.open_span = next(((a, b) for a, b in self.rel_spans
                               if a >= trig.end and not self.sv.raw(trig.end, a).strip(" ,")), None)
        pairs: list[tuple[_Arg, _Arg]] = []
        if strength == "mutual":
            # "A and B agreed to …", "A dan B sepakat …": a joint pledge ties the coordinated parties only
            subj = self._first(self._before(trig.start), subj_types, object_slot=False)
            partners = self._coordinated(subj, subj_types, forward=False) if subj is not None else []
            if subj is None or not partners:
                return
            pairs.append((partners[0], subj))
            subj = obj = None
        elif strength in _NOUN_STRENGTHS:
            is_agent = strength == "agent_noun"
            holder_types, other_types = (subj_types, obj_types) if is_agent else (obj_types, subj_types)
            holder, other = self._noun_args(trig, holder_types, other_types)
            subj, obj = (holder, other) if is_agent else (other, holder)
            if subj is None or obj is None:
                return
        elif reverse:
            subj, obj = self._reverse_args(trig, subj_types, obj_types)
        else:
            subj = self._first(self._before(trig.start), subj_types, object_slot=False,
                               skip_consumed=rel in _PERSON_LEVEL)
            obj = self._first(self._objects_after(trig), obj_types, object_slot=True,
                              exclude=subj.entity_id if subj else None)
            if strength == "agent_after":
                agent = self._agent_after(trig, subj_types, obj_types)
                if agent is not None:
                    subj, obj = agent
        if rel == Relation.SUPPLIES_ARMS_TO and not reverse and obj is not None \
                and obj.mention.start >= trig.end:
            origin = self._origin_supplier(obj, obj_types)
            if origin is not None:
                subj, obj = origin
        if reverse or strength == "mutual" or strength in _NOUN_STRENGTHS:
            pass  # roles come from the source and passive-agent words, or from the coordination, only
        elif subj is None:
            penalty = 0.85
            after = self._after(trig.end)
            words = self.sv.tokens
            nxt_word = next((t.text for t in words if t.start >= trig.end), "")
            if rel in SYMMETRIC_RELATIONS and self.ctx.rules.has("between", nxt_word) and after:
                a = _convert(after[0], subj_types, self.ctx, object_slot=False)
                if a is not None:
                    bs = self._coordinated(a, obj_types, forward=True)
                    if bs:
                        pairs.append((a, bs[0]))
            if not pairs and obj is not None:
                # "Before meeting A, B met C": the subject opens the main clause, right after the comma
                comma = self.sv.sentence.text.find(",", obj.mention.end - self.sv.start)
                if comma >= 0:
                    after_comma = self.sv.start + comma
                    opening = [m for m in self._after(after_comma)
                               if len(gap := _words_between(self.sv, after_comma, _ext_start(m))) <= 2
                               and not any(self.ctx.rules.has("conjunctions", w) for w in gap)]
                    # (", and B" continues a list of objects; it opens no clause)
                    subj = self._first(opening, subj_types, object_slot=False, exclude=obj.entity_id)
            if not pairs and subj is None and after:
                prev_word = [t.text for t in words if t.end <= after[0].start][-1:]
                passive = bool(prev_word) and self.ctx.rules.has("passive_agents", prev_word[0])
                # "joined the joint drills with the navy": a partner after "with" is not the subject
                partner = bool(prev_word) and self.ctx.rules.has("comitative_preps", prev_word[0])
                # "Im Mai lieferte Chile Panzer an Peru": a verb-second language puts the subject right
                # after a lower-case finite verb that an adverbial precedes
                inverted = self.ctx.rules.verb_final and strength == "strong" \
                    and not self.sv.raw(trig.start, trig.end)[:1].isupper() \
                    and len(_words_between(self.sv, trig.end, _ext_start(after[0]))) == 0
                if (rel in SYMMETRIC_RELATIONS or passive or strength == "weak" or inverted) and not partner:
                    subj = _convert(after[0], subj_types, self.ctx, object_slot=False)
                    if subj is not None:
                        obj = self._first(self._after(after[0].end), obj_types, object_slot=True,
                                          exclude=subj.entity_id)
        elif obj is not None:
            prev_word = [t.text for t in self.sv.tokens if t.end <= obj.mention.start][-1:]
            if prev_word and self.ctx.rules.has("passive_agents", prev_word[0]):
                swapped_s = _convert(obj.mention, subj_types, self.ctx, object_slot=False)
                swapped_o = _convert(subj.mention, obj_types, self.ctx, object_slot=True)
                if swapped_s is None or swapped_o is None:
                    return
                subj, obj = swapped_s, swapped_o
        verb_final = False
        if subj is not None and obj is None and not reverse and self.ctx.rules.verb_final:
            # "A hat bei einem Besuch B getroffen", "kündigten A an, … an B zu liefern": a clause-final
            # verb has both its actors before it, the first of the sentence being the subject
            first = self._first([m for m in self.args if m.end <= _ext_start(subj.mention) and self._visible(m)],
                                subj_types, object_slot=False, exclude=subj.entity_id)
            moved = _convert(subj.mention, obj_types, self.ctx, object_slot=True) \
                if subj.mention.entity_type in obj_types else None  # not "mit Pistorius … angekommen" → Germany
            if first is not None and moved is not None:
                subj, obj, verb_final = first, moved, True
        if subj is not None and obj is None and rel in SYMMETRIC_RELATIONS:
            partners = self._coordinated(subj, obj_types, forward=False)
            if partners:
                pairs.append((partners[0], subj))
        if subj is not None and rel == Relation.SEIZED_POWER_IN and self._governed(trig, subj):
            return  # "A condemned the coup", "B kritisierte den Putsch": A and B are no coup's agents
        if subj is not None and obj is None and rel == Relation.SEIZED_POWER_IN:
            actor = self.ctx.reg.get(subj.entity_id)
            country = (actor.country if actor else None) or self.ctx.person_role.get(
                subj.entity_id, (None, None))[1]
            if country:
                obj = _Arg(subj.mention, country, subj.confidence * 0.9)
        date_ = _nearest_date(self.ctx, self.sv.sentence, trig.start,
                              skip=[*(sp for sp in self.rel_spans if sp != self.trig_span), *self.name_spans])
        if subj is not None and obj is None and rel == Relation.ATTENDED:
            event = _event_after(self.sv, self.ctx, trig.end, date_)
            if event is not None:
                self.entities.append(event)
                obj = _Arg(subj.mention, event.id, 0.8)
        if subj is not None and obj is not None and rel in SYMMETRIC_RELATIONS and subj.mention.end <= trig.start:
            partners = self._coordinated(subj, subj_types, forward=False)
            if partners and obj.mention.start >= trig.end and not self.ctx.rules.has(
                    "comitative_preps", self._prev_word(obj.mention)):
                obj = None  # "A and B signed the deal for …": A with B, not with what follows
                pairs.append((partners[0], subj))
        if subj is None and obj is not None and rel in _CARRIED and rel in self.carried \
                and obj.mention.start >= trig.end:
            # "The measures hit A and B": the sanctioning actor of the article's previous sanctions
            carried = _Arg(obj.mention, self.carried[rel], obj.confidence * 0.8)
            objects = [obj, *self._coordinated(obj, obj_types, forward=True)]
            pairs += [(carried, o) for o in objects]
            obj = None
        if subj is not None and obj is not None:
            subjects = [subj, *self._coordinated(subj, subj_types, forward=False)]
            if verb_final:
                subjects += [a for a in self._coordinated(subj, subj_types, forward=True)
                             if a.mention.start < obj.mention.start and a.entity_id != obj.entity_id]
            objects = [obj, *self._coordinated(obj, obj_types, forward=True)] \
                if obj.mention.start >= trig.end else [obj]
            pairs += [(s, o) for s in subjects for o in objects]
            self.consumed.update(o.mention.start for o in objects)
        if not pairs:
            return
        # modality: from the subject (or the clause start) to the trigger
        first_start = min(p[0].mention.end for p in pairs)
        win_start = max(trig.start - _WINDOW, self.sv.start)
        if first_start <= trig.start:
            win_start = max(win_start, first_start)
        comma = self.sv.raw(win_start, trig.start).rfind(",")
        if comma >= 0:
            win_start = win_start + comma + 1
        status = _status(self.sv, self.ctx, win_start, trig.start)
        if strength == "mutual" and status == Modality.HAPPENED:
            status = Modality.AGREED
        asserted = status not in _NOT_ASSERTED and (status != Modality.PLANNED or spec.planned_is_fact)
        for s, o in pairs:
            if reverse:
                s, o = o, s
            subj_id, obj_id = s.entity_id, o.entity_id
            place: str | None = None
            if rel == Relation.VISITED and o.mention.entity_type == PL and o.entity_id == o.mention.entity_id:
                actor = self.ctx.reg.get(obj_id)
                place = obj_id
                if actor is not None and actor.country:
                    obj_id = actor.country
            if subj_id == obj_id or (rel in _BETWEEN_STATES and self._same_state(subj_id, obj_id)):
                continue  # "India signed … for its own navy" is no tie between two actors
            if rel == Relation.MET_WITH and self.ctx.rules.phrases["remote_contact"].find(
                    self.sv.tokens, self.sv.sentence.text, self.sv.start):
                continue  # a phone or video call is not a meeting
            if rel in _CARRIED and asserted:
                self.carried[rel] = subj_id
            if spec.has_place and place is None:
                place = _place_for(rel, obj_id, self.args, self.ctx)
            conf = _STRENGTH.get(strength, 0.6) * min(s.confidence, o.confidence) * penalty
            fact = Fact(subject=subj_id, relation=rel, object=obj_id, date=date_, place=place,
                        evidence=self.sv.sentence.text, sentence_index=self.sv.sentence.index,
                        start=self.sv.sentence.start, end=self.sv.sentence.end,
                        confidence=round(min(conf, 1.0), 3), status=status, extractor=EXTRACTOR,
                        event_type=RELATION_EVENT.get(rel))
            self.out.append((fact, asserted))


def _role_facts(sv: SentenceView, mentions: Sequence[Mention], seen: set[str], limit: int,
                reg: Registry) -> list[Fact]:
    out = []
    for m in mentions:
        if m.entity_type != P or m.start >= limit or m.entity_id in seen or m.how == "role-holder":
            continue  # a holder looked up from the title's dated role says nothing new about the role
        actor = reg.get(m.entity_id)
        # "Bundeskanzler Olaf Scholz": a title naming no state is a role of the person's registered state
        target = m.role_org or m.role_country or (actor.country if actor is not None else None)
        org = reg.get(m.role_org) if m.role_org else None
        if org is not None and org.state_office and m.role_country and m.role_kind == org.kind:
            target = m.role_country  # "Defence Minister of X" holds a role of the state X; the head of
            # an agency named with its ministry ("Kepala … Kemenhan") holds one of the ministry
        if not m.role or not target:
            continue
        seen.add(m.entity_id)
        out.append(Fact(subject=m.entity_id, relation=Relation.HOLDS_ROLE, object=target, date=None,
                        place=None, evidence=sv.sentence.text, sentence_index=sv.sentence.index,
                        start=sv.sentence.start, end=sv.sentence.end,
                        confidence=round(0.9 * m.confidence, 3), extractor=EXTRACTOR))
    return out


def _registry_role_facts(article: CleanArticle, mentions: Sequence[Mention], reg: Registry,
                         published: date | None, seen: set[str], skipped: set[int]) -> list[Fact]:
    """HOLDS_ROLE of registry people named without a title: their registered role on the article's date."""
    out = []
    for m in mentions:
        if m.entity_type != P or m.descriptor or m.entity_id in seen or m.sentence_index in skipped \
                or m.how == "role-holder":
            continue
        role = reg.role_on(m.entity_id, published)
        if role is None:
            continue
        org = reg.get(role.org) if role.org else None
        target = role.country if org is not None and org.state_office and role.country else role.org or role.country
        if not target:
            continue
        seen.add(m.entity_id)
        sent = next(s for s in article.sentences if s.index == m.sentence_index)
        out.append(Fact(subject=m.entity_id, relation=Relation.HOLDS_ROLE, object=target, date=None,
                        place=None, evidence=sent.text, sentence_index=sent.index, start=sent.start,
                        end=sent.end, confidence=round(0.8 * m.confidence, 3), extractor=EXTRACTOR))
    return out


def _key(f: Fact) -> tuple[str, str, str]:
    if f.relation in SYMMETRIC_RELATIONS:
        a, b = sorted((f.subject, f.object))
        return (a, f.relation.value, b)
    return (f.subject, f.relation.value, f.object)


def dedupe(facts: Sequence[Fact]) -> list[Fact]:
    """One fact per (subject, relation, object): the first evidence, the most precise date, a place."""
    kept: dict[tuple[str, str, str], Fact] = {}
    for f in facts:
        k = _key(f)
        cur = kept.get(k)
        if cur is None:
            kept[k] = f
            continue
        update: dict[str, object] = {}
        if len(f.date or "") > len(cur.date or ""):
            update["date"] = f.date
        if cur.place is None and f.place is not None:
            update["place"] = f.place
        if f.confidence > cur.confidence:
            update["confidence"] = f.confidence
        if update:
            kept[k] = cur.model_copy(update=update)
    return list(kept.values())


def extract_facts(
    article: CleanArticle,
    mentions: Sequence[Mention],
    *,
    registry: Registry | None = None,
    rules: Rules | None = None,
    published: date | None = None,
    dates: Sequence[DateMention] | None = None,
    views: Sequence[SentenceView] | None = None,
) -> FactsResult:
    """The facts an article states, from its resolved mentions (`views`: the sentences folded, if done)."""
    reg = registry or load_registry()
    rl = rules or load_rules(article.language)
    if dates is None:
        dates = find_dates(article.text, article.language, published)
    person_role: dict[str, tuple[str | None, str | None]] = {}
    for m in mentions:
        if m.entity_type == P and (m.role_org or m.role_country) and m.entity_id not in person_role:
            person_role[m.entity_id] = (m.role_org, m.role_country)
    for m in mentions:
        if m.entity_type == P and m.entity_id not in person_role:
            role = reg.role_on(m.entity_id, published)
            if role is not None:
                person_role[m.entity_id] = (role.org, role.country)
    ctx = _Ctx(article, reg, rl, person_role, dateline_place(article, mentions, reg), list(dates), published)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    result = FactsResult()
    found: list[tuple[Fact, bool]] = []
    roles_seen: set[str] = set()
    prev_facts: list[int] = []
    carried: dict[Relation, str] = {}
    for sv in views if views is not None else [view(sent) for sent in article.sentences]:
        sent = sv.sentence
        limit = _skip_from(sv, ctx)
        if limit is not None and limit <= sent.start + (len(sent.text) - len(sent.text.lstrip())):
            result.skipped_sentences.add(sent.index)
            prev_facts = []
            continue
        end = limit if limit is not None else sent.end
        ms = sorted(by_sentence.get(sent.index, []), key=lambda m: m.start)
        found += [(f, True) for f in _role_facts(sv, ms, roles_seen, end, reg)]
        sf = _SentenceFacts(sv, ms, ctx, end, carried)
        sf.triggers = longest(t for t in rl.triggers.find(sv.tokens, sent.text, sent.start) if rl.trigger_ok(sv, t))
        for trig in sf.triggers:
            if trig.end <= end:
                sf.run(trig)
        result.entities += sf.entities
        # "Pernyataan tersebut disampaikan … pada Selasa (22/6/2021)": the statement before is dated too
        anaphora = [h for h in rl.phrases["statement_anaphora"].find(sv.tokens[:4], sent.text, sent.start)
                    if h.first == 0]
        if anaphora:
            day = _nearest_date(ctx, sent, sent.start)
            if day:
                for i in prev_facts:
                    f, ok = found[i]
                    if f.date is None and f.relation != Relation.HOLDS_ROLE:
                        found[i] = (f.model_copy(update={"date": day}), ok)
        prev_facts = list(range(len(found), len(found) + len(sf.out)))
        found += sf.out
    found += [(f, True) for f in _registry_role_facts(article, mentions, reg, published, roles_seen,
                                                      result.skipped_sentences)]
    result.facts = dedupe([f for f, ok in found if ok])
    asserted_keys = {_key(f) for f in result.facts}
    result.withheld = dedupe([f for f, ok in found if not ok and _key(f) not in asserted_keys])
    return result
