"""/v1/ties: everything between two states (their officials and institutions included)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from service.deps import DriverDep, SettingsDep, Since, Until, check_date_range
from service.errors import BadRequest, NotFound
from service.params import ACTOR_HELP, resolve_actor
from service.queries import ties
from service.schemas import ErrorResponse, TiesReport

router = APIRouter(prefix="/ties", tags=["ties"])

ActorParam = Annotated[str, Query(min_length=1, max_length=300, description=ACTOR_HELP)]


@router.get("", response_model=TiesReport,
            responses={400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}})
def get_ties(
    driver: DriverDep,
    settings: SettingsDep,
    a: ActorParam,
    b: ActorParam,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, description="max events and ties (capped at the max page size)")] = 100,
) -> TiesReport:
    """Timeline of events between a and b (participants, place, date, evidence, article URL), direct ties
    across the two sides, and claims counted per relation per year."""
    a, b = resolve_actor(a), resolve_actor(b)
    if a == b:
        raise BadRequest("a and b are the same.", details={"a": a, "b": b})
    check_date_range(since, until)
    found = ties.endpoints(driver=driver, database=settings.neo4j_database, a=a, b=b)
    ref_a, ref_b = found.get(a), found.get(b)
    if ref_a is None or ref_b is None:
        unknown = [x for x, r in ((a, ref_a), (b, ref_b)) if r is None]
        raise NotFound(f"No entity with id {unknown[0]!r}.", details={"unknown": unknown})
    return ties.between(driver=driver, database=settings.neo4j_database, a=ref_a, b=ref_b, since=since,
                        until=until, limit=min(limit, settings.max_page_size))
