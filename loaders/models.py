"""Typed records passed between the loader's stages.

read → clean → split → find mentions → resolve → extract facts → write; each stage returns one of these
pydantic models. `ArticleExtraction` is the *fact view* that `tiesgraph extract` prints and
`loaders.write` stores in Neo4j.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from graph_schema.model import EntityType, EventType, Modality, Relation


class MentionHow(StrEnum):
    """How a mention was found (serialised as its string)."""

    ALIAS = "alias"  # a registry alias (or a known person's surname again)
    COUNTRY = "country"  # a state's name
    DEMONYM = "demonym"  # "Russian", "rusia"
    EPITHET = "epithet"  # a state's by-name ("the Lion City", "Tanah Air")
    FUZZY = "fuzzy"  # a registry alias spelt a little differently
    METONYM = "metonym"  # a capital city standing for its state
    TITLE_CUE = "title-cue"  # a person the registry lacks, named with a title
    ROLE_HOLDER = "role-holder"  # a title naming nobody, filled from the registry's dated roles
    SHIP = "ship"  # "Russian warships": the state's fleet or navy
    FORM = "form"  # an organisation found by its form ("… Ltd", "PT …")
    SURNAME = "surname"  # a registry person's surname alone, unambiguous in the article (loaders/surnames.py)


class EntitySource(StrEnum):
    """Where an entity comes from (serialised as its string)."""

    REGISTRY = "registry"
    GENERATED = "generated"  # the registry's imported people (loaders/data/actors/generated/)
    PYCOUNTRY = "pycountry"
    DISCOVERED = "discovered"


class ArticleRecord(BaseModel):
    """An article as received (a JSON record, or what a .txt/.html file or URL gave)."""

    model_config = ConfigDict(extra="ignore")

    source: str = Field(description="the path or URL it was read from")
    identity: str | None = Field(default=None, description=(
        "what identifies the article when it has no url: a local file's resolved path, so an edited file "
        "replaces its earlier version; without either, its text does"))
    url: str | None = None
    outlet: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1; detected when missing")
    published: str | None = Field(default=None, description="ISO date or datetime")
    title: str | None = None
    text: str | None = None
    html: str | None = None


class Sentence(BaseModel):
    """One sentence of the clean text, with its character span in that text."""

    model_config = ConfigDict(frozen=True)

    index: int
    start: int
    end: int
    text: str


class CleanArticle(BaseModel):
    """Boilerplate removed, language known, sentences split: what extraction works on."""

    id: str = Field(description="art:<hash of url, else of the local file's path, else of the text>")
    source: str
    url: str | None
    outlet: str | None
    language: str
    published: str | None = Field(description="ISO date or datetime, from the record or the dateline")
    title: str | None
    text: str = Field(description="the clean body; evidence offsets refer to it")
    content_hash: str
    sentences: list[Sentence]


class Mention(BaseModel):
    """A span of a sentence that names an entity (resolved or not yet)."""

    model_config = ConfigDict(frozen=True)

    sentence_index: int
    start: int = Field(description="offset in the article text")
    end: int
    surface: str
    entity_id: str
    entity_type: EntityType
    how: MentionHow = Field(description="alias | fuzzy | metonym | epithet | demonym | title-cue | country | "
                                        "role-holder | ship | form")
    role: str | None = Field(default=None, description="title found next to a person, English")
    role_org: str | None = Field(default=None, description="entity id of the organisation of the role")
    role_country: str | None = Field(default=None, description="ISO alpha-3 of the role's state")
    role_kind: str | None = Field(default=None, description="kind of organisation the title names "
                                                              "(defence_ministry …): the title is its office")
    descriptor: bool = Field(default=False, description="part of another mention's title, not an actor")
    title_start: int | None = Field(default=None, description="offset where the person's title begins")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="how sure the match is")


class RoleSpan(BaseModel):
    """A dated position held by a person (from the registry): title, organisation, state, start, end."""

    model_config = ConfigDict(frozen=True)

    title: str
    org: str | None = None
    country: str | None = None
    start: str | None = Field(default=None, description="ISO date")
    end: str | None = Field(default=None, description="ISO date; null while held")


class Entity(BaseModel):
    """An entity of the fact view: stable id, canonical name, the names the article used."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list, description="forms seen in this article")
    known_aliases: list[str] = Field(default_factory=list, description="registry aliases (all languages)")
    role: str | None = None
    roles: list[RoleSpan] = Field(default_factory=list, description="dated roles known to the registry")
    qid: str | None = None
    country: str | None = Field(default=None, description="ISO alpha-3 of the actor's state")
    source: EntitySource = Field(default=EntitySource.REGISTRY, description="registry | pycountry | discovered")
    mentions: int = Field(default=0, ge=0, description="times the article names it (0: only a fact implies it)")


class Fact(BaseModel):
    """One fact the article states, with its evidence."""

    subject: str = Field(description="entity id")
    relation: Relation
    object: str = Field(description="entity id")
    date: str | None = Field(default=None, description="2021-06-22, 2021-06 or 2021")
    place: str | None = Field(default=None, description="entity id of a Place or Country")
    evidence: str = Field(description="the sentence, verbatim")
    sentence_index: int
    start: int = Field(description="offset of the sentence in the article text")
    end: int
    confidence: float = Field(ge=0.0, le=1.0)
    status: Modality = Modality.HAPPENED
    extractor: str = Field(description="versioned name of the rule set, e.g. rules.v1")
    event_type: EventType | None = Field(default=None, description="event node this fact reports")
    weapon: str | None = Field(default=None, description="entity id of a weapon named with the fact")


class ArticleMeta(BaseModel):
    """The article part of the fact view."""

    id: str
    url: str | None
    outlet: str | None
    language: str
    published: str | None
    title: str | None
    content_hash: str


class ArticleExtraction(BaseModel):
    """The fact view of one article: what `tiesgraph extract` prints and the writer stores."""

    source: str
    article: ArticleMeta
    text: str = Field(exclude=True, default="", description="clean text (not printed)")
    entities: list[Entity]
    facts: list[Fact]
    withheld: list[Fact] = Field(
        default_factory=list,
        description="claims found but not asserted: denied, or planned meetings/visits that did not happen",
    )
