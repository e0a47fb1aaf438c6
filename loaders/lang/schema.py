"""Schemas of the language and rule data files (``extra="forbid"``): a typo in a key is an error.

The stages keep reading the files' plain data; these models only check a file's shape when it is
loaded, so a misspelt key ("conjuctions:") fails with the file and the key named instead of silently
dropping a rule.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph_schema.model import Modality, Relation
from loaders.errors import RegistryError

Scalar = str | int | float | bool
Words = list[Scalar] | None


class TriggerStrength(StrEnum):
    """How a trigger phrase finds its arguments (and how sure a fact from it is: `loaders.confidence`)."""

    STRONG = "strong"
    WEAK = "weak"  # a weak MET_WITH ties people only
    REVERSE = "reverse"  # "bought": the subject is the recipient, the seller after a source word
    AGENT_AFTER = "agent_after"  # a noun whose actor follows it: "kunjungan A ke B"
    AGENT_NOUN = "agent_noun"  # "A is the main arms supplier of B"
    REVERSE_NOUN = "reverse_noun"  # "A is a buyer of B's arms"
    MUTUAL = "mutual"  # a joint pledge of coordinated parties only: "A and B agreed to"
    DESTINATION = "destination"  # a purpose after a destination: "A sends officers to B for training"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BoilerplateFile(_Strict):
    """``boilerplate:`` of a language file."""

    drop_prefix: Words = None
    drop_line: Words = None
    end_prefix: Words = None
    dateline_words: Words = None


class InflectionFile(_Strict):
    """``inflection:`` of a language file."""

    stem_letters: str | None = None
    endings: list[str] | None = None
    long_endings: list[str] | None = None
    last_suffixes: list[str] | None = None
    surname_endings: list[str] | None = None  # case endings of surnames ("-ом", "-ым"): loaders/mentions/names.py
    oblique_endings: list[str] | None = None  # endings no nominative name has ("-ом"): a discovered name's id
    adjective_endings: dict[str, list[str]] | None = None  # "isch" -> ["e", "en"]: "polnisch" also "polnische"


class LanguageFile(_Strict):
    """One ``loaders/data/lang/<code>/language.yaml`` file (see `loaders.lang.data`)."""

    code: str | None = None
    inherit: str | list[str] | None = None  # the languages whose data this one adds (loaders.lang.inherit)
    name: str | None = None
    stopwords: Words = None
    months: dict[str, int] | None = None
    ambiguous_months: Words = None
    weekdays: dict[str, int] | None = None
    ambiguous_weekdays: Words = None
    relative_days: dict[str, int] | None = None
    relative_periods: dict[str, dict[Literal["week", "month", "year"], int]] | None = None
    recent_cues: Words = None  # "recently", "is on a visit": an event of the publication month
    date_order: str | None = None
    day_suffixes: Words = None
    date_connectors: Words = None
    capitalized_names: bool | None = None
    abbreviations: Words = None
    sentence_starters: Words = None
    name_suffixes: list[str] | None = None
    possessive_endings: list[str] | None = None
    inflection: InflectionFile | None = None
    boilerplate: BoilerplateFile | None = None


class TitleEntry(_Strict):
    """One ``titles:`` entry of a rules file: cue phrases and the role they give."""

    role: str
    cue: list[Scalar]
    org_kind: str | None = None
    needs_org: bool | None = None
    shared: bool | None = None


class InflectedFile(BaseModel):
    """A generated ``inflected.yaml`` (scripts/import_inflections.py): relation -> strength -> forms."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    about: str = Field(alias="_about")
    triggers: dict[Relation, dict[TriggerStrength, list[str]]]


class RulesFile(_Strict):
    """One ``loaders/data/lang/<code>/rules.yaml`` file (see `loaders.lang.rules`)."""

    inherit: str | list[str] | None = None  # the rules merged after these (loaders.lang.inherit)
    not_inherited: Words = None
    verb_final: bool | None = None
    # "entrenará", "livrera": endings of a synthetic future, matched on the verb as written (accents kept)
    future_endings: list[str] | None = None
    # "the West African country": region key (regions.yaml) -> the adjectives naming it, with `region_nouns`
    region_words: dict[str, list[str]] | None = None
    region_nouns: list[str] | None = None
    definite_articles: Words = None  # "the", "le": before a description that refers ("the West African country")
    region_noun_first: bool | None = None  # "le pays africain", "negara Afrika": the noun first
    nouns_capitalised: bool | None = None
    # "Forum économique d'Accra": a name's words after its capitalised head may be lower case (facts/events.py)
    lowercase_name_words: bool | None = None
    titles: list[TitleEntry] | None = None
    ranks: Words = None
    # relation -> strength -> phrases; a relation or strength that is no member of its enum is an error
    triggers: dict[Relation, dict[TriggerStrength, Words] | None] | None = None
    modality: dict[Modality, Words] | None = None  # status -> phrases
    # single-word cue sets (`loaders.lang.rules.WORD_SETS`)
    between: Words = None
    conjunctions: Words = None
    passive_agents: Words = None
    negation: Words = None
    # verbs ending an agreement or a tie ("denounced the accords"): the tie they govern is denied
    termination_cues: Words = None
    # "also present at the meeting were …": the people listed attended someone's meeting, no partners of it
    presence_cues: Words = None
    locative_preps: Words = None
    speech_verbs: Words = None
    source_preps: Words = None
    recipient_preps: Words = None
    object_preps: Words = None
    comitative_preps: Words = None
    determiners: Words = None
    host_preps: Words = None
    former: Words = None
    title_links: Words = None
    name_particles: Words = None
    affiliation_preps: Words = None
    org_suffixes: Words = None
    org_prefixes: Words = None
    company_nouns: Words = None
    arms_words: Words = None
    event_compounds: Words = None  # event nouns that end a compound ("Waffenschau"): loaders/facts/events.py
    event_name_cues: Words = None  # words before a quoted event name ("codenamed", "bertajuk")
    event_links: Words = None  # small words inside an event's capitalised name ("Institute for Strategy")
    coup_verbs: Words = None  # verbs tying an agent to "the coup" ("staged"): loaders/facts/reference.py
    since_words: Words = None  # "since the coup": a coup in passing
    ruling_words: Words = None  # "rules since the coup": its ruler seized power
    passive_cues: Words = None  # "was signed": an agentless passive takes the article's two states
    complementizers: Words = None  # "A reported that B attended": A is no mover or meeter
    charge_preps: Words = None  # "a firm accused of …": a charge, no accuser
    infinitive_markers: Words = None  # "zu": an accusation's charge as an infinitive clause (facts/triggers.py)
    inserted_adverbs: Words = None  # "also", "también": may stand between a trigger's words (facts/whenwhere.py)
    inclusion_words: Words = None  # "partners, including A": A is one of them
    state_heads: Words = None  # "the government of A", "the regime of A": the state itself, as an object
    group_nouns: Words = None  # "two Chinese companies, A and B": the list after names the targets
    copulas: Words = None  # "A is B's ally": the copula's subject holds the agent noun
    gratitude_verbs: Words = None  # "thanked", "agradeceu": the one thanked for a support gave it
    individual_nouns: Words = None  # "official", "empresa": one person or firm (with a demonym: not the state)
    member_nouns: Words = None  # "Tatmadaw officers", "officials of the junta": members, not the institution
    # multi-word cue sets (`loaders.lang.rules.PHRASE_SETS`)
    skip_sentences: Words = None
    statement_anaphora: Words = None
    event_anaphora: Words = None  # "The contract was signed by …": the event the sentence before dated
    demonstratives: Words = None  # "this", "tersebut", "dieser": no noun of an `event_anaphora` phrase
    place_relatives: Words = None  # "…, where N arrived": the place before them is the destination
    military_nouns: Words = None  # "the military", "les militaires": a state's forces when they seize power there
    failed_coup_words: Words = None  # "failed", "attempted", "tentative de": a coup that did not take power
    event_nouns: Words = None
    capital_words: Words = None
    relative_pronouns: Words = None
    remote_contact: Words = None
    ship_nouns: Words = None
    list_markers: Words = None  # "among those sanctioned are": a list of targets follows (mentions/lists.py)
    counterpart_nouns: Words = None  # "his Turkish counterpart N": N is a person (mentions/counterparts.py)
    hedges: Words = None  # "reportedly", "likely": a fact stated as unsure is withheld (as alleged)
    role_verbs: Words = None  # "the junta led by": the registry role of the person after it is stated
    military_references: Words = None  # "the junta": the article's military (loaders/facts/reference.py)
    pair_references: Words = None  # "the two countries": the article's two states
    compound_modifiers: Words = None  # "Rüstungs", "Sicherheits": compounds of one-word trigger and event nouns
    seller_preps: Words = None  # "A compró fragatas a B": after a purchase verb and its object, B sells
    attribution_words: Words = None  # "laut", "according": the source a sentence is attributed to, no actor
    cause_preps: Words = None  # "wegen", "because": an actor in a causal phrase is no subject (facts/sentence.py)
    concessive_preps: Words = None  # "despite", "a pesar de": as cause_preps, a concessive phrase (facts/sentence.py)
    auxiliaries: Words = None  # "hat", "has": a finite auxiliary ends a causal phrase before it
    genitive_preps: Words = None  # "of", "du": "the cooperation of A with B" names both parties
    sequence_words: Words = None  # "after", "setelah": an event before or after another, not the one referred to
    under_preps: Words = None  # "under", "sous": "A is under Norwegian sanctions" (facts/triggers.py)
    assist_verbs: Words = None  # "help", "membantu": "A helps B with training" trains B
    force_heads: Words = None  # "Forces", "Army": an abbreviation's name ending in one is an institution
    adversative_preps: Words = None  # "against", "gegen": no supply, training or support goes to what follows
    attendance_preps: Words = None  # "an der", "am": a clause-final attendance verb's event follows one
    intention_cues: Words = None  # "plans to", "envisage", "erwägt": a supply or training only intended (withheld)
    contrastive_conjunctions: Words = None  # "while", "tandis que": another clause opens, no argument past it
    reliance_cues: Words = None  # "relies on B for arms": B supplies (purchase triggers too; facts/triggers.py)
    people_pair_references: Words = None  # "the two ministers": the two people of the last meeting
    coup_nouns: Words = None  # "the coup", "le putsch": the article's coup, an event
    relative_words: Words = None  # "que", "that": a relative pronoun after a title's organisation (facts/sentence.py)
    subject_pronouns: Words = None  # "he", "il", "ia": the person opening the sentence before (facts/reference.py)
    org_heads: Words = None  # "Comité", "Council": heads an abbreviation's spelling (mentions/orgforms.py)
    body_phrases: Words = None  # "the transitional council": a body named in lower case (mentions/orgforms.py)
    receipt_verbs: Words = None  # "received", "a reçu": a purchase when arms are what is received (facts/receipts.py)
    goods_nouns: Words = None  # "helicopters", "Drohnen": arms named by a common noun (facts/receipts.py)
    # org kind -> nouns of a state institution ("ministère de la Défense"): with a state's demonym inside, after
    # or before it, or the state after a title link, that state's institution (mentions/institutions.py)
    institution_nouns: dict[str, Words] | None = None


def checked(model: type[BaseModel], raw: Any, path: Path) -> None:
    """Check a data file's content against its schema; a `RegistryError` naming the file and the keys."""
    try:
        model.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            what = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{what} {where!r}")
        raise RegistryError(f"{path}: {'; '.join(problems)}") from exc
