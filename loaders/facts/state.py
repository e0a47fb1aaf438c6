"""What the trigger rules know of one trigger while they run (`loaders.facts.triggers`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph_schema.model import EntityType, Relation
from loaders.facts.args import Arg
from loaders.facts.specs import P, RelationSpec
from loaders.lang import Trigger, TriggerStrength
from loaders.text import PhraseMatch

Strength = TriggerStrength


@dataclass
class TriggerState:
    """What the rules have found for one trigger so far."""

    trig: PhraseMatch[Trigger]
    rel: Relation
    spec: RelationSpec
    strength: TriggerStrength
    reverse: bool
    subj_types: frozenset[EntityType]
    obj_types: frozenset[EntityType]
    subj: Arg | None = None
    obj: Arg | None = None
    pairs: list[tuple[Arg, Arg]] = field(default_factory=list)
    penalty: float = 1.0
    verb_final: bool = False
    date: str | None = None
    charged: bool = False  # the charge of an accusation ("beschuldigt B, … zu liefern"): alleged
    intended: bool = False  # a stated intention only ("plans to buy"): withheld (`loaders.facts.triggers._status`)


def start_state(trig: PhraseMatch[Trigger], rel: Relation, spec: RelationSpec) -> TriggerState:
    """The state of a trigger before its arguments are found: its slots' types by strength and relation."""
    strength = trig.payload.strength
    reverse = strength == Strength.REVERSE
    subj_types, obj_types = (spec.object, spec.subject) if reverse else (spec.subject, spec.object)
    if strength == Strength.WEAK and rel == Relation.MET_WITH:
        subj_types = obj_types = frozenset({P})
    return TriggerState(trig, rel, spec, strength, reverse, subj_types, obj_types)
