"""Exports against the real Neo4j loaded with the seed article: GraphML and GEXF read back with networkx,
the events CSV and the claims JSONL checked against the graph counted directly."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr
from typer.testing import CliRunner

from graph_schema.model import RELATION_EVENT, Relation
from service.app import create_app
from service.cli import app as cli_app
from service.export_formats import EVENT_COLUMNS
from service.settings import Settings
from tests.integration.test_api_seed import KEY, RECORD, URL

TIE_TYPES = [r.value for r in Relation]


@pytest.fixture(scope="module")
def client(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[TestClient]:
    """The API, after the graph was emptied and the seed article POSTed into it."""
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    settings = neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(settings)) as api:
        assert api.post("/v1/articles", json=RECORD, headers={"X-API-Key": KEY}).status_code == 201
        yield api


def _graph(driver: Driver, settings: Settings, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, parameters_=params, database_=settings.neo4j_database)
    return [r.data() for r in records]


def _ties(driver: Driver, settings: Settings, types: list[str]) -> tuple[set[str], set[str]]:
    """Endpoint ids and tie keys of the graph's ties of these types, counted without the export's query."""
    rows = _graph(driver, settings, "MATCH (s)-[r]->(o) WHERE type(r) IN $types "
                  "RETURN s.id AS s, o.id AS o, r.key AS key", types=types)
    return {row["s"] for row in rows} | {row["o"] for row in rows}, {row["key"] for row in rows}


def _export(client: TestClient, **params: str) -> str:
    response = client.get("/v1/export", params=params)
    assert response.status_code == 200, response.text
    return response.text


def test_graphml_opens_in_networkx_with_every_actor_and_tie(client: TestClient, driver: Driver,
                                                           neo4j_settings: Settings, tmp_path: Path) -> None:
    nodes, keys = _ties(driver, neo4j_settings, TIE_TYPES)
    assert keys, "the seed gives ties"
    path = tmp_path / "ties.graphml"
    path.write_text(_export(client, format="graphml"), encoding="utf-8")
    graph = nx.read_graphml(path, force_multigraph=True)
    assert set(graph.nodes) == nodes
    assert graph.number_of_edges() == len(keys)
    assert {key for _, _, key in graph.edges(keys=True)} == keys
    assert all(data["support"] >= 1 and data["relation"] in TIE_TYPES for _, _, data in graph.edges(data=True))
    assert graph.nodes["RUS"]["type"] == "Country" and graph.nodes["RUS"]["country"] == "RUS"
    met = [d for _, _, d in graph.edges(data=True) if d["relation"] == "MET_WITH"]
    assert met and all(d["plover"] == "CONSULT" and d["symmetric"] is True for d in met)


def test_cli_writes_gexf_that_networkx_reads(client: TestClient, driver: Driver, neo4j_settings: Settings,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {"NEO4J_URI": neo4j_settings.bolt_uri, "NEO4J_USER": neo4j_settings.neo4j_user,
                       "NEO4J_PASSWORD": neo4j_settings.neo4j_password.get_secret_value(),
                       "NEO4J_DATABASE": neo4j_settings.neo4j_database, "TIESGRAPH_ENV": "test"}.items():
        monkeypatch.setenv(key, value)
    out = tmp_path / "ties.gexf"
    result = CliRunner().invoke(cli_app, ["export", "--format", "gexf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    nodes, keys = _ties(driver, neo4j_settings, TIE_TYPES)
    graph = nx.read_gexf(out, version="1.3")
    assert set(graph.nodes) == nodes and graph.number_of_edges() == len(keys)
    assert graph.nodes["RUS"]["label"] == "Russia"
    assert not list(tmp_path.glob("*.part"))


def test_relation_filter_keeps_only_that_relation(client: TestClient, driver: Driver, neo4j_settings: Settings,
                                                  tmp_path: Path) -> None:
    nodes, keys = _ties(driver, neo4j_settings, ["MET_WITH"])
    path = tmp_path / "met.graphml"
    path.write_text(_export(client, format="graphml", relation="MET_WITH"), encoding="utf-8")
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == nodes and graph.number_of_edges() == len(keys) > 0
    assert {d["relation"] for _, _, d in graph.edges(data=True)} == {"MET_WITH"}


@pytest.mark.parametrize("params", [{"country": "NZL"}, {"since": "2030"}, {"until": "1990-01-01"}])
def test_filters_that_match_nothing_give_an_empty_but_valid_graph(client: TestClient, tmp_path: Path,
                                                                  params: dict[str, str]) -> None:
    path = tmp_path / "empty.graphml"
    path.write_text(_export(client, format="graphml", **params), encoding="utf-8")
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0


def test_country_filter_keeps_ties_touching_that_state(client: TestClient, tmp_path: Path) -> None:
    path = tmp_path / "mmr.gexf"
    path.write_text(_export(client, format="gexf", country="mmr"), encoding="utf-8")
    graph = nx.read_gexf(path, version="1.3")
    assert graph.number_of_edges() > 0
    for source, target in graph.edges():
        ends = [graph.nodes[source], graph.nodes[target]]
        assert any(n.get("country") == "MMR" for n in ends), (source, target)


def test_events_csv_has_one_row_per_event_with_evidence(client: TestClient, driver: Driver,
                                                        neo4j_settings: Settings) -> None:
    expected = _graph(driver, neo4j_settings, "MATCH (ev:Event) WHERE ev.type IS NOT NULL "
                      "RETURN ev.id AS id, ev.type AS type")
    response = client.get("/v1/export", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "tiesgraph-events.csv" in response.headers["content-disposition"]
    assert "content-length" not in response.headers  # streamed, not rendered whole first
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert sorted(r["event_id"] for r in rows) == sorted(e["id"] for e in expected)
    assert all(r["first_evidence_url"] == URL and int(r["support"]) >= 1 and r["source_id"] for r in rows)
    meeting = next(r for r in rows if r["type"] == "Meeting" and r["date"] == "2021-06-22")
    assert meeting["plover"] == "CONSULT" and meeting["place_name"] == "Moscow"
    assert {meeting["source_state"], meeting["target_state"]} == {"RUS", "MMR"}


def test_events_csv_plover_is_the_claims_category(client: TestClient, driver: Driver,
                                                  neo4j_settings: Settings) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(client, format="csv"))))
    claimed = _graph(driver, neo4j_settings, "MATCH (c:Claim)-[:ABOUT]->(ev:Event) "
                     "RETURN ev.id AS id, collect(DISTINCT c.plover) AS plover")
    categories = {row["id"]: set(row["plover"]) for row in claimed}
    for row in rows:
        assert (row["plover"] or None) in categories[row["event_id"]] | {None}
        assert row["plover"] or not categories[row["event_id"]] - {None}


def test_events_csv_relation_filter(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(client, format="csv", relation="MET_WITH"))))
    assert rows and {r["type"] for r in rows} == {RELATION_EVENT[Relation.MET_WITH].value}


def test_claims_jsonl_carries_evidence_for_every_claim(client: TestClient, driver: Driver,
                                                       neo4j_settings: Settings) -> None:
    count = _graph(driver, neo4j_settings, "MATCH (c:Claim) RETURN count(c) AS n")[0]["n"]
    lines = _export(client, format="jsonl").splitlines()
    claims = [json.loads(line) for line in lines]
    assert len(claims) == count > 0
    assert len({c["claim_id"] for c in claims}) == count
    for claim in claims:
        assert claim["sentence"] and claim["article"]["url"] == URL
        assert claim["start"] < claim["end"] and claim["subject"]["id"] and claim["relation"] in TIE_TYPES
        assert RECORD["text"].find(claim["sentence"][:30]) >= 0


@pytest.mark.parametrize("params", [{"format": "pdf"}, {}, {"format": "csv", "relation": "LIKES"},
                                    {"format": "csv", "country": "Myanmar!"}])
def test_bad_export_parameters_are_422_in_the_error_shape(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/v1/export", params=params)
    assert response.status_code == 422
    assert set(response.json()["error"]) == {"code", "message", "details"}


def test_since_after_until_is_400(client: TestClient) -> None:
    response = client.get("/v1/export", params={"format": "csv", "since": "2022", "until": "2021"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_request"


def test_events_csv_has_a_plover_category_on_every_row(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(client, format="csv"))))
    assert rows and all(row["plover"] for row in rows), [r["type"] for r in rows if not r["plover"]]
