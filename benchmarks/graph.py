"""Growing the benchmark graph: the generated corpus loaded by the project's own loader, size after size.

Sizes are prefixes of one corpus, so going from 1k to 10k articles loads only articles 1,000 … 9,999.
Extraction runs in a small process pool (it is CPU-bound and independent per article); writes go through
`loaders.write.batch.write_batch`, one writer, `DEFAULT_BATCH_SIZE` articles per transaction, as
`tiesgraph load` writes. Only bench data is touched:
every article's source and URL names the bench corpus, and `wipe` deletes the whole database's content
only after checking it holds nothing else.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from typing import Any, LiteralString

from neo4j import Driver, RoutingControl

from benchmarks.corpus import article
from loaders.load import DEFAULT_BATCH_SIZE
from loaders.models import ArticleExtraction
from loaders.pipeline import extract
from loaders.write.batch import batches, write_batch

COUNT_ARTICLES: LiteralString = "MATCH (a:Article) RETURN count(a) AS n, count(CASE WHEN a.url STARTS WITH " \
    "'https://bench.example.org/' THEN 1 END) AS bench"
# Relationships first, in bounded batches: a hub's DETACH DELETE in one transaction can exceed the
# server's transaction memory.
WIPE_RELS: LiteralString = "MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n"
WIPE_NODES: LiteralString = "MATCH (n) WHERE NOT n:Migration WITH n LIMIT 20000 DELETE n RETURN count(*) AS n"


class ForeignData(RuntimeError):
    """Raised when the benchmark database holds articles that are not from the bench corpus."""


def _extract(job: tuple[int, int]) -> ArticleExtraction:
    index, seed = job
    return extract(article(index, seed=seed))


def _pool(processes: int) -> Any:
    return multiprocessing.get_context("fork").Pool(max(1, min(processes, os.cpu_count() or 1)))


def extract_many(indices: Iterable[int], *, seed: int = 12, processes: int = 2) -> list[ArticleExtraction]:
    """The extractions of corpus articles, computed in a small process pool."""
    with _pool(processes) as pool:
        return list(pool.imap(_extract, [(i, seed) for i in indices], chunksize=8))


def article_count(driver: Driver, database: str) -> int:
    """Articles in the graph; ForeignData when any of them is not a bench article."""
    records, _, _ = driver.execute_query(COUNT_ARTICLES, database_=database, routing_=RoutingControl.READ)
    total, bench = records[0]["n"], records[0]["bench"]
    if total != bench:
        raise ForeignData(f"the benchmark database holds {total - bench} articles that are not bench data; "
                          "point TIESGRAPH_NEO4J_DATA (or NEO4J_URI) at a database of its own")
    return int(total)


def wipe(driver: Driver, database: str) -> None:
    """Delete everything but the migration records (only a bench-only database, see `article_count`)."""
    article_count(driver, database)
    for statement in (WIPE_RELS, WIPE_NODES):
        while True:
            records, _, _ = driver.execute_query(statement, database_=database, routing_=RoutingControl.WRITE)
            if records[0]["n"] == 0:
                break


def grow(driver: Driver, database: str, size: int, *, processes: int = 2,
         progress: Callable[[int], None] | None = None) -> int:
    """Load bench articles until the graph holds `size` of them; the number loaded now."""
    have = article_count(driver, database)
    todo = range(have, size)
    if not todo:
        return 0
    done = 0
    with _pool(processes) as pool:
        for batch in batches(pool.imap(_extract, [(i, 12) for i in todo], chunksize=16), DEFAULT_BATCH_SIZE):
            write_batch(driver, batch, database=database)
            done += len(batch)
            if progress is not None and done % 500 == 0:
                progress(have + done)
    return len(todo)
