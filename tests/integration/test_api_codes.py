"""PLOVER category and mode and CAMEO root on every claim, event and tie the API shows, and the plover= and
cameo= filters on /ties, /events, /entities/{id}/relationships and /export (against the loaded seed)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_schema.codes import code_fields
from tests.integration.test_api_seed import client, loaded  # noqa: F401  (fixtures: the seed, loaded)

PAIR = {"a": "RUS", "b": "MMR"}


def _ok(client: TestClient, path: str, **params: Any) -> Any:  # noqa: F811
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _refused(client: TestClient, path: str, field: str, **params: Any) -> None:  # noqa: F811
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"]["code"] == "validation_error" and field in response.text, body


def _coded(item: dict[str, Any], kind: str) -> bool:
    """The item's three code fields are those of its relation or event type."""
    return {k: item[k] for k in ("plover", "plover_mode", "cameo")} == code_fields(item[kind])


def test_events_and_their_claims_carry_codes(client: TestClient) -> None:  # noqa: F811
    events = _ok(client, "/v1/events", limit=100)["data"]
    assert events and all(_coded(e, "type") and e["plover"] for e in events)
    detail = _ok(client, f"/v1/events/{events[0]['id']}")
    assert detail["claims"] and all(_coded(c, "relation") and c["plover"] for c in detail["claims"])


def test_ties_report_carries_codes_on_events_evidence_and_ties(client: TestClient) -> None:  # noqa: F811
    report = _ok(client, "/v1/ties", **PAIR)
    assert report["ties"] and report["events"]
    assert all(_coded(t, "relation") for t in report["ties"])
    assert all(_coded(e, "type") for e in report["events"])
    assert all(_coded(ev, "relation") for t in report["ties"] for ev in t["evidence"])


def test_relationships_and_ego_graph_carry_codes(client: TestClient) -> None:  # noqa: F811
    ties = _ok(client, "/v1/entities/RUS/relationships", limit=100)["data"]
    assert ties and all(_coded(t, "relation") for t in ties)
    edges = _ok(client, "/v1/entities/RUS/graph")["edges"]
    assert edges and all(_coded(e, "relation") for e in edges)


@pytest.mark.parametrize(("param", "value", "plover"), [("plover", "CONSULT", "CONSULT"), ("plover", "aid", "AID"),
                                                        ("cameo", "04", "CONSULT"), ("cameo", "7", "AID")])
def test_events_filter_by_plover_or_cameo(client: TestClient, param: str, value: str, plover: str) -> None:  # noqa: F811
    every = _ok(client, "/v1/events", limit=100)["data"]
    kept = _ok(client, "/v1/events", limit=100, **{param: value})["data"]
    assert kept and {e["plover"] for e in kept} == {plover}
    assert [e["id"] for e in kept] == [e["id"] for e in every if e["plover"] == plover]


def test_ties_filter_by_plover_keeps_events_ties_and_counts_of_that_category(client: TestClient) -> None:  # noqa: F811
    every = _ok(client, "/v1/ties", **PAIR)
    kept = _ok(client, "/v1/ties", plover="AID", **PAIR)
    assert kept["ties"] and all(t["plover"] == "AID" for t in kept["ties"])
    assert len(kept["ties"]) == sum(t["plover"] == "AID" for t in every["ties"]) < len(every["ties"])
    assert all(e["plover"] == "AID" for e in kept["events"])
    assert kept["counts"] and all(code_fields(c["relation"])["plover"] == "AID" for c in kept["counts"])


def test_relationships_filter_by_cameo(client: TestClient) -> None:  # noqa: F811
    every = _ok(client, "/v1/entities/RUS/relationships", limit=100)["data"]
    kept = _ok(client, "/v1/entities/RUS/relationships", limit=100, cameo="04")["data"]
    assert kept and all(t["cameo"] == "04" for t in kept)
    assert [t["key"] for t in kept] == [t["key"] for t in every if t["cameo"] == "04"]


def test_a_known_code_no_relation_carries_keeps_nothing(client: TestClient) -> None:  # noqa: F811
    assert _ok(client, "/v1/events", plover="PROTEST")["data"] == []
    assert _ok(client, "/v1/entities/RUS/relationships", cameo="14")["data"] == []


def test_export_filters_by_code_in_every_format(client: TestClient) -> None:  # noqa: F811
    text = client.get("/v1/export", params={"format": "csv", "plover": "CONSULT"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {(r["plover"], r["cameo"]) for r in rows} == {("CONSULT", "04")}
    lines = client.get("/v1/export", params={"format": "jsonl", "cameo": "07"}).text.splitlines()
    claims = [json.loads(line) for line in lines]
    assert claims and all(c["plover"] == "AID" and c["cameo"] == "07" and _coded(c, "relation") for c in claims)
    graphml = client.get("/v1/export", params={"format": "graphml", "plover": "AID"}).text
    assert "<edge " in graphml and "CONSULT" not in graphml


@pytest.mark.parametrize("path", ["/v1/events", "/v1/ties", "/v1/entities/RUS/relationships", "/v1/export"])
@pytest.mark.parametrize(("field", "value"), [("plover", "GREET"), ("cameo", "99"), ("cameo", "abc")])
def test_an_unknown_code_is_a_422_on_every_endpoint(client: TestClient, path: str, field: str,  # noqa: F811
                                                    value: str) -> None:
    _refused(client, path, field, format="csv", **PAIR, **{field: value})
