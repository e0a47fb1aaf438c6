"""Every confidence figure of extractor ``rules.v1``, named, with the reason for it.

A mention's confidence says how sure the match is; a fact's is its trigger's strength times the least
sure of its two arguments (times the penalties below), rounded to three places. Changing a figure here
changes the output of ``rules.v1``: a new figure belongs to a new extractor name.
"""

from __future__ import annotations

from types import MappingProxyType

from loaders.lang.schema import TriggerStrength

# --- mentions ----------------------------------------------------------------------------------------
EXACT_ALIAS = 1.0  # a registry alias, matched in its case
FORM_ORGANISATION = 0.8  # an organisation found by its form ("… Ltd", "PT …"): right shape, unknown to the registry
SHIP_FLEET = 0.8  # "Russian warships" read as the state's fleet or navy: which unit is a guess
DISCOVERED_PERSON = 0.8  # a capitalised name next to a title: a person, but the span may be off by a word
ROLE_HOLDER = 0.8  # a title naming nobody, filled from the registry's dated roles: right only if the roles are
REGISTRY_SURNAME = 0.8  # a registry person's surname alone: one namesake named in full or in office that day
SURNAME_AGAIN = 0.8  # a discovered person's surname alone later in the article
FUZZY_NAME = 0.85  # a name spelt a little differently from a registry alias (score >= FUZZY_THRESHOLD)
FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio a name must reach to be taken for an alias: high, names are short
METONYM_CAP = 0.9  # a capital city read as its state ("Moscow said"): the reading itself may be wrong

# --- a mention standing for another actor in a fact's slot (factors on the mention's confidence) -------
SHIP_OPERATOR = 0.9  # a named ship stands for its fleet or navy (registered operator)
PERSON_FOR_STATE = 0.8  # a person stands for the state or organisation of their title
CAPITAL_FOR_STATE = 0.8  # a capital city stands for its state as a recipient or host
WEAPON_MAKER_STATE = 0.8  # the seller of a purchase is the state of the weapon's maker
SEIZED_COUNTRY = 0.9  # a coup's state is its agent's own state
CARRIED_ACTOR = 0.8  # a sanctions sentence naming only targets takes the previous sanctioning actor
REFERENCE = 0.75  # "the junta", "the two countries", "the coup": an actor named before, by reference
DISCOVERED_EVENT = 0.8  # an event named after an attendance trigger, unknown to the registry

# --- facts ------------------------------------------------------------------------------------------
TRIGGER_STRENGTH = MappingProxyType({
    TriggerStrength.STRONG: 0.9,  # a verb that states the relation ("met", "supplied")
    TriggerStrength.REVERSE: 0.8,  # a purchase: the seller is found after a source word, less often said
    TriggerStrength.AGENT_AFTER: 0.8,  # a noun whose actor follows it ("kunjungan A ke B")
    TriggerStrength.AGENT_NOUN: 0.8,  # "A is the main supplier of B": a description, not an event
    TriggerStrength.REVERSE_NOUN: 0.8,
    TriggerStrength.DESTINATION: 0.8,  # the trainer is where trainees go: "sent to B for training"
    TriggerStrength.MUTUAL: 0.7,  # a joint pledge: agreed, the tie itself is yet to come
    TriggerStrength.WEAK: 0.6,  # a word that often but not always states the relation ("talks")
})
DEFAULT_STRENGTH = 0.6  # a strength without a figure counts as weak
NO_SUBJECT_BEFORE = 0.85  # the subject was not before the trigger: found by a less common sentence shape
TITLE_ROLE = 0.9  # HOLDS_ROLE from a title the article gives the person
REGISTRY_ROLE = 0.8  # HOLDS_ROLE from the registry's dated role of a person named without a title
