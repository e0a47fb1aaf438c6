"""The seed article, through the real pipeline and writer, becomes the right graph with its evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from loaders.load import load_sources, retract_article
from service.settings import Settings
from tests.factories import graph_counts as counts
from tests.factories import query as q

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"
SEED_TXT = str(ARTICLES / "kompas-2021-06-24-rusia-myanmar.txt")
SEED_JSON = str(ARTICLES / "kompas-2021-06-24-rusia-myanmar.json")
SEED_URL = "https://www.kompas.com/global/read/2021/06/24/122056870/rusia-nyatakan-perkuat-hubungan-militer-dengan-myanmar"

pytestmark = pytest.mark.usefixtures("schema_applied")


def load(driver: Driver, settings: Settings, *sources: str) -> list[str]:
    results = load_sources(driver, list(sources), database=settings.neo4j_database, progress=False)
    assert all(r.ok for r in results), [r.error for r in results]
    return [r.status for r in results]


def test_seed_meeting_is_a_tie_an_event_and_a_claim_with_evidence(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    assert load(empty_graph, neo4j_settings, SEED_JSON) == ["created"]
    rows = q(empty_graph, neo4j_settings, """
        MATCH (a:Person)-[t:MET_WITH]-(b:Person)
        WHERE a.name = 'Sergei Shoigu' AND b.name = 'Min Aung Hlaing'
        MATCH (c:Claim {tie_key: t.key})-[:FROM_ARTICLE]->(art:Article)
        MATCH (c)-[:ABOUT]->(e:Event:Meeting)-[:TOOK_PLACE_IN]->(p)
        RETURN t.support AS support, t.first_date AS first, c.sentence AS sentence, c.start AS start,
               c.end AS end, c.extractor AS extractor, c.confidence AS confidence, art.url AS url,
               e.date AS date, p.name AS place, art.id AS article_id
    """)
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["support"] == 1 and row["first"] == "2021-06-22" and row["date"] == "2021-06-22"
    assert row["place"] == "Moscow"
    assert row["url"] == SEED_URL
    assert "Min Aung Hlaing" in row["sentence"] and row["extractor"].startswith("rules.")
    assert 0 < row["confidence"] <= 1 and row["start"] < row["end"]


@pytest.mark.parametrize(
    ("subject", "relation", "obj"),
    [
        ("Min Aung Hlaing", "VISITED", "Russia"),
        ("Min Aung Hlaing", "MET_WITH", "Nikolai Patrushev"),
        ("Russia", "TRAINS", None),
        ("Russia", "SUPPLIES_ARMS_TO", None),
        ("Russia", "COOPERATES_WITH", None),
        ("Myanmar military", "SEIZED_POWER_IN", "Myanmar"),
        ("Sergei Shoigu", "HOLDS_ROLE", None),
        ("Vladimir Putin", "HOLDS_ROLE", "Russia"),
    ],
)
def test_seed_facts_are_ties_in_the_graph(
    empty_graph: Driver, neo4j_settings: Settings, subject: str, relation: str, obj: str | None
) -> None:
    load(empty_graph, neo4j_settings, SEED_JSON)
    rows = q(empty_graph, neo4j_settings, """
        MATCH (s:Entity)-[t]-(o:Entity)
        WHERE s.name = $subject AND type(t) = $relation AND ($obj IS NULL OR o.name = $obj)
        RETURN t.support AS support
    """, subject=subject, relation=relation, obj=obj)
    assert rows and all(r["support"] >= 1 for r in rows)


def test_putins_denied_meeting_is_a_recorded_claim_but_no_tie(empty_graph: Driver, neo4j_settings: Settings) -> None:
    load(empty_graph, neo4j_settings, SEED_JSON)
    rows = q(empty_graph, neo4j_settings, """
        MATCH (a {name: 'Vladimir Putin'})-[t:MET_WITH]-(b {name: 'Min Aung Hlaing'}) RETURN t
    """)
    assert rows == []
    denied = q(empty_graph, neo4j_settings, """
        MATCH (a {name: 'Vladimir Putin'})<-[:SUBJECT]-(c:Claim {relation: 'MET_WITH'})-[:OBJECT]->
              ({name: 'Min Aung Hlaing'})
        RETURN c.status AS status, c.tie_key AS tie_key, c.sentence AS sentence
    """)
    assert [(r["status"], r["tie_key"]) for r in denied] == [("denied", None)]
    assert "tidak berencana" in denied[0]["sentence"]


def test_reloading_and_loading_the_other_form_change_nothing(empty_graph: Driver, neo4j_settings: Settings) -> None:
    load(empty_graph, neo4j_settings, SEED_JSON)
    before = counts(empty_graph, neo4j_settings)
    assert load(empty_graph, neo4j_settings, SEED_JSON, SEED_TXT) == ["unchanged", "unchanged"]
    assert counts(empty_graph, neo4j_settings) == before
    rows = q(empty_graph, neo4j_settings, "MATCH ()-[t:MET_WITH]-() RETURN max(t.articles) AS a")
    assert rows[0]["a"] == 1


def test_retracting_the_seed_leaves_none_of_its_facts_but_keeps_what_others_need(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    other.write_text(
        '{"url": "https://example.org/other", "outlet": "Example", "language": "en", '
        '"published": "2021-07-01", "text": "Russia sells weapons to the Myanmar military, Reuters reported. '
        'Russian Defence Minister Sergei Shoigu said Moscow would keep training Myanmar soldiers."}'
    )
    load(empty_graph, neo4j_settings, SEED_JSON, str(other))
    assert q(empty_graph, neo4j_settings, "MATCH ()-[t:SUPPLIES_ARMS_TO]->() RETURN t.support AS s")[0]["s"] == 2
    retract_article(empty_graph, SEED_JSON, database=neo4j_settings.neo4j_database)

    left = q(empty_graph, neo4j_settings, "MATCH (c:Claim) RETURN DISTINCT c.article_id AS a")
    assert len(left) == 1 and left[0]["a"] != ""
    assert q(empty_graph, neo4j_settings, "MATCH ()-[t:MET_WITH]-() RETURN t") == []
    assert q(empty_graph, neo4j_settings, "MATCH (e:Meeting) RETURN e") == []
    arms = q(empty_graph, neo4j_settings, "MATCH ()-[t:SUPPLIES_ARMS_TO]->() RETURN t.support AS s")
    assert [r["s"] for r in arms] == [1]
    names = {r["n"] for r in q(empty_graph, neo4j_settings, "MATCH (e:Entity) RETURN e.name AS n")}
    assert "Nikolai Patrushev" not in names
    assert {"Russia", "Sergei Shoigu"} <= names
