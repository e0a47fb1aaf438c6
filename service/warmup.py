"""Plan the API's read queries once when the API starts, so no user request pays all of Neo4j's first-use cost.

Neo4j caches a plan per query string and parameter types; planning the largest reads (the ties report,
the ego graph, the shortest paths) takes about 1-2 s the first time, a hundred times their warm run. At
start-up a background thread calls every read of `service.queries` once, through the same functions the
routes call, for two actors joined by a tie (any two: the first answer of `PAIR`; an id no entity has on
an empty graph) and with each date filter once absent and once given (a null and a string parameter are
planned apart).

Measured on the sample graph (tests/integration, quiet machine, query caches cleared before each round):
the first ties report for Russia-Myanmar took 0.8-1.6 s unwarmed and 0.4-0.6 s after the warm-up (10-40 ms
from the second time on); the ego graph 0.6-0.7 s and 0.23-0.4 s. So warming halves the first request but
does not remove its cost: the rest is paid once per pair of actors, even with the plan cached (the same
pair with another limit is fast, another pair is slow once), and its cause in Neo4j is not known yet.
Failures are logged and ignored: warming is an optimisation, and /v1/ready reports the database itself.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any, LiteralString

from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel, ConfigDict

from graph_schema.model import Relation
from service.deps import Page
from service.errors import NotFound, ServiceError
from service.queries import articles, entities, events, paths, stats, ties
from service.queries._common import read, typed
from service.queries.entities import EGO_GRAPH
from service.queries.paths import SHORTEST_PATHS

log = logging.getLogger("tiesgraph.api")

NO_ENTITY = "tiesgraph:warmup:no-such-id"
"""An id no entity, event or article has."""

PAIR: LiteralString = typed("MATCH (a:Entity)-[:__TIES__]->(b:Entity) WHERE a <> b RETURN a.id AS a, b.id AS b LIMIT 1")
"""Two actors joined by a tie, if the graph has one."""

_PAGE = Page(offset=0, limit=1)
_DATE_FILTERS: tuple[tuple[str | None, str | None], ...] = ((None, None), ("1900", "2999-12-31"))


class WarmUp(BaseModel):
    """What warming did: how many reads were planned, how many failed, and how long it took."""

    model_config = ConfigDict(frozen=True)

    planned: int
    failed: int
    seconds: float


Read = Callable[[], Any]


class Pair(BaseModel):
    """The two actors the warm-up reads are about."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str


def pair(driver: Driver, database: str) -> Pair:
    """Two actors joined by a tie, or the unknown id twice on a graph without ties."""
    rows = read(driver, PAIR, database=database)
    return Pair.model_validate(rows[0]) if rows else Pair(a=NO_ENTITY, b=NO_ENTITY)


def _dated_reads(driver: Driver, db: str, two: Pair, since: str | None, until: str | None) -> list[Read]:
    """The reads with a date filter, for one choice of filter."""
    reads: list[Read] = [
        partial(ties.report, driver=driver, database=db, a=two.a, b=two.b, since=since, until=until, limit=1),
        partial(events.list_events, driver=driver, database=db, type=None, actor=None, country=None,
                since=since, until=until, page=_PAGE),
        partial(events.list_events, driver=driver, database=db, type=None, actor=two.a, country=None,
                since=since, until=until, page=_PAGE),
        partial(articles.list_articles, driver=driver, database=db, outlet=None, language=None, since=since,
                until=until, page=_PAGE),
    ]
    reads += [partial(entities.relationships, driver=driver, database=db, entity_id=two.a, relation=relation,
                      direction="both", since=since, until=until, min_confidence=None, page=_PAGE)
              for relation in (None, *Relation)]
    return reads


def reads_to_warm(driver: Driver, database: str, two: Pair) -> list[Read]:
    """Every read of the API once about `two` (each date-filtered read with and without its filters)."""
    db = database
    reads: list[Read] = [
        partial(entities.search, driver=driver, database=db, q=None, type=None, page=_PAGE),
        partial(entities.search, driver=driver, database=db, q="warmup", type=None, page=_PAGE),
        partial(entities.get, driver=driver, database=db, entity_id=two.a),
        partial(events.get, driver=driver, database=db, event_id=NO_ENTITY),
        partial(articles.get, driver=driver, database=db, article_id=NO_ENTITY),
        partial(ties.endpoints, driver=driver, database=db, a=two.a, b=two.b),
        partial(stats.stats, driver=driver, database=db),
    ]
    reads += [partial(entities.ego_graph, driver=driver, database=db, entity_id=two.a, depth=depth, limit=1)
              for depth in sorted(EGO_GRAPH)]
    reads += [partial(paths.shortest, driver=driver, database=db, source=two.a, target=two.b, max_hops=hops,
                      limit=1) for hops in sorted(SHORTEST_PATHS)]
    for since, until in _DATE_FILTERS:
        reads += _dated_reads(driver, db, two, since, until)
    return reads


def warm(driver: Driver, database: str, stop: threading.Event | None = None) -> WarmUp:
    """Run every read once, until `stop` is set; a read that answers NotFound (the id is unknown) counts as
    planned."""
    started = time.perf_counter()
    failed = 0
    try:
        reads = reads_to_warm(driver, database, pair(driver, database))
    except (Neo4jError, DriverError, OSError) as exc:
        log.warning("query plans not warmed: %s", type(exc).__name__)
        return WarmUp(planned=0, failed=1, seconds=round(time.perf_counter() - started, 3))
    done = 0
    for run in reads:
        if stop is not None and stop.is_set():
            break
        done += 1
        try:
            run()
        except NotFound:
            pass  # the id is unknown, as meant: the query ran, so its plan is cached
        except (ServiceError, Neo4jError, DriverError, OSError) as exc:
            failed += 1
            log.debug("warm-up read failed: %s", type(exc).__name__)
    result = WarmUp(planned=done - failed, failed=failed, seconds=round(time.perf_counter() - started, 3))
    log.info("query plans warmed: %d reads in %.1f s (%d failed)", result.planned, result.seconds, result.failed)
    return result


class Warming(threading.Thread):
    """`warm` in a daemon thread (the API serves meanwhile); `result` once it has finished. `finish` stops it
    after the read in flight and waits for it: the lifespan calls it before it closes the driver."""

    def __init__(self, driver: Driver, database: str) -> None:
        super().__init__(name="tiesgraph-warmup", daemon=True)
        self._driver = driver
        self._database = database
        self._stopping = threading.Event()
        self.result: WarmUp | None = None

    def run(self) -> None:
        try:
            self.result = warm(self._driver, self._database, self._stopping)
        except Exception as exc:  # an optimisation must never take the API down; logged
            log.warning("query plans not warmed: %s", type(exc).__name__)

    def finish(self, timeout: float) -> None:
        """Stop after the read in flight, and wait for that at most `timeout` seconds."""
        self._stopping.set()
        self.join(timeout)
