"""Receiving arms: a verb of receiving is a purchase when what it receives is arms.

"Mali received helicopters from Russia", "Le Mali a reçu des hélicoptères de la Russie", "Mali erhielt aus
Russland Hubschrauber": the subject is the recipient and the actor after a source word the supplier, as
after "bought"; so is a support, training or aid noun the verb receives ("recebe apoio militar de B": B
supports). The same verbs receive people too ("the president received the Russian delegation": a
meeting), so a receipt verb (``receipt_verbs``) counts as a purchase only when arms follow it in its
clause — a common arms noun (``goods_nouns``, ``arms_words``) or a named weapon — before any person.
Otherwise the sentence's triggers stay as the rules found them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph_schema.model import EntityType, Relation
from loaders.facts.specs import CLAUSE_BREAK
from loaders.lang import Rules
from loaders.lang.rules import Trigger
from loaders.lang.schema import TriggerStrength
from loaders.models import Mention
from loaders.text import PhraseMatch, SentenceView, longest

RECEIPT = Trigger(Relation.SUPPLIES_ARMS_TO.value, TriggerStrength.REVERSE)
_WINDOW = 6  # words after the verb in which what it receives is named ("received six new Mi-17 helicopters")


def clause_end(sv: SentenceView, phrase: PhraseMatch[Any], count: int) -> int | None:
    """The end of the `count` words after a phrase, or of its clause if that closes first (None: no word)."""
    words = sv.tokens[phrase.last + 1 : phrase.last + 1 + count]
    if not words:
        return None
    cut = CLAUSE_BREAK.search(sv.raw(phrase.end, words[-1].end))
    return phrase.end + cut.start() if cut is not None else words[-1].end


def arms_spans(sv: SentenceView, rules: Rules, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Where the sentence names arms: a common arms noun (``goods_nouns``, ``arms_words``) or a named weapon."""
    spans = [(g.start, g.end) for g in rules.phrases["goods_nouns"].find(sv.tokens, sv.sentence.text, sv.start)]
    spans += [(t.start, t.end) for t in sv.tokens if rules.has("arms_words", t.text)]
    return spans + [(m.start, m.end) for m in mentions if m.entity_type == EntityType.WEAPON]


def _arms_follow(sv: SentenceView, rules: Rules, verb: PhraseMatch[str], mentions: Sequence[Mention]) -> bool:
    """Whether the receipt verb's clause names arms within `_WINDOW` words after it, before any person."""
    end = clause_end(sv, verb, _WINDOW)
    if end is None:
        return False
    goods = [a for a, _ in arms_spans(sv, rules, mentions) if verb.end <= a < end]
    if not goods:
        return False
    first = min(goods)
    return not any(m.entity_type == EntityType.PERSON and verb.end <= m.start < first for m in mentions)


_GIVEN = frozenset({Relation.SUPPORTS.value, Relation.TRAINS.value, Relation.SUPPLIES_ARMS_TO.value})


def _given_after(sv: SentenceView, verb: PhraseMatch[str],
                 triggers: Sequence[PhraseMatch[Trigger]]) -> PhraseMatch[Trigger] | None:
    """A support, training or aid noun that a receipt verb receives, within `_WINDOW` words after it in its
    clause ("recebe apoio militar de B", "received training from B", "erhielt Militärhilfe aus B")."""
    end = clause_end(sv, verb, _WINDOW)
    if end is None:
        return None
    return min((t for t in triggers if verb.end <= t.start < end and t.payload.relation in _GIVEN
                and t.payload.strength == TriggerStrength.STRONG), key=lambda t: t.start, default=None)


def receipt_triggers(sv: SentenceView, rules: Rules, triggers: Sequence[PhraseMatch[Trigger]],
                     mentions: Sequence[Mention]) -> list[PhraseMatch[Trigger]]:
    """The sentence's triggers with each receipt verb that receives arms read as a purchase (replacing the
    triggers it overlaps: "received" is a meeting verb too)."""
    out = list(triggers)
    verbs = rules.phrases["receipt_verbs"].find(sv.tokens, sv.sentence.text, sv.start)
    for verb in longest(verbs):
        own = [t for t in out if t.start <= verb.start and verb.end <= t.end and t.end > verb.end]
        given = _given_after(sv, verb, out) if not own else None  # ("received training in": the rules' own)
        if given is not None:  # "received military support from B": B supports; the receiver is the subject
            out = [t for t in out if (t.start, t.end) != (given.start, given.end)  # (a phrase listed twice too)
                   and not (t.start < verb.end and verb.start < t.end)]  # (nor the verb read as a purchase)
            out.append(PhraseMatch(given.first, given.last, given.start, given.end,
                                   Trigger(given.payload.relation, TriggerStrength.REVERSE)))
            continue
        overlapping = [t for t in out if t.start < verb.end and verb.start < t.end]
        if any(t.payload.relation == RECEIPT.relation for t in overlapping) \
                or not _arms_follow(sv, rules, verb, mentions):
            continue  # ("recibió la entrega de": the rules' own supply phrase stands)
        out = [t for t in out if t not in overlapping]
        out.append(PhraseMatch(verb.first, verb.last, verb.start, verb.end, RECEIPT))
    return out
