"""The read endpoints through HTTP, against the real Neo4j, over a hand-built fact view of the seed article.

The fact view follows data/articles/kompas-2021-06-24-rusia-myanmar.txt and its gold facts, and is
written by the real `loaders.write`, so these tests do not depend on the extractor's accuracy.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph_schema.model import Relation
from loaders.write import write_article
from service.app import create_app
from service.settings import Settings
from tests.factories import (
    EXTRACTION,
    FACTS,
    MAH,
    MEETING,
    PATRUSHEV_ID,
    SEED_ENTITIES,
    SHOIGU,
    TEXT,
    URL,
    assert_error,
)


@pytest.fixture(scope="module")
def client(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[TestClient]:
    """An API client over a graph holding only the hand-built seed article."""
    db = neo4j_settings.neo4j_database
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=db)
    write_article(driver, EXTRACTION, database=db)
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client




def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/v1/health").json()["status"] == "ok"
    ready = client.get("/v1/ready")
    assert ready.status_code == 200, ready.text
    assert "0001" in ready.json()["migrations"]


@pytest.mark.parametrize("q", ["Rusia", "Россия", "russia", "RUSIA", "Russian Federation"])
def test_entity_search_finds_russia_in_any_language(client: TestClient, q: str) -> None:
    data = client.get("/v1/entities", params={"q": q}).json()["data"]
    assert data[0]["id"] == "RUS"
    assert data[0]["exact"] is True


@pytest.mark.parametrize(("q", "expected"), [
    ("Moskwa", "plc:moscow"), ("Москва", "plc:moscow"), ("shoigu", SHOIGU), ("Шойгу", SHOIGU),
    ("min aung", MAH), ("Patru", PATRUSHEV_ID), ("tatmadaw", "org:myanmar-military"),
])
def test_entity_search_by_alias_prefix_and_script(client: TestClient, q: str, expected: str) -> None:
    ids = [e["id"] for e in client.get("/v1/entities", params={"q": q}).json()["data"]]
    assert expected in ids


@pytest.mark.parametrize("q", ['Shoigu"', "min (aung", "a:b", "AND", "*", "\\", "~x^2 || y &&"])
def test_entity_search_survives_lucene_syntax(client: TestClient, q: str) -> None:
    response = client.get("/v1/entities", params={"q": q})
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert_error(response, 400, "bad_request")


def test_entity_search_filters_by_type(client: TestClient) -> None:
    data = client.get("/v1/entities", params={"q": "Moskwa", "type": "Place"}).json()["data"]
    assert [e["id"] for e in data] == ["plc:moscow"]


def test_entity_list_pages_with_an_opaque_cursor(client: TestClient) -> None:
    first = client.get("/v1/entities", params={"limit": 3}).json()
    assert len(first["data"]) == 3 and first["next_cursor"]
    seen = [e["id"] for e in first["data"]]
    cursor = first["next_cursor"]
    while cursor:
        page = client.get("/v1/entities", params={"limit": 3, "cursor": cursor}).json()
        seen += [e["id"] for e in page["data"]]
        cursor = page["next_cursor"]
    assert sorted(seen) == sorted({e.id for e in SEED_ENTITIES})
    assert len(seen) == len(set(seen))


def test_entity_detail_counts_ties_per_relation(client: TestClient) -> None:
    body = client.get(f"/v1/entities/{MAH}").json()
    assert body["name"] == "Min Aung Hlaing" and body["type"] == "Person" and body["country"] == "MMR"
    counts = {t["relation"]: t for t in body["ties"]}
    assert counts["MET_WITH"]["outgoing"] + counts["MET_WITH"]["incoming"] == 2
    assert counts["VISITED"]["outgoing"] == 1
    assert body["events"] == 3 and body["articles"] == 1


@pytest.mark.parametrize("person", [SHOIGU, MAH])
def test_relationships_show_the_meeting_with_evidence_and_url(client: TestClient, person: str) -> None:
    ties = client.get(f"/v1/entities/{person}/relationships", params={"relation": "MET_WITH"}).json()["data"]
    tie = next(t for t in ties if {t["other"]["id"], person} == {SHOIGU, MAH})
    assert tie["direction"] == "both" and tie["support"] == 1 and tie["first_date"] == "2021-06-22"
    assert tie["evidence"][0]["sentence"] == MEETING
    assert tie["evidence"][0]["article"]["url"] == URL


def test_relationships_filter_by_direction_dates_and_confidence(client: TestClient) -> None:
    def rels(**params: Any) -> set[str]:
        data = client.get("/v1/entities/RUS/relationships", params=params).json()["data"]
        return {t["relation"] for t in data}

    assert rels() == {"HOLDS_ROLE", "VISITED", "COOPERATES_WITH", "TRAINS"}
    assert rels(direction="out") == {"COOPERATES_WITH", "TRAINS"}
    assert rels(direction="in") == {"HOLDS_ROLE", "VISITED", "COOPERATES_WITH"}
    assert rels(since="2021-06-21") == {"COOPERATES_WITH"}
    assert rels(since="2021-06", until="2021-06") == {"VISITED", "COOPERATES_WITH"}
    assert rels(min_confidence=0.85) == {"HOLDS_ROLE", "VISITED"}


def test_ego_graph_is_ready_for_graph_libraries(client: TestClient) -> None:
    one = client.get(f"/v1/entities/{MAH}/graph").json()
    ids = {n["id"] for n in one["nodes"]}
    assert ids == {MAH, SHOIGU, PATRUSHEV_ID, "RUS", "org:myanmar-military"}
    assert all(e["source"] in ids and e["target"] in ids for e in one["edges"])
    assert {e["relation"] for e in one["edges"]} <= {r.value for r in Relation}
    two = client.get(f"/v1/entities/{MAH}/graph", params={"depth": 2}).json()
    assert "MMR" in {n["id"] for n in two["nodes"]}
    small = client.get(f"/v1/entities/{MAH}/graph", params={"depth": 2, "limit": 2}).json()
    assert len(small["nodes"]) == 2 and small["truncated"] is True


def test_paths_link_min_aung_hlaing_to_patrushev_and_shoigu_to_patrushev(client: TestClient) -> None:
    direct = client.get("/v1/paths", params={"from": MAH, "to": PATRUSHEV_ID}).json()["data"]
    assert direct[0]["length"] == 1
    two = client.get("/v1/paths", params={"from": SHOIGU, "to": PATRUSHEV_ID}).json()["data"]
    assert two and all(p["length"] == 2 for p in two)
    assert two[0]["nodes"][0]["id"] == SHOIGU
    assert MAH in {n["id"] for p in two for n in p["nodes"]}
    none = client.get("/v1/paths", params={"from": SHOIGU, "to": PATRUSHEV_ID, "max_hops": 1}).json()
    assert none == {"data": [], "next_cursor": None}


def test_ties_between_russia_and_myanmar_show_the_meeting(client: TestClient) -> None:
    body = client.get("/v1/ties", params={"a": "RUS", "b": "mmr"}).json()
    assert body["a"]["id"] == "RUS" and body["b"]["id"] == "MMR"
    meeting = next(e for e in body["events"] if e["type"] == "Meeting" and e["date"] == "2021-06-22")
    assert {p["id"] for p in meeting["participants"]} == {SHOIGU, MAH}
    assert meeting["place"]["id"] == "plc:moscow"
    assert meeting["evidence"][0]["sentence"] == MEETING
    assert meeting["evidence"][0]["article"]["url"] == URL
    dates = [e["date"] for e in body["events"] if e["date"]]
    assert dates == sorted(dates)
    assert {t["relation"] for t in body["ties"]} >= {"MET_WITH", "VISITED", "COOPERATES_WITH", "TRAINS"}
    counts = {(c["relation"], c["year"]): c["claims"] for c in body["counts"]}
    assert counts[("MET_WITH", "2021")] == 2  # Shoigu and Patrushev (undated: the article's year)


def test_ties_date_filter(client: TestClient) -> None:
    body = client.get("/v1/ties", params={"a": "RUS", "b": "MMR", "until": "2021-06-21"}).json()
    assert [e["type"] for e in body["events"]] == ["Visit"]


def test_events_by_type_show_participants_place_and_evidence(client: TestClient) -> None:
    data = client.get("/v1/events", params={"type": "Meeting"}).json()["data"]
    assert {e["type"] for e in data} == {"Meeting"} and len(data) == 2
    meeting = next(e for e in data if e["date"] == "2021-06-22")
    assert {p["id"] for p in meeting["participants"]} == {SHOIGU, MAH}
    detail = client.get(f"/v1/events/{meeting['id']}").json()
    claim = detail["claims"][0]
    assert claim["sentence"] == MEETING and claim["article"]["url"] == URL
    assert claim["article"]["outlet"] == "Kompas.com" and claim["start"] == TEXT.index(MEETING)
    assert {claim["subject"]["id"], claim["object"]["id"]} == {SHOIGU, MAH}
    assert claim["place"]["id"] == "plc:moscow"


@pytest.mark.parametrize(("params", "count"), [
    ({"actor": PATRUSHEV_ID}, 1), ({"country": "RUS"}, 3), ({"since": "2021-06-21"}, 1),
    ({"type": "Visit", "actor": MAH}, 1), ({"type": "Coup"}, 0),
])
def test_events_filters(client: TestClient, params: dict[str, str], count: int) -> None:
    assert len(client.get("/v1/events", params=params).json()["data"]) == count


def test_articles_list_and_detail_with_facts(client: TestClient) -> None:
    listed = client.get("/v1/articles").json()["data"]
    assert [a["id"] for a in listed] == ["art:kompas-seed"] and listed[0]["claims"] == len(FACTS)
    detail = client.get("/v1/articles/art:kompas-seed").json()
    assert detail["url"] == URL and detail["loaded_at"]
    assert {f["relation"] for f in detail["facts"]} == {f.relation.value for f in FACTS}
    assert {e["id"] for e in detail["entities"]} == {e.id for e in SEED_ENTITIES}


def test_stats_count_labels_and_relations(client: TestClient) -> None:
    body = client.get("/v1/stats").json()
    assert body["labels"]["Article"] == 1 and body["labels"]["Claim"] == len(FACTS)
    assert body["labels"]["Meeting"] == 2 and body["relations"]["MET_WITH"] == 2
    assert body["last_loaded_at"]


@pytest.mark.parametrize("path", [
    "/v1/entities/per:nobody", "/v1/entities/per:nobody/relationships", "/v1/entities/per:nobody/graph",
    "/v1/events/evt:Meeting:000000000000", "/v1/articles/art:nothing",
    f"/v1/paths?from={MAH}&to=per:nobody", "/v1/ties?a=RUS&b=XYZ",
])
def test_unknown_ids_are_404_in_the_error_shape(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404, "not_found")


@pytest.mark.parametrize("path", [
    "/v1/entities?type=Spaceship", "/v1/entities/RUS/relationships?relation=LOVES",
    "/v1/entities/RUS/relationships?since=June", "/v1/entities/RUS/relationships?direction=up",
    "/v1/entities/RUS/relationships?min_confidence=2", "/v1/entities/RUS/graph?depth=4",
    "/v1/events?type=Party", "/v1/events?until=2021-6-1", f"/v1/paths?from={MAH}&to=RUS&max_hops=7",
    "/v1/paths?from=RUS", "/v1/ties?a=RUS", "/v1/entities?limit=0",
])
def test_malformed_filters_are_422_in_the_error_shape(client: TestClient, path: str) -> None:
    body = assert_error(client.get(path), 422, "validation_error")
    assert body["error"]["details"]["errors"]


@pytest.mark.parametrize("path", [
    "/v1/entities?cursor=not-a-cursor", f"/v1/paths?from={MAH}&to={MAH}", "/v1/ties?a=RUS&b=rus",
    "/v1/events?since=2022&until=2021",
])
def test_bad_requests_are_400_in_the_error_shape(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 400, "bad_request")


def test_page_size_is_capped(client: TestClient, neo4j_settings: Settings) -> None:
    capped = Settings.model_validate({**neo4j_settings.model_dump(), "max_page_size": 2})
    with TestClient(create_app(capped)) as small:
        body = small.get("/v1/entities", params={"limit": 1000}).json()
    assert len(body["data"]) == 2 and body["next_cursor"]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    expected = {
        ("get", "/v1/health"), ("get", "/v1/ready"), ("get", "/v1/entities"), ("get", "/v1/entities/{entity_id}"),
        ("get", "/v1/entities/{entity_id}/relationships"), ("get", "/v1/entities/{entity_id}/graph"),
        ("get", "/v1/paths"), ("get", "/v1/ties"), ("get", "/v1/events"), ("get", "/v1/events/{event_id}"),
        ("get", "/v1/articles"), ("get", "/v1/articles/{article_id}"), ("post", "/v1/articles"),
        ("delete", "/v1/articles/{article_id}"), ("get", "/v1/stats"),
    }
    listed = {(method, path) for path, ops in spec["paths"].items() for method in ops}
    assert expected <= listed
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
