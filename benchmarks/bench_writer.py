"""Benchmark (not a test): `loaders.writer.write_article` against a raw `UNWIND … MERGE` of the same rows.

Both sides write N synthetic articles, one transaction per article, to the same server in the same
process; the raw side MERGEs only the entity and claim rows (nodes, labels, FROM_ARTICLE/SUBJECT/OBJECT)
and skips everything the writer adds (unchanged check, mentions, events, tie recomputation). The
figure reported is time_writer / time_raw.

    NEO4J_URI=neo4j://127.0.0.1:7687 NEO4J_PASSWORD=... python benchmarks/bench_writer.py --articles 200

Only synthetic data is touched: every id it writes contains "bench-", and it is deleted before each
run and at the end. The schema's migrations must be applied (`tiesgraph schema apply`).
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any, LiteralString

from neo4j import Driver, ManagedTransaction

from graph_schema.model import RELATION_EVENT, EntityType, Label, Relation
from loaders.models import ArticleExtraction, ArticleMeta, Entity, Fact
from loaders.write import write_article
from loaders.write.rows import plan_write
from service.db import open_driver
from service.settings import Settings

CLEANUP: LiteralString = """
MATCH (n) WHERE n.id STARTS WITH 'art:bench-' OR n.id CONTAINS ':bench-' OR n.article_id STARTS WITH 'art:bench-'
OPTIONAL MATCH (n)-[:ABOUT]->(ev:Event)
DETACH DELETE n, ev
"""

RAW_ARTICLE: LiteralString = "MERGE (a:Article {id: $id}) SET a += $props"
RAW_ENTITIES: dict[Label, LiteralString] = {
    label: "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) SET e:" + label.value
    + ", e.name = row.name, e.aliases = row.aliases, e.source = row.source"
    for label in (Label.PERSON, Label.ORGANIZATION)
}
RAW_CLAIMS: LiteralString = """
MATCH (a:Article {id: $article_id})
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})
MERGE (c:Claim {id: row.props.id})
SET c += row.props
MERGE (c)-[:FROM_ARTICLE]->(a)
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)
"""


def synthetic(index: int, rng: random.Random, *, pool: int, entities: int, facts: int) -> ArticleExtraction:
    """One article: ``entities`` people/organisations from a shared pool, ``facts`` facts between them."""
    chosen = rng.sample(range(pool), entities)
    people = [
        Entity(id=f"per:bench-{i}", type=EntityType.PERSON, name=f"Person {i}", aliases=[f"Person {i}"])
        if i % 3 else
        Entity(id=f"org:bench-{i}", type=EntityType.ORGANIZATION, name=f"Org {i}", aliases=[f"Org {i}"])
        for i in chosen
    ]
    relations = list(Relation)
    text_parts: list[str] = []
    fact_list: list[Fact] = []
    for n in range(facts):
        subject, obj = rng.sample(people, 2)
        relation = rng.choice(relations)
        sentence = f"{subject.name} and {obj.name}, sentence {n} of article {index}."
        start = sum(len(p) + 1 for p in text_parts)
        text_parts.append(sentence)
        fact_list.append(Fact(
            subject=subject.id, relation=relation, object=obj.id, date=f"2021-06-{rng.randint(1, 28):02d}",
            evidence=sentence, sentence_index=n, start=start, end=start + len(sentence),
            confidence=round(rng.uniform(0.4, 1.0), 2), extractor="bench.v1",
            event_type=RELATION_EVENT.get(relation),
        ))
    return ArticleExtraction(
        source=f"bench-{index}",
        article=ArticleMeta(id=f"art:bench-{index}", url=f"https://example.org/bench-{index}", outlet="Bench",
                            language="en", published="2021-06-24", title=f"Bench {index}",
                            content_hash=f"bench-hash-{index}"),
        text=" ".join(text_parts),
        entities=people,
        facts=fact_list,
    )


def _raw_tx(tx: ManagedTransaction, extraction: ArticleExtraction) -> None:
    plan = plan_write(extraction)
    tx.run(RAW_ARTICLE, id=plan.article_id, props=plan.article).consume()
    for label in RAW_ENTITIES:
        rows = [row for row in plan.entities if row["label"] == label.value]
        if rows:
            tx.run(RAW_ENTITIES[label], rows=rows).consume()
    tx.run(RAW_CLAIMS, article_id=plan.article_id, rows=plan.claims).consume()


def _clean(driver: Driver, database: str) -> None:
    driver.execute_query(CLEANUP, database_=database)


def run(driver: Driver, database: str, articles: list[ArticleExtraction]) -> dict[str, Any]:
    """Time both sides on a clean slate; the writer's second pass (all unchanged) is timed too."""
    _clean(driver, database)
    started = time.perf_counter()
    for extraction in articles:
        write_article(driver, extraction, database=database)
    writer_s = time.perf_counter() - started
    started = time.perf_counter()
    for extraction in articles:
        write_article(driver, extraction, database=database)
    unchanged_s = time.perf_counter() - started

    _clean(driver, database)
    started = time.perf_counter()
    with driver.session(database=database) as session:
        for extraction in articles:
            session.execute_write(_raw_tx, extraction)
    raw_s = time.perf_counter() - started
    _clean(driver, database)
    return {"writer_s": writer_s, "raw_s": raw_s, "unchanged_s": unchanged_s, "ratio": writer_s / raw_s}


def main() -> None:
    """Parse arguments, run a warm-up and the timed rounds, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--entities", type=int, default=12, help="entities per article")
    parser.add_argument("--facts", type=int, default=10, help="facts per article")
    parser.add_argument("--pool", type=int, default=300, help="distinct entities across the corpus")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    settings = Settings()
    rng = random.Random(42)
    articles = [synthetic(i, rng, pool=args.pool, entities=args.entities, facts=args.facts)
                for i in range(args.articles)]
    driver = open_driver(settings)
    try:
        driver.verify_connectivity()
        run(driver, settings.neo4j_database, articles[: max(10, args.articles // 10)])  # warm-up
        rounds = [run(driver, settings.neo4j_database, articles) for _ in range(args.rounds)]
    finally:
        driver.close()
    best = min(rounds, key=lambda r: r["ratio"])
    median = sorted(r["ratio"] for r in rounds)[len(rounds) // 2]
    print(f"{args.articles} articles x {args.facts} facts, {args.entities} entities each "
          f"(pool {args.pool}), {args.rounds} rounds")
    for i, r in enumerate(rounds, 1):
        print(f"  round {i}: writer {r['writer_s']:.2f}s  raw {r['raw_s']:.2f}s  ratio {r['ratio']:.2f}  "
              f"(re-load, all unchanged: {r['unchanged_s']:.2f}s)")
    print(f"time_writer / time_raw: median {median:.2f}, best {best['ratio']:.2f}")


if __name__ == "__main__":
    main()
