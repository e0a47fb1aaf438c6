"""`tiesgraph load|retract|extract|eval` end to end, against the real Neo4j.

The extractor is replaced by a hand-built one (the fact view of `test_writer.make_extraction`, under the
id the loader computes for the file), so these tests pin the commands' plumbing, not extraction quality.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from loaders.models import ArticleExtraction, CleanArticle
from service import cli_loaders
from service.cli import app
from service.settings import Settings
from tests.factories import graph_counts, make_extraction, meeting_fact, query

SEED = Path(__file__).resolve().parents[2] / "data" / "articles" / "kompas-2021-06-24-rusia-myanmar.json"

pytestmark = pytest.mark.usefixtures("schema_applied")

TEXT = "Sergei Shoigu met Min Aung Hlaing in Moscow on 22 June. Russia agreed to supply Myanmar with Su-30s."


def fake_extract(article: CleanArticle) -> ArticleExtraction:
    """Two facts for "full" articles, one for the others; an article mentioning "boom" makes it raise."""
    if "boom" in article.text:
        raise RuntimeError("extractor bug")
    facts = None if "Su-30" in article.text else [meeting_fact()]
    extraction = make_extraction(article.id, facts=facts, content_hash=article.content_hash)
    meta = extraction.article.model_copy(update={"url": article.url})
    return extraction.model_copy(update={"source": article.source, "article": meta})


@pytest.fixture
def runner(real_runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner whose Settings point at the test server and whose extractor is `fake_extract`."""
    monkeypatch.setattr(cli_loaders, "default_extractor", lambda: fake_extract)
    return real_runner


@pytest.fixture
def real_runner(monkeypatch: pytest.MonkeyPatch, neo4j_settings: Settings) -> CliRunner:
    """A CLI runner whose Settings point at the test server (the real extraction pipeline)."""
    env = {
        "NEO4J_URI": neo4j_settings.bolt_uri,
        "NEO4J_USER": neo4j_settings.neo4j_user,
        "NEO4J_PASSWORD": neo4j_settings.neo4j_password.get_secret_value(),
        "NEO4J_DATABASE": neo4j_settings.neo4j_database,
        "TIESGRAPH_ENV": "test",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return CliRunner()


def _article(folder: Path, name: str, text: str = TEXT) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"url": f"https://example.org/{name}", "language": "en", "text": text}))
    return path


def test_load_writes_each_article_once_and_reports_unchanged_on_reload(
    runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    a, b = _article(tmp_path, "a"), _article(tmp_path, "b", "Sergei Shoigu met Min Aung Hlaing in Moscow.")
    first = runner.invoke(app, ["load", "--no-progress", str(a), str(b)])
    assert first.exit_code == 0, first.output
    assert "2 created" in first.output
    before = graph_counts(empty_graph, neo4j_settings)
    assert query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN count(a) AS n") == [{"n": 2}]

    again = runner.invoke(app, ["load", "--no-progress", str(tmp_path)])
    assert again.exit_code == 0, again.output
    assert "2 unchanged" in again.output
    assert graph_counts(empty_graph, neo4j_settings) == before


def test_load_records_failures_per_article_and_exits_1(
    runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    good, bad = _article(tmp_path, "good"), _article(tmp_path, "bad", "Shoigu said boom in Moscow today.")
    result = runner.invoke(app, ["load", "--no-progress", str(good), str(bad), str(tmp_path / "missing.json")])
    assert result.exit_code == 1
    assert "1 created" in result.output and "2 failed" in result.output
    assert "extractor bug" in result.stderr and "missing.json" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.url AS url") == [
        {"url": "https://example.org/good"}]


def test_shards_split_a_batch_without_overlap(
    runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    for i in range(6):
        _article(tmp_path, f"art{i}", f"Sergei Shoigu met Min Aung Hlaing in Moscow, meeting {i}.")
    loaded: list[set[str]] = []
    for shard in ("0/2", "1/2"):
        before = {r["id"] for r in query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.id AS id")}
        result = runner.invoke(app, ["load", "--no-progress", "--shard", shard, str(tmp_path)])
        assert result.exit_code == 0, result.output
        after = {r["id"] for r in query(empty_graph, neo4j_settings, "MATCH (a:Article) RETURN a.id AS id")}
        loaded.append(after - before)
    assert len(loaded[0]) + len(loaded[1]) == 6
    assert not loaded[0] & loaded[1]


@pytest.mark.parametrize("shard", ["2/2", "x", "1/0"])
def test_a_bad_shard_is_a_clear_error(runner: CliRunner, tmp_path: Path, shard: str) -> None:
    result = runner.invoke(app, ["load", "--shard", shard, str(tmp_path)])
    assert result.exit_code == 1
    assert "--shard" in result.stderr and "Traceback" not in result.stderr


def test_retract_by_file_then_unknown_article_exits_1(
    runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    path = _article(tmp_path, "a")
    assert runner.invoke(app, ["load", "--no-progress", str(path)]).exit_code == 0
    result = runner.invoke(app, ["retract", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 claims" in result.output
    assert graph_counts(empty_graph, neo4j_settings) == (0, 0)
    missing = runner.invoke(app, ["retract", "art:0000"])
    assert missing.exit_code == 1
    assert "art:0000" in missing.stderr and "Traceback" not in missing.stderr


def test_an_unreachable_server_is_a_message_not_a_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    result = runner.invoke(app, ["load", "--no-progress", str(_article(tmp_path, "a"))])
    assert result.exit_code == 1
    assert "cannot reach Neo4j" in result.stderr


def test_extract_prints_exactly_the_fact_view_per_article(runner: CliRunner, tmp_path: Path) -> None:
    _article(tmp_path, "a")
    _article(tmp_path, "b", "Sergei Shoigu met Min Aung Hlaing in Moscow.")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [sorted(obj) for obj in lines] == [["article", "entities", "facts", "source"]] * 2
    assert [len(obj["facts"]) for obj in lines] == [2, 1]
    met = lines[1]["facts"][0]
    assert (met["relation"], met["plover"], met["plover_mode"], met["cameo"]) == ("MET_WITH", "CONSULT", None, "04")
    table = runner.invoke(app, ["extract", "--format", "table", str(tmp_path / "a.json")])
    assert table.exit_code == 0 and "MET_WITH" in table.stdout


def test_eval_scores_against_gold_and_prints_json(runner: CliRunner, tmp_path: Path) -> None:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    _article(articles, "a", "Sergei Shoigu met Min Aung Hlaing in Moscow.")
    (gold / "a.json").write_text(json.dumps({
        "entities": [{"name": "Sergei Shoigu", "type": "Person", "aliases_in_text": ["Shoigu"]},
                     {"name": "Min Aung Hlaing", "type": "Person", "aliases_in_text": []}],
        "facts": [{"subject": "Min Aung Hlaing", "relation": "MET_WITH", "object": "Sergei Shoigu",
                   "date": "2021-06-22", "place": "Moscow", "evidence": "met"}],
    }))
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--json", str(articles)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["total"]["matched"], report["total"]["gold"]) == (1, 1)
    table = runner.invoke(app, ["eval", "--gold", str(gold), str(articles)])
    assert table.exit_code == 0 and "TOTAL" in table.stdout
    assert runner.invoke(app, ["eval", "--gold", str(tmp_path / "nope"), str(articles)]).exit_code == 1


def test_eval_scores_only_the_articles_given_and_checks_targets(runner: CliRunner, tmp_path: Path) -> None:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    _article(articles, "a", "Sergei Shoigu met Min Aung Hlaing in Moscow.")
    fact = {"subject": "Min Aung Hlaing", "relation": "MET_WITH", "object": "Sergei Shoigu", "date": "2021-06-22"}
    extra = {"subject": "Min Aung Hlaing", "relation": "VISITED", "object": "Russia", "date": None}
    (gold / "a.json").write_text(json.dumps({"facts": [fact, extra]}))
    (gold / "b.json").write_text(json.dumps({"facts": [fact]}))  # its article is not given
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--json", str(articles / "a.json")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["not_given"] == ["b"] and [a["article"] for a in report["articles"]] == ["a"]
    assert (report["total"]["gold"], report["total"]["matched"]) == (2, 1)
    met = runner.invoke(app, ["eval", "--gold", str(gold), "--min-precision", "0.9", "--min-recall", "0.5",
                              str(articles / "a.json")])
    assert met.exit_code == 0, met.output
    missed = runner.invoke(app, ["eval", "--gold", str(gold), "--min-recall", "0.6", str(articles / "a.json")])
    assert missed.exit_code == 1 and "recall 0.500 is below --min-recall 0.600" in missed.output


def test_the_seed_article_loads_with_the_real_pipeline_reloads_unchanged_and_retracts_cleanly(
    real_runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings
) -> None:
    first = real_runner.invoke(app, ["load", "--no-progress", str(SEED)])
    assert first.exit_code == 0, first.output
    assert "1 created" in first.output
    ties = query(empty_graph, neo4j_settings,
                 "MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL RETURN count(r) AS n")[0]["n"]
    assert ties > 0
    before = graph_counts(empty_graph, neo4j_settings)
    again = real_runner.invoke(app, ["load", "--no-progress", str(SEED)])
    assert "1 unchanged" in again.output
    assert graph_counts(empty_graph, neo4j_settings) == before
    gone = real_runner.invoke(app, ["retract", str(SEED)])
    assert gone.exit_code == 0, gone.output
    assert graph_counts(empty_graph, neo4j_settings) == (0, 0)
