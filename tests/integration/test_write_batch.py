"""Many articles per transaction (`loaders.write.batch`) write exactly the graph one-by-one writes do.

Compared on the whole graph (every node's labels and properties, every relationship), for new articles,
replacements and retractions, concurrent batches sharing states, and a batch load whose one bad article
is isolated by halving while the others commit.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from neo4j import Driver

from benchmarks.corpus import article as corpus_article
from benchmarks.graph import extract_many
from loaders.load import load_sources, retract_article
from loaders.models import ArticleExtraction, CleanArticle
from loaders.write import write_article
from loaders.write.batch import write_batch
from service.settings import Settings
from tests.factories import arms_fact, make_extraction, meeting_fact, query

pytestmark = pytest.mark.usefixtures("schema_applied")

_VOLATILE = {"loaded_at"}

DUMP_NODES = "MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels, properties(n) AS props"
DUMP_RELS = ("MATCH (s)-[r]->(o) RETURN type(r) AS type, coalesce(s.id, '') AS s, coalesce(o.id, '') AS o, "
             "properties(r) AS props")


def dump(driver: Driver, settings: Settings) -> dict[str, list[str]]:
    """The whole graph as sorted text lines (server timestamps left out)."""
    nodes = [repr((sorted(r["labels"]), sorted((k, repr(v)) for k, v in r["props"].items() if k not in _VOLATILE)))
             for r in query(driver, settings, DUMP_NODES)]
    rels = [repr((r["type"], r["s"], r["o"], sorted((k, repr(v)) for k, v in r["props"].items())))
            for r in query(driver, settings, DUMP_RELS)]
    return {"nodes": sorted(nodes), "rels": sorted(rels)}


def _wipe(driver: Driver, settings: Settings) -> None:
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=settings.neo4j_database)


def _one_by_one(driver: Driver, settings: Settings, steps: Sequence[Sequence[ArticleExtraction]]) -> dict[str, Any]:
    for step in steps:
        for extraction in step:
            write_article(driver, extraction, database=settings.neo4j_database)
    return dump(driver, settings)


def _batched(driver: Driver, settings: Settings, steps: Sequence[Sequence[ArticleExtraction]]) -> dict[str, Any]:
    for step in steps:
        write_batch(driver, step, database=settings.neo4j_database)
    return dump(driver, settings)


@pytest.fixture(scope="module")
def generated() -> list[ArticleExtraction]:
    """24 generated articles in several languages (shared states, people, events)."""
    return extract_many(range(24), seed=5)


def test_a_batch_of_generated_articles_writes_the_graph_one_by_one_writes(
    empty_graph: Driver, neo4j_settings: Settings, generated: list[ArticleExtraction]
) -> None:
    steps = [generated[:10], generated[10:]]
    expected = _one_by_one(empty_graph, neo4j_settings, steps)
    _wipe(empty_graph, neo4j_settings)
    assert _batched(empty_graph, neo4j_settings, steps) == expected
    summaries = write_batch(empty_graph, generated, database=neo4j_settings.neo4j_database)
    assert {s.status for s in summaries} == {"unchanged"}
    assert dump(empty_graph, neo4j_settings) == expected


def _versions() -> list[list[ArticleExtraction]]:
    """Three articles sharing ties, then a batch replacing two of them (one keeps a tie) and adding one."""
    first = [make_extraction("art:one"), make_extraction("art:two", facts=[meeting_fact(confidence=0.5)]),
             make_extraction("art:three", facts=[arms_fact(confidence=0.6)])]
    second = [make_extraction("art:one", facts=[arms_fact()], content_hash="hash-2-one"),
              make_extraction("art:two", facts=[meeting_fact(confidence=0.8), arms_fact(confidence=0.4)],
                              content_hash="hash-2-two"),
              make_extraction("art:four", facts=[meeting_fact(date="2021-06-23", confidence=0.7)],
                              entity_ids=["CHN", "MMR", "RUS", "per:min-aung-hlaing", "per:sergei-shoigu",
                                          "plc:moscow"])]
    return [first, second]


def test_replacements_in_a_batch_recompute_exactly_what_one_by_one_replacements_do(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    expected = _one_by_one(empty_graph, neo4j_settings, _versions())
    _wipe(empty_graph, neo4j_settings)
    assert _batched(empty_graph, neo4j_settings, _versions()) == expected
    statuses = [s.status for s in write_batch(empty_graph, _versions()[1], database=neo4j_settings.neo4j_database)]
    assert statuses == ["unchanged"] * 3


def test_retracting_batch_written_articles_removes_only_what_each_alone_supported(
    empty_graph: Driver, neo4j_settings: Settings, generated: list[ArticleExtraction]
) -> None:
    db = neo4j_settings.neo4j_database
    keep, drop = generated[:12], generated[12:]
    expected = _one_by_one(empty_graph, neo4j_settings, [keep])
    _wipe(empty_graph, neo4j_settings)
    write_batch(empty_graph, generated, database=db)
    for extraction in drop:
        retract_article(empty_graph, extraction.article.id, database=db)
    assert dump(empty_graph, neo4j_settings) == expected


def test_concurrent_batches_sharing_states_count_every_claim(
    empty_graph: Driver, neo4j_settings: Settings, generated: list[ArticleExtraction]
) -> None:
    db = neo4j_settings.neo4j_database
    expected = _one_by_one(empty_graph, neo4j_settings, [generated])
    for _ in range(3):
        _wipe(empty_graph, neo4j_settings)
        shards = [generated[0::3], generated[1::3], generated[2::3]]
        start = threading.Barrier(len(shards))

        def write(shard: list[ArticleExtraction], start: threading.Barrier = start) -> None:
            start.wait(30)
            for offset in range(0, len(shard), 4):
                write_batch(empty_graph, shard[offset:offset + 4], database=db)

        with ThreadPoolExecutor(max_workers=len(shards)) as pool:
            list(pool.map(write, shards))
        assert dump(empty_graph, neo4j_settings) == expected


def test_a_batch_load_isolates_the_bad_article_and_commits_the_others(
    empty_graph: Driver, neo4j_settings: Settings, generated: list[ArticleExtraction]
) -> None:
    by_source = {f"gen-{i}": extraction for i, extraction in enumerate(generated[:9])}
    bad = "gen-5"

    def reader(sources: Any) -> Any:
        return [corpus_article(int(s.removeprefix("gen-")), seed=5).model_copy(update={"source": s})
                for s in sources]

    def extractor(article: CleanArticle) -> ArticleExtraction:
        extraction = by_source[article.source]
        if article.source != bad:
            return extraction
        # A fact about an actor the article does not list: the writer refuses the whole article.
        return extraction.model_copy(update={"facts": [arms_fact(subject="per:nobody-listed")]})

    results = load_sources(empty_graph, list(by_source), database=neo4j_settings.neo4j_database, progress=False,
                           reader=reader, extractor=extractor, batch_size=4)
    assert [r.status for r in results] == ["created"] * 5 + ["failed"] + ["created"] * 3, [r.error for r in results]
    assert results[5].error is not None and "per:nobody-listed" in results[5].error
    stored = {r["id"] for r in query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.id AS id")}
    assert stored == {by_source[s].article.id for s in by_source if s != bad}
