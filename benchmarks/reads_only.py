"""The read benchmark alone, on a bench graph that is kept between runs (what `make bench` times, minus the rest).

    python -m benchmarks.reads_only --size 1000 --out /tmp/reads-1k.json
    python -m benchmarks.reads_only --size 10000 --targets-from /tmp/reads-1k.json --out /tmp/reads-10k.json

The graph is grown to `--size` bench articles with the project's loader and never wiped, so a second run
at the same size starts timing at once (a graph already larger than `--size` is refused: its figures would
not be those of the size asked). `make bench` picks its targets on its first (smallest) graph; so that a
larger graph kept in another database is timed at the same actors, `--targets-from` reads them from the
output of a run at the smaller size. Timing, baselines and db hits are `benchmarks.reads`', as `make bench`
runs them; the load generator runs only when `--load-requests` is given.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from neo4j import Driver

from benchmarks import reads
from benchmarks.graph import _extract, _pool, article_count
from loaders.errors import WriteError
from loaders.load import DEFAULT_BATCH_SIZE
from loaders.models import ArticleExtraction
from loaders.write.batch import batches, write_batch
from loaders.write.rows import plan_write
from service.db import open_driver
from service.settings import Settings


def _writable(extraction: ArticleExtraction) -> bool:
    try:
        plan_write(extraction)
    except WriteError as exc:
        print(f"  skipped (the writer refuses it): {exc}", flush=True)
        return False
    return True


def grow_skipping(driver: Driver, database: str, size: int) -> int:
    """`benchmarks.graph.grow`, except that an article the writer refuses is left out (printed) instead of
    stopping the run; the corpus index goes on to `size`, so the graph then holds fewer articles."""
    have = article_count(driver, database)
    done = 0
    with _pool(2) as pool:
        jobs = pool.imap(_extract, [(i, 12) for i in range(have, size)], chunksize=16)
        for batch in batches((e for e in jobs if _writable(e)), DEFAULT_BATCH_SIZE):
            write_batch(driver, batch, database=database)
            done += len(batch)
    return done


def main(argv: list[str] | None = None) -> None:
    """Grow the kept bench graph to --size, time the five read endpoints, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, required=True, help="bench articles the graph must hold")
    parser.add_argument("--rounds", type=int, default=11, help="interleaved rounds per endpoint (make bench: 11)")
    parser.add_argument("--load-requests", type=int, default=0, help="requests of the load generator (0: skip it)")
    parser.add_argument("--targets-from", type=Path, help="a previous output whose targets to time again")
    parser.add_argument("--only", help="comma-separated endpoint names (default: all five)")
    parser.add_argument("--out", type=Path, help="where to write the figures as JSON")
    api_port = os.environ.get("TIESGRAPH_BENCH_API_PORT", os.environ.get("BENCH_API_PORT", "57874"))
    parser.add_argument("--api-port", type=int, default=int(api_port))
    args = parser.parse_args(argv)
    settings = Settings()
    database = settings.neo4j_database
    driver = open_driver(settings)
    try:
        driver.verify_connectivity()
        if article_count(driver, database) > args.size:
            raise SystemExit(f"the graph already holds more than {args.size} articles: use a database of its own")
        grow_skipping(driver, database, args.size)
        if args.targets_from:
            targets = tuple(json.loads(args.targets_from.read_text())["targets"])
        else:
            targets = reads.busiest(driver, database)
        hub, other, person_a, person_b, name = targets
        wanted = set(args.only.split(",")) if args.only else None
        results: dict[str, Any] = {"size": args.size, "targets": list(targets), "api": {}}
        with reads.api_server(args.api_port, settings) as base:
            for ep in reads.endpoints(hub, other, person_a, person_b, name):
                if wanted is not None and ep.name not in wanted:
                    continue
                at = reads.latency(driver, database, base, ep, rounds=args.rounds)
                at["db_hits"] = reads.db_hits(driver, database, ep.query, ep.query_params)
                if args.load_requests:
                    at["load"] = [reads.load(base, ep, concurrency=c, requests=args.load_requests) for c in (1, 8)]
                results["api"][ep.name] = at
                print(f"  {ep.name}: API {at['p50_ms']:.1f} ms, driver {at['driver_p50_ms']:.1f} ms, ratio "
                      f"{at['p50_ratio_vs_driver']:.2f} (per round {at['ratio_per_round']['median']:.2f}), "
                      f"{at['db_hits']} db hits", flush=True)
    finally:
        driver.close()
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
