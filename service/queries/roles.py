"""Who held an office on a date: the dated roles of the people in the graph.

A role matches a question when the words of its title, less an "of <its state>" tail, stopwords and
spelling variants, are the question's words in any order: "defence minister" is "Minister of Defence of
Russia", but not "Deputy Minister of Defence" (an extra word) nor "Press Secretary of the President".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import LiteralString

import pycountry
from neo4j import Driver
from pydantic import TypeAdapter

from graph_schema.text import search_fold
from service.deps import Page
from service.queries._common import read
from service.schemas import EntityRef, OfficeHolder, RoleOut

_ROLES = TypeAdapter(list[RoleOut])

PEOPLE_WITH_ROLES: LiteralString = """
MATCH (p:Person)
WHERE p.roles_json IS NOT NULL
RETURN p.id AS id, p.name AS name, p.roles_json AS roles_json
ORDER BY p.name, p.id
"""

COUNTRY_NAMES: LiteralString = """
MATCH (c:Country)
WHERE c.id IN $ids
RETURN c.id AS id, [c.name] + coalesce(c.aliases, []) + coalesce(c.known_aliases, []) AS names
"""

STOPWORDS = frozenset({"of", "the", "for", "and", "a", "an", "affairs"})
"""Words a title may have or lack ("Minister of Foreign Affairs" is the "foreign minister")."""

SPELLINGS: dict[str, str] = {"defense": "defence", "defensa": "defence", "programme": "program"}
"""Spelling variants, folded to one form."""

_WORD = re.compile(r"\w+")


def title_words(text: str) -> list[str]:
    """The folded content words of a title or question, spelling variants unified, in order."""
    words = (SPELLINGS.get(w, w) for w in _WORD.findall(search_fold(text)))
    return [w for w in words if w not in STOPWORDS]


def _without_state(title: str, state_names: Iterable[str]) -> str:
    """The title less an "of <state>" tail ("Minister of Defence of Russia" → "Minister of Defence")."""
    folded = search_fold(title)
    for name in sorted({search_fold(n) for n in state_names if n}, key=len, reverse=True):
        for tail in (f" of {name}", f" of the {name}"):
            if folded.endswith(tail):
                return folded[: -len(tail)]
    return folded


def _state_names(driver: Driver, database: str, ids: set[str]) -> dict[str, set[str]]:
    """Names of states by alpha-3: the graph's names and aliases, and ISO's."""
    names: dict[str, set[str]] = {i: set() for i in ids}
    for row in read(driver, COUNTRY_NAMES, database=database, ids=sorted(ids)):
        names[row["id"]].update(n for n in row["names"] if isinstance(n, str))
    for alpha3 in ids:
        iso = pycountry.countries.get(alpha_3=alpha3)
        if iso is not None:
            names[alpha3].update(getattr(iso, k, "") for k in ("name", "common_name", "official_name"))
    return names


def _held_on(role: RoleOut, day: str) -> bool:
    """Whether a role was held on `day` (ISO dates compare as strings; an open end means still held)."""
    return (role.start is not None and role.start <= day) and (role.end is None or day < role.end)


def holders(*, driver: Driver, database: str, title: str, day: str, country: str | None,
            page: Page) -> list[OfficeHolder]:
    """People whose registry role is the office `title` (see the module) on `day`; page.limit + 1 at most.

    Titles in the question's word order come first ("minister of defence" before "defence minister").
    """
    wanted = title_words(title)
    candidates: list[tuple[str, str, RoleOut]] = []
    for row in read(driver, PEOPLE_WITH_ROLES, database=database):
        for role in _ROLES.validate_json(row["roles_json"]):
            if country in (None, role.country) and _held_on(role, day):
                candidates.append((row["id"], row["name"], role))
    states = _state_names(driver, database, {r.country for _, _, r in candidates if r.country})
    ranked: list[tuple[int, OfficeHolder]] = []
    for person_id, name, role in candidates:
        words = title_words(_without_state(role.title, states.get(role.country or "", ())))
        if sorted(words) == sorted(wanted):
            ranked.append((0 if words == wanted else 1,
                           OfficeHolder(person=EntityRef(id=person_id, name=name, type="Person"), role=role)))
    ranked.sort(key=lambda r: (r[0], r[1].person.name, r[1].person.id, r[1].role.start or ""))
    return [holder for _, holder in ranked][page.offset: page.offset + page.limit + 1]
