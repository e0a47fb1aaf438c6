"""The generated registry data (loaders/data/actors/generated/), merged under the hand-curated files.

`add_generated` runs once inside `load_registry`: each imported person becomes an `Actor` (source
"generated") unless a hand-curated person is the same one — same id, same Wikidata id, or one of its names
with the same state — so curated data always wins. Only full names (two words or more) of imported people
enter the alias index, with their spellings in other languages (`loaders.translit`); a name two imported
people share is left out (neither is matched by it), and nothing is fuzzy-matched. A surname alone is
resolved later, per article, by `loaders.surnames`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from graph_schema.model import EntityType
from loaders.errors import RegistryError
from loaders.models import EntitySource, MentionHow
from loaders.registry.model import Actor, AliasHit, Role
from loaders.registry_import import GENERATED_FILE
from loaders.text import PhraseMatcher, norm
from loaders.translit import load_transliterator

SOURCE = EntitySource.GENERATED
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def _day(value: str | None, *, start: bool) -> date | None:
    """A source date (YYYY, YYYY-MM or YYYY-MM-DD) as a day, read so that the role surely held between
    them: a coarse start is the last day of its year or month, a coarse end the first."""
    if not value:
        return None
    if _YEAR.fullmatch(value):
        return date(int(value), 12, 31) if start else date(int(value), 1, 1)
    if _MONTH.fullmatch(value):
        year, month = int(value[:4]), int(value[5:])
        if not start:
            return date(year, month, 1)
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date.fromisoformat(value)


def _persons(path: Path) -> list[dict[str, Any]]:
    """The persons of the generated file as parsed JSON (the importer wrote them through its models)."""
    if not path.exists():
        return []
    try:
        persons = json.loads(path.read_text(encoding="utf-8"))["persons"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc
    return list(persons)


_ACTORS: TypeAdapter[list[Actor]] = TypeAdapter(list[Actor])


def _actor_fields(raw: dict[str, Any], by_kind: dict[tuple[str, str], str], path: Path) -> dict[str, Any]:
    """An imported person's Actor fields, its dates parsed (validated with the others, `_actors`)."""
    try:
        roles = [{"title": r["title"], "org": by_kind.get((r["org_kind"], r["country"])) if r.get("org_kind") else None,
                  "country": r["country"], "start": _day(r.get("start"), start=True),
                  "end": _day(r.get("end"), start=False)} for r in raw["roles"]]
        name = str(raw["name"])
        names = [name, *load_transliterator().variants(name, raw["country"])]
        return {"id": raw["id"], "type": EntityType.PERSON, "name": name, "aliases": tuple(dict.fromkeys(names)),
                "qid": raw["qid"], "country": raw["country"], "roles": roles, "source": SOURCE}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RegistryError(f"{path}: bad person {raw!r}: {exc}") from exc


def _actors(fields: list[dict[str, Any]], path: Path) -> list[Actor]:
    """The imported people as Actors, validated in one call (one model per person cost a tenth of a cold
    registry load); the first bad one named in the error."""
    try:
        return _ACTORS.validate_python(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = first["loc"][0] if first["loc"] else None
        who = fields[where]["id"] if isinstance(where, int) and where < len(fields) else "?"
        raise RegistryError(f"{path}: bad person {who}: {first['msg']} at {first['loc'][1:]}") from exc


_Keys = tuple[set[str], set[tuple[str, str | None]], set[tuple[str, date]]]


def _curated_keys(actors: dict[str, Actor], fold: Callable[[str], str]) -> _Keys:
    """What identifies a curated person: Wikidata ids, (name, state) pairs, (office, first day) pairs."""
    people = [a for a in actors.values() if a.type == EntityType.PERSON]
    qids = {a.qid for a in people if a.qid}
    names = {(fold(alias), a.country) for a in people for alias in a.aliases}
    offices = {(fold(r.title), r.start) for a in people for r in a.roles if r.start is not None}
    return qids, names, offices


def _same_as_curated(actor: Actor, keys: _Keys, fold: Callable[[str], str]) -> bool:
    """Same Wikidata id, a name of the same state, or the same office taken the same day (an imported
    "Sergey Ivanoff" taking an office the same day as a curated "Sergei Ivanov" is that person)."""
    qids, names, offices = keys
    return (actor.qid in qids or any((fold(a), actor.country) in names for a in actor.aliases)
            or any((fold(r.title), r.start) in offices for r in actor.roles if r.start is not None))


def _curated_starts(actors: dict[str, Actor], fold: Callable[[str], str]) -> dict[str, list[date]]:
    """The days a hand-curated holder took each office (folded title), in order."""
    starts: dict[str, set[date]] = {}
    for actor in actors.values():
        if actor.type == EntityType.PERSON:
            for r in actor.roles:
                if r.start is not None:
                    starts.setdefault(fold(r.title), set()).add(r.start)
    return {title: sorted(days) for title, days in starts.items()}


def _closed(actor: Actor, starts: dict[str, list[date]], fold: Callable[[str], str]) -> Actor:
    """The imported roles still open at the snapshot end where a curated holder of the same office took
    it later (the import stops in 2022; the curated file knows who came next)."""
    roles = list(actor.roles)
    for i, r in enumerate(roles):
        if r.end is None and r.start is not None:
            later = next((d for d in starts.get(fold(r.title), ()) if d > r.start), None)
            if later is not None:
                roles[i] = r.model_copy(update={"end": later})
    return actor if roles == list(actor.roles) else actor.model_copy(update={"roles": tuple(roles)})


def generated_actors(actors: dict[str, Actor], by_kind: dict[tuple[str, str], str],
                     path: Path = GENERATED_FILE, fold: Callable[[str], str] = norm) -> Iterator[Actor]:
    """The imported people no hand-curated entry already stands for (hand-curated wins), their open roles
    ended where a curated holder of the office followed."""
    keys = _curated_keys(actors, fold)
    starts = _curated_starts(actors, fold)
    fields = []
    for raw in _persons(path):
        state = actors.get(str(raw.get("country")))
        # a person of a state the registry lacks (pycountry has no Kosovo) would name an actor no article
        # could store: left out, like any office the import does not keep
        if raw.get("id") in actors or state is None or state.type != EntityType.COUNTRY:
            continue
        fields.append(_actor_fields(raw, by_kind, path))
    for actor in _actors(fields, path):
        if not _same_as_curated(actor, keys, fold):
            yield _closed(actor, starts, fold)


def add_generated(actors: dict[str, Actor], matcher: PhraseMatcher[AliasHit],
                  offices: dict[str, list[tuple[str, Role]]], by_kind: dict[tuple[str, str], str],
                  path: Path = GENERATED_FILE) -> None:
    """Add the imported people to the registry's actors, alias index and offices (see the module)."""
    fold = lru_cache(maxsize=None)(norm)  # titles and names repeat: fold each once
    taken = {fold(alias) for a in actors.values() if a.type != EntityType.COUNTRY for alias in a.aliases}
    added = list(generated_actors(actors, by_kind, path, fold))
    owners: dict[str, set[str]] = {}
    for actor in added:
        for alias in actor.aliases:
            owners.setdefault(fold(alias), set()).add(actor.id)
    for actor in added:
        actors[actor.id] = actor
        for role in actor.roles:
            offices.setdefault(fold(role.title), []).append((actor.id, role))
        for alias in actor.aliases:
            key = fold(alias)
            if len(key.split()) >= 2 and key not in taken and len(owners[key]) == 1:
                matcher.add(alias, AliasHit(actor.id, MentionHow.ALIAS, False, True, alias))
