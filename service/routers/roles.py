"""/v1/roles: who held an office on a date ("Russia's defence minister on 2021-06-22")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from service.deps import DriverDep, SettingsDep
from service.queries import roles
from service.schemas import ListResponse, OfficeHolder

router = APIRouter(prefix="/roles", tags=["roles"])


@router.get("", response_model=ListResponse[OfficeHolder])
def office_holders(
    driver: DriverDep,
    settings: SettingsDep,
    title: Annotated[str, Query(min_length=2, max_length=200,
                                description="words of the office, any order: 'defence minister', 'president'")],
    date: Annotated[str, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="the day: 2021-06-22")],
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO alpha-3 of the state")] = None,
) -> ListResponse[OfficeHolder]:
    """People in the graph whose dated role matching `title` was held on `date` (registry roles)."""
    found = roles.holders(driver=driver, database=settings.neo4j_database, title=title, day=date, country=country)
    return ListResponse[OfficeHolder](data=found[: settings.max_page_size])
