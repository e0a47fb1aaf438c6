"""One parameter grammar on every endpoint, against the seed article loaded through the API.

A state is its ISO alpha-3 code in any case or its name in any supported language; an actor is an id or
a state; a role title may be in any supported language; an impossible date is a 422 everywhere.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.integration.test_api_seed import client, loaded  # noqa: F401  (fixtures: the seed, loaded)

BAD_DATE = "2021-13-45"


def _ok(client: TestClient, path: str, **params: Any) -> Any:  # noqa: F811
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _unprocessable(client: TestClient, path: str, field: str, **params: Any) -> dict[str, Any]:  # noqa: F811
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    body: dict[str, Any] = response.json()
    assert field in response.text, body
    return body


@pytest.mark.parametrize(("a", "b"), [("rus", "mmr"), ("Rusia", "Myanmar"), ("Russland", "Birmanie"),
                                      ("Россия", "burma")])
def test_ties_take_states_by_code_in_any_case_or_by_name(client: TestClient, a: str, b: str) -> None:  # noqa: F811
    canonical = _ok(client, "/v1/ties", a="RUS", b="MMR")
    assert canonical["events"] or canonical["ties"]
    assert _ok(client, "/v1/ties", a=a, b=b) == canonical


def test_ties_with_an_unknown_actor_is_404_and_an_impossible_date_422(client: TestClient) -> None:  # noqa: F811
    assert client.get("/v1/ties", params={"a": "Atlantis", "b": "MMR"}).status_code == 404
    _unprocessable(client, "/v1/ties", "since", a="RUS", b="MMR", since=BAD_DATE)


@pytest.mark.parametrize("country", ["mmr", "Myanmar", "Birmania", "Мьянма"])
def test_events_filter_by_state_in_any_form(client: TestClient, country: str) -> None:  # noqa: F811
    canonical = _ok(client, "/v1/events", country="MMR")
    assert canonical["data"]
    assert _ok(client, "/v1/events", country=country) == canonical


def test_events_take_a_participant_state_by_name_and_refuse_bad_states_and_dates(
    client: TestClient,  # noqa: F811
) -> None:
    assert _ok(client, "/v1/events", actor="Rusia") == _ok(client, "/v1/events", actor="RUS")
    body = _unprocessable(client, "/v1/events", "country", country="Atlantis")
    assert body["error"]["code"] == "validation_error"
    _unprocessable(client, "/v1/events", "until", until=BAD_DATE)


def test_event_names_keep_their_direction(client: TestClient) -> None:  # noqa: F811
    names = [e["name"] for e in _ok(client, "/v1/events", country="MMR", limit=100)["data"]]
    directed = [n for n in names if n.startswith(("ArmsTransfer", "Sanction", "Training"))]
    assert directed, names
    assert all("Russia → Myanmar" in n for n in directed if "Russia" in n and "Myanmar" in n), directed


@pytest.mark.parametrize("country", ["mmr", "Birmanie"])
def test_export_filters_by_state_in_any_form(client: TestClient, country: str) -> None:  # noqa: F811
    canonical = client.get("/v1/export", params={"format": "csv", "country": "MMR"})
    assert canonical.status_code == 200 and canonical.text.count("\n") > 1
    assert client.get("/v1/export", params={"format": "csv", "country": country}).text == canonical.text


def test_export_refuses_an_unknown_state_and_an_impossible_date(client: TestClient) -> None:  # noqa: F811
    _unprocessable(client, "/v1/export", "country", format="csv", country="Atlantis")
    _unprocessable(client, "/v1/export", "since", format="csv", since=BAD_DATE)


@pytest.mark.parametrize(("title", "country"), [
    ("Menteri Pertahanan", "RUS"), ("menteri pertahanan", "rus"), ("Menteri Pertahanan", "Rusia"),
    ("Menteri Pertahanan Rusia", None), ("ministre de la Défense", "Russie"), ("Verteidigungsminister", "RUS"),
    ("defence minister", "Russia"),
])
def test_roles_match_a_title_in_any_supported_language(
    client: TestClient, title: str, country: str | None,  # noqa: F811
) -> None:
    params = {"title": title, "date": "2021-06-22", **({"country": country} if country else {})}
    holders = [h["person"]["name"] for h in _ok(client, "/v1/roles", **params)["data"]]
    assert holders == ["Sergei Shoigu"]


def test_roles_refuse_an_unknown_state_an_impossible_day_and_a_contradiction(client: TestClient) -> None:  # noqa: F811
    _unprocessable(client, "/v1/roles", "country", title="Menteri Pertahanan", date="2021-06-22", country="Atlantis")
    _unprocessable(client, "/v1/roles", "date", title="Menteri Pertahanan", date=BAD_DATE)
    _unprocessable(client, "/v1/roles", "title", title="Menteri Pertahanan Rusia", date="2021-06-22", country="MMR")


@pytest.mark.parametrize("q", ["MMR", "mmr", "Myanmar", "Myanmr", "myanamr", "Birmanie"])
def test_search_finds_a_state_by_code_name_or_one_typo(client: TestClient, q: str) -> None:  # noqa: F811
    data = _ok(client, "/v1/entities", q=q)["data"]
    assert data and data[0]["id"] == "MMR", data


def test_search_corrects_a_typo_only_when_nothing_matches_as_typed(client: TestClient) -> None:  # noqa: F811
    assert _ok(client, "/v1/entities", q="Shoigu")["data"][0]["name"] == "Sergei Shoigu"
    assert _ok(client, "/v1/entities", q="Shoiguu")["data"][0]["name"] == "Sergei Shoigu"
    assert _ok(client, "/v1/entities", q="Xqzvvyw")["data"] == []


@pytest.mark.parametrize("ref", ["mmr", "Myanmar", "Birmanie"])
def test_an_entity_path_takes_a_state_in_any_form(client: TestClient, ref: str) -> None:  # noqa: F811
    assert _ok(client, f"/v1/entities/{ref}")["id"] == "MMR"
    ties = _ok(client, f"/v1/entities/{ref}/relationships")
    assert ties == _ok(client, "/v1/entities/MMR/relationships")
    assert _ok(client, f"/v1/entities/{ref}/graph")["nodes"]


def test_relationships_refuse_an_impossible_date(client: TestClient) -> None:  # noqa: F811
    _unprocessable(client, "/v1/entities/MMR/relationships", "since", since=BAD_DATE)


def test_paths_take_states_by_name(client: TestClient) -> None:  # noqa: F811
    canonical = _ok(client, "/v1/paths", **{"from": "RUS", "to": "MMR"})
    assert canonical["data"]
    assert _ok(client, "/v1/paths", **{"from": "Rusia", "to": "mmr"}) == canonical
    assert client.get("/v1/paths", params={"from": "Rusia", "to": "RUS"}).status_code == 400


def test_articles_refuse_an_impossible_date(client: TestClient) -> None:  # noqa: F811
    _unprocessable(client, "/v1/articles", "since", since=BAD_DATE)


@pytest.mark.parametrize("ref", ["Moskwa", "Moscow", "Москва", "moskau"])
def test_an_entity_path_takes_a_capital_as_its_place_located_in_its_state(
    client: TestClient, ref: str,  # noqa: F811
) -> None:
    place = _ok(client, f"/v1/entities/{ref}")
    assert (place["id"], place["type"], place["country"]) == ("plc:moscow", "Place", "RUS")
    assert _ok(client, f"/v1/entities/{ref}/graph") == _ok(client, "/v1/entities/plc:moscow/graph")


def test_a_capital_where_a_state_is_expected_is_a_422_naming_its_state(client: TestClient) -> None:  # noqa: F811
    body = _unprocessable(client, "/v1/events", "country", country="Moskwa")
    assert "RUS" in str(body)
    _unprocessable(client, "/v1/export", "country", format="csv", country="Москва")


def test_a_capital_as_an_actor_is_its_place_never_its_state(client: TestClient) -> None:  # noqa: F811
    assert _ok(client, "/v1/events", actor="RUS")["data"]
    assert _ok(client, "/v1/events", actor="Moskwa")["data"] == []  # the city took part in no event
    ties = _ok(client, "/v1/ties", a="Moskwa", b="MMR")
    assert (ties["a"]["id"], ties["a"]["type"], ties["ties"]) == ("plc:moscow", "Place", [])
