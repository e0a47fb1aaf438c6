"""/v1/paths: shortest paths between two actors over derived ties."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from neo4j import Driver

from service.deps import DriverDep, SettingsDep, in_thread
from service.errors import BadRequest
from service.params import ACTOR_HELP, resolve_actor
from service.queries import paths
from service.schemas import ErrorResponse, ListResponse, Path

router = APIRouter(prefix="/paths", tags=["paths"])


@router.get("", response_model=ListResponse[Path],
            responses={400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}})
async def get_paths(
    driver: DriverDep,
    settings: SettingsDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=300, description=ACTOR_HELP)],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=300, description=ACTOR_HELP)],
    max_hops: Annotated[int, Query(ge=1, le=paths.MAX_HOPS)] = 4,
    limit: Annotated[int, Query(ge=1, le=100, description="max paths")] = 10,
) -> ListResponse[Path]:
    """All shortest paths (at most max_hops ties) between two actors; empty when none is that short."""
    found = await in_thread(_shortest, driver=driver, database=settings.neo4j_database, source=source,
                            target=target, max_hops=max_hops, limit=limit)
    return ListResponse(data=found, next_cursor=None)


def _shortest(*, driver: Driver, database: str, source: str, target: str, max_hops: int,
              limit: int) -> list[Path]:
    """The two actors resolved (in the pool: the first resolution reads the registry, seconds), then the paths."""
    source, target = resolve_actor(source), resolve_actor(target)
    if source == target:
        raise BadRequest("from and to are the same actor.", details={"from": source, "to": target})
    return paths.shortest(driver=driver, database=database, source=source, target=target, max_hops=max_hops,
                          limit=limit)
