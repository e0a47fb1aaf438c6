"""The must-show path through HTTP: the real seed article, posted to the API, is found every way an
analyst would look for it (ties between the states, each person's ties, meetings, paths, search)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from loaders.clean import clean
from loaders.models import ArticleRecord
from service.app import create_app
from service.settings import Settings

SEED = Path(__file__).resolve().parents[2] / "data" / "articles" / "kompas-2021-06-24-rusia-myanmar.txt"
URL = "https://www.kompas.com/global/read/2021/06/24/122056870/rusia-nyatakan-perkuat-hubungan-militer-dengan-myanmar"
RECORD = {
    "url": URL, "outlet": "Kompas.com", "language": "id", "published": "2021-06-24T12:20:00+07:00",
    "title": "Rusia Nyatakan Perkuat Hubungan Militer dengan Myanmar", "text": SEED.read_text(encoding="utf-8"),
}
KEY = "seed-key"


@pytest.fixture(scope="module")
def loaded(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[tuple[TestClient,
                                                                                                  Any]]:
    """An API (writes need a key) into which the seed article was POSTed; the client and that answer."""
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n",
                         database_=neo4j_settings.neo4j_database)
    settings = neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/articles", json=RECORD, headers={"X-API-Key": KEY})
        yield client, response


@pytest.fixture(scope="module")
def client(loaded: tuple[TestClient, Any]) -> TestClient:
    """The API client, once the seed is in."""
    return loaded[0]


def _person(client: TestClient, name: str) -> str:
    data = client.get("/v1/entities", params={"q": name, "type": "Person"}).json()["data"]
    assert data, f"{name} not found"
    return str(data[0]["id"])


def _mentions_meeting(evidence: dict[str, Any]) -> bool:
    return "Shoigu" in evidence["sentence"] and "Min Aung" in evidence["sentence"]


def test_post_creates_then_reposting_is_unchanged(loaded: tuple[TestClient, Any]) -> None:
    client, first = loaded
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "created" and first.json()["facts"] > 0
    again = client.post("/v1/articles", json=RECORD, headers={"X-API-Key": KEY})
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_the_same_text_without_its_url_is_the_already_loaded_article(loaded: tuple[TestClient, Any]) -> None:
    client, first = loaded
    plain = client.post("/v1/articles", content=SEED.read_bytes(),
                        headers={"X-API-Key": KEY, "Content-Type": "text/plain"})
    assert plain.status_code == 200, plain.text
    body = plain.json()
    assert body["status"] == "unchanged"
    assert body["article_id"] == body["duplicate_of"] == first.json()["article_id"]
    assert client.get(f"/v1/articles/{body['article_id']}").status_code == 200


def test_post_without_the_key_is_401(client: TestClient) -> None:
    response = client.post("/v1/articles", json=RECORD)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_ties_between_russia_and_myanmar_show_the_meeting(client: TestClient) -> None:
    body = client.get("/v1/ties", params={"a": "RUS", "b": "MMR"}).json()
    meetings = [e for e in body["events"] if e["type"] == "Meeting" and e["date"] == "2021-06-22"]
    assert meetings, body["events"]
    meeting = meetings[0]
    names = {p["name"] for p in meeting["participants"]}
    assert {"Sergei Shoigu", "Min Aung Hlaing"} <= names
    assert meeting["place"] and meeting["place"]["name"] == "Moscow"
    assert any(_mentions_meeting(e) and e["article"]["url"] == URL for e in meeting["evidence"])


@pytest.mark.parametrize(("person", "other"), [("Sergei Shoigu", "Min Aung Hlaing"),
                                               ("Min Aung Hlaing", "Sergei Shoigu")])
def test_each_persons_relationships_show_the_meeting(client: TestClient, person: str, other: str) -> None:
    pid = _person(client, person)
    ties = client.get(f"/v1/entities/{pid}/relationships", params={"relation": "MET_WITH"}).json()["data"]
    tie = next(t for t in ties if t["other"]["name"] == other)
    assert tie["first_date"] == "2021-06-22"
    assert any(_mentions_meeting(e) and e["article"]["url"] == URL for e in tie["evidence"])


def test_meetings_list_the_shoigu_min_aung_hlaing_meeting_with_its_claims(client: TestClient) -> None:
    events = client.get("/v1/events", params={"type": "Meeting"}).json()["data"]
    meeting = next(e for e in events if e["date"] == "2021-06-22"
                   and {"Sergei Shoigu", "Min Aung Hlaing"} <= {p["name"] for p in e["participants"]})
    detail = client.get(f"/v1/events/{meeting['id']}").json()
    claim = next(c for c in detail["claims"] if _mentions_meeting(c))
    assert claim["article"]["url"] == URL and claim["article"]["outlet"] == "Kompas.com"
    # The claim's offsets point at its sentence in the article's clean text (what the pipeline read).
    text = clean(ArticleRecord.model_validate({**RECORD, "source": URL})).text
    assert 0 <= claim["start"] < claim["end"] <= len(text)
    assert text[claim["start"]:claim["end"]] == claim["sentence"]


def test_paths_link_min_aung_hlaing_to_patrushev(client: TestClient) -> None:
    source, target = _person(client, "Min Aung Hlaing"), _person(client, "Nikolai Patrushev")
    paths = client.get("/v1/paths", params={"from": source, "to": target}).json()["data"]
    assert paths and paths[0]["length"] == 1
    assert paths[0]["edges"][0]["relation"] == "MET_WITH"


@pytest.mark.parametrize("q", ["Rusia", "Россия"])
def test_search_finds_russia(client: TestClient, q: str) -> None:
    assert client.get("/v1/entities", params={"q": q}).json()["data"][0]["id"] == "RUS"


def test_search_finds_moscow_by_its_indonesian_name(client: TestClient) -> None:
    found = client.get("/v1/entities", params={"q": "Moskwa", "type": "Place"}).json()["data"]
    assert [e["name"] for e in found][:1] == ["Moscow"]


def test_a_registry_person_shows_dated_roles(client: TestClient) -> None:
    detail = client.get(f"/v1/entities/{_person(client, 'Sergei Shoigu')}").json()
    assert detail["role"]
    assert detail["roles"] and all(r["title"] and r["start"] for r in detail["roles"])
    assert [r["start"] for r in detail["roles"]] == sorted(r["start"] for r in detail["roles"])


def test_unknown_id_and_malformed_filter_keep_the_error_shape(client: TestClient) -> None:
    missing = client.get("/v1/entities/per:nobody-at-all")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    bad = client.get("/v1/events", params={"type": "Picnic"})
    assert bad.status_code == 422 and set(bad.json()["error"]) == {"code", "message", "details"}


def test_docs_and_openapi_list_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/health", "/v1/ready", "/v1/entities", "/v1/entities/{entity_id}",
                 "/v1/entities/{entity_id}/relationships", "/v1/entities/{entity_id}/graph", "/v1/paths",
                 "/v1/ties", "/v1/events", "/v1/events/{event_id}", "/v1/articles",
                 "/v1/articles/{article_id}", "/v1/stats"):
        assert path in paths
    assert {"post"} <= set(paths["/v1/articles"]) and {"delete"} <= set(paths["/v1/articles/{article_id}"])
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize(
    ("title", "day", "expected"),
    [("defence minister", "2021-06-22", ["Sergei Shoigu"]), ("defence minister", "2010-01-01", ["Anatoliy Serdyukov"]),
     ("defence minister", "2025-01-01", ["Andrei Belousov"]),
     ("secretary of the security council", "2021-06-22", ["Nikolai Patrushev"]),
     ("security council secretary", "2025-01-01", ["Sergei Shoigu"])],
)
def test_who_held_an_office_of_russia_on_a_day(client: TestClient, title: str, day: str, expected: list[str]) -> None:
    """Dated registry roles answer as-of questions: Russia's defence minister in 2021 is not 2025's; the
    registry answers for holders no article named (Serdyukov, imported; Belousov, curated)."""
    response = client.get("/v1/roles", params={"title": title, "country": "RUS", "date": day})
    assert response.status_code == 200, response.text
    assert [h["person"]["name"] for h in response.json()["data"]] == expected
