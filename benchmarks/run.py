"""`make bench`: every benchmark in one run, written to latest.json, docs/benchmarks.md and PNG plots.

    python -m benchmarks.run                 # default sizes: graphs of 1k and 10k articles
    BENCH_FULL=1 python -m benchmarks.run    # also 100k articles
    python -m benchmarks.run --smoke --out /tmp/b   # seconds: tiny sizes (what `make test` runs)

The database it uses is emptied first and must hold nothing but bench data (see benchmarks/graph.py):
point TIESGRAPH_NEO4J_DATA / ports (or NEO4J_URI) at a database of its own. Order: extraction (no
database), ingest (writer vs raw UNWIND on an empty database), then the read graph grown size by size
with the project's loader, the read endpoints timed at each size.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
from neo4j import Driver

from benchmarks import extraction, ingest, reads, report
from benchmarks.graph import extract_many, grow, wipe
from service.db import open_driver
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
MODES: dict[str, dict[str, Any]] = {
    "smoke": {"sizes": [12, 30], "ex_articles": 2, "ex_rounds": 2, "lengths": [100, 500], "ingest_articles": 6,
              "ingest_rounds": 1, "read_rounds": 2, "load_requests": 8},
    "default": {"sizes": [1000, 10000], "ex_articles": 40, "ex_rounds": 7, "lengths": [125, 250, 500, 1000],
                "ingest_articles": 300, "ingest_rounds": 3, "read_rounds": 11, "load_requests": 80},
}
MODES["full"] = {**MODES["default"], "sizes": [1000, 10000, 100000]}


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def meta(driver: Driver, database: str, mode: str, sizes: list[int]) -> dict[str, Any]:
    """Commit, machine, versions and date of this run."""
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                                         database_=database)
    return {
        "commit": _git("rev-parse", "HEAD"), "dirty": bool(_git("status", "--porcelain", "--", "service",
                                                                   "loaders", "graph_schema", "benchmarks")),
        "date": datetime.now(UTC).isoformat(timespec="seconds"), "mode": mode, "sizes": sizes,
        "command": " ".join(["python -m benchmarks.run", *sys.argv[1:]]),
        "machine": {"cpu_count": os.cpu_count(), "cpu_model": _cpu_model(), "platform": platform.platform(),
                    "load_average": [round(x, 2) for x in os.getloadavg()]},
        "python": platform.python_version(), "neo4j": records[0]["v"], "neo4j_driver": neo4j.__version__,
    }


def _extraction(cfg: dict[str, Any]) -> dict[str, Any]:
    main = extraction.run(count=cfg["ex_articles"], rounds=cfg["ex_rounds"], words=500)
    main["by_length"] = []
    for words in cfg["lengths"]:
        at = main if words == 500 else extraction.run(count=max(2, cfg["ex_articles"] // 4), rounds=3, words=words)
        main["by_length"].append({"words": at["words_per_article"],
                                  "ms_per_article": at["ms_per_article"]["median"],
                                  "baseline_ms_per_article": at["baseline_ms_per_article"]["median"]})
    return main


def _ingest(driver: Driver, database: str, cfg: dict[str, Any], extract_ms: float) -> dict[str, Any]:
    extractions = extract_many(range(cfg["ingest_articles"]), seed=99)
    out = ingest.run(driver, database, extractions, rounds=cfg["ingest_rounds"])
    per_article_s = extract_ms / 1000 + 1 / out["writer_articles_per_s"]
    out["loader_articles_per_s_1_process"] = 1 / per_article_s
    out["loader"] = ingest.loader(driver, database, cfg["ingest_articles"], seed=99, rounds=cfg["ingest_rounds"])
    out["articles_per_s"] = out["loader"]["workers_2"]["articles_per_s"]
    out["articles_per_s_note"] = (f"`load_sources(workers=2)` end to end on the same {cfg['ingest_articles']} "
                                  "articles, worker start included; "
                                  f"workers=1: {out['loader']['workers_1']['articles_per_s']:.1f} articles/s")
    out["projected_hours_1m_articles"] = 1_000_000 * per_article_s / 3600
    out["projection_basis"] = "one process: extraction CPU time per article + writer time per article"
    return out


def _api(driver: Driver, settings: Settings, cfg: dict[str, Any], port: int) -> dict[str, Any]:
    database = settings.neo4j_database
    wipe(driver, database)
    api: dict[str, Any] = {}
    targets: list[reads.Endpoint] = []
    with reads.api_server(port, settings) as base:
        for size in cfg["sizes"]:
            grow(driver, database, size, progress=lambda n: print(f"  graph: {n} articles", flush=True))
            if not targets:
                targets = reads.endpoints(*reads.busiest(driver, database))
            for ep in targets:
                api.setdefault(ep.name, {"target": {"url": ep.url, "params": ep.params}, "by_size": {}})
                api[ep.name]["by_size"][str(size)] = _endpoint_at(driver, database, base, ep, cfg)
    first, last = cfg["sizes"][0], cfg["sizes"][-1]
    for ep_results in api.values():
        small, large = ep_results["by_size"][str(first)], ep_results["by_size"][str(last)]
        ep_results["p50_ratio_vs_driver"] = large["p50_ratio_vs_driver"]
        ep_results[f"p50_growth_{_k(first)}_to_{_k(last)}"] = large["p50_ms"] / small["p50_ms"]
    return api


def _endpoint_at(driver: Driver, database: str, base: str, ep: reads.Endpoint, cfg: dict[str, Any]) -> dict[str, Any]:
    at = reads.latency(driver, database, base, ep, rounds=cfg["read_rounds"])
    at["db_hits"] = reads.db_hits(driver, database, ep.query, ep.query_params)
    at["load"] = [reads.load(base, ep, concurrency=c, requests=cfg["load_requests"]) for c in (1, 8)]
    print(f"  {ep.name}: API {at['p50_ms']:.1f} ms, driver {at['driver_p50_ms']:.1f} ms, {at['db_hits']} db hits",
          flush=True)
    return at


def _k(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def main(argv: list[str] | None = None, settings: Settings | None = None) -> None:
    """Parse arguments, run every benchmark, write the outputs (Settings from the environment unless given)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, seconds (the test suite's mode)")
    parser.add_argument("--sizes", help="comma-separated graph sizes, overriding the mode's")
    parser.add_argument("--ingest-articles", type=int, help="articles of the ingest benchmark, overriding the mode's")
    parser.add_argument("--out", type=Path, help="folder for latest.json, benchmarks.md and plots "
                        "(default: benchmarks/results and docs/benchmarks.md)")
    api_port = os.environ.get("TIESGRAPH_BENCH_API_PORT", os.environ.get("BENCH_API_PORT", "57874"))
    parser.add_argument("--api-port", type=int, default=int(api_port))
    args = parser.parse_args(argv)
    mode = "smoke" if args.smoke else "full" if os.environ.get("BENCH_FULL") == "1" else "default"
    cfg = dict(MODES[mode])
    if args.sizes:
        cfg["sizes"] = sorted(int(s) for s in args.sizes.split(","))
    if args.ingest_articles:
        cfg["ingest_articles"] = args.ingest_articles
    results_dir = args.out or ROOT / "benchmarks" / "results"
    md_path = args.out / "benchmarks.md" if args.out else ROOT / "docs" / "benchmarks.md"
    settings = settings or Settings()
    driver = open_driver(settings)
    started = time.perf_counter()
    try:
        driver.verify_connectivity()
        db = settings.neo4j_database
        results: dict[str, Any] = {"meta": meta(driver, db, mode, cfg["sizes"])}
        print("extraction …", flush=True)
        results["extraction"] = _extraction(cfg)
        print("ingest …", flush=True)
        results["ingest"] = _ingest(driver, db, cfg, results["extraction"]["ms_per_article"]["median"])
        print("reads …", flush=True)
        results["api"] = _api(driver, settings, cfg, args.api_port)
    finally:
        driver.close()
    results["meta"]["duration_s"] = round(time.perf_counter() - started, 1)
    plots = report.plot(results, results_dir)
    report.write_json(results, results_dir / "latest.json")
    report.write_markdown(results, md_path, plots)
    print(f"wrote {results_dir / 'latest.json'}, {md_path} and {len(plots)} plots "
          f"in {results['meta']['duration_s']} s")


if __name__ == "__main__":
    main()
