"""Which entity types fill each relation's slots, and the relation sets the trigger rules consult."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_schema.model import EntityType, Modality, Relation
from loaders.lang import TriggerStrength

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
    # an event as the object: "A condemned the coup" (`loaders.facts.reference`)
    Relation.CRITICIZED: RelationSpec(frozenset({C, ORG, P}), frozenset({C, ORG, P, EV}), False, False),
    Relation.SUPPORTS: RelationSpec(frozenset({C, ORG, P}), frozenset({C, ORG, P}), False, True),
    Relation.SEIZED_POWER_IN: RelationSpec(frozenset({ORG, P}), frozenset({C}), False, False),
}


# agent nouns: "supplier", "Waffenlieferant", "buyer"
NOUN_STRENGTHS = frozenset({TriggerStrength.AGENT_NOUN, TriggerStrength.REVERSE_NOUN})
POSSESSIVE = re.compile(r"^(?:\s*['’]s?)\s+(?:[^\W\d_]+\s+){0,2}$")
WINDOW = 60  # characters before a trigger searched for negation/modality cues
NOT_ASSERTED = frozenset({Modality.DENIED, Modality.ALLEGED})  # withheld whatever the relation
# relations between people on the move: "A flew to B to attend C" makes A, not B, the attendee
PERSON_LEVEL = frozenset({Relation.MET_WITH, Relation.VISITED, Relation.ATTENDED})
# ties that need two distinct parties: a state and its own forces are one
BETWEEN_STATES = frozenset({Relation.SUPPLIES_ARMS_TO, Relation.TRAINS, Relation.COOPERATES_WITH,
                            Relation.SIGNED_AGREEMENT_WITH})
# relations a stated intention ("plans to buy", "envisage d'acheter", ``intention_cues``) withholds: a planned
# supply under a deal ("will deliver") stays a fact, a buyer's wish is none yet
INTENDED_ONLY = frozenset({Relation.SUPPLIES_ARMS_TO, Relation.TRAINS})
# relations whose actor carries over to a later sentence that names only the targets
CARRIED = frozenset({Relation.SANCTIONED})
# a relative clause runs from its pronoun to the next clause break ("…, yang merebut kekuasaan …, …")
# (a comma between digits is a thousands separator, "1,100 troops", no break)
CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;()]|\s[\u2013\u2014-]\s")
PAREN_GAP = re.compile(r"\([^()]{0,40}\)")
# "the CMRN (Comité militaire pour le renouveau national), which …": an abbreviation's spelling
SPELLING_GAP = re.compile(r"\([^()]{0,90}\)")
EVENT_YEAR = re.compile(r"\s\d{4}(?!\d)")
