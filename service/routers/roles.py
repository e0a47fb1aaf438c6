"""/v1/roles: who held an office on a date ("Russia's defence minister on 2021-06-22")."""

from __future__ import annotations

import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from service.deps import DriverDep, PageDep, SettingsDep
from service.params import StateQuery, invalid, resolve_title
from service.queries import roles
from service.schemas import ListResponse, OfficeHolder

router = APIRouter(prefix="/roles", tags=["roles"])


@router.get("", response_model=ListResponse[OfficeHolder])
def office_holders(
    driver: DriverDep,
    settings: SettingsDep,
    page: PageDep,
    title: Annotated[str, Query(min_length=2, max_length=200,
                                description="the office in any supported language, words in any order: "
                                            "'defence minister', 'Menteri Pertahanan', 'ministre de la Défense'")],
    date: Annotated[str, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="the day: 2021-06-22")],
    country: StateQuery = None,
    source: Annotated[roles.Source, Query(description="all: the registry and the graph; registry or graph "
                                                      "alone")] = "all",
) -> ListResponse[OfficeHolder]:
    """People whose dated role is the office `title` (in any word order, without qualifiers it does not
    name: "defence minister" is not a deputy) on `date`: the registry's (any imported state) and the
    graph's."""
    try:
        datetime.date.fromisoformat(date)
    except ValueError as exc:
        raise invalid("date", "not a calendar day") from exc
    english, title_state = resolve_title(title)
    if not roles.title_words(english):
        raise invalid("title", "the title names no office")
    if country and title_state and country != title_state:
        raise invalid("title", f"the title names {title_state}, country is {country}")
    found = roles.holders(driver=driver, database=settings.neo4j_database, title=english, day=date,
                          country=country or title_state, page=page, source=source)
    return ListResponse[OfficeHolder](data=found[: page.limit], next_cursor=page.next_cursor(len(found)))
