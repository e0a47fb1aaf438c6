"""The tiesgraph graph model as declarative, typed data.

Everything the database must guarantee (uniqueness behind every MERGE key, lookup indexes, the
full-text index for multilingual search) is derived from the objects in this module by
`graph_schema.ddl`; nothing else in the project spells a label or a relationship type as a free string.

Shape (docs/graph-model.md holds the full agreed shape, ids and the diagram — read it):

* Actors — ``Country`` (id = ISO 3166 alpha-3), ``Person``, ``Organization``, ``Place``, ``Weapon`` —
  all also carry the ``Entity`` label, so one full-text index and one id constraint cover them.
* ``Event`` nodes (with a second label from `EventType`) are the n-ary happenings: meetings, visits,
  coups, arms transfers … with ``PARTICIPATED_IN`` edges from actors and ``TOOK_PLACE_IN`` to a place.
* ``Claim`` nodes are the unit of provenance: one statement of one article (sentence, character
  offsets, extractor name and version, confidence, modality). A claim points at its article
  (``FROM_ARTICLE``), its subject and object (``SUBJECT``/``OBJECT``) and the event it reports (``ABOUT``).
* Direct actor-to-actor ties (``MET_WITH``, ``SUPPLIES_ARMS_TO`` …) are derived from claims: each carries
  ``key`` (shared with its claims' ``tie_key``), ``support`` (number of claims), ``articles`` (number of
  distinct articles) and first/last dates. Retracting an article deletes its claims and recomputes
  exactly the ties and events those claims touched; anything left with no claim disappears.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Label(StrEnum):
    """Every node label of the model."""

    ENTITY = "Entity"
    COUNTRY = "Country"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    WEAPON = "Weapon"
    EVENT = "Event"
    ARTICLE = "Article"
    CLAIM = "Claim"
    MIGRATION = "Migration"


class EntityType(StrEnum):
    """Types of the actors and things an article mentions (the fact view's entity types)."""

    COUNTRY = "Country"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    WEAPON = "Weapon"
    EVENT = "Event"


ENTITY_LABELS: dict[EntityType, Label] = {
    EntityType.COUNTRY: Label.COUNTRY,
    EntityType.PERSON: Label.PERSON,
    EntityType.ORGANIZATION: Label.ORGANIZATION,
    EntityType.PLACE: Label.PLACE,
    EntityType.WEAPON: Label.WEAPON,
    EntityType.EVENT: Label.EVENT,
}


class EventType(StrEnum):
    """Second label of an ``Event`` node."""

    MEETING = "Meeting"
    VISIT = "Visit"
    CONFERENCE = "Conference"
    EXERCISE = "Exercise"
    COUP = "Coup"
    ARMS_TRANSFER = "ArmsTransfer"
    TRAINING = "Training"
    AGREEMENT = "Agreement"
    SANCTION = "Sanction"
    STATEMENT = "Statement"


class Relation(StrEnum):
    """The fact vocabulary (v1): each is also the type of the derived actor-to-actor relationship."""

    MET_WITH = "MET_WITH"
    VISITED = "VISITED"
    ATTENDED = "ATTENDED"
    HOLDS_ROLE = "HOLDS_ROLE"
    SUPPLIES_ARMS_TO = "SUPPLIES_ARMS_TO"
    TRAINS = "TRAINS"
    COOPERATES_WITH = "COOPERATES_WITH"
    SIGNED_AGREEMENT_WITH = "SIGNED_AGREEMENT_WITH"
    SANCTIONED = "SANCTIONED"
    CRITICIZED = "CRITICIZED"
    SUPPORTS = "SUPPORTS"
    SEIZED_POWER_IN = "SEIZED_POWER_IN"


SYMMETRIC_RELATIONS: frozenset[Relation] = frozenset(
    {Relation.MET_WITH, Relation.COOPERATES_WITH, Relation.SIGNED_AGREEMENT_WITH}
)
"""Relations stored once per unordered pair (subject id < object id)."""

RELATION_EVENT: dict[Relation, EventType] = {
    Relation.MET_WITH: EventType.MEETING,
    Relation.VISITED: EventType.VISIT,
    Relation.SUPPLIES_ARMS_TO: EventType.ARMS_TRANSFER,
    Relation.TRAINS: EventType.TRAINING,
    Relation.SIGNED_AGREEMENT_WITH: EventType.AGREEMENT,
    Relation.SANCTIONED: EventType.SANCTION,
    Relation.SEIZED_POWER_IN: EventType.COUP,
}
"""Relations whose claims also become (or join) an ``Event`` node with participants."""

PLOVER: dict[Relation, str] = {
    Relation.MET_WITH: "CONSULT",
    Relation.VISITED: "CONSULT",
    Relation.ATTENDED: "CONSULT",
    Relation.SUPPLIES_ARMS_TO: "AID",
    Relation.TRAINS: "AID",
    Relation.COOPERATES_WITH: "COOPERATE",
    Relation.SIGNED_AGREEMENT_WITH: "SUPPORT",
    Relation.SANCTIONED: "SANCTION",
    Relation.CRITICIZED: "ACCUSE",
    Relation.SUPPORTS: "SUPPORT",
    Relation.SEIZED_POWER_IN: "COERCE",
}
"""PLOVER event category of each relation, kept on claims (tests/unit/test_codes.py: equal to codes.yaml)."""


class Modality(StrEnum):
    """What a claim says about reality: happened, or only planned / announced / agreed, alleged, or denied."""

    HAPPENED = "happened"
    ONGOING = "ongoing"
    PLANNED = "planned"
    ANNOUNCED = "announced"
    AGREED = "agreed"
    ALLEGED = "alleged"  # reported as an accusation ("accused of supplying"), not asserted
    DENIED = "denied"


class StructuralRel(StrEnum):
    """Relationship types that hold the graph together (evidence, participation, location)."""

    FROM_ARTICLE = "FROM_ARTICLE"  # (:Claim)-[:FROM_ARTICLE]->(:Article)
    SUBJECT = "SUBJECT"  # (:Claim)-[:SUBJECT]->(:Entity)
    OBJECT = "OBJECT"  # (:Claim)-[:OBJECT]->(:Entity)
    ABOUT = "ABOUT"  # (:Claim)-[:ABOUT]->(:Event)
    PARTICIPATED_IN = "PARTICIPATED_IN"  # (:Entity)-[:PARTICIPATED_IN {role}]->(:Event)
    TOOK_PLACE_IN = "TOOK_PLACE_IN"  # (:Event)-[:TOOK_PLACE_IN]->(:Place|:Country)
    MENTIONS = "MENTIONS"  # (:Article)-[:MENTIONS {count}]->(:Entity)
    LOCATED_IN = "LOCATED_IN"  # (:Place)-[:LOCATED_IN]->(:Country)
    BELONGS_TO = "BELONGS_TO"  # (:Organization)-[:BELONGS_TO]->(:Country)


class PropertyType(StrEnum):
    """Neo4j property types used by the model (for documentation and checks)."""

    STRING = "STRING"
    INTEGER = "INTEGER"
    FLOAT = "FLOAT"
    BOOLEAN = "BOOLEAN"
    DATE_STRING = "DATE_STRING"  # ISO date at its precision: 2021-06-22, 2021-06 or 2021
    DATETIME = "ZONED DATETIME"
    LIST_STRING = "LIST<STRING>"


class Prop(BaseModel):
    """One property of a node label or relationship type."""

    model_config = ConfigDict(frozen=True)

    name: str
    type: PropertyType
    description: str
    unique: bool = False
    indexed: bool = False


class NodeSpec(BaseModel):
    """A node label with its properties."""

    model_config = ConfigDict(frozen=True)

    label: Label
    description: str
    properties: tuple[Prop, ...]


class RelSpec(BaseModel):
    """A relationship type with its endpoints and properties."""

    model_config = ConfigDict(frozen=True)

    type: str
    source: tuple[Label, ...]
    target: tuple[Label, ...]
    description: str
    properties: tuple[Prop, ...] = ()


class FulltextSpec(BaseModel):
    """A full-text index over some properties of one label."""

    model_config = ConfigDict(frozen=True)

    name: str
    label: Label
    properties: tuple[str, ...]
    analyzer: str


class CompositeSpec(BaseModel):
    """A range index over several properties of one label, in this order: an equality on the first and
    an ORDER BY on the rest read only the first entries (the index is sorted by all of them)."""

    model_config = ConfigDict(frozen=True)

    name: str
    label: Label
    properties: tuple[str, ...]
    description: str


class GraphModel(BaseModel):
    """The whole model: from it the DDL, the docs and the API's enums are derived."""

    model_config = ConfigDict(frozen=True)

    version: str
    nodes: tuple[NodeSpec, ...]
    relationships: tuple[RelSpec, ...]
    fulltext: tuple[FulltextSpec, ...]
    composite: tuple[CompositeSpec, ...] = ()

    def node(self, label: Label) -> NodeSpec:
        """The spec of one label."""
        for spec in self.nodes:
            if spec.label == label:
                return spec
        raise KeyError(label)


def _id(description: str) -> Prop:
    return Prop(name="id", type=PropertyType.STRING, description=description, unique=True)


_ENTITY_PROPS: tuple[Prop, ...] = (
    Prop(name="name", type=PropertyType.STRING, description="canonical (English) name"),
    Prop(name="aliases", type=PropertyType.LIST_STRING,
         description="known names plus the forms the remaining articles used (recomputed)"),
    Prop(name="known_aliases", type=PropertyType.LIST_STRING, description="registry names, any language"),
    Prop(name="known_folded", type=PropertyType.LIST_STRING, description="known_aliases, search-folded"),
    Prop(name="search_text", type=PropertyType.STRING,
         description="name and aliases, case- and accent-folded, for the full-text index"),
    Prop(name="qid", type=PropertyType.STRING, description="Wikidata QID where known"),
    Prop(name="country", type=PropertyType.STRING,
         description="ISO alpha-3 of the actor's state, from the latest article that gives one (recomputed)"),
    Prop(name="source", type=PropertyType.STRING, description="registry | pycountry | discovered"),
)

_DATES: tuple[Prop, ...] = (
    Prop(name="first_date", type=PropertyType.DATE_STRING, description="earliest dated claim"),
    Prop(name="last_date", type=PropertyType.DATE_STRING, description="latest dated claim"),
)

ACTOR_LABELS: tuple[Label, ...] = (
    Label.COUNTRY, Label.PERSON, Label.ORGANIZATION, Label.PLACE, Label.WEAPON, Label.EVENT,
)

MODEL = GraphModel(
    version="1",
    nodes=(
        NodeSpec(label=Label.ENTITY, description="every actor or thing (second label on Country, Person …)",
                 properties=(_id("stable id: ISO alpha-3, or type prefix + registry key / normalised name"),
                             # name and qid are indexed once here: every actor label also carries Entity
                             Prop(name="name", type=PropertyType.STRING, description="canonical name",
                                  indexed=True),
                             Prop(name="qid", type=PropertyType.STRING, description="Wikidata QID",
                                  indexed=True),
                             # the API finds a state's side (its officials, ministries, cities) by country
                             Prop(name="country", type=PropertyType.STRING,
                                  description="ISO alpha-3 of the actor's state", indexed=True),
                             *(p for p in _ENTITY_PROPS if p.name not in ("name", "qid", "country")))),
        NodeSpec(label=Label.COUNTRY, description="a state", properties=(
            _id("ISO 3166-1 alpha-3"),
            Prop(name="alpha2", type=PropertyType.STRING, description="ISO 3166-1 alpha-2"),
            *_ENTITY_PROPS)),
        NodeSpec(label=Label.PERSON, description="an official, officer or other person", properties=(
            _id("per:<registry key or normalised name>"),
            Prop(name="role", type=PropertyType.STRING,
                 description="title given by the latest article that gives one (recomputed)"),
            Prop(name="roles_json", type=PropertyType.STRING, description="dated roles from the registry"),
            *_ENTITY_PROPS)),
        NodeSpec(label=Label.ORGANIZATION, description="a ministry, military, company, bloc …",
                 properties=(_id("org:<key>"), *_ENTITY_PROPS)),
        NodeSpec(label=Label.PLACE, description="a city, base or region",
                 properties=(_id("plc:<key>"), *_ENTITY_PROPS)),
        NodeSpec(label=Label.WEAPON, description="a weapon system or platform",
                 properties=(_id("wpn:<key>"), *_ENTITY_PROPS)),
        NodeSpec(label=Label.EVENT, description="a meeting, visit, coup, transfer … (second label: EventType)",
                 properties=(
                     _id("evt:<type>:<hash of participants, month>"),
                     Prop(name="type", type=PropertyType.STRING, description="EventType", indexed=True),
                     Prop(name="date", type=PropertyType.DATE_STRING,
                          description="the date most of its claims give", indexed=True),
                     Prop(name="dates", type=PropertyType.LIST_STRING, description="every date reported"),
                     Prop(name="title", type=PropertyType.STRING, description="type and participants"),
                     Prop(name="place_id", type=PropertyType.STRING, description="id of the place"),
                     Prop(name="status", type=PropertyType.STRING, description="Modality"),
                     Prop(name="support", type=PropertyType.INTEGER, description="claims reporting it"),
                     *_ENTITY_PROPS)),
        NodeSpec(label=Label.ARTICLE, description="a news article that was loaded", properties=(
            _id("art:<hash of url, or of content when there is no url>"),
            Prop(name="url", type=PropertyType.STRING, description="source URL", indexed=True),
            Prop(name="outlet", type=PropertyType.STRING, description="publisher"),
            Prop(name="language", type=PropertyType.STRING, description="ISO 639-1"),
            Prop(name="published", type=PropertyType.STRING, description="ISO date or datetime",
                 indexed=True),
            Prop(name="title", type=PropertyType.STRING, description="headline"),
            # Unique: one text is one article, even when two loaders write its two forms at once.
            Prop(name="content_hash", type=PropertyType.STRING, description="sha256 of the clean text",
                 unique=True),
            Prop(name="loaded_at", type=PropertyType.DATETIME, description="when it was (re)loaded"),
            Prop(name="extractor", type=PropertyType.STRING, description="extractor name and version"),
            Prop(name="fingerprint", type=PropertyType.STRING,
                 description="sha256 of every row written for it: equal means a re-load writes nothing"),
        )),
        NodeSpec(label=Label.CLAIM, description="one statement of one article: the unit of provenance",
                 properties=(
                     _id("clm:<hash of article, relation, subject, object, sentence>"),
                     Prop(name="relation", type=PropertyType.STRING, description="Relation"),
                     Prop(name="tie_key", type=PropertyType.STRING,
                          description="key of the derived tie it supports", indexed=True),
                     Prop(name="event_id", type=PropertyType.STRING, description="event it reports",
                          indexed=True),
                     Prop(name="article_id", type=PropertyType.STRING, description="its article",
                          indexed=True),
                     Prop(name="status", type=PropertyType.STRING, description="Modality"),
                     Prop(name="date", type=PropertyType.DATE_STRING, description="when it happened"),
                     Prop(name="place_id", type=PropertyType.STRING, description="where"),
                     Prop(name="weapon_id", type=PropertyType.STRING,
                          description="the weapon named with the fact, when the extractor names one"),
                     Prop(name="sentence", type=PropertyType.STRING, description="evidence sentence"),
                     Prop(name="sentence_index", type=PropertyType.INTEGER, description="0-based"),
                     Prop(name="start", type=PropertyType.INTEGER, description="char offset in the text"),
                     Prop(name="end", type=PropertyType.INTEGER, description="char offset (exclusive)"),
                     Prop(name="extractor", type=PropertyType.STRING, description="e.g. rules.v1"),
                     Prop(name="confidence", type=PropertyType.FLOAT, description="0..1"),
                     Prop(name="plover", type=PropertyType.STRING, description="PLOVER category"),
                     Prop(name="plover_mode", type=PropertyType.STRING, description="PLOVER mode"),
                     Prop(name="cameo", type=PropertyType.STRING, description="CAMEO root code"),
                 )),
        NodeSpec(label=Label.MIGRATION, description="a schema migration that was applied", properties=(
            _id("0001, 0002 …"),
            Prop(name="name", type=PropertyType.STRING, description="what it does"),
            Prop(name="checksum", type=PropertyType.STRING, description="sha256 of its statements"),
            Prop(name="applied_at", type=PropertyType.DATETIME, description="when"),
        )),
    ),
    relationships=(
        *(RelSpec(type=rel.value, source=ACTOR_LABELS, target=ACTOR_LABELS,
                  description=f"derived tie: {rel.value} (symmetric)" if rel in SYMMETRIC_RELATIONS
                  else f"derived tie: {rel.value}",
                  properties=(
                      Prop(name="key", type=PropertyType.STRING, description="= tie_key of its claims"),
                      Prop(name="support", type=PropertyType.INTEGER, description="claims behind it"),
                      Prop(name="articles", type=PropertyType.INTEGER, description="distinct articles"),
                      Prop(name="confidence", type=PropertyType.FLOAT, description="max claim confidence"),
                      Prop(name="statuses", type=PropertyType.LIST_STRING, description="modalities seen"),
                      *_DATES,
                  )) for rel in Relation),
        RelSpec(type=StructuralRel.FROM_ARTICLE, source=(Label.CLAIM,), target=(Label.ARTICLE,),
                description="the article a claim comes from"),
        RelSpec(type=StructuralRel.SUBJECT, source=(Label.CLAIM,), target=ACTOR_LABELS,
                description="the claim's subject"),
        RelSpec(type=StructuralRel.OBJECT, source=(Label.CLAIM,), target=ACTOR_LABELS,
                description="the claim's object"),
        RelSpec(type=StructuralRel.ABOUT, source=(Label.CLAIM,), target=(Label.EVENT,),
                description="the event a claim reports"),
        RelSpec(type=StructuralRel.PARTICIPATED_IN, source=ACTOR_LABELS, target=(Label.EVENT,),
                description="an actor's part in an event",
                properties=(Prop(name="role", type=PropertyType.STRING,
                                 description="subject | object | host | supplier | recipient …"),)),
        RelSpec(type=StructuralRel.TOOK_PLACE_IN, source=(Label.EVENT,), target=(Label.PLACE, Label.COUNTRY),
                description="where an event happened"),
        RelSpec(type=StructuralRel.MENTIONS, source=(Label.ARTICLE,), target=ACTOR_LABELS,
                description="an article names an entity",
                properties=(Prop(name="count", type=PropertyType.INTEGER,
                                 description="times named (0: implied, e.g. a named person's state)"),
                            Prop(name="surface", type=PropertyType.LIST_STRING, description="forms seen"),
                            Prop(name="folded", type=PropertyType.LIST_STRING, description="surface, folded"),
                            Prop(name="role", type=PropertyType.STRING, description="role the article gives"),
                            Prop(name="country", type=PropertyType.STRING,
                                 description="state the article gives"))),
        RelSpec(type=StructuralRel.LOCATED_IN, source=(Label.PLACE,), target=(Label.COUNTRY,),
                description="a place lies in a state"),
        RelSpec(type=StructuralRel.BELONGS_TO, source=(Label.ORGANIZATION, Label.PERSON),
                target=(Label.COUNTRY,), description="an institution of a state, or a person's state"),
    ),
    fulltext=(
        FulltextSpec(name="ft_entity_names", label=Label.ENTITY, properties=("name", "search_text"),
                     analyzer="standard-folding"),
    ),
    composite=(
        CompositeSpec(name="idx_claim_tie_key_date_id", label=Label.CLAIM, properties=("tie_key", "date", "id"),
                      description="a tie's first claims by date and id (its evidence) without reading the others"),
    ),
)
