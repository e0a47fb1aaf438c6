"""/v1/roles: who held an office on a date ("Russia's defence minister on 2021-06-22")."""

from __future__ import annotations

import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from service.deps import DriverDep, PageDep, SettingsDep
from service.queries import roles
from service.schemas import ListResponse, OfficeHolder

router = APIRouter(prefix="/roles", tags=["roles"])


def _invalid(field: str, message: str) -> RequestValidationError:
    """A 422 in the API's error shape that points at one query parameter."""
    return RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])


@router.get("", response_model=ListResponse[OfficeHolder])
def office_holders(
    driver: DriverDep,
    settings: SettingsDep,
    page: PageDep,
    title: Annotated[str, Query(min_length=2, max_length=200,
                                description="the office's words, any order: 'defence minister', 'president'")],
    date: Annotated[str, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="the day: 2021-06-22")],
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO alpha-3 of the state")] = None,
    source: Annotated[roles.Source, Query(description="all: the registry and the graph; registry or graph "
                                                      "alone")] = "all",
) -> ListResponse[OfficeHolder]:
    """People whose dated role is the office `title` (in any word order, without qualifiers it does not
    name: "defence minister" is not a deputy) on `date`: the registry's (any imported state) and the
    graph's."""
    try:
        datetime.date.fromisoformat(date)
    except ValueError as exc:
        raise _invalid("date", "not a calendar day") from exc
    if not roles.title_words(title):
        raise _invalid("title", "the title names no office")
    found = roles.holders(driver=driver, database=settings.neo4j_database, title=title.strip(), day=date,
                          country=country, page=page, source=source)
    return ListResponse[OfficeHolder](data=found[: page.limit], next_cursor=page.next_cursor(len(found)))
