"""Coups and the parties of a clause: post-rules of `loaders.facts.triggers` (`POST_RULES`).

- a coup's agent is never who names it ("A condemned the coup"); a coup naming no state seized power in
  its agent's own state, or, for an actor the registry does not know ("the transitional council", "the
  CMRN"), in the state it rules or the one state its sentence names;
- "A denounced the accords concluded between B and C": B and C are the agreement's parties.
"""

from __future__ import annotations

from graph_schema.model import SYMMETRIC_RELATIONS, Relation
from loaders import confidence
from loaders.facts.args import Arg, convert, words_between
from loaders.facts.sentence import SentenceFacts
from loaders.facts.specs import CLAUSE_BREAK, C
from loaders.facts.state import TriggerState
from loaders.models import Mention


def coup_agent(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A condemned the coup", "B kritisierte den Putsch": A and B are no coup's agents."""
    return not (st.subj is not None and st.rel == Relation.SEIZED_POWER_IN and sf.governed(st.trig, st.subj))


def coup_state(sf: SentenceFacts, st: TriggerState) -> bool:
    """A coup naming no state seized power in its agent's own state."""
    if st.subj is not None and st.obj is None and st.rel == Relation.SEIZED_POWER_IN:
        actor = sf.ctx.reg.get(st.subj.entity_id)
        country = (actor.country if actor else None) or sf.ctx.person_role.get(st.subj.entity_id, (None, None))[1]
        country = country or (None if actor is not None else _ruled_state(sf, st.subj.mention, st.trig.start))
        if country:
            st.obj = Arg(st.subj.mention, country, st.subj.confidence * confidence.SEIZED_COUNTRY)
    return True


def _ruled_state(sf: SentenceFacts, subj: Mention, trig_start: int) -> str | None:
    """The state of a coup by an actor the registry does not know ("the transitional council", "the CMRN"):
    the state it rules ("qui dirige le Tchad depuis le coup"), else the one state the sentence names."""
    states = [m for m in sf.mentions if m.entity_type == C]
    ruled = [m for m in states if subj.end <= m.start < trig_start
             and any(sf.ctx.rules.has("ruling_words", w) for w in words_between(sf.sv, subj.end, m.start))]
    if ruled:
        return ruled[0].entity_id
    ids = {m.entity_id for m in states}
    return ids.pop() if len(ids) == 1 else None


def between_parties(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A denounced the accords concluded between B and C": parties named after "between" in the trigger's
    clause are the relation's two parties, whoever precedes the trigger."""
    if st.rel not in SYMMETRIC_RELATIONS or st.pairs:
        return True
    rest = sf.sv.raw(st.trig.end, sf.sv.sentence.end)
    brk = CLAUSE_BREAK.search(rest)
    stop = st.trig.end + (brk.start() if brk else len(rest))
    word = next((t for t in sf.sv.tokens if st.trig.end <= t.start < stop and sf.ctx.rules.has("between", t.text)),
                None)
    if word is None:
        return True
    first = next((m for m in sf.after(word.end) if m.start < stop), None)
    a = convert(first, st.subj_types, sf.ctx, object_slot=False) if first is not None \
        and len(words_between(sf.sv, word.end, first.start)) <= 1 else None
    bs = sf.coordinated(a, st.obj_types, forward=True) if a is not None else []
    if a is not None and bs:
        st.subj = st.obj = None
        st.pairs.append((a, bs[0]))
    return True
