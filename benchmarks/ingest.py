"""The writer against the fastest honest write of the same rows: batched `UNWIND $rows … MERGE`.

Both sides write the same extracted articles to an empty database, in alternating order, round after
round; extraction is done once before and excluded. The baseline writes every article, entity, mention
and claim row (with FROM_ARTICLE / SUBJECT / OBJECT / MENTIONS) in transactions of at least
`BATCH_ROWS` rows, MERGE on the same constrained keys; it skips what only the writer does (the
unchanged check, events, tie and entity recomputation), which is the cost the ratio shows. The writer
writes BENCH_BATCH_SIZE articles per transaction (`tiesgraph load --batch-size 100`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, LiteralString

from neo4j import Driver, ManagedTransaction

from benchmarks.corpus import article
from benchmarks.graph import wipe
from benchmarks.timing import ratios, summary
from graph_schema.model import Label
from loaders.load import load_sources
from loaders.models import ArticleExtraction
from loaders.read import ReadResult
from loaders.write.batch import write_articles
from loaders.write.rows import Row, plan_write

BATCH_ROWS = 1000

RAW_ARTICLES: LiteralString = "UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row"
RAW_ENTITIES: dict[str, LiteralString] = {
    label.value: "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) SET e:" + label.value
    + ", e.name = row.name, e.known_aliases = row.known_aliases, e.known_folded = row.known_folded,"
    " e.qid = row.qid, e.source = row.source"
    for label in (Label.COUNTRY, Label.PERSON, Label.ORGANIZATION, Label.PLACE, Label.WEAPON, Label.EVENT)
}
RAW_MENTIONS: LiteralString = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article_id}), (e:Entity {id: row.id})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count, m.surface = row.surface, m.folded = row.folded, m.role = row.role,
    m.country = row.country
"""
RAW_CLAIMS: LiteralString = """
UNWIND $rows AS row
MATCH (a:Article {id: row.props.article_id}), (s:Entity {id: row.subject}), (o:Entity {id: row.object})
MERGE (c:Claim {id: row.props.id})
SET c += row.props
MERGE (c)-[:FROM_ARTICLE]->(a)
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)
"""

BENCH_BATCH_SIZE = 100  # the batched writer is measured (the load default is 1 until its probes pass, #12)


class RawRows:
    """Every row the baseline writes, grouped by statement (entities deduplicated across articles)."""

    def __init__(self, extractions: list[ArticleExtraction]) -> None:
        self.articles: list[Row] = []
        self.entities: dict[str, dict[str, Row]] = {}
        self.mentions: list[Row] = []
        self.claims: list[Row] = []
        for extraction in extractions:
            plan = plan_write(extraction)
            self.articles.append({"id": plan.article_id, **plan.article})
            for row in plan.entities:
                self.entities.setdefault(str(row["label"]), {})[str(row["id"])] = row
            self.mentions += [{**row, "article_id": plan.article_id} for row in plan.mentions]
            self.claims += plan.claims

    @property
    def count(self) -> int:
        """Rows written in total."""
        return (len(self.articles) + sum(len(v) for v in self.entities.values()) + len(self.mentions)
                + len(self.claims))

    def statements(self) -> Iterator[tuple[LiteralString, list[Row]]]:
        """(statement, rows) in dependency order: articles and entities before what links them."""
        yield RAW_ARTICLES, self.articles
        for label, rows in sorted(self.entities.items()):
            yield RAW_ENTITIES[label], list(rows.values())
        yield RAW_MENTIONS, self.mentions
        yield RAW_CLAIMS, self.claims


def _batches(rows: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def write_raw(driver: Driver, database: str, raw: RawRows, *, batch_rows: int = BATCH_ROWS) -> None:
    """The baseline: each statement's rows in transactions of `batch_rows` rows."""
    def work(tx: ManagedTransaction, statement: LiteralString, rows: list[Row]) -> None:
        tx.run(statement, rows=rows).consume()

    with driver.session(database=database) as session:
        for statement, rows in raw.statements():
            for batch in _batches(rows, batch_rows):
                session.execute_write(work, statement, batch)


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _corpus_reader(seed: int) -> Callable[[Iterable[str]], Iterator[ReadResult]]:
    """A reader for `load_sources` whose sources are corpus indices (the records need no files)."""
    def read(sources: Iterable[str]) -> Iterator[ReadResult]:
        return (article(int(index), seed=seed) for index in sources)
    return read


def _load_timed(driver: Driver, database: str, sources: list[str], *, seed: int, workers: int) -> float:
    """Seconds `load_sources` takes over the corpus articles ``sources``; RuntimeError if one fails."""
    start = time.perf_counter()
    results = load_sources(driver, sources, database=database, progress=False, reader=_corpus_reader(seed),
                           workers=workers)
    elapsed = time.perf_counter() - start
    if not all(result.ok for result in results):
        raise RuntimeError(f"the loader failed on bench articles with workers={workers}")
    return elapsed


def loader(driver: Driver, database: str, count: int, *, seed: int, rounds: int) -> dict[str, Any]:
    """The whole loader (read, clean, extract, write) on an empty database, `workers` 1 and 2 alternating.

    Each round times `load_sources` end to end, the workers' start and warm-up included, so a small
    `count` understates what the workers give on a long load.
    """
    seconds: dict[int, list[float]] = {1: [], 2: []}
    sources = [str(i) for i in range(count)]
    for r in range(rounds):
        for workers in ((1, 2) if r % 2 == 0 else (2, 1)):
            wipe(driver, database)
            seconds[workers].append(_load_timed(driver, database, sources, seed=seed, workers=workers))
    wipe(driver, database)
    return {f"workers_{w}": {"s": summary(s), "articles_per_s": count / summary(s)["median"]}
            for w, s in seconds.items()}


def run(driver: Driver, database: str, extractions: list[ArticleExtraction], *, rounds: int,
        batch_size: int = BENCH_BATCH_SIZE) -> dict[str, Any]:
    """Writer (`batch_size` articles per transaction) and baseline on an empty database, `rounds`
    alternating rounds; rows/s and their ratio."""
    raw = RawRows(extractions)
    writer_s: list[float] = []
    raw_s: list[float] = []
    for r in range(rounds):
        order = ("writer", "raw") if r % 2 == 0 else ("raw", "writer")
        for side in order:
            wipe(driver, database)
            if side == "writer":
                writer_s.append(_timed(lambda: write_articles(driver, extractions, database=database,
                                                              batch_size=batch_size)))
            else:
                raw_s.append(_timed(lambda: write_raw(driver, database, raw)))
    wipe(driver, database)
    n = len(extractions)
    ratio = summary(ratios(raw_s, writer_s))  # writer rows/s over raw rows/s = raw time over writer time
    return {
        "articles": n, "rows": raw.count, "rounds": rounds, "batch_rows": BATCH_ROWS,
        "writer_batch_articles": batch_size,
        "writer_s": summary(writer_s), "raw_s": summary(raw_s),
        "writer_rows_per_s": raw.count / summary(writer_s)["median"],
        "raw_rows_per_s": raw.count / summary(raw_s)["median"],
        "writer_articles_per_s": n / summary(writer_s)["median"],
        "ratio_vs_raw_unwind": ratio["median"],
        "ratio_vs_raw_unwind_spread": ratio,
    }
