"""Neo4j going away during a load, through a cuttable proxy in front of the real Neo4j: the batch stops
after a few articles with one line and exit 3 (not one retry cycle per article), and an article whose
commit was cut off is reported as it truly is — stored, or unknown — never "rolled back" when stored."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from loaders.clean import clean
from loaders.load import load_record
from loaders.models import ArticleExtraction, ArticleRecord, CleanArticle
from service import cli_loaders
from service.cli import app
from service.db import open_driver
from service.settings import Settings
from tests.factories import query
from tests.integration.test_cli_load import fake_extract
from tests.reliability.proxy import FaultProxy
from tests.reliability.report import ProbeResult, record

pytestmark = pytest.mark.usefixtures("schema_applied")

TEXT = "Sergei Shoigu met Min Aung Hlaing in Moscow on 22 June."
PLUG = "PULL-THE-PLUG"


@pytest.fixture
def proxy(neo4j_settings: Settings) -> Iterator[FaultProxy]:
    """A proxy to the session's Neo4j, open."""
    parts = urlsplit(neo4j_settings.bolt_uri)
    fault = FaultProxy((parts.hostname or "127.0.0.1", parts.port or 7687))
    try:
        yield fault
    finally:
        fault.close()


def _articles(folder: Path, count: int, plug_at: int) -> list[Path]:
    paths = []
    for n in range(count):
        marker = f" {PLUG}" if n == plug_at else ""
        path = folder / f"a{n:02d}.json"
        path.write_text(json.dumps({"url": f"https://example.org/fault/{n}", "language": "en",
                                    "text": f"{TEXT} Report {n}.{marker}"}))
        paths.append(path)
    return paths


def _stored_ids(driver: Driver, settings: Settings) -> set[str]:
    return {row["id"] for row in query(driver, settings, "MATCH (a:Article) RETURN a.id AS id")}


# (batch size, article before which Neo4j goes away, in the graph, failed): one article per transaction
# stops after 3 failed writes; with batches of 10, the batch that found Neo4j gone fails whole (its 10
# articles count as 10 in a row) and the batches before it are in the graph.
FAULT_CASES = [(1, 2, 2, 3), (10, 12, 10, 10)]


@pytest.mark.parametrize(("batch_size", "plug_at", "stored", "failed"), FAULT_CASES,
                         ids=["one-per-transaction", "batches-of-10"])
def test_a_load_stops_soon_after_neo4j_goes_away_and_a_rerun_completes_it(
    proxy: FaultProxy, empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, batch_size: int, plug_at: int, stored: int, failed: int,
) -> None:
    unplugged: list[bool] = []

    def extract_then_maybe_unplug(article: CleanArticle) -> ArticleExtraction:
        if PLUG in article.text and not unplugged:
            unplugged.append(True)
            proxy.down()  # Neo4j "stops" just before this article is written (once)
        return fake_extract(article)

    monkeypatch.setattr(cli_loaders, "default_extractor", lambda: extract_then_maybe_unplug)
    env = {"NEO4J_URI": proxy.uri, "NEO4J_USER": neo4j_settings.neo4j_user,
           "NEO4J_PASSWORD": neo4j_settings.neo4j_password.get_secret_value(),
           "NEO4J_DATABASE": neo4j_settings.neo4j_database, "TIESGRAPH_ENV": "test"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _articles(tmp_path, 40, plug_at=plug_at)

    started = time.monotonic()
    result = CliRunner().invoke(app, ["load", "--no-progress", "--batch-size", str(batch_size), str(tmp_path)])
    elapsed = time.monotonic() - started

    assert result.exit_code == 3, result.output
    stop_lines = [line for line in result.stderr.splitlines() if line.startswith("stopped:")]
    assert len(stop_lines) == 1, result.stderr
    assert f"unreachable for {failed} articles in a row" in stop_lines[0]
    assert f"{stored} articles are in the graph, {40 - stored} are not" in stop_lines[0]
    assert "Traceback" not in result.output
    assert f"{failed} failed" in result.stdout and f"{40 - stored - failed} skipped" in result.stdout
    # 3 writes' worth of retries, not 38: the whole load ends within seconds of Neo4j going away.
    assert elapsed < 30, elapsed
    record(ProbeResult(
        probe=f"Neo4j gone during a load (--batch-size {batch_size})", tried=1, lost=0, bound_s=30,
        worst_s=round(elapsed, 1),
        what=f"`tiesgraph load` of 40 articles, Neo4j cut off (proxy closed) before article {plug_at}; then rerun",
        notes=f"stopped after {failed} articles in a row found it unreachable: one 'stopped:' line, exit 3, "
              f"{stored} in the graph, {40 - stored} reported not; the rerun loaded the {40 - stored} "
              f"({stored} unchanged)"))
    assert len(_stored_ids(empty_graph, neo4j_settings)) == stored

    proxy.up()
    again = CliRunner().invoke(app, ["load", "--no-progress", str(tmp_path)])
    assert again.exit_code == 0, again.output
    assert f"{40 - stored} created" in again.stdout and f"{stored} unchanged" in again.stdout
    assert len(_stored_ids(empty_graph, neo4j_settings)) == 40


def _one_article() -> CleanArticle:
    return clean(ArticleRecord(source="cut.json", url="https://example.org/cut", language="en", text=TEXT))


@pytest.mark.parametrize("back_at_once", [False, True], ids=["neo4j-stays-down", "neo4j-back-at-once"])
def test_an_article_whose_commit_was_cut_off_is_reported_as_it_truly_is(
    proxy: FaultProxy, empty_graph: Driver, neo4j_settings: Settings, back_at_once: bool
) -> None:
    db = neo4j_settings.neo4j_database
    article = _one_article()
    through_proxy = open_driver(neo4j_settings.model_copy(update={"neo4j_uri": proxy.uri}))
    try:
        through_proxy.verify_connectivity()
        proxy.cut_at_commit()
        if back_at_once:
            # Only the connection that carried the commit is lost: the next one (the check) gets through.
            up_after_the_cut(proxy)
        result = load_record(through_proxy, article, database=db, extractor=fake_extract)
    finally:
        through_proxy.close()

    assert proxy.commits_cut == 1
    # The truth, read directly: Neo4j committed the article before the connection was cut.
    assert _stored_ids(empty_graph, neo4j_settings) == {article.id}
    if back_at_once:
        assert result.status == "stored" and result.ok, result
    else:
        assert result.status == "unconfirmed" and not result.ok, result
        assert result.error_code == "write_unconfirmed"
        assert result.error is not None
        assert "rolled back" not in result.error and "rerun" in result.error
    # A rerun settles it: the article is there, nothing more is written.
    rerun = load_record(empty_graph, article, database=db, extractor=fake_extract)
    assert rerun.status == "unchanged"
    record(ProbeResult(
        probe=f"commit cut off ({'Neo4j back at once' if back_at_once else 'Neo4j stays down'})", tried=1, lost=0,
        what="the connection dropped after Neo4j received COMMIT and before its answer reached the loader",
        notes=f"Neo4j had committed; reported '{result.status}' (never 'rolled back'); the rerun: unchanged"))


def up_after_the_cut(proxy: FaultProxy) -> None:
    """Bring the proxy back up as soon as it has cut a commit (a restart that takes no time)."""
    def watch() -> None:
        deadline = time.monotonic() + 20
        while proxy.commits_cut == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        proxy.up()

    threading.Thread(target=watch, daemon=True).start()
