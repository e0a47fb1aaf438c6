"""/v1/events: meetings, visits, transfers … with participants, place, date and their claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from graph_schema.model import EventType
from service.code_params import CodeFilter, CodesDep
from service.deps import DriverDep, PageDep, SettingsDep, Since, Until, check_date_range
from service.errors import NotFound
from service.params import ACTOR_HELP, StateQuery, resolve_actor
from service.queries import events
from service.schemas import ErrorResponse, EventDetail, EventSummary, ListResponse

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=ListResponse[EventSummary])
def list_events(
    driver: DriverDep,
    settings: SettingsDep,
    page: PageDep,
    since: Since = None,
    until: Until = None,
    type: Annotated[EventType | None, Query(description="event type")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=300, description=ACTOR_HELP)] = None,
    country: StateQuery = None,
    codes: CodesDep = CodeFilter(),
) -> ListResponse[EventSummary]:
    """Events, newest first."""
    check_date_range(since, until)
    rows = events.list_events(driver=driver, database=settings.neo4j_database, type=type,
                              actor=resolve_actor(actor) if actor else None, country=country, since=since, until=until,
                              page=page, codes=codes)
    return ListResponse(data=rows[: page.limit], next_cursor=page.next_cursor(len(rows)))


@router.get("/{event_id}", response_model=EventDetail, responses={404: {"model": ErrorResponse}})
def get_event(
    event_id: Annotated[str, Path(min_length=1, max_length=300)], driver: DriverDep, settings: SettingsDep
) -> EventDetail:
    """One event: participants, place, date and every claim behind it with its evidence and article."""
    detail = events.get(driver=driver, database=settings.neo4j_database, event_id=event_id)
    if detail is None:
        raise NotFound(f"No event with id {event_id!r}.", details={"id": event_id})
    return detail
