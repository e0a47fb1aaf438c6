"""`tiesgraph load --workers 2` writes the same graph as `--workers 1`, against the real Neo4j.

The folder holds generated articles in five languages (`benchmarks.corpus`), the seed articles and one
file that cannot be read, so the comparison covers facts, ties, entities and a failed result alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from benchmarks.corpus import articles
from service.cli import app
from service.settings import Settings
from tests.factories import graph_counts, query
from tests.integration.test_cli_load import real_runner  # noqa: F401  (fixture)

SEED_DIR = Path(__file__).resolve().parents[2] / "data" / "articles"

pytestmark = pytest.mark.usefixtures("schema_applied")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of 10 generated articles, the seed JSON articles and one broken JSON file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index, record in enumerate(articles(10, seed=7, words=150)):
        (folder / f"gen-{index:02d}.json").write_text(record.model_dump_json(exclude={"source"}))
    for seed in SEED_DIR.glob("*.json"):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


def _graph(driver: Driver, settings: Settings) -> dict[str, Any]:
    """What must not depend on the number of workers: counts, article ids, ties and their support."""
    ties = query(driver, settings, "MATCH ()-[r]->() WHERE r.key IS NOT NULL RETURN type(r) AS type, "
                                   "r.key AS key, r.support AS support, r.articles AS articles ORDER BY key, type")
    ids = query(driver, settings, "MATCH (a:Article) RETURN a.id AS id ORDER BY id")
    return {"counts": graph_counts(driver, settings), "articles": [r["id"] for r in ids], "ties": ties}


def _load(runner: CliRunner, folder: Path, workers: int) -> tuple[int, str]:
    """The command's exit code and its status counts line."""
    result = runner.invoke(app, ["load", "--no-progress", "--workers", str(workers), str(folder)])
    return result.exit_code, next(line for line in result.output.splitlines() if " created, " in line)


def test_two_workers_write_the_graph_one_process_writes(
    real_runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings, corpus: Path,  # noqa: F811
) -> None:
    one_load = _load(real_runner, corpus, workers=1)
    one = _graph(empty_graph, neo4j_settings)
    empty_graph.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n",
                              database_=neo4j_settings.neo4j_database)
    two_load = _load(real_runner, corpus, workers=2)
    two = _graph(empty_graph, neo4j_settings)
    good = len(list(corpus.glob("*.json"))) - 1
    assert one_load == (1, f"{good} created, 0 replaced, 0 unchanged, 1 failed")  # the broken file fails in both
    assert len(one["articles"]) == good and one["ties"]
    assert two_load == one_load and two == one
    assert _load(real_runner, corpus, workers=2) == (1, f"0 created, 0 replaced, {good} unchanged, 1 failed")
    assert _graph(empty_graph, neo4j_settings) == one
