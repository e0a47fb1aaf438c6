"""One sentence's actors as seen from a trigger: visibility in relative clauses, candidates before and
after, coordination, speakers, and the argument finders of purchases, agent nouns and agents after."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from graph_schema.model import EntityType, Relation
from loaders import confidence
from loaders.facts.args import Arg, FactsCtx, conj_gap, convert, ext_start, words_between
from loaders.facts.events import in_event_name
from loaders.facts.specs import CLAUSE_BREAK, EV, EVENT_YEAR, PAREN_GAP, POSSESSIVE, SPELLING_GAP, C
from loaders.facts.whenwhere import relative_spans
from loaders.lang import Trigger, inflection
from loaders.models import Entity, Fact, Mention, MentionHow
from loaders.text import PhraseMatch, SentenceView, Token, norm

_PAIR_OF_WORDS = 2  # "officials of": a member noun and a link word
_CAUSE_WORDS = 7  # words from a causal word to an actor inside its phrase ("en raison du soutien à la guerre russe")
_ATTRIBUTION_WORDS = 3  # words between "X's" and the speech verb ("Seoul's defense ministry said")
_UNKNOWN_TITLE_WORDS = 4  # capitalised words between a state and a person's name ("US Secretary of War")
_OWNER_GAP = re.compile(r"\s*['’]s\s+(?:the\s+)?")  # "Sudan's RSF", "Russia's the …": a state's possessive
# organisations that speak and act for their state: "Britain's Foreign Office said …" is Britain's statement
_STATE_VOICES = frozenset({"defence_ministry", "foreign_ministry", "presidency", "security_council", "agency"})
_ANTECEDENT_GAP = 2  # words between a relative pronoun and its clause's trigger ("that then seized")


def _repeated_in_parentheses(sv: SentenceView, mentions: Sequence[Mention], m: Mention) -> bool:
    """"the African Union (AU)": an abbreviation in parentheses right after its own name is that mention."""
    if sv.raw(m.start - 1, m.start) != "(":
        return False
    prev = next((p for p in reversed(mentions) if p.end <= m.start), None)
    return prev is not None and prev.entity_id == m.entity_id and sv.raw(prev.end, m.start).strip() == "("


_PLAIN_WORDS = re.compile(r"\s+(?:[^\W\d_]+\s+)*")  # words and spaces only, between two names
_POSSESSIVE_WORDS = 2  # adjectives between a genitive possessor and its noun ("Katars engster Verbündeter")
_NEAR_OBJECT_WORDS = 3  # words after a tie's trigger within which its party needs no preposition
_OBJECT_PREP_WORDS = 2  # words between a trigger's own preposition and its object ("sanctions on the A")
_COPULA_WORDS = 3  # words between a copula's subject and the possessive ("is now also")
_DESTINATION_GAP = 2  # words between a purpose cue and the destination after it ("zur Ausbildung nach B")


class SentenceFacts:
    """Trigger-by-trigger extraction over one sentence."""

    def __init__(self, sv: SentenceView, mentions: list[Mention], ctx: FactsCtx, limit: int,
                 carried: dict[Relation, str]) -> None:
        self.sv = sv
        self.ctx = ctx
        self.limit = limit
        self.mentions = mentions
        self.rel_spans = relative_spans(sv, ctx.rules)
        # "the president of the transitional council that seized power": a title's organisation is no
        # argument, but the antecedent of the relative clause right after it is one inside that clause
        self.antecedents = {m.start: end for m in mentions if m.descriptor
                            if (end := self._relative_after(m)) is not None}
        self.trig_at: int | None = None  # where the current trigger starts
        self.args = [m for m in mentions if (not m.descriptor or m.start in self.antecedents) and m.start < limit
                     and not in_event_name(sv, ctx, m)
                     and not _repeated_in_parentheses(sv, mentions, m) and not self._place_state(mentions, m)
                     and not self._org_owner(mentions, m)]
        # "while", "tandis que", "mientras que": where another clause opens (``contrastive_conjunctions``)
        self.contrasts = [h.start for h in ctx.rules.phrases["contrastive_conjunctions"].find(
            sv.tokens, sv.sentence.text, sv.start)]
        self.consumed: set[int] = set()
        self.out: list[tuple[Fact, bool]] = []  # (fact, asserted)
        self.entities: list[Entity] = []
        self.trig_span: tuple[int, int] | None = None  # the relative clause holding the current trigger
        self.open_span: tuple[int, int] | None = None  # a relative clause the trigger noun heads
        self.carried = carried  # relation -> subject of its last fact in the article (shared by sentences)
        self.triggers: list[PhraseMatch[Trigger]] = []  # every trigger of the sentence, in text order
        self.event_spans: list[tuple[int, int]] = []  # names of the events discovered so far: no trigger inside
        self.sequence_spans: list[tuple[int, int]] = []  # "after the 2021 coup": another event's date (whenwhere)
        self.only_for: dict[tuple[int, int], frozenset[Relation]] = {}  # reference spans -> relations they fill
        self.rel: Relation | None = None  # the relation of the current trigger
        self.article_pair: tuple[str, str] | None = None  # the two states the article named most before
        self.anaphora_date: str | None = None  # "The contract was signed by …": the sentence before's date
        # "Marumex 2024", "Shangri-La Dialogue 2023": a year inside or right after an event's name dates nothing
        self.name_spans = [(m.start, m.end + (len(y.group()) if m.entity_type == EV and (
            y := EVENT_YEAR.match(sv.raw(m.end, sv.sentence.end))) else 0)) for m in mentions]

    def _relative_after(self, m: Mention) -> int | None:
        """Where the relative pronoun ("which", "that", "que", "yang") right after a mention ends, if any."""
        nxt = next((t for t in self.sv.tokens if t.start >= m.end), None)
        if nxt is None or self.sv.raw(m.end, nxt.start).strip(" ,"):
            return None
        rules = self.ctx.rules
        pronoun = any(a == nxt.start for a, _ in self.rel_spans) or rules.has("complementizers", nxt.text) \
            or rules.has("relative_words", nxt.text)
        return nxt.end if pronoun else None

    def _org_owner(self, mentions: Sequence[Mention], m: Mention) -> bool:
        """"Sudan's Rapid Support Forces", "Russia's Wagner group": a state in the possessive right before an
        organisation that does not stand for it (no ministry: "Britain's Foreign Office" is Britain's voice)
        only says whose the organisation is; the organisation is the actor."""
        if m.entity_type != C:
            return False
        nxt = next((o for o in mentions if o.start >= m.end), None)
        if nxt is None or nxt.entity_type != EntityType.ORGANIZATION \
                or not _OWNER_GAP.fullmatch(self.sv.raw(m.end, nxt.start)):
            return False
        actor = self.ctx.reg.get(nxt.entity_id)
        return actor is None or not (actor.state_office or actor.kind in _STATE_VOICES)

    def _place_state(self, mentions: Sequence[Mention], m: Mention) -> bool:
        """"in Lima, Peru": a state right after a place of it is that place's address, no actor."""
        if m.entity_type != C:
            return False
        prev = next((p for p in reversed(mentions) if p.end <= m.start), None)
        if prev is None or prev.entity_type != EntityType.PLACE or self.sv.raw(prev.end, m.start).strip() != ",":
            return False
        actor = self.ctx.reg.get(prev.entity_id)
        return actor is not None and actor.country == m.entity_id

    def visible(self, m: Mention) -> bool:
        """Whether an actor may fill a slot of the current trigger, given the relative clauses.

        A trigger inside a relative clause takes its arguments from the clause or from the antecedent
        right before the pronoun ("the junta, which seized power"; not "any state that buys … from
        Russia"), none from after the clause; a trigger outside one takes no argument from inside one. A
        reference fills only the relations it may (`loaders.facts.reference`).
        """
        rels = self.only_for.get((m.start, m.end))
        if rels is not None and self.rel not in rels:
            return False
        if any(a <= m.start < b for a, b in self.event_spans):
            return False  # "am Rande des NATO-Gipfels traf A B": a name inside an event's name is no actor
        if m.start in self.antecedents:
            at = self.trig_at
            return at is not None and at >= self.antecedents[m.start] \
                and len(words_between(self.sv, self.antecedents[m.start], at)) <= _ANTECEDENT_GAP
        if self.trig_span is not None:
            a, b = self.trig_span
            if ext_start(m) >= b:
                return False  # past the clause ("the junta, which seized power in 2021, met Russian officials")
            if ext_start(m) >= a:
                return True
            return not SPELLING_GAP.sub(" ", self.sv.raw(m.end, a)).strip(" ,")
        return not any(a <= m.start < b for a, b in self.rel_spans if (a, b) != self.open_span)

    def cause_word_before(self, at: int) -> Token | None:
        """The causal or concessive word (``cause_preps``, ``concessive_preps``: "wegen", "a pesar de", "despite")
        whose phrase reaches `at`: among the few words before it, in its clause, before any copula, auxiliary or
        (in a verb-final language) trigger ends the phrase."""
        rules = self.ctx.rules
        words = self.sv.word_set
        if words.isdisjoint(rules.words.get("cause_preps", ())) \
                and words.isdisjoint(rules.words.get("concessive_preps", ())):
            return None  # (the sentence has none of them: most sentences)
        for t in reversed(self.sv.words_before(at, _CAUSE_WORDS)):
            verb = self.sv.raw(t.start, t.end).lower() == t.text  # (not "à", folded like the verb "a")
            if CLAUSE_BREAK.search(self.sv.raw(t.end, at)) or (verb and rules.has("copulas", t.text)) \
                    or rules.has("auxiliaries", t.text) \
                    or (rules.verb_final and any(t.start <= g.start < at for g in self.triggers)):
                return None  # the phrase ended: "Wegen des Krieges hat Norwegen …"
            if rules.has("cause_preps", t.text) or rules.has("concessive_preps", t.text):
                return t
        return None

    def objects_after(self, trig: PhraseMatch[Trigger]) -> list[Mention]:
        """Object candidates: after the trigger; right after it when the trigger ends in a preposition
        ("sanctions on A", "sanksi terhadap A": not "sanctions on any state that buys from A")."""
        cands = [m for m in self.after(trig.end) if not self._venue(m, trig.payload.relation)
                 and not self._origin(m, trig.payload.relation) and not self._unintroduced_party(m, trig)
                 and not self._next_clause_subject(m, trig)]
        last = [t.text for t in self.sv.words_before(trig.end, 1)]
        if last and self.ctx.rules.has("object_preps", last[0]):
            rules = self.ctx.rules
            # "sanctions against the government of A": a state's government is the state
            cands = [m for m in cands if len([w for w in words_between(self.sv, trig.end, ext_start(m))
                                              if not (rules.has("state_heads", w) or rules.has("affiliation_preps", w))
                                              ]) <= _OBJECT_PREP_WORDS]
        return cands

    def _next_clause_subject(self, m: Mention, trig: PhraseMatch[Trigger]) -> bool:
        """"Iran supplied drones and Turkey sold rockets to B", "et la Turquie a vendu …": an actor after a
        conjunction (an article between them at most), right before a trigger of its own (an auxiliary
        between them at most: ``copulas``), opens the next clause; it is that trigger's subject, not this
        one's object."""
        rules = self.ctx.rules
        if not rules.has("conjunctions", next(iter(self.words_before_past_articles(ext_start(m))), "")):
            return False
        for t in self.triggers:
            if t is not trig and t.start >= m.end:
                gap = words_between(self.sv, m.end, t.start)
                return len(gap) <= 1 and all(rules.has("copulas", w) for w in gap) \
                    and not re.sub(r"\w+", "", self.sv.raw(m.end, t.start)).strip()
        return False

    def _unintroduced_party(self, m: Mention, trig: PhraseMatch[Trigger]) -> bool:
        """"signed a contract … amid an armament push after Russia's invasion of Ukraine": past the
        trigger's first few words, a tie's party is introduced by a preposition that takes a partner or a
        source ("with", "between", "from": ``comitative_preps``, ``between``, ``source_preps``,
        ``object_preps``) or a word that names one of several ("including": ``inclusion_words``); a state in
        an adverbial or a genitive is none."""
        if trig.payload.relation not in (Relation.SIGNED_AGREEMENT_WITH, Relation.COOPERATES_WITH) \
                or len(words_between(self.sv, trig.end, ext_start(m))) <= _NEAR_OBJECT_WORDS:
            return False
        rules = self.ctx.rules
        prev = self.words_before_past_articles(ext_start(m))
        return not prev or not any(rules.has(kind, prev[0]) for kind in
                                   ("comitative_preps", "between", "source_preps", "object_preps", "conjunctions",
                                    "inclusion_words"))

    def _origin(self, m: Mention, rel: str) -> bool:
        """"arrived from Nairobi", "прибыл из Найроби": a place or state after a source word is where a
        visitor came from, not the visit's destination."""
        return rel == Relation.VISITED and m.entity_type in (EntityType.PLACE, EntityType.COUNTRY) \
            and self.ctx.rules.has("source_preps", self.prev_word(m))

    def _venue(self, m: Mention, rel: str) -> bool:
        """"signed the deal in Lima": a place after a locative word that is no recipient word is where it
        happened, no party (a visit's destination aside)."""
        if m.entity_type != EntityType.PLACE or rel == Relation.VISITED:
            return False
        word = self.prev_word(m)
        rules = self.ctx.rules
        return rules.has("locative_preps", word) and not (rules.has("recipient_preps", word)
                                                          or rules.has("object_preps", word))

    def before(self, pos: int) -> list[Mention]:
        """Argument candidates ending before `pos`, nearest first."""
        return [m for m in reversed(self.args) if m.end <= pos and self.visible(m)]

    def subjects_before(self, pos: int) -> list[Mention]:
        """Subject candidates before `pos`, nearest first, but the head of an apposition that closes right
        before it first: "A, a long-time ally of B, bought …" (A, not B, bought); an actor inside a causal
        phrase ("wegen der Unterstützung des russischen Krieges", "because of B's support") is none."""
        cands = [m for m in self.before(pos) if self.cause_word_before(ext_start(m)) is None
                 and not self.attributed_before(m)]
        text = self.sv.raw(self.sv.start, pos).rstrip()
        if not cands or not text.endswith(","):
            return cands
        opening = next((m.start() for m in reversed(list(CLAUSE_BREAK.finditer(text, 0, len(text) - 1)))
                        if m.group() == ","), -1)  # (not the comma of "1,100")
        if opening < 0:
            return cands
        at = self.sv.start + opening
        head = next((m for m in cands if m.end <= at), None)
        if head is None or self.sv.raw(head.end, at).strip() or head is cands[0]:
            return cands
        return [head, *(m for m in cands if m is not head)]

    def after(self, pos: int) -> list[Mention]:
        """Argument candidates starting at or after `pos`, speakers left out, none past a contrastive
        conjunction after `pos` ("A welcomed the deal, while B …": B's is another clause)."""
        cut = next((c for c in self.contrasts if c >= pos), self.limit)
        return [m for m in self.args if pos <= m.start < cut and not self.speaker(m) and self.visible(m)]

    def same_state(self, a: str, b: str) -> bool:
        """Whether two actors are one state and an institution of it (or two institutions of one state)."""
        actor_a, actor_b = self.ctx.reg.get(a), self.ctx.reg.get(b)
        state_a = actor_a.country if actor_a is not None else None
        state_b = actor_b.country if actor_b is not None else None
        if state_a is None or state_b is None or state_a != state_b:
            return False
        return EntityType.COUNTRY in (actor_a.type if actor_a else None, actor_b.type if actor_b else None)

    def members_of(self, m: Mention) -> bool:
        """Whether an institution's mention names its members ("Tatmadaw officers", "officials of the
        junta", ``member_nouns``) rather than the institution."""
        if m.entity_type != EntityType.ORGANIZATION:
            return False
        rules = self.ctx.rules
        before = [t.text for t in self.sv.tokens if t.end <= m.start][-3:]
        genitive = len(before) >= _PAIR_OF_WORDS and any(
            rules.has("member_nouns", w) and rules.has("affiliation_preps", nxt)
            for w, nxt in pairwise(before))
        # "Tatmadaw officers" (head-final), "perwira Militer Thailand" (head-first), "officers of the army"
        return rules.has("member_nouns", self.next_word(m.end)) or (bool(before) and rules.has(
            "member_nouns", before[-1])) or genitive

    def people_of_state(self, m: Mention) -> bool:
        """Whether a state named by its demonym qualifies people or firms of it ("a former Paraguayan
        official", "un exfuncionario paraguayo", "two Chilean companies"): the noun beside it, past a
        ``former`` word, is a ``member_nouns``, ``group_nouns`` or ``individual_nouns`` word."""
        if m.entity_type != C or m.how != MentionHow.DEMONYM:
            return False
        rules = self.ctx.rules
        kinds = ("member_nouns", "group_nouns", "individual_nouns")
        after = [t.text for t in self.sv.words_after(m.end, 1)]
        before = [t.text for t in self.sv.words_before(m.start, 2) if not rules.has("former", t.text)][-1:]
        return any(rules.has(kind, w) for w in (*after, *before) for kind in kinds)

    def next_word(self, pos: int) -> str:
        """The folded word starting at or after `pos`."""
        return next((t.text for t in self.sv.tokens if t.start >= pos), "")

    def words_before_past_articles(self, pos: int, count: int = 1) -> list[str]:
        """The last `count` folded words before `pos`, articles (``determiners``) left out: "by the EU"
        gives "by"."""
        dets = self.ctx.rules.words.get("determiners", frozenset())
        tokens = self.sv.tokens
        out: list[str] = []
        j = self.sv.token_index_after_end(pos)  # (the words ending at or before `pos`, read backwards)
        while j > 0 and len(out) < count:
            j -= 1
            if tokens[j].text not in dets:
                out.append(tokens[j].text)
        return out[::-1]

    def prev_word(self, m: Mention) -> str:
        """The folded word right before a mention (its title included)."""
        prev = self.sv.words_before(ext_start(m), 1)
        return prev[0].text if prev else ""

    def reverse_args(self, trig: PhraseMatch[Trigger], buyer_types: frozenset[EntityType],
                      seller_types: frozenset[EntityType]) -> tuple[Arg | None, Arg | None]:
        """(buyer, seller) of a purchase trigger ("A bought X from B", "the purchase of X by A").

        The buyer is the actor before the trigger (or after a passive agent word); the seller is the
        actor after a source word ("from", "dari", "de", "von"), else the partner of a contract the buyer
        signed ("A signed a contract with B for the purchase of …": the actor before the trigger follows a
        comitative word), else the maker's state of a weapon named after the trigger; any other actor after
        the trigger fills neither role.
        """
        before = self.subjects_before(trig.start)
        buyer = self.first(before, buyer_types, object_slot=False)
        if buyer is not None and self.ctx.rules.verb_final \
                and self.ctx.rules.has("source_preps", self.word_before_actor(buyer.mention)):
            # "Kenia hat Drohnen von der Türkei gekauft": a clause-final purchase has its seller before it
            earlier = [m for m in before if m.end <= ext_start(buyer.mention)]
            source = convert(buyer.mention, seller_types, self.ctx, object_slot=True)
            earlier_buyer = self.first(earlier, buyer_types, object_slot=False, exclude=buyer.entity_id)
            if earlier_buyer is not None and source is not None:
                return earlier_buyer, source
        after = self.after(trig.end)
        if buyer is None and after and self.inverted_subject(trig, after[0]):
            buyer = convert(after[0], buyer_types, self.ctx, object_slot=False)  # "2019 kaufte Kenia …"
        seller: Arg | None = None
        partner: Arg | None = None
        if buyer is not None and self.ctx.rules.has("comitative_preps", self.prev_word(buyer.mention)):
            # "A signed a contract with B for the purchase of X": A buys, the contract's partner B sells
            signer = self.first([m for m in before if m.end <= ext_start(buyer.mention)], buyer_types,
                                object_slot=False, exclude=buyer.entity_id)
            if signer is not None:
                partner = convert(buyer.mention, seller_types, self.ctx, object_slot=True)
                buyer = signer
        for m in after:
            if buyer is not None and m is buyer.mention:
                continue
            word = self.word_before_actor(m)
            if buyer is None and self.ctx.rules.has("passive_agents", word):
                buyer = convert(m, buyer_types, self.ctx, object_slot=False)
            elif seller is None and not self._other_clause(trig, m) and (
                    self.ctx.rules.has("source_preps", word) or self._right_after_prep(trig, m)
                    or self._seller_after_object(trig, m, word)):
                seller = convert(m, seller_types, self.ctx, object_slot=True)
        seller = seller or partner  # a source named after the trigger ("… to buy tanks from C") comes first
        if seller is None:
            clause_end = CLAUSE_BREAK.search(self.sv.raw(trig.end, self.limit))
            end = trig.end + clause_end.start() if clause_end else self.limit
            for m in self.args:
                actor = self.ctx.reg.get(m.entity_id)
                if (trig.end <= m.start < end and m.entity_type == EntityType.WEAPON and actor is not None
                        and actor.country and C in seller_types):
                    seller = Arg(m, actor.country, m.confidence * confidence.WEAPON_MAKER_STATE)
                    break
        if buyer is not None and seller is not None and buyer.entity_id == seller.entity_id:
            return None, None
        return buyer, seller

    def inverted_subject(self, trig: PhraseMatch[Trigger], first_after: Mention) -> bool:
        """"Im Mai lieferte die Türkei Drohnen an B", "Laut dem Ministerium kaufte Kenia …": a verb-second
        language puts the subject right after a lower-case finite verb an adverbial precedes (articles
        between them at most)."""
        rules = self.ctx.rules
        return rules.verb_final and not self.sv.raw(trig.start, trig.end)[:1].isupper() \
            and all(rules.has("determiners", w) for w in words_between(self.sv, trig.end, ext_start(first_after)))

    def destination(self, trig: PhraseMatch[Trigger]) -> Mention | None:
        """The actor a purpose cue says people go to: right after a locative or recipient word and right
        before the cue ("to B for training"), else right after the cue, past such a word ("zur Ausbildung
        nach B", "на обучение в B")."""
        rules = self.ctx.rules

        def dest_word(w: str) -> bool:
            return rules.has("locative_preps", w) or rules.has("recipient_preps", w)

        before = self.before(trig.start)
        if before and dest_word(self.prev_word(before[0])) and not self.sv.raw(before[0].end, trig.start).strip():
            return before[0]
        after = self.after(trig.end)
        if after and dest_word(self.prev_word(after[0])) \
                and len(words_between(self.sv, trig.end, ext_start(after[0]))) <= _DESTINATION_GAP:
            return after[0]
        return None

    def word_before_actor(self, m: Mention) -> str:
        """The word before a mention, past an article ("de la France") or a company noun ("dari perusahaan
        Turki", "de l'entreprise turque": the seller is the company's state)."""
        words = self.words_before_past_articles(ext_start(m), 2)
        if len(words) == 2 and self.ctx.rules.has("company_nouns", words[1]):
            return words[0]
        prev = [t.text for t in self.sv.words_before(ext_start(m), 2)]
        rules = self.ctx.rules
        if len(prev) == 2 and rules.has("determiners", prev[1]) and not any(
                rules.has(kind, prev[1]) for kind in ("source_preps", "seller_preps", "recipient_preps")):
            return prev[0]  # "de la France": the word before the article (Spanish "a" is no English "a")
        return self.prev_word(m)

    def _other_clause(self, trig: PhraseMatch[Trigger], m: Mention) -> bool:
        """Whether a clause break stands between a trigger and a later actor, other than the commas of an
        inserted adverbial that closes before the actor's own phrase ("bought, in 2019, jets from B")."""
        # (a pair of commas brackets an insertion; an odd one opens a clause)
        return len(CLAUSE_BREAK.findall(self.sv.raw(trig.end, ext_start(m)))) % 2 == 1

    def _seller_after_object(self, trig: PhraseMatch[Trigger], m: Mention, word: str) -> bool:
        """"A compró fragatas a B", "A a acheté des chasseurs à B": after a purchase verb and its object, in
        the same clause, the indirect object's word (``seller_preps``) marks the seller; right after the
        verb it marks a person received ("recibió a su homólogo"), no seller."""
        if not self.ctx.rules.has("seller_preps", word):
            return False
        gap = self.sv.raw(trig.end, ext_start(m))
        return len(words_between(self.sv, trig.end, ext_start(m))) > 1 and not CLAUSE_BREAK.search(gap)

    def _right_after_prep(self, trig: PhraseMatch[Trigger], m: Mention) -> bool:
        """A trigger that ends in its own preposition ("trained in", "formés en", "dilatih di") governs the
        actor right after it (an article between them at most)."""
        last = self.sv.words_before(trig.end, 1)
        if not last or not self.ctx.rules.has("locative_preps", last[0].text):
            return False
        return all(self.ctx.rules.has("determiners", w) for w in words_between(self.sv, trig.end, ext_start(m)))

    def origin_supplier(self, obj: Arg, obj_types: frozenset[EntityType]) -> tuple[Arg, Arg] | None:
        """"deliveries of Russian S-400 to India": an origin adjective after a supply noun is the supplier,
        the actor after a recipient word ("to", "для", "ke", "à") the recipient."""
        if obj.mention.how != MentionHow.DEMONYM:
            return None
        for m in self.after(obj.mention.end):
            if self.ctx.rules.has("recipient_preps", self.prev_word(m)):
                rec = convert(m, obj_types, self.ctx, object_slot=True)
                if rec is not None and rec.entity_id != obj.entity_id:
                    return obj, rec
                return None
        return None

    def speaker(self, m: Mention) -> bool:
        """"…, the ministry said" / "kata Singh": the source of the sentence, not an object."""
        after = self.sv.words_after(m.end, 1)
        before = self.sv.words_before(ext_start(m), 1)
        speech = self.ctx.rules.words.get("speech_verbs", frozenset())
        if self._possessive_speaker(m, speech):
            return True
        if after and after[0].text in speech and not self.sv.raw(m.end, after[0].start).strip(" ,") \
                and not self.ctx.rules.has("attribution_words", after[0].text):  # ("A, selon B": B's source)
            # "A, after talks with B, said": an actor governed by a preposition is not the speaker
            prep = self.prev_word(m)
            return not (self.ctx.rules.has("object_preps", prep) or self.ctx.rules.has("comitative_preps", prep))
        if before and before[0].text in speech and not self.sv.raw(before[0].end, ext_start(m)).strip(" ,"):
            return True
        # "…, erklärte das Ministerium": one article between the verb and the speaker
        two = self.sv.words_before(ext_start(m), 2)
        return len(two) == 2 and two[0].text in speech and two[1].text in self.ctx.rules.words.get(
            "determiners", frozenset()) and not self.sv.raw(two[0].end, two[1].start).strip(" ,")

    def attributed(self, m: Mention) -> bool:
        """"nach Angaben des Ministeriums", "dem Ministerium zufolge", "according to the ministry": the source
        the sentence is attributed to (``attribution_words``, past articles and small words), no actor."""
        rules = self.ctx.rules
        after = self.sv.words_after(m.end, 1)
        if after and rules.has("speech_verbs", after[0].text) and not rules.has("attribution_words", after[0].text):
            return True  # "dem Ministerium zufolge" (a postposed attribution, like "said")
        return self.attributed_before(m)

    def attributed_before(self, m: Mention) -> bool:
        """"laut dem Ministerium", "según Ghana": an actor after an attribution word (``attribution_words``),
        past articles and small words, is the sentence's source."""
        rules = self.ctx.rules
        if not rules.words.get("attribution_words"):
            return False
        for t in reversed(self.sv.words_before(ext_start(m), _ATTRIBUTION_WORDS)):
            if rules.has("attribution_words", t.text):
                return True
            if not (rules.has("determiners", t.text) or t.text in rules.stopwords):
                return False
        return False

    def _possessive_speaker(self, m: Mention, speech: frozenset[str]) -> bool:
        """"…, Seoul's defense ministry said": an actor whose office speaks is an attribution, no argument."""
        nxt = self.sv.words_after(m.end, _ATTRIBUTION_WORDS + 2)
        if not nxt or nxt[0].text != "s" or self.sv.raw(m.end, nxt[0].start) not in ("'", "’"):
            return False
        for t in nxt[1:]:
            if t.text in speech:
                return True
            if any(a.start <= t.start < a.end for a in self.args) or CLAUSE_BREAK.search(self.sv.raw(m.end, t.start)):
                return False
        return False

    def first(self, cands: Sequence[Mention], allowed: frozenset[EntityType], *, object_slot: bool,
               skip_consumed: bool = False, exclude: str | None = None) -> Arg | None:
        """The first candidate that fits a slot of `allowed` types (not `exclude`, not consumed if asked)."""
        for m in cands:
            if skip_consumed and m.start in self.consumed:
                continue
            if self.rel == Relation.MET_WITH and m.entity_type == EntityType.ORGANIZATION:
                m = self._named_member(m)  # "met the leader of the junta, N": N, not the junta
                if self.members_of(m):
                    continue
            arg = convert(m, allowed, self.ctx, object_slot=object_slot)
            if arg is not None and arg.entity_id != exclude:
                return arg
        return None

    def coordinated(self, first: Arg, allowed: frozenset[EntityType], forward: bool) -> list[Arg]:
        """Actors joined to `first` by a conjunction ("A dan B", "A, B and C")."""
        twin = next((m for m in self.args if (m.start, m.end) == (first.mention.start, first.mention.end)
                     and m.entity_id != first.mention.entity_id), None)
        if twin is not None:  # "the two countries": one phrase, two states (`loaders.facts.reference`)
            arg = convert(twin, allowed, self.ctx, object_slot=forward)
            return [arg] if arg is not None else []
        chain: list[tuple[Arg, str]] = []
        cur = first.mention
        while True:
            if forward:
                nxt = next((m for m in self.args if m.start > cur.end), None)
                kind = conj_gap(self.sv, self.ctx, cur.end, ext_start(nxt)) if nxt else None
                nxt = self._qualified(nxt, allowed) if nxt else None
                nxt = self._named_member(nxt) if nxt else None
            else:
                start = self._qualifier_start(cur)
                nxt = next((m for m in reversed(self.args) if m.end <= start), None)
                kind = conj_gap(self.sv, self.ctx, nxt.end, start) if nxt else None
            if kind is None or nxt is None:
                break
            if nxt.entity_id == cur.entity_id:  # "the deputy minister, N": an apposition of the same person
                cur = nxt
                continue
            arg = convert(nxt, allowed, self.ctx, object_slot=forward)
            if arg is None:
                break
            chain.append((arg, kind))
            cur = nxt
        # "A, B and C": commas count only in a list closed by a conjunction (read backwards from C, the
        # conjunction comes first and closes every comma before it)
        if not forward and chain and chain[0][1] == "word":
            return [arg for arg, _ in chain]
        last_word = max((i for i, (_, kind) in enumerate(chain) if kind == "word"), default=-1)
        return [arg for arg, _ in chain[: last_word + 1]]

    def _named_member(self, m: Mention) -> Mention:
        """"with the leader of the junta, General N": a member or leader of an institution named right after
        it, past a comma, is that person, not the institution."""
        if not self.members_of(m):
            return m
        nxt = next((x for x in self.args if x.start >= m.end), None)
        if nxt is not None and nxt.entity_type == EntityType.PERSON \
                and self.sv.raw(m.end, ext_start(nxt)).strip() == ",":
            return nxt
        return m

    def _qualifier_start(self, m: Mention) -> int:
        """Where a person's mention starts with the state naming him right before it ("US Secretary X")."""
        start = ext_start(m)
        prev = next((p for p in reversed(self.mentions) if p.end <= start), None)
        if m.entity_type != EntityType.PERSON or prev is None or prev.entity_type != C:
            return start
        # a title the rules do not know may stand between: "US Secretary of War X"
        gap = re.findall(r"\S+", self.sv.raw(prev.end, start))
        if len(gap) <= _UNKNOWN_TITLE_WORDS and all(w[:1].isupper() or self.ctx.rules.has("title_links", w)
                                                     for w in gap):
            return prev.start
        return start

    def _qualified(self, m: Mention, allowed: frozenset[EntityType]) -> Mention:
        """The person a state qualifies ("and US Secretary X") when the state itself fits no slot."""
        if m.entity_type != C or C in allowed:
            return m
        nxt = next((p for p in self.args if p.start >= m.end), None)
        if nxt is not None and nxt.entity_type == EntityType.PERSON and self._qualifier_start(nxt) == m.start:
            return nxt
        return m

    def agent_after(self, trig: PhraseMatch[Trigger], subj_types: frozenset[EntityType],
                     obj_types: frozenset[EntityType]) -> tuple[Arg, Arg | None] | None:
        """(actor, object) of a noun whose actor follows it in its clause: "dalam kunjungan A ke B",
        "à l'occasion du déplacement en B de A" (``agent_after`` triggers); None without an actor."""
        end = self.clause_end(trig.end)
        # "la visita del ministro de Defensa de Perú, N": a comma inside the visitor's title ends no clause
        titled = next((m for m in self.after(trig.end) if m.title_start is not None and m.title_start < end <= m.start),
                      None)
        if titled is not None:
            end = self.clause_end(titled.end)
        cands = [m for m in self.after(trig.end) if m.end <= end]
        agent = self.first(cands, subj_types, object_slot=False)
        if agent is None:
            return None
        # "a visit from his Philippine counterpart N": the visitor's own state is not where he goes
        actor = self.ctx.reg.get(agent.mention.entity_id)
        own = agent.mention.role_country or (actor.country if actor is not None else None)
        obj = self.first([m for m in cands if m is not agent.mention and (own is None or m.entity_id != own)],
                         obj_types, object_slot=True, exclude=agent.entity_id)
        return agent, obj

    def clause_end(self, pos: int) -> int:
        """Where the clause going on at `pos` ends (a bracketed aside does not end it)."""
        brk = CLAUSE_BREAK.search(PAREN_GAP.sub(lambda m: " " * len(m.group()), self.sv.raw(pos, self.limit)))
        return pos + brk.start() if brk else self.limit

    def governed(self, trig: PhraseMatch[Trigger], subj: Arg) -> bool:
        """Whether a speech verb or a trigger of another relation stands between the subject and `trig` in
        one clause: the trigger (a noun such as "coup") is then reported or that verb's object."""
        if subj.mention.end > trig.start:
            return False
        between = self.sv.raw(subj.mention.end, trig.start)
        if CLAUSE_BREAK.search(PAREN_GAP.sub(" ", between)):
            return False
        if any(self.ctx.rules.has("speech_verbs", w) for w in words_between(self.sv, subj.mention.end, trig.start)):
            return True  # "A said the coup …": a speaker
        return any(t.payload.relation != trig.payload.relation and subj.mention.end <= t.start and t.end <= trig.start
                   for t in self.triggers)

    def _genitive_before(self, m: Mention, at: int) -> bool:
        """"Katars engster Verbündeter": a name with a genitive suffix (``last_suffixes``: the "s" of
        "Katars") and at most two adjectives before the noun is its possessor."""
        gap = self.sv.raw(m.end, at)
        if not _PLAIN_WORDS.fullmatch(gap) or len(gap.split()) > _POSSESSIVE_WORDS:
            return False
        actor = self.ctx.reg.get(m.entity_id)
        folded = norm(m.surface)
        names = {norm(a) for a in actor.aliases} if actor is not None else set()
        return any(folded.endswith(x) and folded[: -len(x)] in names for x in inflection().last_suffixes)

    def _copula_between(self, m: Mention, poss: Mention) -> bool:
        """"A is B's ally", "A adalah sekutu B": a copula (``copulas``), with an adverb or two, joins the
        holder to the possessive."""
        words = [t.text for t in self.sv.words_within(m.end, poss.start)]
        return 0 < len(words) <= _COPULA_WORDS and any(self.ctx.rules.has("copulas", w) for w in words) \
            and all(self.ctx.rules.has("copulas", w) or self.ctx.rules.has("determiners", w)
                    or w in self.ctx.rules.stopwords for w in words)

    def noun_args(self, trig: PhraseMatch[Trigger], types: frozenset[EntityType],
                   other_types: frozenset[EntityType]) -> tuple[Arg | None, Arg | None]:
        """(holder, other party) of an agent noun ("supplier", "Waffenlieferant", "buyer").

        The holder is the actor before the noun: the copula's subject ("A is the main supplier of B")
        or the head of an apposition ("A, B's main arms supplier, …"). The other party is the
        possessive right before the noun, else the first actor after it in its clause ("of B",
        "Ägyptens", an origin adjective: "a buyer of French arms"). A one-word supply noun counts only
        with an arms word (``arms_words``, also as a compound's start: "Waffenlieferant") in its clause;
        an ally noun ("A, a long-time ally of B") needs none.
        """
        brk = CLAUSE_BREAK.search(self.sv.raw(trig.end, self.limit))
        end = trig.end + brk.start() if brk else self.limit
        arms = self.ctx.rules.words.get("arms_words", frozenset())
        if trig.payload.relation == Relation.SUPPLIES_ARMS_TO and trig.first == trig.last \
                and not any(t.text.startswith(w) for t in self.sv.tokens if trig.start <= t.start < end for w in arms):
            return None, None  # a bare "supplier" or "buyer" says arms only with an arms word (or compound)
        lead = [t.text for t in self.sv.tokens if t.end <= trig.start
                and not self.ctx.rules.has("determiners", t.text)][-1:]
        if lead and (self.ctx.rules.has("object_preps", lead[0]) or self.ctx.rules.has("locative_preps", lead[0])):
            return None, None  # "sanctions against supporters of A": the noun's holders are not named
        before = self.before(trig.start)
        poss = before[0] if before and (POSSESSIVE.match(self.sv.raw(before[0].end, trig.start))
                                        or self._genitive_before(before[0], trig.start)) else None
        if poss is not None:
            other = convert(poss, other_types, self.ctx, object_slot=True)
            rest = [m for m in before[1:] if "," in self.sv.raw(m.end, poss.start) or self._copula_between(m, poss)]
            holder = self.first(rest[:1], types, object_slot=False,
                                 exclude=other.entity_id if other else None)
            return holder, other
        holder = self.first(before, types, object_slot=False)
        after = [m for m in self.after(trig.end) if m.end <= end]
        other = self.first(after, other_types, object_slot=True, exclude=holder.entity_id if holder else None)
        return holder, other
