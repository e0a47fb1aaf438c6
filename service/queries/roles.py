"""Who held an office on a date: the dated roles of the registry's people and of the people in the graph.

The registry (hand-curated and imported, `loaders.registry`) answers for every imported state and day,
whether or not an article named the person; the graph adds people articles brought in with roles of their
own. The registry is read in-process (loaded once, as the loaders load it), not copied into the graph.

A role matches a question when the words of its title, less an "of <its state>" tail, stopwords and
spelling variants, are the question's words in any order: "defence minister" is "Minister of Defence of
Russia", but not "Deputy Minister of Defence" (an extra word) nor "Press Secretary of the President".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, LiteralString

import pycountry
from neo4j import Driver
from pydantic import TypeAdapter

from graph_schema.model import EntityType
from graph_schema.text import search_fold
from loaders.registry import Registry, load_registry
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
    return _without_folded(title, _folded_names(state_names))


def _folded_names(state_names: Iterable[str]) -> list[str]:
    return sorted({search_fold(n) for n in state_names if n}, key=len, reverse=True)


def _without_folded(title: str, folded_names: list[str]) -> str:
    folded = search_fold(title)
    for name in folded_names:
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


Source = Literal["all", "registry", "graph"]
"""Where roles are looked up: the registry and the graph (default), or one of them."""

_Candidate = tuple[str, str, RoleOut, tuple[str, ...]]  # person id, name, role, the title's words


def _registry_state_names(reg: Registry, country: str | None) -> set[str]:
    actor = reg.get(country) if country else None
    return {actor.name, *actor.aliases} if actor is not None else set()


@lru_cache(maxsize=1)
def registry_roles() -> tuple[_Candidate, ...]:
    """Every dated role of the registry's people, with its title's words (computed once)."""
    reg = load_registry()
    names: dict[str, list[str]] = {}
    out: list[_Candidate] = []
    for actor in reg.actors.values():
        if actor.type != EntityType.PERSON:
            continue
        for r in actor.roles:
            if r.start is None:
                continue
            role = RoleOut(title=r.title, org=r.org, country=r.country, start=r.start.isoformat(),
                           end=r.end.isoformat() if r.end else None)
            state = r.country or ""
            if state not in names:
                names[state] = _folded_names(_registry_state_names(reg, r.country))
            out.append((actor.id, actor.name, role, tuple(title_words(_without_folded(r.title, names[state])))))
    return tuple(out)


def _graph_roles(driver: Driver, database: str, country: str | None, day: str) -> list[_Candidate]:
    candidates: list[tuple[str, str, RoleOut]] = []
    for row in read(driver, PEOPLE_WITH_ROLES, database=database):
        for role in _ROLES.validate_json(row["roles_json"]):
            if country in (None, role.country) and _held_on(role, day):
                candidates.append((row["id"], row["name"], role))
    states = _state_names(driver, database, {r.country for _, _, r in candidates if r.country})
    return [(pid, name, role, tuple(title_words(_without_state(role.title, states.get(role.country or "", ())))))
            for pid, name, role in candidates]


def holders(*, driver: Driver, database: str, title: str, day: str, country: str | None,
            page: Page, source: Source = "all") -> list[OfficeHolder]:
    """People whose dated role is the office `title` (see the module) on `day`; page.limit + 1 at most.

    Titles in the question's word order come first ("minister of defence" before "defence minister"); a
    role both the graph and the registry hold is listed once.
    """
    wanted = title_words(title)
    candidates: list[_Candidate] = []
    if source in ("all", "graph"):
        candidates += _graph_roles(driver, database, country, day)
    if source in ("all", "registry"):
        candidates += [c for c in registry_roles()
                       if country in (None, c[2].country) and _held_on(c[2], day)]
    ranked: dict[tuple[str, str, str | None], tuple[int, OfficeHolder]] = {}
    for person_id, name, role, words in candidates:
        if sorted(words) == sorted(wanted):
            holder = OfficeHolder(person=EntityRef(id=person_id, name=name, type="Person"), role=role)
            ranked.setdefault((person_id, search_fold(role.title), role.start), (0 if list(words) == wanted else 1,
                                                                                 holder))
    found = sorted(ranked.values(), key=lambda r: (r[0], r[1].person.name, r[1].person.id, r[1].role.start or ""))
    return [holder for _, holder in found][page.offset: page.offset + page.limit + 1]
