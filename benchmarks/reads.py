"""Read endpoints over loopback HTTP against the same Cypher through the driver, and a bounded load generator.

For each endpoint the API (a `tiesgraph serve` subprocess) and its baseline (the endpoint's query
constant with the same parameters, run by `driver.execute_query` in this process) are timed back to back,
in alternating order, round after round; the ratio of the medians is the API's overhead. The load
generator then sends a fixed number of requests at concurrency 1 and 8 (httpx, one connection per worker)
and reports latency percentiles and throughput.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, LiteralString

import httpx
from neo4j import Driver, RoutingControl

from benchmarks.timing import interleaved, percentile, ratios, summary
from graph_schema.text import search_fold
from service.queries import entities, paths, ties
from service.queries._common import ENTITY_TYPES, SYMMETRIC, typed
from service.settings import Settings


class Endpoint:
    """One read endpoint: its URL and the query (with parameters) it runs."""

    def __init__(self, name: str, url: str, params: dict[str, Any], query: LiteralString,
                 query_params: dict[str, Any]) -> None:
        self.name, self.url, self.params, self.query, self.query_params = name, url, params, query, query_params


def endpoints(hub: str, other: str, person_a: str, person_b: str, search: str) -> list[Endpoint]:
    """The five endpoints the issue tracks, aimed at the corpus' busiest actors."""
    page = {"skip": 0, "limit": 51, "entity_types": ENTITY_TYPES}
    return [
        Endpoint("relationships", f"/v1/entities/{hub}/relationships", {}, entities.RELATIONSHIPS[None],
                 {"id": hub, "symmetric": SYMMETRIC, "direction": "both", "min_confidence": None,
                  "since": None, "until": None, **page}),
        Endpoint("graph_depth2", f"/v1/entities/{hub}/graph", {"depth": 2}, entities.EGO_GRAPH[2],
                 {"id": hub, "limit": 100, "entity_types": ENTITY_TYPES}),
        Endpoint("paths", "/v1/paths", {"from": person_a, "to": person_b}, paths.SHORTEST_PATHS[4],
                 {"source": person_a, "target": person_b, "limit": 10, "entity_types": ENTITY_TYPES}),
        Endpoint("ties", "/v1/ties", {"a": hub, "b": other}, ties.REPORT,
                 {"a": hub, "b": other, "since": None, "until": None, "limit": 100,
                  "entity_types": ENTITY_TYPES, "relations": None, "event_types": None}),
        Endpoint("search", "/v1/entities", {"q": search}, entities.SEARCH,
                 {"lucene": entities.lucene_query(search), "folded": search_fold(search), "type": None,
                  **page}),
    ]


BUSIEST: LiteralString = typed("""
CALL () {
  MATCH (c:Country)-[r:__TIES__]-(:Entity)
  WITH c, count(r) AS degree ORDER BY degree DESC, c.id LIMIT 2
  RETURN collect(c.id) AS states, head(collect(c.name)) AS name
}
CALL () {
  MATCH (p:Person)-[r:__TIES__]-(:Entity)
  WITH p, count(r) AS degree ORDER BY degree DESC, p.id LIMIT 2
  RETURN collect(p.id) AS people
}
RETURN states, name, people
""")


def busiest(driver: Driver, database: str) -> tuple[str, str, str, str, str]:
    """The two states and two people with the most ties, and the first state's name (for search)."""
    records, _, _ = driver.execute_query(BUSIEST, database_=database, routing_=RoutingControl.READ)
    row = records[0]
    states, people = row["states"], row["people"]
    if len(states) < 2 or len(people) < 2:
        raise RuntimeError("the bench graph is too small to hold two states and two people with ties")
    return states[0], states[1], people[0], people[1], row["name"]


@contextmanager
def api_server(port: int, settings: Settings) -> Iterator[str]:
    """A `tiesgraph serve` subprocess on 127.0.0.1:port, connected to the database of `settings`."""
    env = {**os.environ, "TIESGRAPH_API_HOST": "127.0.0.1", "TIESGRAPH_API_PORT": str(port),
           "TIESGRAPH_ENV": settings.environment, "NEO4J_URI": settings.bolt_uri,
           "NEO4J_USER": settings.neo4j_user, "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
           "NEO4J_DATABASE": settings.neo4j_database}
    proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/v1/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the API did not become ready within 60 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _get(client: httpx.Client, ep: Endpoint) -> None:
    response = client.get(ep.url, params=ep.params)
    if response.status_code != 200:
        raise RuntimeError(f"{ep.name}: HTTP {response.status_code}: {response.text[:300]}")


def _driver_call(driver: Driver, database: str, ep: Endpoint) -> Callable[[], object]:
    return lambda: driver.execute_query(ep.query, parameters_=ep.query_params, database_=database,
                                        routing_=RoutingControl.READ)


def latency(driver: Driver, database: str, base: str, ep: Endpoint, *, rounds: int) -> dict[str, Any]:
    """API and driver p50 (interleaved rounds, after a warm-up) and their ratio."""
    with httpx.Client(base_url=base, timeout=60) as client:
        api: Callable[[], object] = lambda: _get(client, ep)  # noqa: E731
        drv = _driver_call(driver, database, ep)
        for _ in range(2):
            api(), drv()
        samples = interleaved({"api": api, "driver": drv}, rounds=rounds)
    api_s, drv_s = summary([s * 1000 for s in samples["api"]]), summary([s * 1000 for s in samples["driver"]])
    per_round = summary(ratios(samples["api"], samples["driver"]))
    return {"api_ms": api_s, "driver_ms": drv_s, "p50_ms": api_s["median"], "driver_p50_ms": drv_s["median"],
            "p50_ratio_vs_driver": api_s["median"] / drv_s["median"], "ratio_per_round": per_round}


def load(base: str, ep: Endpoint, *, concurrency: int, requests: int) -> dict[str, Any]:
    """`requests` GETs from `concurrency` workers: latency percentiles (ms) and requests per second."""
    def worker(n: int) -> list[float]:
        out: list[float] = []
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(n):
                start = time.perf_counter()
                _get(client, ep)
                out.append((time.perf_counter() - start) * 1000)
        return out

    shares = [requests // concurrency + (1 if i < requests % concurrency else 0) for i in range(concurrency)]
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        times = [t for part in pool.map(worker, shares) for t in part]
    elapsed = time.perf_counter() - start
    return {"concurrency": concurrency, "requests": len(times), "p50_ms": percentile(times, 50),
            "p95_ms": percentile(times, 95), "requests_per_s": len(times) / elapsed}


def _plan_hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(_plan_hits(child) for child in plan.get("children", []))


def db_hits(driver: Driver, database: str, query: LiteralString, params: dict[str, Any]) -> int:
    """Total db hits of one run of the query under PROFILE."""
    _, result_summary, _ = driver.execute_query("PROFILE " + query, parameters_=params, database_=database,
                                                routing_=RoutingControl.READ)
    return _plan_hits(result_summary.profile or {})
