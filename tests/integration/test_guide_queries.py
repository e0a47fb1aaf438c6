"""Every query of the Browser guide returns rows on the sample graph (data/articles, loaded as `make run` does)."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver, RoutingControl

from loaders.load import load_sources
from service.browser_guide import GUIDE_SLIDES, Q_OFFICE_ON_DATE, Q_PAIR_TIMELINE, Q_TIE_EVIDENCE
from service.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles"
QUERIES = [(slide.title, n, query) for slide in GUIDE_SLIDES for n, query in enumerate(slide.queries)]


@pytest.fixture(scope="module")
def sample_graph(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Driver:
    """The graph holding exactly the sample articles."""
    db = neo4j_settings.neo4j_database
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=db)
    results = load_sources(driver, [str(SAMPLE)], database=db, progress=False)
    assert results and all(r.ok for r in results), [r.error for r in results]
    return driver


def _rows(driver: Driver, settings: Settings, query: str) -> list[dict[str, object]]:
    records, _, _ = driver.execute_query(query, database_=settings.neo4j_database, routing_=RoutingControl.READ)
    return [record.data() for record in records]


@pytest.mark.parametrize(("slide", "index", "query"), QUERIES, ids=[f"{t}-q{n}" for t, n, _ in QUERIES])
def test_every_guide_query_returns_rows_on_the_sample(
    sample_graph: Driver, neo4j_settings: Settings, slide: str, index: int, query: str
) -> None:
    assert _rows(sample_graph, neo4j_settings, query), f"{slide} query {index} returned no rows"


def test_the_pair_timeline_is_in_date_order_with_both_sides(sample_graph: Driver, neo4j_settings: Settings) -> None:
    rows = _rows(sample_graph, neo4j_settings, Q_PAIR_TIMELINE)
    dates = [str(r["date"]) for r in rows if r["date"] is not None]
    assert dates == sorted(dates)
    assert all(r["russia_side"] and r["myanmar_side"] for r in rows)
    assert any(r["type"] == "Meeting" for r in rows)


def test_the_office_on_a_date_is_the_one_holder_of_that_day(sample_graph: Driver, neo4j_settings: Settings) -> None:
    rows = _rows(sample_graph, neo4j_settings, Q_OFFICE_ON_DATE)
    assert [(r["holder"], r["office"]) for r in rows] == [("Sergei Shoigu", "Minister of Defence of Russia")]
    later = Q_OFFICE_ON_DATE.replace("'2021-06-22' AS day", "'2025-01-01' AS day")
    assert all(r["holder"] != "Sergei Shoigu" for r in _rows(sample_graph, neo4j_settings, later))


def test_the_evidence_of_a_tie_quotes_its_article(sample_graph: Driver, neo4j_settings: Settings) -> None:
    rows = _rows(sample_graph, neo4j_settings, Q_TIE_EVIDENCE)
    assert all(r["sentence"] and r["url"] and r["tie"] == "SUPPLIES_ARMS_TO" for r in rows)
