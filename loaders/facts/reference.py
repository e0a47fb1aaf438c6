"""Reference across the article: phrases that name an actor the article named before.

- "the junta", "the regime", "la junte", "Militärführung" (``military_references``) stand for the military
  the article is about: the agent of the article's coup, else the armed forces of its coup's state;
- "the two countries", "both sides", "kedua negara", "стороны" (``pair_references``) stand for the two
  states the article has named most so far;
- "the two ministers", "les deux dirigeants", "kedua menteri" (``people_pair_references``) stand for the two
  people of the last meeting the article stated, up to `_MEETING_REACH` sentences back;
- "the West African country", "le pays sud-américain", "negara Asia Tenggara" (``region_words`` with
  ``region_nouns``) stand for the state of that region the article named last (its region: regions.yaml);
- a coup noun ("the coup", "le putsch", "the power grab": ``coup_nouns``) is the article's coup, an Event,
  so "A condemned the coup" is a criticism of that coup, not of a state named after it.

`Referents` keeps what earlier sentences named; `reference_mentions` turns a sentence's references into
mentions of their referents, which the argument finders then use like any other mention. A reference
whose referent is unknown names nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph_schema.model import SYMMETRIC_RELATIONS, EntityType, Relation
from loaders import confidence
from loaders.context import ArticleContext
from loaders.facts.args import Arg, convert, words_between
from loaders.facts.sentence import SentenceFacts
from loaders.facts.specs import CLAUSE_BREAK
from loaders.facts.state import TriggerState
from loaders.lang import Rules
from loaders.models import Entity, EntitySource, Fact, Mention, MentionHow
from loaders.text import PhraseMatch, SentenceView, Token, longest, slug

_PAIR = 2
_MEETING_REACH = 3  # sentences after a meeting in which "the two ministers" still stands for its two people
_COUP_OBJECT_OF = frozenset({Relation.CRITICIZED})  # "A condemned the coup"; the coup attends nothing
_QUALIFIER_GAPS = frozenset({"", "'s", "’s"})  # "Myanmar's junta", "the Thai junta", "junta militer Myanmar"
_MILITARY_KINDS = frozenset({"armed_forces", "army", "navy", "air_force"})


@dataclass
class Referents:
    """What the article has named so far: its states (with counts), its coup's agent and state, its coup."""

    states: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, int] = field(default_factory=dict)
    last_seen: dict[str, int] = field(default_factory=dict)  # state -> offset of its last mention so far
    coup_agent: str | None = None
    coup_state: str | None = None
    coup: Entity | None = None
    orgs: set[str] = field(default_factory=set)  # organisations named so far (not by reference)
    last_subject: tuple[int, str] | None = None  # (sentence index, person) of a sentence opened by a person
    meeting: tuple[int, str, str] | None = None  # (sentence index, person, person) of the last meeting stated
    meeting_states: tuple[str, str] | None = None  # the two states of that meeting's people, when both are known

    def note(self, ctx: ArticleContext, mentions: Sequence[Mention], facts: Sequence[tuple[Fact, bool]]) -> None:
        """Take in a sentence's state mentions, its person subject, its asserted coup facts and meetings."""
        first = next((m for m in mentions if not m.descriptor and m.entity_type != EntityType.COUNTRY), None)
        self.last_subject = (first.sentence_index, first.entity_id) \
            if first is not None and first.entity_type == EntityType.PERSON else None
        for m in mentions:
            if m.entity_type == EntityType.COUNTRY and m.how != MentionHow.EPITHET:
                self.states[m.entity_id] += 1
                self.first_seen.setdefault(m.entity_id, m.start)
                self.last_seen[m.entity_id] = max(m.start, self.last_seen.get(m.entity_id, -1))
            elif m.entity_type == EntityType.ORGANIZATION and m.how != MentionHow.EPITHET:
                self.orgs.add(m.entity_id)
        types = {m.entity_id: m.entity_type for m in mentions}
        for f, asserted in facts:
            if asserted and f.relation == Relation.SEIZED_POWER_IN:
                self.coup_agent, self.coup_state = f.subject, f.object
            if asserted and f.relation == Relation.MET_WITH and types.get(f.subject) == EntityType.PERSON \
                    and types.get(f.object) == EntityType.PERSON:
                index = next(m.sentence_index for m in mentions if m.entity_id == f.subject)
                self.meeting = (index, f.subject, f.object)
                a, b = _person_state(ctx, mentions, f.subject), _person_state(ctx, mentions, f.object)
                if (a is None) != (b is None):  # "N met a Russian delegation led by M": the sentence's other state
                    known = a or b
                    others = {m.entity_id for m in mentions if m.entity_type == EntityType.COUNTRY} - {known}
                    other = others.pop() if len(others) == 1 else None
                    a, b = (a, other) if a is not None else (other, b)  # (in the meeting's order)
                    if other is None:
                        a = b = None
                self.meeting_states = (a, b) if a is not None and b is not None and a != b else None

    def met(self, sentence_index: int) -> tuple[str, str] | None:
        """The two people of the last meeting stated, if it was at most `_MEETING_REACH` sentences back."""
        if self.meeting is None or sentence_index - self.meeting[0] > _MEETING_REACH:
            return None
        return self.meeting[1], self.meeting[2]

    def pair_at(self, sentence_index: int) -> tuple[str, str] | None:
        """The two states "the two sides" stands for in a sentence: those of the people of a meeting stated
        up to `_MEETING_REACH` sentences back ("N met M … The two sides discussed …"), else `pair`."""
        if self.met(sentence_index) is not None and self.meeting_states is not None:
            return self.meeting_states
        return self.pair()

    def pair(self) -> tuple[str, str] | None:
        """The two states named most so far (the earlier named first on a tie), if there are two."""
        ranked = sorted(self.states, key=lambda s: (-self.states[s], self.first_seen[s]))
        return (ranked[0], ranked[1]) if len(ranked) >= _PAIR else None

    def military(self, ctx: ArticleContext) -> str | None:
        """The military the article is about: its coup's agent, else its coup state's armed forces, else
        the one armed forces the article has named so far."""
        if self.coup_agent is not None:
            return self.coup_agent
        if self.coup_state is not None:
            return ctx.registry.org_of_kind("armed_forces", self.coup_state)
        forces = [o for o in self.orgs if (a := ctx.registry.get(o)) is not None and a.kind == "armed_forces"]
        return forces[0] if len(forces) == 1 else None


def _person_state(ctx: ArticleContext, mentions: Sequence[Mention], person: str) -> str | None:
    """The state of a person the sentence names: the state of the title it gives, else the registry's (the
    one state of the roles held on the publication day)."""
    titled = next((m.role_country for m in mentions if m.entity_id == person and m.role_country), None)
    if titled is not None:
        return titled
    actor = ctx.registry.get(person)
    if actor is None:
        return None
    day = ctx.published
    held = {r.country for r in actor.roles if r.country and (day is None or r.holds_on(day))}
    return actor.country or (held.pop() if len(held) == 1 else None)


def _mention(sv: SentenceView, hit: PhraseMatch[Any], entity_id: str, etype: EntityType) -> Mention:
    return Mention(sentence_index=sv.sentence.index, start=hit.start, end=hit.end,
                   surface=sv.raw(hit.start, hit.end), entity_id=entity_id, entity_type=etype,
                   how=MentionHow.EPITHET, confidence=confidence.REFERENCE)


def _free(hit: PhraseMatch[Any], mentions: Sequence[Mention]) -> bool:
    """Whether no mention of the sentence overlaps the phrase ("junta militer Myanmar" names its state)."""
    return not any(m.start < hit.end and hit.start < m.end for m in mentions)


def _is_military(ctx: ArticleContext, entity_id: str) -> bool:
    """Whether a registry actor is armed forces (or one of their services)."""
    actor = ctx.registry.get(entity_id)
    return actor is not None and actor.kind in _MILITARY_KINDS


def _qualifier(sv: SentenceView, hit: PhraseMatch[str], mentions: Sequence[Mention]) -> Mention | None:
    """The state mention that qualifies a military reference: "Myanmar's junta", "the Thai junta",
    "la junte malienne"."""
    for m in mentions:
        if m.entity_type != EntityType.COUNTRY or (m.start < hit.end and hit.start < m.end):
            continue
        gap = sv.raw(m.end, hit.start) if m.end <= hit.start else sv.raw(hit.end, m.start)
        if gap.strip() in _QUALIFIER_GAPS:
            return m
    return None


def _ruled_military(ctx: ArticleContext, sv: SentenceView, hit: PhraseMatch[str],
                    mentions: Sequence[Mention]) -> str | None:
    """"la junta militar que detenta el poder en Tailandia", "the junta ruling Chad": the armed forces of
    the state a ruling word (``ruling_words``) names in the reference's own clause."""
    brk = CLAUSE_BREAK.search(sv.raw(hit.end, sv.sentence.end))
    stop = hit.end + brk.start() if brk else sv.sentence.end
    for m in mentions:
        if m.entity_type == EntityType.COUNTRY and hit.end <= m.start < stop:
            if any(ctx.rules.has("ruling_words", w) for w in words_between(sv, hit.end, m.start)):
                return ctx.registry.org_of_kind("armed_forces", m.entity_id)
            return None
    return None


def _pronoun(ctx: ArticleContext, sv: SentenceView, mentions: Sequence[Mention], refs: Referents) -> list[Mention]:
    """"He also met …", "Il a rencontré …", "Ia bertemu …": a subject pronoun opening a sentence stands for
    the person who opened the sentence before it, in the same paragraph (no blank line between;
    ``subject_pronouns``). The
    registry knows no gender, so "he" and "she" alike take that person."""
    first = sv.tokens[0] if sv.tokens else None
    last = refs.last_subject
    if first is None or last is None or last[0] != sv.sentence.index - 1 \
            or not ctx.rules.has("subject_pronouns", first.text) or _article_as_written(sv, first, ctx.rules):
        return []
    gap = ctx.article.text[ctx.views[last[0]].sentence.end:sv.sentence.start] \
        if 0 <= last[0] < len(ctx.views) and ctx.views[last[0]].sentence.index == last[0] else "\n\n"
    if "\n\n" in gap or any(m.start < first.end for m in mentions):
        return []
    hit = PhraseMatch(0, 0, first.start, first.end, "pronoun")
    return [_mention(sv, hit, last[1], EntityType.PERSON)]


def _article_as_written(sv: SentenceView, tok: Token, rules: Rules) -> bool:
    """Whether a pronoun word is written as a determiner of the language, accents kept ("El acuerdo", not
    "Él"): the article, which folds like the pronoun."""
    return rules.has("determiners", sv.raw(tok.start, tok.end).lower())


def _clause_pronouns(ctx: ArticleContext, sv: SentenceView, mentions: Sequence[Mention]) -> list[Mention]:
    """"N arrived for a visit, during which he met …", "… au cours de laquelle il a rencontré …", "… в ходе
    которого он встретился …": a subject pronoun right after a relative pronoun (``relative_pronouns``)
    stands for the person who opens the sentence (its first actor, before the pronoun)."""
    rules = ctx.rules
    toks = sv.tokens
    if not toks or sv.word_set.isdisjoint(rules.words.get("subject_pronouns", frozenset())):
        return []  # (the sentence's word set, made once: no scan of its words)
    opener = next((m for m in mentions if not m.descriptor and m.entity_type != EntityType.COUNTRY), None)
    if opener is None or opener.entity_type != EntityType.PERSON:
        return []
    relative_ends = {h.end for h in rules.phrases["relative_pronouns"].find(toks, sv.sentence.text, sv.start)}
    out = []
    for i, tok in enumerate(toks[1:-1], start=1):
        nxt = toks[i + 1]
        if toks[i - 1].end not in relative_ends or tok.start < opener.end \
                or not rules.has("subject_pronouns", tok.text) or _article_as_written(sv, tok, rules):
            continue
        raw = sv.raw(tok.start, tok.end)
        # "durante la cual el ministro …": an article before a name or a title is no pronoun
        if not raw.islower() or not sv.raw(nxt.start, nxt.end).islower() \
                or any(m.start <= nxt.start < m.end or m.title_start == nxt.start for m in mentions):
            continue
        out.append(_mention(sv, PhraseMatch(i, i, tok.start, tok.end, "pronoun"), opener.entity_id, EntityType.PERSON))
    return out


def _region_state(ctx: ArticleContext, sv: SentenceView, hit: PhraseMatch[frozenset[str]],
                  mentions: Sequence[Mention], refs: Referents) -> str | None:
    """The state a description by region stands for ("the West African country", "le pays sud-américain",
    "negara Asia Tenggara"): the one of that region named last before it, in the sentence or before; a
    language with articles needs a definite one before it ("a West African country" describes, it refers
    to nothing)."""
    definite = ctx.rules.definite_articles
    if definite:
        before = sv.words_before(hit.start, 1)
        if not before or before[0].text not in definite:
            return None
    regions = ctx.registry.regions
    seen = dict(refs.last_seen)
    for m in mentions:
        if m.entity_type == EntityType.COUNTRY and m.end <= hit.start and m.how != MentionHow.EPITHET:
            seen[m.entity_id] = max(m.start, seen.get(m.entity_id, -1))
    cands = [(at, state) for state, at in seen.items() if not regions.get(state, frozenset()).isdisjoint(hit.payload)]
    return max(cands)[1] if cands else None


def _coup_event(ctx: ArticleContext, sv: SentenceView, hit: PhraseMatch[str], refs: Referents) -> Entity:
    """The article's coup as an Event (one per article), this surface and its determiner form added."""
    surface = sv.raw(hit.start, hit.end)
    before = [t for t in sv.tokens if t.end <= hit.start][-1:]
    written = [f"{sv.raw(before[0].start, hit.end)}"] if before and ctx.rules.has("determiners", before[0].text) \
        else []
    if refs.coup is None:
        year = str(ctx.published.year) if ctx.published else ""
        parts = ["coup", *( [refs.coup_state.lower()] if refs.coup_state else []), *([year] if year else [])]
        refs.coup = Entity(id=f"evt:{slug(' '.join(parts))}", type=EntityType.EVENT, name=surface, aliases=[],
                           source=EntitySource.DISCOVERED, mentions=0)
    aliases = [a for a in [surface, *written] if a not in refs.coup.aliases]
    refs.coup = refs.coup.model_copy(update={"aliases": [*refs.coup.aliases, *aliases],
                                             "mentions": refs.coup.mentions + 1})
    return refs.coup


@dataclass
class References:
    """A sentence's references as mentions of their referents, and the relations each span may fill."""

    mentions: list[Mention] = field(default_factory=list)
    replaced: set[int] = field(default_factory=set)  # starts of mentions a reference takes in ("the Thai junta")
    only_for: dict[tuple[int, int], frozenset[Relation]] = field(default_factory=dict)


def reference_mentions(ctx: ArticleContext, sv: SentenceView, mentions: Sequence[Mention],
                       refs: Referents) -> References:
    """Mentions of the referents of the sentence's references (none for a referent not known yet).

    "The two countries" fills only a symmetric relation's slots, "the coup" only a criticism's object.
    """
    out = References()
    for region_hit in longest(ctx.rules.regions.find(sv.tokens, sv.sentence.text, sv.start)):
        # a demonym inside the description is part of it ("o país sul-americano": not the American one)
        inside = [m for m in mentions if m.start < region_hit.end and region_hit.start < m.end]
        if any(m.how != MentionHow.DEMONYM or m.start < region_hit.start or m.end > region_hit.end for m in inside):
            continue
        state = _region_state(ctx, sv, region_hit, mentions, refs)
        if state is not None:
            out.replaced.update(m.start for m in inside)
            out.mentions.append(_mention(sv, region_hit, state, EntityType.COUNTRY))
    hits = ctx.rules.phrases["references"].find(sv.tokens, sv.sentence.text, sv.start)
    if not hits:
        out.mentions += _pronoun(ctx, sv, mentions, refs)
        out.mentions += _clause_pronouns(ctx, sv, mentions)
        return out
    for hit in longest(h for h in hits if h.payload == "military_references"):
        qualifier = _qualifier(sv, hit, mentions)
        inside = [m for m in mentions if m.start < hit.end and hit.start < m.end]
        military = ctx.registry.org_of_kind("armed_forces", qualifier.entity_id) if qualifier else None
        military = military or next((m.entity_id for m in inside if _is_military(ctx, m.entity_id)), None) \
            or refs.military(ctx) or _ruled_military(ctx, sv, hit, mentions)
        if military is None or any(m.entity_id != military for m in inside):
            continue
        # "the Thai junta", "Thailand's military rulers": the qualifier and that military's own mention
        # are part of the reference, which the relative clause after it takes as antecedent
        taken = [*inside, *([qualifier] if qualifier else [])]
        out.replaced.update(m.start for m in taken)
        hit = PhraseMatch(hit.first, hit.last, min([hit.start, *(m.start for m in taken)]),
                          max([hit.end, *(m.end for m in taken)]), hit.payload)
        out.mentions.append(_mention(sv, hit, military, EntityType.ORGANIZATION))
    pair = refs.pair_at(sv.sentence.index)
    for hit in (h for h in hits if h.payload == "pair_references"):
        if pair is not None and _free(hit, mentions):
            # two mentions over one span: the argument finders read them as coordinated (`coordinated`)
            out.mentions += [_mention(sv, hit, state, EntityType.COUNTRY) for state in pair]
            out.only_for[(hit.start, hit.end)] = SYMMETRIC_RELATIONS
    met = refs.met(sv.sentence.index)
    for hit in (h for h in hits if h.payload == "people_pair_references"):
        if met is not None and _free(hit, mentions):  # "the two ministers signed …": lifted to their states
            states = refs.meeting_states or (None, None)
            out.mentions += [_mention(sv, hit, person, EntityType.PERSON).model_copy(update={"role_country": state})
                             for person, state in zip(met, states, strict=True)]
            out.only_for[(hit.start, hit.end)] = SYMMETRIC_RELATIONS
    out.mentions += _pronoun(ctx, sv, mentions, refs)
    out.mentions += _clause_pronouns(ctx, sv, mentions)
    for hit in (h for h in hits if h.payload == "coup_nouns"):
        if _free(hit, mentions):
            out.mentions.append(_mention(sv, hit, _coup_event(ctx, sv, hit, refs).id, EntityType.EVENT))
            out.only_for[(hit.start, hit.end)] = _COUP_OBJECT_OF
    return out


def pair_reference(sf: SentenceFacts, st: TriggerState) -> bool:
    """"the two countries signed …", "kerja sama kedua negara": the pair is the relation's two parties,
    when it is the subject before the trigger or follows the trigger noun within two words."""
    if st.rel not in SYMMETRIC_RELATIONS:
        return True
    spans = [span for span, rels in sf.only_for.items() if rels is SYMMETRIC_RELATIONS]
    for a, b in spans:
        after = a >= st.trig.end and len(words_between(sf.sv, st.trig.end, a)) <= _PAIR
        subject = st.subj is not None and (st.subj.mention.start, st.subj.mention.end) == (a, b)
        if after or subject:
            twins = [m for m in sf.args if (m.start, m.end) == (a, b)]
            args = [convert(m, st.subj_types, sf.ctx, object_slot=False) for m in twins]
            if len(args) == _PAIR and args[0] is not None and args[1] is not None:
                st.subj = st.obj = None
                st.pairs = [(args[0], args[1])]
                return True
    return True


def coup_agent_linked(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A condemned the coup", "Macron called the coup illegitimate": a coup noun with an article ("the
    coup", "un putsch") has its agent before it only through a coup verb (``coup_verbs``: "staged",
    "mené", "verübt"); else only a passive agent after it ("the coup led by A") names one."""
    if st.rel != Relation.SEIZED_POWER_IN or st.subj is None or st.subj.mention.end > st.trig.start:
        return True
    rules, sv = sf.ctx.rules, sf.sv
    between = words_between(sv, st.subj.mention.end, st.trig.start)
    if any(rules.has("since_words", w) for w in between[-3:]):
        return _rules_since(sf, st, between)
    titled = next((m for m in sf.args if m.start >= st.trig.end), None)
    if titled is not None and titled.title_start is not None and not sv.raw(st.trig.end, titled.title_start).strip() \
            and len(between) > 1:
        return False  # "… demands that ousted President B be reinstated": the participle qualifies B
    if not any(h.start <= st.trig.start and st.trig.end <= h.end
               for h in rules.phrases["coup_nouns"].find(sv.tokens, sv.sentence.text, sv.start)):
        return True  # a verb ("a renversé", "seized power"): its subject, as before (French "a" is no article)
    # "the coup", "the attempted coup": a determiner up to one modifier before the noun
    prev = [t.text for t in sv.tokens if t.end <= st.trig.start][-2:]
    if not any(rules.has("determiners", w) for w in prev):
        return True  # "seized power", "dalam kudeta": a verb or a bare noun, as before
    if any(rules.has("coup_verbs", w) for w in between):
        return True
    nxt = [t.text for t in sv.tokens if t.start >= st.trig.end][:2]
    if any(rules.has("passive_agents", w) for w in nxt):
        st.subj = None  # the agent after "by" is found by the fallbacks
        return True
    return False


def _rules_since(sf: SentenceFacts, st: TriggerState, between: list[str]) -> bool:
    """"the junta, in power since the 2021 coup", "le CNSP, qui dirige le pays depuis le coup d'État": a coup
    in passing was seized by a military subject, or by one that rules since (``ruling_words``); "A has
    backed B since the coup" names no agent."""
    actor = sf.ctx.reg.get(st.subj.entity_id) if st.subj is not None else None
    military = actor is not None and actor.kind in _MILITARY_KINDS
    ruling = any(sf.ctx.rules.has("ruling_words", w) for w in between)
    return military or ruling


def passive_parties(sf: SentenceFacts, st: TriggerState) -> bool:
    """"The deal was signed in Lima", "Signed in 2014, the pact …": an agentless passive signing takes the
    two states the article named before (`Referents.pair`)."""
    if st.rel != Relation.SIGNED_AGREEMENT_WITH or st.pairs or st.subj is not None or sf.article_pair is None:
        return True
    rules, sv = sf.ctx.rules, sf.sv
    before = [t for t in sv.tokens if t.end <= st.trig.start]
    own = [t.text for t in sv.tokens if st.trig.start <= t.start < st.trig.end]
    opener = not sv.raw(sv.start, st.trig.start).strip()
    if not (opener or (before and rules.has("passive_cues", before[-1].text))
            or any(rules.has("passive_cues", w) for w in own)):
        return True
    nxt = next((t for t in sv.tokens if t.start >= st.trig.end), None)
    if (st.obj is not None and not opener) or (nxt is not None and sv.raw(nxt.start, nxt.end)[:1].isupper()):
        return True  # "was signed with B", "ditandatangani Pemerintah …": a party is named
    hit = Mention(sentence_index=sv.sentence.index, start=st.trig.start, end=st.trig.end,
                  surface=sv.raw(st.trig.start, st.trig.end), entity_id=sf.article_pair[0],
                  entity_type=EntityType.COUNTRY, how=MentionHow.EPITHET, confidence=confidence.REFERENCE)
    a, b = sf.article_pair
    st.obj = None
    st.pairs = [(Arg(hit, a, confidence.REFERENCE), Arg(hit, b, confidence.REFERENCE))]
    return True
