"""Facts of one trigger: the arguments by trigger kind, then an explicit list of post-rules, then the facts.

`run` picks the argument finder of the trigger's strength (`ARGUMENT_FINDERS`), applies every rule of
`POST_RULES` in order (each may end the trigger without a fact), then emits one fact per (subject, object)
pair with its status, date, place and confidence.
"""

from __future__ import annotations

from collections.abc import Callable

from graph_schema.model import RELATION_EVENT, SYMMETRIC_RELATIONS, EntityType, Modality, Relation
from loaders import confidence
from loaders.facts.args import Arg, conj_gap, convert, ext_start, words_between
from loaders.facts.coups import between_parties, coup_agent, coup_state
from loaders.facts.events import event_after, quoted_event
from loaders.facts.receipts import arms_spans, clause_end
from loaders.facts.reference import coup_agent_linked, pair_reference, passive_parties
from loaders.facts.sentence import SentenceFacts
from loaders.facts.specs import (
    BETWEEN_STATES,
    CARRIED,
    CLAUSE_BREAK,
    EXTRACTOR,
    INTENDED_ONLY,
    NOT_ASSERTED,
    NOUN_STRENGTHS,
    ORG,
    PERSON_LEVEL,
    PL,
    SPECS,
    WINDOW,
    C,
    P,
)
from loaders.facts.state import TriggerState, start_state
from loaders.facts.whenwhere import nearest_date, place_for, status_between, tie_ended
from loaders.lang import Trigger, TriggerStrength
from loaders.models import Entity, Fact, Mention, MentionHow
from loaders.text import PhraseMatch, Token

Strength = TriggerStrength


# --- argument finders, one per trigger kind (False: no fact) -----------------------------------------

def _mutual_args(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A and B agreed to …", "A dan B sepakat …": a joint pledge ties the coordinated parties only."""
    subj = sf.first(sf.before(st.trig.start), st.subj_types, object_slot=False)
    partners = sf.coordinated(subj, st.subj_types, forward=False) if subj is not None else []
    if subj is None or not partners:
        return False
    st.pairs.append((partners[0], subj))
    return True


def _noun_args(sf: SentenceFacts, st: TriggerState) -> bool:
    """An agent noun: its holder and the other party ("A is the main arms supplier of B")."""
    is_agent = st.strength == Strength.AGENT_NOUN
    holder_types, other_types = (st.subj_types, st.obj_types) if is_agent else (st.obj_types, st.subj_types)
    holder, other = sf.noun_args(st.trig, holder_types, other_types)
    if st.rel == Relation.COOPERATES_WITH and other is not None and other.mention.entity_type == P:
        # "A is one of the biggest allies of B", B a person: political backing of B, not a tie of states
        st.rel, st.spec = Relation.SUPPORTS, SPECS[Relation.SUPPORTS]
        other = Arg(other.mention, other.mention.entity_id, other.mention.confidence)
    st.subj, st.obj = (holder, other) if is_agent else (other, holder)
    return st.subj is not None and st.obj is not None


def _reverse_args(sf: SentenceFacts, st: TriggerState) -> bool:
    """A purchase: the buyer before the trigger, the seller after a source word."""
    st.subj, st.obj = sf.reverse_args(st.trig, st.subj_types, st.obj_types)
    return True


def _destination_args(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A sends officers to B for training", "A mengirim perwira ke B untuk pelatihan": the destination
    (an actor right after a locative or recipient word, right before the purpose cue, or right after it:
    "zur Ausbildung nach B") is the subject; the nearest fitting actor before it the object."""
    dest = sf.destination(st.trig)
    if dest is None:
        return False
    st.subj = convert(dest, st.subj_types, sf.ctx, object_slot=False)
    city = sf.ctx.reg.get(dest.entity_id) if dest.entity_type == PL else None
    if st.subj is None and city is not None and city.country:  # "sent to <capital> for training": its state
        st.subj = Arg(dest, city.country, dest.confidence)
    if st.subj is None:
        return False
    st.obj = sf.first(sf.before(min(dest.start, st.trig.start)), st.obj_types, object_slot=True,
                      exclude=st.subj.entity_id)
    return st.obj is not None


def _plain_args(sf: SentenceFacts, st: TriggerState) -> bool:
    """The nearest fitting actor before the trigger, the first fitting one after it; an agent after it.

    "A reported that the chief attended …": who moves or meets is never an actor before a complementizer
    (``complementizers``); "a firm accused of …" names no accuser (`_charged`)."""
    if st.rel == Relation.CRITICIZED and _charged(sf, st):
        return False
    cands = sf.subjects_before(st.trig.start)
    if st.rel in (Relation.ATTENDED, Relation.VISITED):
        cands = _past_destinations(sf, cands)
    cause = sf.cause_word_before(st.trig.start)
    heads_phrase = cause is not None and len(words_between(sf.sv, cause.end, st.trig.start)) <= _CAUSE_HEAD_WORDS
    if cause is not None and heads_phrase:
        # "A, debido al apoyo a B, …", "despite Peru's criticism of B": the noun heading a causal or
        # concessive phrase has its holder inside the phrase, or none ("a pesar de las críticas de Perú")
        cands = [m for m in sf.before(st.trig.start) if m.start >= cause.end]
    if st.rel in PERSON_LEVEL:
        cands = [m for m in cands if not any(sf.ctx.rules.has("complementizers", w)
                                             for w in words_between(sf.sv, m.end, st.trig.start))]
    st.subj = sf.first(_coordinated_verb_subject(sf, st, cands), st.subj_types, object_slot=False,
                       skip_consumed=st.rel in PERSON_LEVEL)
    if heads_phrase and st.subj is None:
        return False  # (no holder found elsewhere: the actors around the phrase are the main clause's)
    st.obj = sf.first(sf.objects_after(st.trig), st.obj_types, object_slot=True,
                      exclude=st.subj.entity_id if st.subj else None)
    if st.strength == Strength.AGENT_AFTER:
        found = sf.agent_after(st.trig, st.subj_types, st.obj_types)
        if found is not None and found[1] is not None:
            st.subj, st.obj = found
        elif found is not None and st.subj is not None and st.subj.entity_id != found[0].entity_id \
                and st.subj.mention.entity_type != C:
            # "A received a visit from B": B went to the host's state
            host_mention = st.subj.mention
            host = _state_of(sf, host_mention)
            if host is not None and host != _state_of(sf, found[0].mention):
                st.subj = found[0]
                st.obj = Arg(host_mention, host, confidence.PERSON_FOR_STATE)
    return True


def _charged(sf: SentenceFacts, st: TriggerState) -> bool:
    """"a firm accused of …", "le Chili, accusé de …", "acusado de …": an accusation word (an ``alleged``
    cue) right before its charge (``charge_preps``) names the accused, no accuser ("a condamné de façon
    ferme …" is a criticism: only accusation words take a charge). So does a passive accusation ending its
    clause before a charge as an infinitive ("Chile, das beschuldigt wird, … zu liefern", "Chile wurde
    beschuldigt, …": ``infinitive_markers``)."""
    rules = sf.ctx.rules
    if not rules.has("charge_preps", sf.next_word(st.trig.end)) and not _passive_accusation(sf, st.trig):
        return False
    return _accusation(sf, st.trig.start, st.trig.end)


def _accusation(sf: SentenceFacts, start: int, end: int) -> bool:
    """Whether the words in [start, end) hold an accusation word (an ``alleged`` modality cue)."""
    sv = sf.sv
    words = sv.words_within(start, end)
    return any(h.payload == Modality.ALLEGED.value
               for h in sf.ctx.rules.modality.find(words, sv.sentence.text, sv.start))


def _passive_accusation(sf: SentenceFacts, trig: PhraseMatch[Trigger]) -> bool:
    """"das beschuldigt wird,", "Chile wurde beschuldigt,": an accusation with a passive or auxiliary word
    next to it, ending its clause (a comma right after), and an infinitive marker in the sentence."""
    rules, sv = sf.ctx.rules, sf.sv
    if sv.word_set.isdisjoint(rules.words.get("infinitive_markers", ())):
        return False
    aux = ("passive_cues", "auxiliaries")
    after = sv.words_within(trig.end, sv.sentence.end)[:1]
    before = sv.words_before(trig.start, 1)
    if after and any(rules.has(k, after[0].text) for k in aux):
        return sv.raw(after[0].end, sv.sentence.end).lstrip().startswith(",")
    return bool(before) and any(rules.has(k, before[0].text) for k in aux) \
        and sv.raw(trig.end, sv.sentence.end).lstrip().startswith(",")


_CHARGE_MARKER_WORDS = 2  # words between an infinitive marker and the verb ("zu liefern", "geliefert zu haben")


def _charged_act(sf: SentenceFacts, st: TriggerState) -> bool:
    """"Norwegen beschuldigt Chile, Waffen an Peru zu liefern", "Chile, das beschuldigt wird, Waffen an Peru
    geliefert zu haben, …": an act in a zu-infinitive clause (``infinitive_markers``) right after a clause with
    an accusation is the charge: alleged, its actor the accused (the actor after the accusation word, else the
    one before it or before its relative clause), its object in the infinitive clause."""
    rules, sv, trig = sf.ctx.rules, sf.sv, st.trig
    markers = rules.words.get("infinitive_markers", frozenset())
    if st.rel in _STANCES or sv.word_set.isdisjoint(markers):
        return True
    near = [*sv.words_before(trig.start, _CHARGE_MARKER_WORDS), *sv.words_within(trig.end, sv.sentence.end)[:1]]
    if not any(t.text in markers for t in near):
        return True
    text, base = sv.raw(sv.start, trig.start), sv.start
    c1 = text.rfind(",")
    if c1 < 0:
        return True
    c0 = text.rfind(",", 0, c1)
    lo, hi = base + c0 + 1, base + c1  # the clause before the infinitive's
    words = sv.words_within(lo, hi)
    cue = next((h for h in rules.modality.find(words, sv.sentence.text, sv.start)
                if h.payload == Modality.ALLEGED.value), None)
    if cue is None:
        return True
    after = [m for m in sf.mentions if cue.end <= m.start < hi]
    before = [m for m in reversed(sf.mentions) if m.end <= cue.start]  # "Chile, das beschuldigt wird"
    accused = sf.first(after or before, st.subj_types, object_slot=False)
    obj = sf.first([m for m in sf.mentions if hi < m.start and m.end <= trig.start], st.obj_types,
                   object_slot=True, exclude=accused.entity_id if accused else None)
    if accused is None or obj is None:
        return False
    st.subj, st.obj, st.charged = accused, obj, True
    return True


def _past_destinations(sf: SentenceFacts, cands: list[Mention]) -> list[Mention]:
    """"A sent 200 soldiers to B to take part in X": a destination (an actor right after a locative or
    recipient word, past articles) is not who attends or travels, when an actor before it in its clause is."""
    rules = sf.ctx.rules

    def destination(m: Mention) -> bool:
        word = next(iter(sf.words_before_past_articles(ext_start(m))), "")
        return rules.has("locative_preps", word) or rules.has("recipient_preps", word)

    out = list(cands)
    while len(out) > 1 and destination(out[0]) \
            and not CLAUSE_BREAK.search(sf.sv.raw(out[1].end, ext_start(out[0]))):
        out = out[1:]  # (nearest first: the destination is the nearest; the sender before it)
    return out


_CAUSE_HEAD_WORDS = 2  # words from a causal word to the noun heading its phrase ("en raison du soutien")
_SAME_STATEMENT_GAP = 2  # words between a verb trigger and a noun trigger of its relation ("signed a deal with")


def _coordinated_verb_subject(sf: SentenceFacts, st: TriggerState, cands: list[Mention]) -> list[Mention]:
    """"A ordered B's troops to leave and signed a pact with C", "A a reçu B et signé …": a lower-case
    trigger right after a conjunction (``conjunctions``) or a comma ("…, accusing C of …") continues the
    clause of the sentence's first actor,
    who is its subject, not the object of the verb before; the candidates, that actor first."""
    head = st.trig  # "… and signed a deal with C": the noun trigger after the verb is the same statement
    while (before := next((t for t in reversed(sf.triggers) if t.end <= head.start
                           and t.payload.relation == head.payload.relation
                           and len(words_between(sf.sv, t.end, head.start)) <= _SAME_STATEMENT_GAP), None)):
        head = before
    prev = sf.sv.words_before(head.start, 1)
    # "A imposed sanctions on B's firms, accusing C of …": a trigger right after a comma continues it too
    joined = bool(prev) and (sf.ctx.rules.has("conjunctions", prev[0].text)
                             or sf.sv.raw(prev[0].end, head.start).strip() == ",")
    if len(cands) < 2 or not joined or not sf.sv.raw(head.start, head.end).islower() \
            or head.payload.strength != Strength.STRONG:
        return cands
    opener = cands[-1]  # the farthest candidate: the one opening the sentence
    if not all(sf.ctx.rules.has("determiners", w) for w in words_between(sf.sv, sf.sv.start, ext_start(opener))):
        return cands  # the first actor opens no clause here ("In talks with A, B …"; "Le Chili" does)
    return [opener, *cands[:-1]]


ARGUMENT_FINDERS: dict[TriggerStrength, Callable[[SentenceFacts, TriggerState], bool]] = {
    Strength.MUTUAL: _mutual_args,
    Strength.AGENT_NOUN: _noun_args,
    Strength.REVERSE_NOUN: _noun_args,
    Strength.REVERSE: _reverse_args,
    Strength.DESTINATION: _destination_args,
    Strength.STRONG: _plain_args,
    Strength.WEAK: _plain_args,
    Strength.AGENT_AFTER: _plain_args,
}


# --- post-rules, in order (False: no fact) -------------------------------------------------------------

def _origin_supplier(sf: SentenceFacts, st: TriggerState) -> bool:
    """"deliveries of Russian S-400 to India": the origin adjective supplies, the recipient follows."""
    if st.rel == Relation.SUPPLIES_ARMS_TO and not st.reverse and st.obj is not None \
            and st.obj.mention.start >= st.trig.end:
        origin = sf.origin_supplier(st.obj, st.obj_types)
        if origin is not None:
            st.subj, st.obj = origin
    return True


_ORIGIN_WORDS = 6  # words between a purchase verb and the origin adjective of what it buys


def _origin_seller(sf: SentenceFacts, st: TriggerState) -> bool:
    """"Chile bought Norwegian frigates", "le Maroc a acheté des hélicoptères américains", "Chile kaufte
    norwegische Fregatten": with no seller after a source word, the origin adjective of what a purchase buys
    (a demonym right before or after an arms noun, ``goods_nouns`` or ``arms_words``, or a named weapon, in the
    verb's clause; or the state of the ships a ship noun names) is the seller."""
    if st.rel != Relation.SUPPLIES_ARMS_TO or not st.reverse or st.subj is None or st.obj is not None:
        return True
    sv = sf.sv
    end = clause_end(sv, st.trig, _ORIGIN_WORDS)
    if end is None:
        return True
    goods = arms_spans(sv, sf.ctx.rules, sf.mentions)
    for m in sf.mentions:
        if not st.trig.end <= m.start < end:
            continue
        if m.how == MentionHow.SHIP and C in st.obj_types:  # "bought Norwegian frigates": ships of Norway's navy
            fleet = sf.ctx.reg.get(m.entity_id)
            if fleet is not None and fleet.country and fleet.country != st.subj.entity_id:
                st.obj = Arg(m, fleet.country, m.confidence)
            return True
        if m.how != MentionHow.DEMONYM or m.entity_type != C or m.entity_id == st.subj.entity_id:
            continue
        nxt, prev = sv.words_after(m.end, 1), sv.words_before(m.start, 1)
        beside = [t.start for t in (*nxt, *prev)]
        if any(a <= at < b for at in beside for a, b in goods):
            seller = convert(m, st.obj_types, sf.ctx, object_slot=True)
            if seller is not None:
                st.obj = seller
            return True
    return True


_RECEIVING = frozenset({Relation.SUPPLIES_ARMS_TO, Relation.TRAINS, Relation.SUPPORTS})


def _adversative_object(sf: SentenceFacts, st: TriggerState) -> bool:
    """"drone deliveries against the regime", "Lieferungen gegen das Regime", "livraisons contre B": an
    actor after an adversative preposition (``adversative_preps``) receives no supply, training or support;
    nor, of a supply or training, one after a comitative one ("Polen hat mit B einen Vertrag über die
    Lieferung … unterzeichnet", "trains with B"): a partner is no recipient ("a backer of ties with B" backs B)."""
    obj = st.obj
    if st.rel not in _RECEIVING or st.reverse or obj is None:
        return True
    words = sf.words_before_past_articles(ext_start(obj.mention), 1)
    rules = sf.ctx.rules
    partner = st.rel != Relation.SUPPORTS and rules.has("comitative_preps", words[0]) if words else False
    return not (words and (rules.has("adversative_preps", words[0]) or partner))


_UNDER_WORDS = 4  # words an under word may stand before the sanctions noun ("under a Norwegian arms embargo")


def _under_sanctions(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A is under Norwegian sanctions", "A est sous sanctions norvégiennes", "A has been under a Norwegian
    arms embargo": after a word of being under (``under_preps``), the origin adjective next to the sanctions
    noun names who sanctions, the actor before the preposition who is sanctioned."""
    if st.rel != Relation.SANCTIONED or st.reverse or st.pairs:
        return True
    rules, sv, trig = sf.ctx.rules, sf.sv, st.trig
    under = next((t for t in reversed(sv.words_before(trig.start, _UNDER_WORDS)) if rules.has("under_preps", t.text)),
                 None)
    if under is None:
        return True
    near = [m for m in sf.args if m.how == MentionHow.DEMONYM and under.end <= m.start
            and len(words_between(sv, trig.end, m.start) if m.start >= trig.end
                    else words_between(sv, m.end, trig.start)) <= 1]
    target = next((m for m in sf.subjects_before(under.start)), None)
    if not near or target is None:
        return True
    sanctioner = convert(near[0], st.subj_types, sf.ctx, object_slot=False)
    sanctioned = convert(target, st.obj_types, sf.ctx, object_slot=True)
    if sanctioner is not None and sanctioned is not None and sanctioner.entity_id != sanctioned.entity_id:
        st.subj, st.obj = sanctioner, sanctioned
    return True


def _embargoed_supply(sf: SentenceFacts, st: TriggerState) -> bool:
    """"an embargo on arms deliveries to B", "эмбарго на поставки оружия в B", "prohibición de ventas de armas":
    a supply noun governed by a sanctions trigger right before it is what the sanction forbids, no supply."""
    if st.rel != Relation.SUPPLIES_ARMS_TO:
        return True
    def governs(t: PhraseMatch[Trigger]) -> bool:  # no actor and no clause break between the two nouns
        return t.payload.relation == Relation.SANCTIONED and t.end <= st.trig.start \
            and len(words_between(sf.sv, t.end, st.trig.start)) <= _EMBARGO_GAP \
            and not CLAUSE_BREAK.search(sf.sv.raw(t.end, st.trig.start)) \
            and not any(t.end <= m.start < st.trig.start for m in sf.mentions)

    return not any(governs(t) for t in sf.triggers)


_EMBARGO_GAP = 3  # words between a sanctions noun and the supply noun it governs ("embargo on the sale of")


def _assisted(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A will help B with the training of …", "A aidera B dans la formation …", "A akan membantu B dalam
    pelatihan …": the actor after a help verb (``assist_verbs``) is the one trained or supplied, the actor
    before the verb the trainer or supplier."""
    subj = st.subj
    if st.rel not in (Relation.TRAINS, Relation.SUPPLIES_ARMS_TO) or st.reverse or subj is None \
            or st.obj is not None or subj.mention.end > st.trig.start:
        return True
    rules = sf.ctx.rules
    verb = sf.words_before_past_articles(ext_start(subj.mention), 1)
    between = [w for w in words_between(sf.sv, subj.mention.end, st.trig.start) if not rules.has("determiners", w)]
    if not verb or not rules.has("assist_verbs", verb[0]) or len(between) > 1:
        return True
    helper = sf.first(sf.subjects_before(ext_start(subj.mention)), st.subj_types, object_slot=False,
                      exclude=subj.entity_id)
    helped = convert(subj.mention, st.obj_types, sf.ctx, object_slot=True)
    if helper is not None and helped is not None:
        st.subj, st.obj = helper, helped
    return True


def _is_company(sf: SentenceFacts, m: Mention) -> bool:
    """An organisation that is no state institution: a registry company, or one the article names that the
    registry lacks (found by its form or a company noun)."""
    if m.entity_type != EntityType.ORGANIZATION:
        return False
    actor = sf.ctx.reg.get(m.entity_id)
    return actor is None or actor.kind == "company"


def _contract_supply(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A signed a contract with B for the delivery of X", "A hat mit B einen Vertrag über die Lieferung von X
    unterzeichnet": of the signer and its partner (after a comitative word), the company supplies the other;
    two states or two companies say nothing of who delivers."""
    if st.rel != Relation.SUPPLIES_ARMS_TO or st.reverse or st.strength != Strength.STRONG or st.subj is None \
            or not sf.ctx.rules.has("comitative_preps", sf.word_before_actor(st.subj.mention)):
        return True
    partner = st.subj
    signer = sf.first(sf.subjects_before(ext_start(partner.mention)), st.subj_types, object_slot=False,
                      exclude=partner.entity_id)
    if signer is None:
        return True
    a, b = _is_company(sf, signer.mention), _is_company(sf, partner.mention)
    if a == b:
        return True
    seller, buyer = (signer, partner) if a else (partner, signer)
    recipient = convert(buyer.mention, st.obj_types, sf.ctx, object_slot=True)
    if recipient is not None:
        st.subj, st.obj = seller, recipient
    return True


def _maker_supplies(sf: SentenceFacts, st: TriggerState) -> bool:
    """"the delivery of Bayraktar drones to the Senegalese army", "la livraison de drones X à B": a supply
    noun with no supplier before it, a recipient and a registry weapon after it: the weapon's maker's state
    supplies."""
    if st.rel != Relation.SUPPLIES_ARMS_TO or st.reverse or st.subj is not None or st.obj is None \
            or st.strength != Strength.STRONG:
        return True
    end = sf.clause_end(st.trig.end)
    for m in sf.args:
        actor = sf.ctx.reg.get(m.entity_id)
        if st.trig.end <= m.start < end and m.entity_type == EntityType.WEAPON and actor is not None \
                and actor.country and actor.country != st.obj.entity_id:
            st.subj = Arg(m, actor.country, m.confidence * confidence.WEAPON_MAKER_STATE)
            break
    return True


def _trained_abroad(sf: SentenceFacts, st: TriggerState) -> bool:
    """"the training of Senegalese pilots in Turkey", "la formation de pilotes sénégalais en Turquie": an
    origin adjective after a training noun is the trained state, a state after a locative word past it the
    trainer, when no other actor before the trigger trains ("Turkish instructors train Libyan pilots in
    Tripoli" keeps its subject)."""
    if st.rel != Relation.TRAINS or st.reverse or st.pairs:
        return True
    end = sf.clause_end(st.trig.end)
    after = [m for m in sf.args if st.trig.end <= m.start < end]
    origin = next((m for m in after if m.how == MentionHow.DEMONYM), None)
    def located(m: Mention) -> bool:
        words = sf.words_before_past_articles(ext_start(m), 1)
        return bool(words) and sf.ctx.rules.has("locative_preps", words[0])

    place = next((m for m in after if origin is not None and m.start >= origin.end
                  and m.how != MentionHow.DEMONYM and located(m)), None)
    if origin is None or place is None:
        return True
    trainer = convert(place, st.subj_types, sf.ctx, object_slot=False)
    trainee = convert(origin, st.obj_types, sf.ctx, object_slot=True)
    if trainer is None or trainee is None or trainer.entity_id == trainee.entity_id:
        return True
    subj = st.subj
    if subj is None or subj.mention.start >= st.trig.end or subj.entity_id == trainee.entity_id:
        st.subj, st.obj = trainer, trainee
    return True


def _not_own_state_visit(sf: SentenceFacts, st: TriggerState) -> bool:
    """A person does not visit the state of their own office: "the President of A received B's minister, on
    an official visit to A" is B's visit (the nearest person before the trigger of another state), or none."""
    subj, obj = st.subj, st.obj
    if st.rel != Relation.VISITED or subj is None or obj is None or subj.mention.entity_type != P:
        return True
    if _state_of(sf, subj.mention) != obj.entity_id:
        return True
    other = next((m for m in sf.before(st.trig.start) if m.entity_type == P and m.entity_id != subj.entity_id
                  and (own := _state_of(sf, m)) is not None and own != obj.entity_id), None)
    guest = convert(other, st.subj_types, sf.ctx, object_slot=False) if other is not None else None
    if guest is None:
        return False
    st.subj = guest
    return True


def _reliance(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A relies on B for its weapons", "A dépend de B pour ses armes", "A bergantung pada B untuk
    persenjataan": a reliance cue (``reliance_cues``, listed as a purchase trigger) makes the actor right
    after it the supplier, only with an arms word (``arms_words``) between the buyer and the clause's end
    ("relies on B for gas" is none)."""
    if not st.reverse or st.rel != Relation.SUPPLIES_ARMS_TO:
        return True
    trig, sv, rules = st.trig, sf.sv, sf.ctx.rules
    if not any(h.start == trig.start and h.end == trig.end
               for h in rules.phrases["reliance_cues"].find(sv.tokens, sv.sentence.text, sv.start)):
        return True
    end = sf.clause_end(trig.end)
    arms = rules.words.get("arms_words", frozenset())
    begin = ext_start(st.subj.mention) if st.subj is not None else trig.start  # "A ist bei Waffen abhängig von B"
    if not any(t.text.startswith(w) for t in sv.tokens if begin <= t.start < end for w in arms):
        return False
    first = next((m for m in sf.after(trig.end) if m.start < end), None)
    if first is None or not all(rules.has("determiners", w) for w in words_between(sv, trig.end, ext_start(first))):
        return False
    seller = convert(first, st.obj_types, sf.ctx, object_slot=True)
    if seller is None or (st.subj is not None and seller.entity_id == st.subj.entity_id):
        return False
    st.obj = seller
    return True


def _plain_fallbacks(sf: SentenceFacts, st: TriggerState) -> bool:
    """For the plain kinds: a subject found elsewhere when none precedes; a passive agent swaps roles."""
    if st.reverse or st.strength in (Strength.MUTUAL, Strength.DESTINATION) or st.strength in NOUN_STRENGTHS:
        return True  # roles come from the source and passive-agent words, or from the coordination, only
    if st.subj is None:
        _subject_elsewhere(sf, st)
        return True
    if st.obj is not None:
        prev_words = sf.words_before_past_articles(st.obj.mention.start, 2)
        prev_word = prev_words[-1:]
        # "gegen die Regierung von A": "von" after a state's head noun is a genitive, no passive agent
        genitive = len(prev_words) == 2 and sf.ctx.rules.has("state_heads", prev_words[0])
        if prev_word and sf.ctx.rules.has("passive_agents", prev_word[0]) and not genitive:
            swapped_s = convert(st.obj.mention, st.subj_types, sf.ctx, object_slot=False)
            swapped_o = convert(st.subj.mention, st.obj_types, sf.ctx, object_slot=True)
            if swapped_s is None or swapped_o is None:
                return False
            st.subj, st.obj = swapped_s, swapped_o
    return True


def _subject_elsewhere(sf: SentenceFacts, st: TriggerState) -> None:
    """No subject before the trigger: "between A and B", after the subordinate clause, or after it."""
    st.penalty = confidence.NO_SUBJECT_BEFORE
    trig = st.trig
    after = sf.after(trig.end)
    # "a joint exercise codenamed "Blue Shield" between A and B": the name sits before "between"
    quoted = quoted_event(sf.sv, sf.ctx, trig.end, None)
    nxt_word = next((t.text for t in sf.sv.tokens if t.start >= (quoted[1] if quoted else trig.end)), "")
    if st.rel in SYMMETRIC_RELATIONS and sf.ctx.rules.has("between", nxt_word) and after:
        a = convert(after[0], st.subj_types, sf.ctx, object_slot=False)
        if a is not None:
            bs = sf.coordinated(a, st.obj_types, forward=True)
            if bs:
                st.pairs.append((a, bs[0]))
    if not st.pairs and st.obj is not None:
        # "Before meeting A, B met C": the subject opens the main clause, right after the comma
        comma = sf.sv.sentence.text.find(",", st.obj.mention.end - sf.sv.start)
        if comma >= 0:
            after_comma = sf.sv.start + comma
            opening = [m for m in sf.after(after_comma)
                       if len(gap := words_between(sf.sv, after_comma, ext_start(m))) <= 2
                       and not any(sf.ctx.rules.has("conjunctions", w) for w in gap)
                       and not (m.title_start is not None and m.title_start < after_comma)]
            # (", and B" continues a list of objects; it opens no clause; "…, President of X, B" is B's
            # title in apposition: the comma is inside B's mention, not the end of a clause)
            st.subj = sf.first(opening, st.subj_types, object_slot=False, exclude=st.obj.entity_id)
    if not st.pairs and st.subj is None and after:
        marked = _marked_actor(sf, after)
        if marked is not None:
            # "Bumisita sa Maynila si N": the actor marked after a verb-first trigger, past its destination
            _subject_after(sf, st, marked)
            if st.subj is not None:  # the object: another actor after the trigger (not the subject again)
                others = [m for m in after if m.entity_id != marked.entity_id]
                st.obj = sf.first(others, st.obj_types, object_slot=True, exclude=st.subj.entity_id)
            return
        # "встреча президентов России и Ирана A и B": a meeting's parties are its first fitting actors
        fitting = next((m for m in after if convert(m, st.subj_types, sf.ctx, object_slot=False)), after[0]) \
            if st.rel in SYMMETRIC_RELATIONS else after[0]
        _subject_after(sf, st, fitting)


def _marked_actor(sf: SentenceFacts, after: list[Mention]) -> Mention | None:
    """The first actor after the trigger that a passive-agent word marks ("si", "ang", "by"), in its clause."""
    for m in after:
        if CLAUSE_BREAK.search(sf.sv.raw(sf.trig_at or sf.sv.start, ext_start(m))):
            return None
        if sf.ctx.rules.has("passive_agents", sf.prev_word(m)):  # (the word itself: "si" is an article too)
            return m
    return None


def _subject_after(sf: SentenceFacts, st: TriggerState, first_after: Mention) -> None:
    """The subject right after the trigger: symmetric, passive, weak or verb-second inverted triggers."""
    rules, trig = sf.ctx.rules, st.trig
    # the word before the actor, past an article ("was led by the army")
    prev_word = [t.text for t in sf.sv.tokens if t.end <= first_after.start
                 and (rules.has("passive_agents", t.text) or not rules.has("determiners", t.text))][-1:]
    passive = bool(prev_word) and rules.has("passive_agents", prev_word[0])
    # "joined the joint drills with the navy": a partner after "with" is not the subject
    partner = bool(prev_word) and rules.has("comitative_preps", prev_word[0])
    # "Im Mai lieferte Chile Panzer an Peru"
    inverted = st.strength == Strength.STRONG and sf.inverted_subject(trig, first_after)
    if (st.rel in SYMMETRIC_RELATIONS or passive or st.strength == Strength.WEAK or inverted) and not partner:
        st.subj = convert(first_after, st.subj_types, sf.ctx, object_slot=False)
        if st.subj is not None:
            st.obj = sf.first(sf.after(first_after.end), st.obj_types, object_slot=True,
                              exclude=st.subj.entity_id)


_MEMBER_GAP = 2  # words between a member noun and its state ("soldiers in Gabon", "militares de Gabón")


def _soldiers_of_state(sf: SentenceFacts, st: TriggerState) -> bool:
    """"Gabonese soldiers seized power", "des militaires gabonais", "soldiers in Gabon": members of a state's
    forces (``member_nouns`` beside the state) who seize power are that state's armed forces."""
    if st.rel != Relation.SEIZED_POWER_IN or st.subj is not None or st.pairs:
        return True
    rules = sf.ctx.rules
    for m in sf.before(st.trig.start):
        if m.entity_type != C:
            continue
        near = [t.text for t in sf.sv.words_after(m.end, 1)] + \
            [t.text for t in sf.sv.words_before(m.start, 1 + _MEMBER_GAP)]
        if not any(rules.has("member_nouns", w) for w in near):
            continue
        forces = sf.ctx.reg.org_of_kind("armed_forces", m.entity_id)
        if forces is not None:
            st.subj = Arg(m, forces, m.confidence * confidence.REFERENCE)
        return True
    return True


_MILITARY_GAP = 3  # words between a military noun and the coup trigger ("the military has now seized power")


def _military_of_state(sf: SentenceFacts, st: TriggerState) -> bool:
    """"The military seized power in Guinea", "les militaires se sont emparés du pouvoir au Burkina Faso",
    "Militer merebut kekuasaan di Guinea": a common noun for the military (``military_nouns``) right before
    a coup trigger whose state follows it is that state's armed forces; where the verb comes last, the
    state may stand between noun and verb ("Das Militär hat in Guinea … die Macht übernommen")."""
    rules = sf.ctx.rules
    if st.rel != Relation.SEIZED_POWER_IN or st.pairs or (st.subj is not None and st.subj.mention.entity_type != C):
        return True
    clause = sf.sv.raw(sf.sv.start, st.trig.start)
    start = sf.sv.start + max(clause.rfind(","), clause.rfind(";"), -1) + 1
    nouns = [h for h in rules.phrases["military_nouns"].find(sf.sv.tokens, sf.sv.sentence.text, sf.sv.start)
             if start <= h.start and h.end <= st.trig.start]
    if not nouns:
        return True
    inside = [m for m in sf.mentions if start <= m.start and m.end <= st.trig.start]
    states = [m for m in inside if m.entity_type == C and m.start >= nouns[-1].end]
    if st.obj is not None and st.obj.mention.entity_type == C and st.obj.mention.start >= st.trig.end and not inside:
        state = st.obj.mention
    elif rules.verb_final and len(states) == 1 and inside == states:
        state = states[0]
    elif len(states) == 1 and inside == states and all(
            rules.has("determiners", w) or rules.has("title_links", w) or rules.has("affiliation_preps", w)
            for w in words_between(sf.sv, nouns[-1].end, states[0].start)):
        state = states[0]  # "l'armée gabonaise a renversé …", "военные Габона свергли …": the noun's own state
    else:
        return True  # no state, or an actor of the clause names whose military it is
    gap = len(sf.sv.words_within(nouns[-1].end, st.trig.start)) - len(sf.sv.words_within(state.start, state.end))
    forces = sf.ctx.reg.org_of_kind("armed_forces", state.entity_id)
    if forces is not None and gap <= _MILITARY_GAP + (1 if state.start < st.trig.start else 0):
        st.subj = Arg(state, forces, confidence.REFERENCE)
        st.obj = Arg(state, state.entity_id, confidence.SEIZED_COUNTRY)
    return True


_COUP_STATE_GAP = 4  # words from a coup noun to its state ("the coup d'État of 2020 in Mali")


def _coup_in_passing(sf: SentenceFacts, st: TriggerState) -> bool:
    """A coup named in passing, by no agent: "the 2021 coup in Guinea", "le coup d'État de 2020 au Mali",
    "kudeta 2021 di Myanmar" (its state after a locative word, a few words on), "since the 2020 coup, Mali's
    junta …" (after ``since_words``, the one state the sentence names): that state's armed forces seized
    power there."""
    rules = sf.ctx.rules
    if st.rel != Relation.SEIZED_POWER_IN or st.subj is not None or st.pairs:
        return True
    trig = st.trig
    if not any(h.start <= trig.start and trig.end <= h.end
               for h in rules.phrases["coup_nouns"].find(sf.sv.tokens, sf.sv.sentence.text, sf.sv.start)):
        return True  # a verb ("seized power") needs its agent
    states = [m for m in sf.mentions if m.entity_type == C]
    after = [m for m in states if m.start >= trig.end
             and len(gap := words_between(sf.sv, trig.end, m.start)) <= _COUP_STATE_GAP
             and gap and rules.has("locative_preps", gap[-1])]
    since_word, span = _coup_phrase(sf, trig)
    since = since_word is not None
    # a coup that happened is dated ("the 2021 coup", "the coup in Guinea in 2021") or counted from
    # ("since the coup"); "warned against a coup in X" is none
    dated = any(span[0] <= d.start and d.end <= span[1] for d in sf.ctx.dates if not d.weak)
    failed = rules.phrases["failed_coup_words"].find(sf.sv.tokens, sf.sv.sentence.text, sf.sv.start)
    if not (dated or since) or any(span[0] <= h.start and h.end <= span[1] for h in failed):
        return True
    if after:
        state = after[0]
    elif since and len(owners := _states_of(sf)) == 1:
        state = next(m for m in sf.mentions if _state_of(sf, m) in owners)
    else:
        return True
    forces = sf.ctx.reg.org_of_kind("armed_forces", state.entity_id)
    if forces is not None:
        st.subj = Arg(state, forces, confidence.REFERENCE)
        st.obj = Arg(state, state.entity_id, confidence.SEIZED_COUNTRY)
    return True


def _state_of(sf: SentenceFacts, m: Mention) -> str | None:
    """The state a mention is, or belongs to (an institution's, a person's office's)."""
    if m.entity_type == C:
        return m.entity_id
    actor = sf.ctx.reg.get(m.entity_id)
    return m.role_country or (actor.country if actor is not None else None)


def _states_of(sf: SentenceFacts) -> set[str]:
    """The states the sentence's actors are or belong to (None for an actor of no known state)."""
    return {s for m in sf.mentions if (s := _state_of(sf, m)) is not None} | \
        ({"?"} if any(_state_of(sf, m) is None for m in sf.mentions) else set())


def _agent_before_verb(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A wurde von B sanktioniert", "A fue por fin sancionado por B": in a passive (``passive_cues`` before
    the trigger) the actor after a passive agent word before the trigger is the subject, the actor before
    it the object."""
    subj = st.subj
    if subj is None or st.obj is not None or st.pairs or st.reverse or st.strength in NOUN_STRENGTHS \
            or subj.mention.end > st.trig.start:
        return True
    rules = sf.ctx.rules
    before = sf.words_before_past_articles(ext_start(subj.mention))
    if not before or not rules.has("passive_agents", before[0]) or not any(
            rules.has("passive_cues", t.text) for t in sf.sv.words_within(sf.sv.start, st.trig.start)):
        return True
    st.obj = sf.first(sf.before(ext_start(subj.mention)), st.obj_types, object_slot=True, exclude=subj.entity_id)
    return True


def _where_relative(sf: SentenceFacts, st: TriggerState) -> bool:
    """"The talks were held in X, where N arrived on Monday", "в X, куда прибыл N": a visit with no
    destination of its own goes to the place a locative relative word (``place_relatives``) follows."""
    if st.rel != Relation.VISITED or st.subj is None or st.obj is not None or st.pairs:
        return True
    subj_at = ext_start(st.subj.mention)
    for h in sf.ctx.rules.phrases["place_relatives"].find(sf.sv.tokens, sf.sv.sentence.text, sf.sv.start):
        if h.end > subj_at or h.end > st.trig.start:
            continue
        place = next((m for m in sf.before(h.start) if m.entity_type in (PL, C)), None)
        if place is not None and sf.sv.raw(place.end, h.start).strip() == ",":
            st.obj = convert(place, st.obj_types, sf.ctx, object_slot=True)
            break
    return True


def _verb_final(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A hat bei einem Besuch B getroffen": a clause-final verb has both its actors before it."""
    if sf.ctx.rules.verb_final and not st.reverse and st.obj is not None and st.subj is not None \
            and st.obj.mention.start >= st.trig.end and sf.sv.raw(st.trig.end, st.trig.end + 1) in (",", ";") \
            and sf.first([m for m in sf.args if m.end <= ext_start(st.subj.mention) and sf.visible(m)],
                         st.subj_types, object_slot=False, exclude=st.subj.entity_id) is not None:
        # "A hatte B Panzer überlassen, die an C weitergegeben wurden": the verb closes its clause with both
        # actors before it; an actor past the comma is another clause's
        st.obj = None
    subj = st.subj
    if subj is not None and st.obj is None and not st.reverse and sf.ctx.rules.verb_final \
            and sf.attributed(subj.mention):
        # "A hat B laut dem Ministerium … geliefert": the source of the sentence is no actor of the verb
        earlier = [m for m in sf.subjects_before(st.trig.start) if m.end <= ext_start(subj.mention)]
        subj = st.subj = sf.first(earlier, st.subj_types, object_slot=False)
    if subj is not None and st.obj is None and not st.reverse and sf.ctx.rules.verb_final:
        # the first of the sentence being the subject ("kündigten A an, … an B zu liefern")
        first = sf.first([m for m in sf.args if m.end <= ext_start(subj.mention) and sf.visible(m)],
                         st.subj_types, object_slot=False, exclude=subj.entity_id)
        moved = convert(subj.mention, st.obj_types, sf.ctx, object_slot=True) \
            if subj.mention.entity_type in st.obj_types else None  # not "mit Pistorius … angekommen" → Germany
        # "Kanada und Japan haben … kritisiert": coordinated subjects are never each other's object
        joined = first is not None and conj_gap(sf.sv, sf.ctx, first.mention.end, ext_start(subj.mention))
        if first is not None and moved is not None and not joined:
            st.subj, st.obj, st.verb_final = first, moved, True
    return True


_PAIR_MARKS = frozenset({"-", "\u2010", "\u2011", "\u2013", "/"})  # "India-Vietnam ties", "Chile–Peru", "A/B"


def _symmetric_partner(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A and B met": a symmetric relation without object pairs the coordinated subjects; so does a pair
    of states joined by a hyphen, a dash or a slash ("India-Vietnam defence ties", "la coopération
    franco-… ", "Chile–Peru talks")."""
    if st.subj is not None and st.obj is None and st.rel in SYMMETRIC_RELATIONS:
        partners = sf.coordinated(st.subj, st.obj_types, forward=False)
        if partners:
            st.pairs.append((partners[0], st.subj))
            return True
        subj = st.subj.mention
        prev = next((m for m in reversed(sf.args) if m.end <= subj.start), None)
        if prev is not None and prev.entity_type == subj.entity_type == C \
                and sf.sv.raw(prev.end, subj.start) in _PAIR_MARKS:
            partner = convert(prev, st.obj_types, sf.ctx, object_slot=False)
            if partner is not None and partner.entity_id != st.subj.entity_id:
                st.pairs.append((partner, st.subj))
    return True


def _when(sf: SentenceFacts, st: TriggerState) -> bool:
    """The date nearest the trigger, outside other relative clauses and outside names ("Marumex 2024"); a
    coup counted from ("since the 2021 coup", "depuis le coup d'État de juillet") only by a date of its own
    phrase, never by the main clause's ("…, which rules since the coup, denounced on Thursday …")."""
    sent = sf.sv.sentence
    skip = [*(sp for sp in sf.rel_spans if sp != sf.trig_span), *sf.name_spans]
    own = _since_coup_span(sf, st.trig) if st.rel == Relation.SEIZED_POWER_IN else None
    if own is None and st.strength in _NOUN_STRENGTHS:
        own = _apposition_span(sf, st.trig)
    if own is not None:
        skip += [(sent.start, own[0]), (own[1], sent.end)]
    else:  # "A, an ally of B since 2015, bought jets in 2019": the apposition's date is its own
        skip += [sp for t in sf.triggers if t.payload.strength in _NOUN_STRENGTHS
                 and (sp := _apposition_span(sf, t)) is not None and not sp[0] <= st.trig.start < sp[1]]
    # "imposed sanctions on Mali after the 2021 coup": the date of the event a sequence word names is its own
    skip += [sp for sp in sf.sequence_spans if not sp[0] <= st.trig.start < sp[1]]
    st.date = nearest_date(sf.ctx, sent, st.trig.start, skip=skip)
    if st.date is None and own is None and sf.anaphora_date is not None \
            and not any(a <= st.trig.start < b for a, b in sf.rel_spans) \
            and not any(sf.ctx.rules.has("sequence_words", t.text) for t in sf.sv.words_within(sf.sv.start,
                                                                                                st.trig.start)):
        # the main clause of "The agreement was signed by …, which …"; not "The visit comes weeks after N
        # travelled to …" (another event, before or after the one referred to)
        st.date = sf.anaphora_date
    return True


_NOUN_STRENGTHS = (Strength.AGENT_NOUN, Strength.REVERSE_NOUN)


def _apposition_span(sf: SentenceFacts, trig: PhraseMatch[Trigger]) -> tuple[int, int] | None:
    """The apposition that holds an agent noun ("A, a long-time ally of B since 2015, …"): from the comma
    right after an actor to the clause's end. It states a standing tie, dated only by its own words; the
    main clause's date ("…, bought jets in 2006") is another fact's."""
    text, base = sf.sv.sentence.text, sf.sv.sentence.start
    comma = text.rfind(",", 0, trig.start - base)
    if comma < 0 or CLAUSE_BREAK.search(text, comma + 1, trig.start - base):
        return None
    if not any(m.end <= base + comma and not text[m.end - base : comma].strip() for m in sf.mentions):
        return None
    brk = CLAUSE_BREAK.search(text, trig.end - base, sf.limit - base)
    return base + comma, base + brk.start() if brk else sf.limit


def _since_coup_span(sf: SentenceFacts, trig: PhraseMatch[Trigger]) -> tuple[int, int] | None:
    """The phrase of a coup counted from that holds `trig` ("since the coup that toppled B"): from the
    ``since_words`` word to a few words after the coup trigger."""
    for t in sf.triggers:
        if t.payload.relation != Relation.SEIZED_POWER_IN or t.start > trig.start:
            continue
        since, (_, end) = _coup_phrase(sf, t)
        if since is not None and trig.start < end:
            return since.start, end
    return None


def _coup_phrase(sf: SentenceFacts, trig: PhraseMatch[Trigger]) -> tuple[Token | None, tuple[int, int]]:
    """A coup trigger's phrase: the ``since_words`` word among the three words before it, if any, and the
    span from those words to a few after it (where its date and state are read)."""
    lo, hi = sf.sv.words_before(trig.start, 3), sf.sv.words_after(trig.end, _COUP_STATE_GAP + 2)
    since = next((w for w in lo if sf.ctx.rules.has("since_words", w.text)), None)
    return since, (lo[0].start if lo else trig.start, hi[-1].end if hi else trig.end)


_OPENER_GAP = 3  # words between an event's name and the main clause's first actor ("…, Chile's minister N")


def _attended_event(sf: SentenceFacts, st: TriggerState) -> bool:
    """An attendance trigger without object: the event named right after it; "Speaking at the X, N said …":
    with no actor before the trigger, the actor opening the main clause after the event's name attends."""
    if st.subj is None and st.rel == Relation.ATTENDED and (st.obj is None or st.obj.mention.start >= st.trig.end):
        end = -1
        if st.obj is not None:
            end = st.obj.mention.end  # a registry event ("the Shangri-La Dialogue")
        elif (found := event_after(sf.sv, sf.ctx, st.trig.end, st.date)) is not None:
            at = sf.sv.sentence.text.find(found.name, st.trig.end - sf.sv.start)
            end = sf.sv.start + at + len(found.name) if at >= 0 else -1
        if end >= 0:
            # (a speaker too: "Speaking at X, N said …" — the speaker is who attends)
            opener = next((m for m in sf.args if m.start >= end and sf.visible(m)
                           and "," in sf.sv.raw(end, ext_start(m))
                           and len(words_between(sf.sv, end, ext_start(m))) <= _OPENER_GAP), None)
            subj = convert(opener, st.subj_types, sf.ctx, object_slot=False) if opener is not None else None
            if subj is not None:
                st.subj = subj
    if st.subj is not None and st.obj is None and st.rel == Relation.ATTENDED:
        event, search_from = event_after(sf.sv, sf.ctx, st.trig.end, st.date), st.trig.end
        if event is None and sf.ctx.rules.verb_final:
            event, search_from = _event_before_final_verb(sf, st), st.subj.mention.end
        if event is not None:
            sf.entities.append(event)
            at = sf.sv.sentence.text.find(event.name, search_from - sf.sv.start)
            if at >= 0:
                sf.event_spans.append((sf.sv.start + at, sf.sv.start + at + len(event.name)))
            st.obj = Arg(st.subj.mention, event.id, confidence.DISCOVERED_EVENT)
    return True


def event_name_spans(sf: SentenceFacts) -> list[tuple[int, int]]:
    """The names of the events after the sentence's attendance triggers ("am Rande des NATO-Gipfels"), found
    before any trigger runs: an actor inside one ("NATO") is no argument of the sentence's other triggers."""
    out: list[tuple[int, int]] = []
    for t in sf.triggers:
        if t.payload.relation != Relation.ATTENDED.value:
            continue
        event = event_after(sf.sv, sf.ctx, t.end, None)
        at = sf.sv.sentence.text.find(event.name, t.end - sf.sv.start) if event is not None else -1
        if event is not None and at >= 0:
            out.append((sf.sv.start + at, sf.sv.start + at + len(event.name)))
    return out


def _event_before_final_verb(sf: SentenceFacts, st: TriggerState) -> Entity | None:
    """"A nahm an der Sicherheitskonferenz teil", "A hat am Forum teilgenommen": a clause-final attendance
    verb has its event before it, after an attendance preposition (``attendance_preps``) following the
    subject; the verb must be written in lower case ("ein Teil der Armee" is a noun)."""
    sv, trig, subj = sf.sv, st.trig, st.subj
    if subj is None or not sv.raw(trig.start, trig.end).islower():
        return None
    preps = [t for t in sv.words_within(subj.mention.end, trig.start) if sf.ctx.rules.has("attendance_preps", t.text)]
    if not preps:
        return None
    event = event_after(sv, sf.ctx, preps[-1].end, st.date)
    if event is None or sv.sentence.text.find(event.name, preps[-1].end - sv.start) + len(event.name) \
            > trig.start - sv.start:
        return None
    return event


def _joint_subjects(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A and B signed the deal for …": A with B, not with what follows."""
    subj, obj, trig = st.subj, st.obj, st.trig
    if subj is not None and obj is not None and st.rel in SYMMETRIC_RELATIONS and subj.mention.end <= trig.start:
        partners = sf.coordinated(subj, st.subj_types, forward=False)
        if partners and obj.mention.start >= trig.end and not sf.ctx.rules.has(
                "comitative_preps", sf.prev_word(obj.mention)):
            st.obj = None
            st.pairs.append((partners[0], subj))
    return True


def _carried_actor(sf: SentenceFacts, st: TriggerState) -> bool:
    """"The measures hit A and B": the sanctioning actor of the article's previous sanctions."""
    obj = st.obj
    if st.subj is None and obj is not None and st.rel in CARRIED and st.rel in sf.carried \
            and obj.mention.start >= st.trig.end:
        carried = Arg(obj.mention, sf.carried[st.rel], obj.confidence * confidence.CARRIED_ACTOR)
        objects = [obj, *sf.coordinated(obj, st.obj_types, forward=True)]
        st.pairs += [(carried, o) for o in objects]
        st.obj = None
    return True


_GROUP_GAP = 2  # words between a demonym and the comma before its list ("Chinese state companies,")


_INCLUDED_GAP = 8  # words between a group and one of its members an inclusion word names (a title between)


def _group_listed(sf: SentenceFacts, st: TriggerState) -> bool:
    """"blacklisted two Chinese companies, A Ltd and B Co", "sanksi terhadap dua perusahaan Tiongkok, A dan
    B": the sanctions fall on the listed actors after the group noun (``group_nouns``), not on the state its
    origin adjective names."""
    obj = st.obj
    if st.rel != Relation.SANCTIONED or obj is None or obj.mention.entity_type != C \
            or obj.mention.start < st.trig.end:
        return True
    rules = sf.ctx.rules
    words = sf.sv.words_within(st.trig.end, obj.mention.start) + sf.sv.words_after(obj.mention.end, _GROUP_GAP)
    if not any(rules.has("group_nouns", t.text) for t in words):
        return True
    listed = next((m for m in sf.after(obj.mention.end) if m.entity_type in (P, ORG)), None)
    if listed is None:
        return True
    gap = sf.sv.raw(obj.mention.end, ext_start(listed))
    # "…, incluido el ministro de Defensa, N", "…, including Defence Minister N": an inclusion word
    # (``inclusion_words``) introduces the listed past their title
    gap_words = words_between(sf.sv, obj.mention.end, ext_start(listed))
    longest_gap = _INCLUDED_GAP if gap_words and rules.has("inclusion_words", gap_words[0]) else _GROUP_GAP + 1
    if (":" not in gap and "," not in gap) or len(gap.split()) > longest_gap:
        return True
    head = convert(listed, st.obj_types, sf.ctx, object_slot=True)
    if head is not None:
        st.obj = head
    return True


_GIVEN = frozenset({Relation.SUPPORTS, Relation.SUPPLIES_ARMS_TO, Relation.TRAINS})
_THANKS_REACH = 8  # words before the trigger searched for the gratitude verb ("thanked Norway for its support")


def _thanked_giver(sf: SentenceFacts, st: TriggerState) -> bool:
    """"Chile thanked Norway for its military support", "agradeceu ao Ruanda pelo apoio militar", "dankte
    Norwegen für die militärische Unterstützung": the one thanked for a support, supply or training (the first
    actor after a ``gratitude_verbs`` word, before the trigger, in its clause) gave it to the one who thanks
    (the actor before that word)."""
    if st.rel not in _GIVEN or st.reverse:
        return True
    rules, sv = sf.ctx.rules, sf.sv
    if sv.word_set.isdisjoint(rules.words.get("gratitude_verbs", ())):
        return True
    thanks = next((t for t in reversed(sv.words_before(st.trig.start, _THANKS_REACH))
                   if rules.has("gratitude_verbs", t.text)), None)
    if thanks is None or CLAUSE_BREAK.search(sv.raw(thanks.end, st.trig.start)):
        return True
    thanked = next((m for m in sf.args if thanks.end <= m.start < st.trig.start and sf.visible(m)), None)
    thanker = next(iter(sf.subjects_before(thanks.start)), None)
    giver = convert(thanked, st.subj_types, sf.ctx, object_slot=False) if thanked is not None else None
    taker = convert(thanker, st.obj_types, sf.ctx, object_slot=True) if thanker is not None else None
    if giver is not None and taker is not None and giver.entity_id != taker.entity_id:
        st.subj, st.obj = giver, taker
    return True


def _coordinated_pairs(sf: SentenceFacts, st: TriggerState) -> bool:
    """Coordinated subjects and objects ("A and B … to C and D") each make a pair; no pair, no fact."""
    subj, obj = st.subj, st.obj
    if subj is not None and obj is not None:
        subjects = [subj, *sf.coordinated(subj, st.subj_types, forward=False)]
        if st.verb_final or st.rel == Relation.ATTENDED:
            # "… between A and B on the sidelines of C": every party before the trigger attends
            before = st.trig.start if st.rel == Relation.ATTENDED else obj.mention.start
            subjects += [a for a in sf.coordinated(subj, st.subj_types, forward=True)
                         if a.mention.start < before and a.entity_id != obj.entity_id]
        if st.rel == Relation.ATTENDED:
            subjects += _meeting_partners(sf, st, subj)
            if len(subjects) == 1 and (met := _meeting_attendee(sf, st)) is not None:
                # "A met her Peruvian counterpart B on the sidelines of X": A and B attend, not "Peruvian"
                subjects = [met, *_meeting_partners(sf, st, met)]
        objects = [obj, *sf.coordinated(obj, st.obj_types, forward=True)] \
            if obj.mention.start >= st.trig.end else [obj]
        st.pairs += [(s, o) for s in subjects for o in objects]
        sf.consumed.update(o.mention.start for o in objects)
    return bool(st.pairs)


def _meeting_partners(sf: SentenceFacts, st: TriggerState, subj: Arg) -> list[Arg]:
    """"A met B on the sidelines of the summit": who met an attendee before the trigger, in the same
    sentence, attended too."""
    partners: list[Arg] = []
    for f, ok in sf.out:
        if not ok or f.relation != Relation.MET_WITH or subj.entity_id not in (f.subject, f.object):
            continue
        other = f.object if f.subject == subj.entity_id else f.subject
        m = next((m for m in sf.args if m.entity_id == other and m.end <= st.trig.start), None)
        if m is not None and all(p.entity_id != other for p in partners):
            partners.append(Arg(m, other, m.confidence))
    return partners


def _meeting_attendee(sf: SentenceFacts, st: TriggerState) -> Arg | None:
    """The first person of a meeting the sentence stated before an attendance trigger, when the attendee
    found is in no such meeting (a demonym or an institution named inside the meeting's clause)."""
    subj = st.subj
    for f, ok in sf.out:
        if not ok or f.relation != Relation.MET_WITH or (subj is not None and subj.entity_id in (f.subject, f.object)):
            continue
        m = next((m for m in sf.args if m.entity_id == f.subject and m.end <= st.trig.start), None)
        if m is not None and m.entity_type == P and (subj is None or subj.mention.start >= m.start):
            return Arg(m, f.subject, m.confidence)
    return None


_GENITIVE_GAP = 2  # words between a relation noun and its first party ("la coopération du Mali")


def _noun_parties(sf: SentenceFacts, st: TriggerState) -> bool:
    """"la coopération du Mali avec la Russie", "la cooperación de A con B", "die Zusammenarbeit Indiens mit
    Russland", "сотрудничество Индии с Россией": a symmetric relation noun followed by its first party (a
    genitive: ``genitive_preps`` or the case alone) and a comitative one names both; the actor before the
    noun ("Washington criticised …") is neither."""
    obj = st.obj
    if st.rel not in SYMMETRIC_RELATIONS or obj is None or st.pairs or obj.mention.start < st.trig.end:
        return True
    rules, sv = sf.ctx.rules, sf.sv
    gap = words_between(sv, st.trig.end, ext_start(obj.mention))
    if len(gap) > _GENITIVE_GAP or not all(rules.has("genitive_preps", w) or rules.has("determiners", w)
                                           for w in gap):
        return True
    nxt = next((m for m in sf.args if m.start >= obj.mention.end), None)
    if nxt is None:
        return True
    between = words_between(sv, obj.mention.end, ext_start(nxt))
    if not between or not rules.has("comitative_preps", between[0]) \
            or not all(rules.has("determiners", w) for w in between[1:]) \
            or CLAUSE_BREAK.search(sv.raw(obj.mention.end, ext_start(nxt))):
        return True
    first = convert(obj.mention, st.subj_types, sf.ctx, object_slot=False)
    other = convert(nxt, st.obj_types, sf.ctx, object_slot=True)
    if first is not None and other is not None and first.entity_id != other.entity_id:
        st.subj = st.obj = None
        st.pairs = [(first, other)]
    return True


def _exercise_parties(sf: SentenceFacts, st: TriggerState) -> bool:
    """"a joint exercise codenamed "Blue Shield" between A and B": each party also attends the exercise."""
    if st.rel != Relation.COOPERATES_WITH or not st.pairs or not sf.ctx.rules.phrases["event_nouns"].find(
            [t for t in sf.sv.tokens if st.trig.start <= t.start < st.trig.end], sf.sv.sentence.text, sf.sv.start):
        return True
    quoted = quoted_event(sf.sv, sf.ctx, st.trig.end, st.date)
    event = quoted[0] if quoted else event_after(sf.sv, sf.ctx, st.trig.end, st.date)
    if event is None:
        return True
    sf.entities.append(event)
    parties = {a.entity_id: a for pair in st.pairs for a in pair}
    spec = SPECS[Relation.ATTENDED]
    attend = TriggerState(st.trig, Relation.ATTENDED, spec, st.strength, False, spec.subject, spec.object,
                          date=st.date, penalty=st.penalty)
    attend.pairs = [(a, Arg(a.mention, event.id, confidence.DISCOVERED_EVENT)) for a in parties.values()]
    _emit(sf, attend)
    return True


_PRESENCE_WINDOW = 4  # words on either side of a meeting trigger where a presence cue makes it a venue


def _presence_not_meeting(sf: SentenceFacts, st: TriggerState) -> bool:
    """"Also present at the meeting were A and B", "Также на встрече присутствовали A и B": the meeting
    names where A and B were, not a meeting between them (``presence_cues``)."""
    if st.rel != Relation.MET_WITH:
        return True
    toks = sf.sv.tokens[max(0, st.trig.first - _PRESENCE_WINDOW) : st.trig.last + 1 + _PRESENCE_WINDOW]
    return not sf.ctx.rules.phrases["presence_cues"].find(toks, sf.sv.sentence.text, sf.sv.start)


_STANCES = frozenset({Relation.CRITICIZED, Relation.SUPPORTS})
# the act nouns whose target a stance on them is not about: criticising sanctions on B or arms sales to B is
# about their authors; supporting sanctions on B is no support of B (supporting ties with B is)
_TARGET_NOT_STANCE_OBJECT = {
    Relation.CRITICIZED: frozenset({Relation.SANCTIONED, Relation.SUPPLIES_ARMS_TO}),
    Relation.SUPPORTS: frozenset({Relation.SANCTIONED}),
}
_OBJECT_GAP_WORDS = 3  # words between a stance verb and the act noun it takes ("condemned the new sanctions")


def _takes_as_object(sf: SentenceFacts, verb: PhraseMatch[Trigger], noun: PhraseMatch[Trigger]) -> bool:
    """Whether the trigger `noun` is the direct object of the trigger `verb` before it: a few words apart
    (determiners, adjectives), no clause break, no conjunction, no actor between them, no charge word ("was
    accused of supplying": the accused act is alleged, `_status`)."""
    if not verb.end <= noun.start:
        return False
    gap = sf.sv.words_within(verb.end, noun.start)
    return len(gap) <= _OBJECT_GAP_WORDS and not CLAUSE_BREAK.search(sf.sv.raw(verb.end, noun.start)) \
        and not any(sf.ctx.rules.has("conjunctions", t.text) or sf.ctx.rules.has("charge_preps", t.text)
                    for t in gap) \
        and not any(verb.end <= m.start < noun.start for m in sf.mentions)


def _passive_verb(sf: SentenceFacts, verb: PhraseMatch[Trigger]) -> int | None:
    """Where the words before a passive trigger verb end: before its ``passive_cues`` word among the few words
    before it ("fue duramente criticado"), or before the verb itself when a passive agent word follows it
    ("l'accordo criticato dall'Argentina"); None when the verb is not passive."""
    rules, sv = sf.ctx.rules, sf.sv
    before = sv.words_before(verb.start, _OBJECT_GAP_WORDS)
    before = [t for t in before if not CLAUSE_BREAK.search(sv.raw(t.end, verb.start))]
    cue = next((t for t in reversed(before) if rules.has("passive_cues", t.text)), None)
    if cue is not None:
        return cue.start
    after = sv.words_within(verb.end, sv.sentence.end)[:1]
    return verb.start if after and rules.has("passive_agents", after[0].text) else None


def _passive_patient(sf: SentenceFacts, verb: PhraseMatch[Trigger], noun: PhraseMatch[Trigger]) -> bool:
    """Whether the trigger `noun` is the patient of the passive trigger `verb` after it ("el acuerdo fue
    criticado por B", "the deal was criticised by B"): a few words apart, no clause break, conjunction or
    actor between."""
    if not noun.end <= verb.start:
        return False
    gap = sf.sv.words_within(noun.end, verb.start)
    rules = sf.ctx.rules
    return len(gap) <= _OBJECT_GAP_WORDS and _passive_verb(sf, verb) is not None \
        and not CLAUSE_BREAK.search(sf.sv.raw(noun.end, verb.start)) \
        and not any(rules.has("conjunctions", t.text) for t in gap) \
        and not any(noun.end <= m.start < verb.start for m in sf.mentions)


def _noun_patient(sf: SentenceFacts, st: TriggerState) -> bool:
    """"…, where the deal was criticised by B", "donde el acuerdo fue criticado por B": a passive stance whose
    patient is a noun phrase (a determiner and a word after it before its passive word, in its clause, no
    actor between) is about that noun: no actor before the noun is its object."""
    rules, sv = sf.ctx.rules, sf.sv
    if st.rel not in _STANCES or (sv.word_set.isdisjoint(rules.words.get("passive_cues", ()))
                                  and sv.word_set.isdisjoint(rules.words.get("passive_agents", ()))):
        return True
    at = _passive_verb(sf, st.trig)
    if at is None:
        return True
    lo = max((m.end for m in sf.mentions if m.end <= at), default=sv.start)
    breaks = [b.end() for b in CLAUSE_BREAK.finditer(sv.raw(lo, at))]
    if breaks:
        lo += breaks[-1]  # the passive's own clause ("…, where the deal was")
    words = sv.words_within(lo, at)
    # a determiner with a word after it (not "a été": the French auxiliary is the English article)
    noun = next((t for k, t in enumerate(words) if rules.has("determiners", t.text) and k + 1 < len(words)
                 and not rules.has("passive_cues", words[k + 1].text)), None)
    if noun is None:
        return True  # "Chile fue criticado por B": the actor itself is the patient
    st.pairs = [p for p in st.pairs if not any(x.mention.end <= noun.start for x in p)]
    return bool(st.pairs)


def _stance_object(sf: SentenceFacts, st: TriggerState) -> bool:
    """"Norway condemned the sanctions on Ghana", "Chile criticó las sanciones contra Perú": an act noun that a
    stance verb (criticism, support) takes as its object is no act of the stance's subject, and the actor
    after a sanctions or arms-sales noun is the act's target, not what the stance is about. In the passive
    ("El acuerdo fue criticado por B", "The deal was criticised by B") the noun before the verb is what the
    stance is about: no actor before the noun is the stance's object, and the agent after the verb is no
    party of the noun's act."""
    trig = st.trig
    if len(sf.triggers) < 2:
        return True  # (a stance and an act noun are two triggers)
    if st.rel in _STANCES:
        acts = _TARGET_NOT_STANCE_OBJECT[st.rel]
        nouns = [t for t in sf.triggers if Relation(t.payload.relation) in acts and _takes_as_object(sf, trig, t)]
        st.pairs = [p for p in st.pairs if not any(p[1].mention.start >= n.end for n in nouns)]
        patients = [t for t in sf.triggers if t is not trig and _passive_patient(sf, trig, t)]
        st.pairs = [p for p in st.pairs if not any(x.mention.end <= n.start for x in p for n in patients)]
    else:
        stances = [t for t in sf.triggers if Relation(t.payload.relation) in _STANCES
                   and _takes_as_object(sf, t, trig)]
        st.pairs = [p for p in st.pairs if not any(p[0].mention.end <= v.start for v in stances)]
        passives = [t for t in sf.triggers if Relation(t.payload.relation) in _STANCES
                    and _passive_patient(sf, t, trig)]
        st.pairs = [p for p in st.pairs if not any(x.mention.start >= v.end for x in p for v in passives)]
    return bool(st.pairs)


POST_RULES: tuple[Callable[[SentenceFacts, TriggerState], bool], ...] = (
    _presence_not_meeting, coup_agent_linked, _origin_supplier, _origin_seller, _reliance, _plain_fallbacks,
    _under_sanctions, _embargoed_supply, _assisted, _maker_supplies, _trained_abroad, _not_own_state_visit,
    _soldiers_of_state, _military_of_state, _coup_in_passing,
    _agent_before_verb, _where_relative, _verb_final, _charged_act, _adversative_object, _contract_supply,
    _symmetric_partner,
    coup_agent, coup_state, _when,
    _attended_event, _noun_parties, _joint_subjects, between_parties, _carried_actor, passive_parties, pair_reference,
    _group_listed, _thanked_giver, _coordinated_pairs, _exercise_parties, _stance_object, _noun_patient,
)


# --- the facts ------------------------------------------------------------------------------------------

def _status(sf: SentenceFacts, st: TriggerState) -> Modality:
    """Negation and modality from the subject (or the clause start) to the trigger."""
    trig = st.trig
    first_start = min(p[0].mention.end for p in st.pairs)
    win_start = max(trig.start - WINDOW, sf.sv.start)
    if first_start <= trig.start:
        win_start = max(win_start, first_start)
    comma = sf.sv.raw(win_start, trig.start).rfind(",")
    head = (win_start, win_start + comma)  # the main clause before the trigger's clause
    if comma >= 0:
        win_start = win_start + comma + 1
    status = status_between(sf.sv, sf.ctx, win_start, trig.start)
    if status == Modality.HAPPENED and (st.charged or (first_start <= trig.start and _accused(sf, st))):
        status = Modality.ALLEGED
    if status == Modality.HAPPENED and comma >= 0 and first_start <= trig.start and "," not in sf.sv.raw(*head) \
            and status_between(sf.sv, sf.ctx, *head) == Modality.ALLEGED:
        # "Norwegen beschuldigt Chile, Gewehre an Peru geliefert zu haben": the clause the accusation opens
        status = Modality.ALLEGED
    if st.rel in INTENDED_ONLY and first_start <= trig.start and status in (Modality.HAPPENED, Modality.PLANNED):
        # "Kenya plans to buy drones", "Le Kenya envisage d'acheter", "Kenia erwägt, … zu kaufen": a stated
        # intention (``intention_cues``, in the trigger's clause or the one opening it) is no supply yet
        lo = head[0] if comma >= 0 and "," not in sf.sv.raw(*head) else win_start
        words = sf.sv.words_within(lo, trig.start)
        if words and sf.ctx.rules.phrases["intention_cues"].find(words, sf.sv.sentence.text, sf.sv.start):
            st.intended, status = True, Modality.PLANNED
    if tie_ended(sf.sv, sf.ctx, st.rel, first_start if first_start <= trig.start else sf.sv.start, trig.start):
        return Modality.DENIED
    if st.strength == Strength.MUTUAL and status == Modality.HAPPENED:
        status = Modality.AGREED
    if status == Modality.HAPPENED and any(sf.ctx.rules.future_form(sf.sv.raw(t.start, t.end))
                                           for t in sf.sv.tokens[trig.first : trig.last + 1]):
        status = Modality.PLANNED  # "Chile entrenará a pilotos peruanos", "la France livrera": a future form
    return status


_ACCUSED_WORDS = 3  # words before a subject searched for an accusation verb ("accusing the government of")


def _accused(sf: SentenceFacts, st: TriggerState) -> bool:
    """"A accused B of supplying C", "acusando a B de suministrar": the act of an accused subject is alleged
    (an ``alleged`` modality cue among the few words before the subject, in its clause)."""
    subj = min((p[0].mention for p in st.pairs), key=lambda m: m.start)
    at = ext_start(subj)
    words = sf.sv.words_before(at, _ACCUSED_WORDS)
    words = [t for t in words if not CLAUSE_BREAK.search(sf.sv.raw(t.end, at))]
    return any(h.payload == Modality.ALLEGED.value
               for h in sf.ctx.rules.modality.find(words, sf.sv.sentence.text, sf.sv.start))


def _emit(sf: SentenceFacts, st: TriggerState) -> None:
    """One fact per pair (a visit to a city is a visit to its state, the city its place)."""
    status = _status(sf, st)
    rel, spec = st.rel, st.spec
    asserted = status not in NOT_ASSERTED and (status != Modality.PLANNED or spec.planned_is_fact) and not st.intended
    for s, o in st.pairs:
        if st.reverse:
            s, o = o, s
        subj_id, obj_id = s.entity_id, o.entity_id
        place: str | None = None
        if rel == Relation.VISITED and o.mention.entity_type == PL and o.entity_id == o.mention.entity_id:
            actor = sf.ctx.reg.get(obj_id)
            place = obj_id
            if actor is not None and actor.country and sf.ctx.reg.get(actor.country) is not None:
                obj_id = actor.country  # (a place of a state the registry lacks stays the destination)
        if subj_id == obj_id or (rel in BETWEEN_STATES and sf.same_state(subj_id, obj_id)):
            continue  # "India signed … for its own navy" is no tie between two actors
        if rel == Relation.VISITED and o.mention.entity_type == P and o.mention.start >= st.trig.end:
            continue  # a visit goes to a place: a person named after it is no destination (a host before
            # it, "A received a visit from B", stands for A's state)
        if rel == Relation.MET_WITH and (P not in (s.mention.entity_type, o.mention.entity_type)
                                         or sf.members_of(s.mention) or sf.members_of(o.mention)):
            continue  # a person meets; "Tatmadaw officers", "officials of the junta" are not the institution
        if rel == Relation.SANCTIONED and sf.people_of_state(o.mention):
            continue  # "sanctioned a former Paraguayan official": a person or firm of the state, not the state
        if rel in (Relation.VISITED, Relation.ATTENDED) and sf.members_of(s.mention):
            continue  # "officials of the army visited X": some of its people travelled, not the institution
        if rel == Relation.MET_WITH and sf.ctx.rules.phrases["remote_contact"].find(
                sf.sv.tokens, sf.sv.sentence.text, sf.sv.start):
            continue  # a phone or video call is not a meeting
        if rel in CARRIED and asserted:
            sf.carried[rel] = subj_id
        if spec.has_place and place is None:
            place = place_for(rel, obj_id, sf.args, sf.ctx)
        strength = confidence.TRIGGER_STRENGTH.get(st.strength, confidence.DEFAULT_STRENGTH)
        conf = strength * min(s.confidence, o.confidence) * st.penalty
        sv = sf.sv
        fact = Fact(subject=subj_id, relation=rel, object=obj_id, date=st.date, place=place,
                    evidence=sv.sentence.text, sentence_index=sv.sentence.index,
                    start=sv.sentence.start, end=sv.sentence.end,
                    confidence=round(min(conf, 1.0), 3), status=status, extractor=EXTRACTOR,
                    event_type=RELATION_EVENT.get(rel),
                    weapon=_weapon(sf, st.trig) if rel == Relation.SUPPLIES_ARMS_TO else None)
        sf.out.append((fact, asserted))


def _weapon(sf: SentenceFacts, trig: PhraseMatch[Trigger]) -> str | None:
    """The weapon a supply names: the registry weapon nearest the trigger in its clause ("delivered six
    Su-30 jets to B", "B bought T-72 tanks from A", "the Rafale jets were delivered to B"), if any."""
    best: tuple[int, str] | None = None
    for m in sf.mentions:
        if m.entity_type != EntityType.WEAPON:
            continue
        a, b = (trig.end, m.start) if m.start >= trig.end else (m.end, trig.start)
        if b < a or CLAUSE_BREAK.search(sf.sv.raw(a, b)):
            continue
        if best is None or b - a < best[0]:
            best = (b - a, m.entity_id)
    return best[1] if best is not None else None


_ATTRIBUTION_REACH = 3  # words before a trigger noun searched for an attribution word ("according to the")


def _attributed_to(sf: SentenceFacts, trig: PhraseMatch[Trigger]) -> bool:
    """Whether an attribution word (``attribution_words``: according, selon, laut, según) stands among the
    few words before the trigger, in its clause, with no actor between: the trigger names the source."""
    rules = sf.ctx.rules
    if sf.sv.word_set.isdisjoint(rules.words.get("attribution_words", ())):
        return False
    words = sf.sv.words_before(trig.start, _ATTRIBUTION_REACH)
    for k, t in enumerate(words):
        if rules.has("attribution_words", t.text):
            rest = sf.sv.raw(t.end, trig.start)
            return not CLAUSE_BREAK.search(rest) and not any(t.end <= m.start < trig.start for m in sf.mentions) \
                and all(rules.has("determiners", w.text) or len(w.text) <= 2 for w in words[k + 1 :])
    return False


def run(sf: SentenceFacts, trig: PhraseMatch[Trigger]) -> None:
    """Facts of one trigger of the sentence."""
    rel = Relation(trig.payload.relation)
    spec = SPECS.get(rel)
    if spec is None:
        return
    if any(a <= trig.start < b for a, b in sf.event_spans):
        return  # "attended the signing ceremony": a trigger inside an event's name is none
    if _attributed_to(sf, trig):
        return  # "according to the agreement, …", "selon l'accord": the noun is a source, no act stated
    st = start_state(trig, rel, spec)
    sf.rel, sf.trig_at = rel, trig.start
    sf.trig_span = next(((a, b) for a, b in sf.rel_spans if a <= trig.start < b), None)
    # "the cooperation which was built between A and B": the trigger noun heads the clause
    sf.open_span = next(((a, b) for a, b in sf.rel_spans
                         if a >= trig.end and not sf.sv.raw(trig.end, a).strip(" ,")), None)
    if not ARGUMENT_FINDERS[st.strength](sf, st):
        return
    for rule in POST_RULES:
        if not rule(sf, st):
            return
    _emit(sf, st)
