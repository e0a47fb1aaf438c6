"""The imported people file read into Actors: dates read so the role surely held, hand-curated people win,
and a bad entry is a `RegistryError` naming the person (all entries are validated in one call)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph_schema.model import EntityType
from loaders.errors import RegistryError
from loaders.registry.model import Actor
from loaders.registry_generated import generated_actors


def _state(iso: str, name: str) -> Actor:
    return Actor(id=iso, type=EntityType.COUNTRY, name=name)


def _file(tmp_path: Path, persons: list[dict[str, Any]]) -> Path:
    path = tmp_path / "persons.json"
    path.write_text(json.dumps({"header": {}, "sources": [], "persons": persons}), encoding="utf-8")
    return path


def _person(pid: str, name: str, **role: Any) -> dict[str, Any]:
    return {"id": pid, "name": name, "qid": None, "country": "NOR",
            "roles": [{"title": "Minister of Defence of Norway", "country": "NOR", "org_kind": "defence_ministry",
                       **role}]}


def test_imported_people_become_actors_with_their_roles_and_org(tmp_path: Path) -> None:
    actors = {"NOR": _state("NOR", "Norway")}
    path = _file(tmp_path, [_person("per:ola-berg", "Ola Berg", start="2019", end="2021-03")])
    got = list(generated_actors(actors, {("defence_ministry", "NOR"): "org:nor-mod"}, path))
    assert [a.id for a in got] == ["per:ola-berg"]
    role = got[0].roles[0]
    # a coarse start is its year's last day, a coarse end its month's first: surely held in between
    assert (role.org, role.start, role.end) == ("org:nor-mod", date(2019, 12, 31), date(2021, 3, 1))
    assert got[0].source == "generated" and got[0].type == EntityType.PERSON


def test_a_person_of_an_unknown_state_or_already_curated_is_left_out(tmp_path: Path) -> None:
    actors = {"NOR": _state("NOR", "Norway"),
              "per:kari-dahl": Actor(id="per:kari-dahl", type=EntityType.PERSON, name="Kari Dahl", country="NOR",
                                     aliases=("Kari Dahl",))}
    other = {**_person("per:x-y", "Xavier Ymir"), "country": "ZZZ"}
    path = _file(tmp_path, [other, _person("per:kari-dahl-2", "Kari Dahl"), _person("per:per-lie", "Per Lie")])
    assert [a.id for a in generated_actors(actors, {}, path)] == ["per:per-lie"]


@pytest.mark.parametrize(("bad", "says"), [
    ({"start": "2019-13-45"}, "per:bad-one"),  # no such day
    ({"title": 7}, "per:bad-one"),  # a title that is no text
])
def test_a_bad_entry_is_a_registry_error_naming_the_person(tmp_path: Path, bad: dict[str, Any], says: str) -> None:
    actors = {"NOR": _state("NOR", "Norway")}
    path = _file(tmp_path, [_person("per:good-one", "Good One"), _person("per:bad-one", "Bad One", **bad)])
    with pytest.raises(RegistryError, match=says):
        list(generated_actors(actors, {}, path))


def test_a_file_that_is_not_json_is_a_registry_error(tmp_path: Path) -> None:
    path = tmp_path / "persons.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"persons\.json"):
        list(generated_actors({"NOR": _state("NOR", "Norway")}, {}, path))
