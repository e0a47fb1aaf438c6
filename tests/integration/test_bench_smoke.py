"""`make bench` in its seconds-long smoke mode: every figure the issue asks for is in the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import Driver

from benchmarks.report import readme_figures
from benchmarks.run import main
from service.settings import Settings

API_ENDPOINTS = ("relationships", "graph_depth2", "paths", "ties", "search")


@pytest.mark.usefixtures("schema_applied")
def test_smoke_bench_writes_every_figure(empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path) -> None:
    port = neo4j_settings.api_port + 37  # beside the session's API port, never `make bench`'s
    main(["--smoke", "--out", str(tmp_path), "--api-port", str(port)], settings=neo4j_settings)
    results = json.loads((tmp_path / "latest.json").read_text())
    assert {"commit", "date", "machine", "python", "neo4j"} <= results["meta"].keys()
    assert {"cpu_count", "cpu_model"} <= results["meta"]["machine"].keys()
    ex = results["extraction"]
    assert ex["articles_per_s_per_core"] > 0 and ex["ratio_vs_baseline"] > 0
    ing = results["ingest"]
    assert ing["ratio_vs_raw_unwind"] > 0 and ing["projected_hours_1m_articles"] > 0
    assert "articles_per_s" in ing and ing["articles_per_s_note"]
    for name in API_ENDPOINTS:
        ep = results["api"][name]
        assert ep["p50_ratio_vs_driver"] > 0
        assert ep["p50_growth_12_to_30"] > 0
        assert all(at["db_hits"] > 0 for at in ep["by_size"].values())
    report = (tmp_path / "benchmarks.md").read_text()
    assert results["meta"]["commit"] in report and "median" in report
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["extraction_vs_length.png", "reads_vs_size.png"]
    figures = readme_figures(results)  # the README's lines come from the same run
    assert results["meta"]["commit"][:9] in figures
    assert f"{results['extraction']['articles_per_s_per_core']:.0f} articles/s per core" in figures
    assert all(f"    - {name}: " in figures for name in results["api"])
