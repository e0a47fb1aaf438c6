"""The ties report between two sides that also have ties to a third state: only what joins the two counts.

The report walks claims and events from whichever side has fewer of them and checks the other end against
the other side; both orders of the two actors must give the same report, and neither may count the third
state's claims.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from loaders.write import write_article
from service.app import create_app
from service.settings import Settings
from tests.factories import arms_fact, make_extraction, meeting_fact

MAH = "per:min-aung-hlaing"


@pytest.fixture(scope="module")
def client(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[TestClient]:
    """Russia–Myanmar (a meeting and an arms deal), Myanmar–China (two claims), Russia–China (one claim)."""
    db = neo4j_settings.neo4j_database
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=db)
    articles = [
        make_extraction("art:one"),
        make_extraction("art:two", facts=[meeting_fact(subject=MAH, object="CHN", date="2021-07-01"),
                                          arms_fact(subject="CHN", object="MMR", date="2021-07")]),
        make_extraction("art:three", facts=[arms_fact(object="CHN", date="2021-08")]),
    ]
    for extraction in articles:
        write_article(driver, extraction, database=db)
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client


@pytest.mark.parametrize("dates", [{}, {"until": "2021-06-30"}, {"since": "2021-07-01"}])
def test_ties_report_is_the_same_from_either_side(client: TestClient, dates: dict[str, str]) -> None:
    ab = client.get("/v1/ties", params={"a": "RUS", "b": "MMR", **dates}).json()
    ba = client.get("/v1/ties", params={"a": "MMR", "b": "RUS", **dates}).json()
    assert (ab["events"], ab["ties"], ab["counts"]) == (ba["events"], ba["ties"], ba["counts"])


def test_ties_report_leaves_out_a_third_states_claims(client: TestClient) -> None:
    for a, b in (("RUS", "MMR"), ("MMR", "RUS")):
        body = client.get("/v1/ties", params={"a": a, "b": b}).json()
        assert sum(c["claims"] for c in body["counts"]) == 2
        assert {c["relation"] for c in body["counts"]} == {"MET_WITH", "SUPPLIES_ARMS_TO"}
        assert [e["date"] for e in body["events"]] == ["2021-06-22"]
        assert {t["key"] for t in body["ties"]} == {"MET_WITH|per:min-aung-hlaing|per:sergei-shoigu",
                                                    "SUPPLIES_ARMS_TO|RUS|MMR"}
