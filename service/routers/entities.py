"""/v1/entities: search actors, one actor, its direct ties, its ego network."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from neo4j import Driver

from graph_schema.model import EntityType, Relation
from service.code_params import CodeFilter, CodesDep
from service.deps import DriverDep, Page, PageDep, SettingsDep, Since, Until, check_date_range, in_thread
from service.errors import NotFound
from service.params import resolve_actor, search_fallback, search_text
from service.queries import entities
from service.schemas import EgoGraph, EntityDetail, EntitySummary, ErrorResponse, ListResponse, Tie

router = APIRouter(prefix="/entities", tags=["entities"])

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse, "description": "no actor has this id"}}

EntityIdPath = Annotated[str, Path(min_length=1, max_length=300, description="e.g. RUS, per:sergei-shoigu")]


def valid_entity_id(entity_id: EntityIdPath) -> str:
    """The path's entity id (a state's code in any case or its name: its alpha-3); the query itself answers
    404 when no actor has it (one round trip)."""
    return resolve_actor(entity_id)


ValidEntityId = Annotated[str, Depends(valid_entity_id)]


@router.get("", response_model=ListResponse[EntitySummary])
async def list_entities(
    driver: DriverDep,
    settings: SettingsDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description=(
        "name or alias, any language; MMR finds its state; one typo forgiven when nothing matches as typed"))] = None,
    type: Annotated[EntityType | None, Query(description="entity type")] = None,
) -> ListResponse[EntitySummary]:
    """Search actors by name or alias (case-, accent- and language-insensitive); without q, by name.

    An upper-case ISO alpha-3 code searches for its state; a q that finds nothing as typed is searched
    again as its state when it is a code in another case, or as the one registered name a single typo away."""
    rows = await in_thread(_search, driver=driver, database=settings.neo4j_database, q=q, type=type, page=page)
    return ListResponse(data=rows[: page.limit], next_cursor=page.next_cursor(len(rows)))


def _search(*, driver: Driver, database: str, q: str | None, type: EntityType | None,
            page: Page) -> list[EntitySummary]:
    """The search as typed, then its correction when the first page found nothing."""
    text = search_text(q) if q else q
    rows = entities.search(driver=driver, database=database, q=text, type=type, page=page)
    corrected = search_fallback(q) if q and not rows and page.offset == 0 else None
    if corrected:
        rows = entities.search(driver=driver, database=database, q=corrected, type=type, page=page)
    return rows


@router.get("/{entity_id}", response_model=EntityDetail, responses=_NOT_FOUND)
def get_entity(entity_id: EntityIdPath, driver: DriverDep, settings: SettingsDep) -> EntityDetail:
    """One actor (a state also by its code in any case or its name): names, aliases, type, QID, role(s)
    and its ties counted per relation."""
    entity_id = resolve_actor(entity_id)
    detail = entities.get(driver=driver, database=settings.neo4j_database, entity_id=entity_id)
    if detail is None:
        raise NotFound(f"No entity with id {entity_id!r}.", details={"id": entity_id})
    return detail


@router.get("/{entity_id}/relationships", response_model=ListResponse[Tie], responses=_NOT_FOUND)
async def get_relationships(
    entity_id: ValidEntityId,
    driver: DriverDep,
    settings: SettingsDep,
    page: PageDep,
    since: Since = None,
    until: Until = None,
    relation: Annotated[Relation | None, Query(description="only this relation")] = None,
    direction: Annotated[Literal["out", "in", "both"], Query(description="symmetric ties always match")] = "both",
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    codes: CodesDep = CodeFilter(),
) -> ListResponse[Tie]:
    """The actor's direct (derived) ties: the other actor, support, dates, confidence, first evidence."""
    check_date_range(since, until)
    rows = await in_thread(
        entities.relationships, driver=driver, database=settings.neo4j_database, entity_id=entity_id, relation=relation,
        direction=direction, since=since, until=until, min_confidence=min_confidence, page=page, codes=codes,
    )
    return ListResponse(data=rows[: page.limit], next_cursor=page.next_cursor(len(rows)))


@router.get("/{entity_id}/graph", response_model=EgoGraph, responses=_NOT_FOUND)
async def get_ego_graph(
    entity_id: ValidEntityId,
    driver: DriverDep,
    settings: SettingsDep,
    depth: Annotated[int, Query(ge=1, le=3, description="hops from the actor")] = 1,
    limit: Annotated[int, Query(ge=1, description="max nodes (capped at the max page size)")] = 100,
) -> EgoGraph:
    """Ego network {nodes, edges} over derived ties, for graph libraries."""
    return await in_thread(entities.ego_graph, driver=driver, database=settings.neo4j_database,
                           entity_id=entity_id, depth=depth, limit=min(limit, settings.max_page_size))
