"""/v1/ties: everything between two states (their officials and institutions included)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from neo4j import Driver

from service.code_params import CodeFilter, CodesDep
from service.deps import DriverDep, SettingsDep, Since, Until, check_date_range, in_thread
from service.errors import BadRequest
from service.params import ACTOR_HELP, resolve_actor
from service.queries import ties
from service.schemas import ErrorResponse, TiesReport

router = APIRouter(prefix="/ties", tags=["ties"])

ActorParam = Annotated[str, Query(min_length=1, max_length=300, description=ACTOR_HELP)]


@router.get("", response_model=TiesReport,
            responses={400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}})
async def get_ties(
    driver: DriverDep,
    settings: SettingsDep,
    a: ActorParam,
    b: ActorParam,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, description="max events and ties (capped at the max page size)")] = 100,
    codes: CodesDep = CodeFilter(),
) -> TiesReport:
    """Timeline of events between a and b (participants, place, date, evidence, article URL), direct ties
    across the two sides, and claims counted per relation per year."""
    return await in_thread(_report, driver=driver, database=settings.neo4j_database, a=a, b=b, since=since,
                           until=until, limit=min(limit, settings.max_page_size), codes=codes)


def _report(*, driver: Driver, database: str, a: str, b: str, since: str | None, until: str | None, limit: int,
            codes: CodeFilter) -> TiesReport:
    """The two actors resolved (in the pool: the first resolution reads the registry, seconds), then the report."""
    a, b = resolve_actor(a), resolve_actor(b)
    if a == b:
        raise BadRequest("a and b are the same.", details={"a": a, "b": b})
    check_date_range(since, until)
    return ties.report(driver=driver, database=database, a=a, b=b, since=since, until=until, limit=limit,
                       codes=codes)
