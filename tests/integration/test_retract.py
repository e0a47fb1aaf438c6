"""Retracting an article removes exactly what it alone supported, against the real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import Driver

from loaders.errors import ArticleNotFound, InputError
from loaders.load import article_ids_of_path, retract_article
from loaders.write import write_article
from service.settings import Settings
from tests.factories import (
    ARMS_KEY,
    MEETING_KEY,
    arms_fact,
    graph_counts,
    make_extraction,
    meeting_fact,
    query,
    tie,
)

pytestmark = pytest.mark.usefixtures("schema_applied")


def _two_articles(driver: Driver, settings: Settings) -> None:
    """art:one (meeting + arms deal) and art:two (the same meeting, and China criticising Myanmar)."""
    db = settings.neo4j_database
    write_article(driver, make_extraction("art:one"), database=db)
    other = make_extraction(
        "art:two",
        facts=[meeting_fact(confidence=0.5),
               arms_fact(subject="CHN", relation="CRITICIZED", object="MMR", status="happened", weapon=None)],
    )
    write_article(driver, other, database=db)


def test_retracting_one_of_two_supporting_articles_keeps_the_tie_with_support_one(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    _two_articles(empty_graph, neo4j_settings)
    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None and meeting["support"] == 2

    summary = retract_article(empty_graph, "art:one", database=neo4j_settings.neo4j_database)
    assert (summary.article_id, summary.claims, summary.ties, summary.ties_deleted) == ("art:one", 2, 2, 1)
    assert summary.events_deleted == 0

    meeting = tie(empty_graph, neo4j_settings, MEETING_KEY)
    assert meeting is not None
    assert (meeting["support"], meeting["articles"], meeting["confidence"]) == (1, 1, 0.5)
    assert tie(empty_graph, neo4j_settings, ARMS_KEY) is None
    claims = query(empty_graph, neo4j_settings, "MATCH (c:Claim) RETURN c.article_id AS a, c.relation AS r ORDER BY r")
    assert claims == [{"a": "art:two", "r": "CRITICIZED"}, {"a": "art:two", "r": "MET_WITH"}]
    assert query(empty_graph, neo4j_settings, "MATCH (ev:Event) RETURN ev.support AS s") == [{"s": 1}]
    # Only art:one named the Su-30 and Russia; everything art:two names stays.
    ids = {r["id"] for r in query(empty_graph, neo4j_settings, "MATCH (e:Entity) RETURN e.id AS id")}
    assert ids == {"per:sergei-shoigu", "per:min-aung-hlaing", "plc:moscow", "CHN", "MMR"}
    assert query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.id AS id") == [{"id": "art:two"}]


def test_retracting_both_articles_removes_ties_events_and_orphans(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    _two_articles(empty_graph, neo4j_settings)
    db = neo4j_settings.neo4j_database
    retract_article(empty_graph, "art:one", database=db)
    summary = retract_article(empty_graph, "https://example.org/art:two", database=db)
    assert summary.article_id == "art:two"
    assert summary.events_deleted == 1
    assert summary.entities_deleted == 5
    assert tie(empty_graph, neo4j_settings, MEETING_KEY) is None
    assert graph_counts(empty_graph, neo4j_settings) == (0, 0)


def test_retract_then_reload_gives_back_the_same_graph(empty_graph: Driver, neo4j_settings: Settings) -> None:
    _two_articles(empty_graph, neo4j_settings)
    db = neo4j_settings.neo4j_database
    before = graph_counts(empty_graph, neo4j_settings)
    retract_article(empty_graph, "art:one", database=db)
    assert write_article(empty_graph, make_extraction("art:one"), database=db).status == "created"
    assert graph_counts(empty_graph, neo4j_settings) == before


def test_retracting_an_unknown_article_is_a_clear_error(empty_graph: Driver, neo4j_settings: Settings) -> None:
    write_article(empty_graph, make_extraction("art:one"), database=neo4j_settings.neo4j_database)
    before = graph_counts(empty_graph, neo4j_settings)
    with pytest.raises(ArticleNotFound, match="art:nope"):
        retract_article(empty_graph, "art:nope", database=neo4j_settings.neo4j_database)
    assert graph_counts(empty_graph, neo4j_settings) == before


def test_a_local_file_is_retracted_by_the_id_the_loader_gives_it(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "article.json"
    path.write_text(json.dumps({"url": "https://example.org/file-article", "language": "en",
                                "text": "Sergei Shoigu met Min Aung Hlaing in Moscow on 22 June."}))
    (article_id,) = article_ids_of_path(str(path))
    db = neo4j_settings.neo4j_database
    with pytest.raises(ArticleNotFound, match=str(path)):
        retract_article(empty_graph, str(path), database=db)
    write_article(empty_graph, make_extraction(article_id), database=db)
    assert retract_article(empty_graph, str(path), database=db).article_id == article_id
    assert graph_counts(empty_graph, neo4j_settings) == (0, 0)


def test_a_file_with_several_articles_must_be_retracted_by_id(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "two.jsonl"
    lines = [{"url": f"https://example.org/{i}", "language": "en", "text": "Russia met Myanmar in Moscow."}
             for i in range(2)]
    path.write_text("\n".join(json.dumps(line) for line in lines))
    with pytest.raises(InputError, match="2 articles"):
        retract_article(empty_graph, str(path), database=neo4j_settings.neo4j_database)
