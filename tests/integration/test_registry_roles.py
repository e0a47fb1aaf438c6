"""/v1/roles from the imported registry: any imported state and day, with no article in the graph."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from loaders.registry_import import read_generated
from service.app import create_app
from service.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def client(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def _names(client: TestClient, title: str, country: str, day: str) -> list[str]:
    response = client.get("/v1/roles", params={"title": title, "country": country, "date": day,
                                               "source": "registry", "limit": "50"})
    assert response.status_code == 200, response.text
    return [h["person"]["name"] for h in response.json()["data"]]


@pytest.mark.parametrize(("title", "country", "day", "expected"), [
    ("defence minister", "BRA", "2020-01-10", ["Fernando Azevedo e Silva"]),
    ("defence minister", "ARG", "2020-06-01", ["Agustín Rossi"]),
    ("defence minister", "NGA", "2020-01-01", ["Bashir Salihi Magashi"]),
    ("foreign minister", "KEN", "2019-06-01", ["Monica Juma"]),
    ("foreign minister", "ARG", "2020-06-01", ["Felipe Solá"]),
    ("prime minister", "JPN", "2021-01-04", ["Yoshihide Suga"]),
    ("prime minister", "FRA", "2019-01-01", ["Édouard Philippe"]),
    ("prime minister", "RUS", "2021-06-22", ["Mikhail Mishustin"]),
])
def test_the_office_holder_of_an_imported_state_on_a_day(client: TestClient, title: str, country: str, day: str,
                                                          expected: list[str]) -> None:
    assert _names(client, title, country, day) == expected


def _samples(title: str, count: int) -> list[tuple[str, str, str]]:
    """(state, day, name): the middle day of the first `count` imported terms of `title`, one per state."""
    data = read_generated()
    assert data is not None
    seen: dict[str, tuple[str, str, str]] = {}
    for person in data.persons:
        for role in person.roles:
            if not role.title.startswith(f"{title} of ") or role.country in seen or not role.start or not role.end:
                continue
            if len(role.start) == len(role.end) == 10:
                a, b = date.fromisoformat(role.start), date.fromisoformat(role.end)
                if (b - a).days > 60:
                    seen[role.country] = (role.country, (a + (b - a) / 2).isoformat(), person.name)
    return sorted(seen.values())[:count]


@pytest.mark.parametrize(("title", "question"), [("Minister of Defence", "defence minister"),
                                                 ("Minister of Foreign Affairs", "foreign minister"),
                                                 ("Prime Minister", "prime minister")])
def test_imported_terms_answer_in_their_middle(client: TestClient, title: str, question: str) -> None:
    samples = _samples(title, 25)
    assert len(samples) == 25
    for country, day, name in samples:
        assert name in _names(client, question, country, day), (country, day)


_QUESTIONS = {"Minister of Defence": "defence minister", "Minister of Foreign Affairs": "foreign minister",
              "Prime Minister": "prime minister", "President": "president"}


def _curated_2025(day: date) -> list[tuple[str, str, str]]:
    """(question, state, name): each office of the curated officials file held on `day`."""
    from loaders.registry.build import CURATED_OFFICIALS, DATA_DIR
    from loaders.registry.yamlio import parse_date, read_yaml

    out = []
    for raw in read_yaml(DATA_DIR / "actors" / f"{CURATED_OFFICIALS}.yaml"):
        for role in raw.get("roles", ()):
            office, _, _ = role["title"].rpartition(" of ")
            start, end = parse_date(role.get("start")), parse_date(role.get("end"))
            held = start is not None and start <= day and (end is None or day < end)
            if office in _QUESTIONS and held and "name" in raw:
                out.append((_QUESTIONS[office], role.get("country", raw["country"]), raw["name"]))
    return sorted(out)


@pytest.mark.parametrize(("question", "country", "name"), _curated_2025(date(2025, 11, 1)))
def test_a_curated_office_holder_answers_for_2025(client: TestClient, question: str, country: str,
                                                  name: str) -> None:
    assert _names(client, question, country, "2025-11-01") == [name]
