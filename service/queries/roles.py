"""Who held an office on a date: the dated roles of the people in the graph."""

from __future__ import annotations

from typing import LiteralString

from neo4j import Driver
from pydantic import TypeAdapter

from graph_schema.text import search_fold
from service.queries._common import read
from service.schemas import EntityRef, OfficeHolder, RoleOut

_ROLES = TypeAdapter(list[RoleOut])

# People with dated roles, narrowed by state when one is given (a role's state, or the person's).
PEOPLE_WITH_ROLES: LiteralString = """
MATCH (p:Person)
WHERE p.roles_json IS NOT NULL
  AND ($country IS NULL OR p.country = $country OR p.roles_json CONTAINS ('"country": "' + $country + '"'))
RETURN p.id AS id, p.name AS name, p.roles_json AS roles_json
ORDER BY p.name, p.id
"""


def _held_on(role: RoleOut, day: str) -> bool:
    """Whether a role was held on `day` (ISO dates compare as strings; an open end means still held)."""
    return (role.start is not None and role.start <= day) and (role.end is None or day < role.end)


def holders(*, driver: Driver, database: str, title: str, day: str, country: str | None) -> list[OfficeHolder]:
    """The people whose registry role matching `title` (any words of it, folded) was held on `day`."""
    words = search_fold(title).split()
    out: list[OfficeHolder] = []
    for row in read(driver, PEOPLE_WITH_ROLES, database=database, country=country):
        for role in _ROLES.validate_json(row["roles_json"]):
            folded = search_fold(role.title)
            if all(w in folded for w in words) and _held_on(role, day) and country in (None, role.country):
                out.append(OfficeHolder(person=EntityRef(id=row["id"], name=row["name"], type="Person"),
                                        role=role))
    return out
