"""Reference across the article: phrases that name an actor the article named before.

- "the junta", "the regime", "la junte", "Militärführung" (``military_references``) stand for the military
  the article is about: the agent of the article's coup, else the armed forces of its coup's state;
- "the two countries", "both sides", "kedua negara", "стороны" (``pair_references``) stand for the two
  states the article has named most so far;
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

from graph_schema.model import SYMMETRIC_RELATIONS, EntityType, Relation
from loaders import confidence
from loaders.context import ArticleContext
from loaders.facts.args import convert, words_between
from loaders.facts.sentence import SentenceFacts
from loaders.facts.state import TriggerState
from loaders.models import Entity, EntitySource, Fact, Mention, MentionHow
from loaders.text import PhraseMatch, SentenceView, slug

_PAIR = 2
_COUP_OBJECT_OF = frozenset({Relation.CRITICIZED})  # "A condemned the coup"; the coup attends nothing


@dataclass
class Referents:
    """What the article has named so far: its states (with counts), its coup's agent and state, its coup."""

    states: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, int] = field(default_factory=dict)
    coup_agent: str | None = None
    coup_state: str | None = None
    coup: Entity | None = None

    def note(self, mentions: Sequence[Mention], facts: Sequence[tuple[Fact, bool]]) -> None:
        """Take in a sentence's state mentions and its asserted coup facts."""
        for m in mentions:
            if m.entity_type == EntityType.COUNTRY and m.how != MentionHow.EPITHET:
                self.states[m.entity_id] += 1
                self.first_seen.setdefault(m.entity_id, m.start)
        for f, asserted in facts:
            if asserted and f.relation == Relation.SEIZED_POWER_IN:
                self.coup_agent, self.coup_state = f.subject, f.object

    def pair(self) -> tuple[str, str] | None:
        """The two states named most so far (the earlier named first on a tie), if there are two."""
        ranked = sorted(self.states, key=lambda s: (-self.states[s], self.first_seen[s]))
        return (ranked[0], ranked[1]) if len(ranked) >= _PAIR else None

    def military(self, ctx: ArticleContext) -> str | None:
        """The military the article is about: its coup's agent, else its coup state's armed forces."""
        if self.coup_agent is not None:
            return self.coup_agent
        return ctx.registry.org_of_kind("armed_forces", self.coup_state)


def _mention(sv: SentenceView, hit: PhraseMatch[str], entity_id: str, etype: EntityType) -> Mention:
    return Mention(sentence_index=sv.sentence.index, start=hit.start, end=hit.end,
                   surface=sv.raw(hit.start, hit.end), entity_id=entity_id, entity_type=etype,
                   how=MentionHow.EPITHET, confidence=confidence.REFERENCE)


def _free(hit: PhraseMatch[str], mentions: Sequence[Mention]) -> bool:
    """Whether no mention of the sentence overlaps the phrase ("junta militer Myanmar" names its state)."""
    return not any(m.start < hit.end and hit.start < m.end for m in mentions)


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
    only_for: dict[tuple[int, int], frozenset[Relation]] = field(default_factory=dict)


def reference_mentions(ctx: ArticleContext, sv: SentenceView, mentions: Sequence[Mention],
                       refs: Referents) -> References:
    """Mentions of the referents of the sentence's references (none for a referent not known yet).

    "The two countries" fills only a symmetric relation's slots, "the coup" only a criticism's object.
    """
    rl, out = ctx.rules, References()
    text, start = sv.sentence.text, sv.start
    for hit in rl.phrases["military_references"].find(sv.tokens, text, start):
        military = refs.military(ctx)
        if military is not None and _free(hit, mentions):
            out.mentions.append(_mention(sv, hit, military, EntityType.ORGANIZATION))
    pair = refs.pair()
    for hit in rl.phrases["pair_references"].find(sv.tokens, text, start):
        if pair is not None and _free(hit, mentions):
            # two mentions over one span: the argument finders read them as coordinated (`coordinated`)
            out.mentions += [_mention(sv, hit, state, EntityType.COUNTRY) for state in pair]
            out.only_for[(hit.start, hit.end)] = SYMMETRIC_RELATIONS
    for hit in rl.phrases["coup_nouns"].find(sv.tokens, text, start):
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
    titled = next((m for m in sf.args if m.start >= st.trig.end), None)
    if titled is not None and titled.title_start is not None and not sv.raw(st.trig.end, titled.title_start).strip() \
            and len(between) > 1:
        return False  # "… demands that ousted President B be reinstated": the participle qualifies B
    prev = [t.text for t in sv.tokens if t.end <= st.trig.start][-1:]
    if not prev or not rules.has("determiners", prev[0]):
        return True  # "seized power", "dalam kudeta": a verb or a bare noun, as before
    if any(rules.has("coup_verbs", w) for w in between):
        return True
    nxt = [t.text for t in sv.tokens if t.start >= st.trig.end][:2]
    if any(rules.has("passive_agents", w) for w in nxt):
        st.subj = None  # the agent after "by" is found by the fallbacks
        return True
    return False
