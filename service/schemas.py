"""Response models of the REST API (what /docs shows; routes never return untyped data)."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field, model_validator

from graph_schema.codes import code_fields
from graph_schema.model import EntityType, EventType, Relation


class Coded(BaseModel):
    """PLOVER category and mode and CAMEO root code, derived from the relation (or event type) on read."""

    plover: str | None = Field(default=None, description="PLOVER event category (null: no PLOVER event)")
    plover_mode: str | None = Field(default=None, description="PLOVER mode, where the category has one")
    cameo: str | None = Field(default=None, description="CAMEO root code (two digits)")

    @model_validator(mode="after")
    def _codes(self) -> Coded:
        # Run once per tie of every response (3,000 edges in a large ego graph): a cached lookup and one
        # update of the fields, not three validated attribute assignments.
        codes = _codes_of(getattr(self, "relation", None) or getattr(self, "type", None))
        self.__dict__.update(codes)
        self.__pydantic_fields_set__.update(codes)
        return self


@cache
def _codes_of(kind: str | None) -> dict[str, str | None]:
    """`code_fields` of a relation or event type (both are str enums), computed once per kind."""
    return code_fields(kind)


class ErrorDetail(BaseModel):
    """The body of every error."""

    code: str = Field(description="stable machine-readable code")
    message: str
    details: dict[str, object] = Field(default_factory=dict)


class ErrorResponse(BaseModel):
    """Every error answers this shape."""

    error: ErrorDetail


T = TypeVar("T")


class ListResponse(BaseModel, Generic[T]):
    """Every list: one page of data and the cursor of the next page (null on the last)."""

    data: list[T]
    next_cursor: str | None = None


class Health(BaseModel):
    """Liveness."""

    status: Literal["ok"] = "ok"
    version: str


class Ready(BaseModel):
    """Readiness: Neo4j reachable and every schema migration applied."""

    status: Literal["ready"] = "ready"
    database: str
    migrations: list[str]


class EntityRef(BaseModel):
    """An actor, named."""

    id: str
    name: str | None
    type: EntityType | None = Field(description="None for a node of no known entity type")


class EntitySummary(EntityRef):
    """An actor in a search result or list."""

    aliases: list[str] = Field(default_factory=list)
    qid: str | None = None
    country: str | None = None
    role: str | None = None
    score: float | None = Field(default=None, description="full-text score (search only)")
    exact: bool = Field(default=False, description="q equals its name or an alias (after folding)")


class RelationCount(BaseModel):
    """How many derived ties of one relation an actor has, by direction."""

    relation: Relation
    outgoing: int
    incoming: int


class RoleOut(BaseModel):
    """A dated position: title, the organisation and state it belongs to, start and end (ISO dates)."""

    title: str
    org: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = Field(default=None, description="null while held")


class OfficeHolder(BaseModel):
    """A person and the dated role of theirs that matches the question."""

    person: EntityRef
    role: RoleOut


class EntityDetail(EntityRef):
    """One actor: names, type, identifiers, roles and its ties counted per relation."""

    aliases: list[str]
    qid: str | None
    country: str | None
    alpha2: str | None = None
    role: str | None = None
    roles: list[RoleOut] = Field(default_factory=list, description="dated roles (registry), oldest first")
    source: str | None = None
    ties: list[RelationCount]
    events: int = Field(description="events it took part in")
    articles: int = Field(description="articles that mention it")


class ArticleRef(BaseModel):
    """Where a claim comes from."""

    id: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None = None


class Evidence(Coded):
    """One claim behind a tie or event: the sentence, its offsets and its source article."""

    claim_id: str
    relation: Relation | None
    sentence: str | None
    sentence_index: int | None
    start: int | None
    end: int | None
    confidence: float | None
    status: str | None
    date: str | None
    extractor: str | None
    article: ArticleRef | None


class Claim(Evidence):
    """A claim with its subject, object, place and event."""

    subject: EntityRef | None
    object: EntityRef | None
    place: EntityRef | None
    event_id: str | None


class Tie(Coded):
    """A derived actor-to-actor tie seen from one actor."""

    key: str
    relation: Relation
    direction: Literal["out", "in", "both"] = Field(description="'both' for symmetric relations")
    other: EntityRef
    support: int | None
    articles: int | None
    confidence: float | None
    statuses: list[str]
    first_date: str | None
    last_date: str | None
    evidence: list[Evidence] = Field(description="the first claims behind it (up to 5)")


class GraphNode(EntityRef):
    """A node of an ego network or path."""

    country: str | None = None
    depth: int | None = Field(default=None, description="hops from the centre (ego network)")


class GraphEdge(Coded):
    """A derived tie between two nodes, oriented as stored."""

    id: str = Field(description="the tie's key")
    source: str
    target: str
    relation: Relation
    support: int | None
    articles: int | None = None
    confidence: float | None = None
    first_date: str | None = None
    last_date: str | None = None


class EgoGraph(BaseModel):
    """An actor's neighbourhood over derived ties, ready for graph libraries."""

    center: str
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="True when the node limit cut the neighbourhood")


class Path(BaseModel):
    """One shortest path between two actors."""

    length: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Participant(EntityRef):
    """An actor's part in an event."""

    role: str | None


class EventSummary(Coded):
    """An event: type, date, place, participants."""

    id: str
    type: EventType | None
    name: str | None
    date: str | None = Field(description="the date most of its reports give")
    dates: list[str] = Field(default_factory=list, description="every date its reports give (conflicts show here)")
    status: str | None
    support: int | None
    place: EntityRef | None
    participants: list[Participant]


class TimelineEvent(EventSummary):
    """An event on a timeline, with the claims that report it."""

    evidence: list[Evidence]


class EventDetail(EventSummary):
    """An event with every claim behind it."""

    claims: list[Claim]


class YearCount(BaseModel):
    """Claims of one relation in one year."""

    relation: Relation
    year: str | None = Field(description="year of the claim's date, else of the article; null if neither")
    claims: int
    articles: int


class TieBetween(Coded):
    """A derived tie between an actor of one side and an actor of the other."""

    key: str
    relation: Relation
    source: EntityRef
    target: EntityRef
    support: int | None
    articles: int | None
    confidence: float | None
    first_date: str | None
    last_date: str | None
    evidence: list[Evidence]


class TiesReport(BaseModel):
    """Everything between two states (or actors), their officials and institutions."""

    a: EntityRef
    b: EntityRef
    events: list[TimelineEvent] = Field(description="timeline, oldest first; undated events last")
    ties: list[TieBetween]
    counts: list[YearCount]


class ArticleSummary(BaseModel):
    """An article's metadata."""

    id: str
    url: str | None
    outlet: str | None
    language: str | None
    published: str | None
    title: str | None
    loaded_at: datetime | None
    extractor: str | None
    claims: int


class MentionedEntity(EntityRef):
    """An entity an article names."""

    count: int | None
    surface: list[str]


class ArticleDetail(ArticleSummary):
    """An article with the facts (claims) extracted from it."""

    content_hash: str | None
    entities: list[MentionedEntity]
    facts: list[Claim]


class IngestResult(BaseModel):
    """What loading one article did."""

    article_id: str = Field(description="the article's id in the graph")
    status: Literal["created", "replaced", "unchanged"]
    duplicate_of: str | None = Field(
        default=None, description="set when the same text was already loaded (from another URL or form) "
        "under this id; nothing was written and article_id is that id")
    url: str | None
    language: str
    entities: int = Field(description="entities the article names")
    facts: int = Field(description="facts extracted")
    relations: dict[str, int] = Field(description="facts per relation")
    written: dict[str, int] = Field(description="what this call wrote (all zero when unchanged)")


class RetractResult(BaseModel):
    """What retracting one article removed."""

    article_id: str
    retracted: bool
    details: dict[str, object] = Field(default_factory=dict)


class Stats(BaseModel):
    """Counts by label and relationship type, and the last load time."""

    labels: dict[str, int]
    relations: dict[str, int]
    last_loaded_at: datetime | None
