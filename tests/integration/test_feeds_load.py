"""`tiesgraph load FEED_URL` and `tiesgraph watch` against feeds and pages a local HTTP server serves.

Nothing here touches the internet: the server is `http.server` in a thread on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import ClassVar

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from service.cli import app
from service.settings import Settings
from tests.factories import graph_counts, query
from tests.integration.test_cli_load import real_runner  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("schema_applied")

STATES = [("Norway", "Chile"), ("Kenya", "Brazil"), ("Vietnam", "Japan"), ("Poland", "Egypt"),
          ("Peru", "India"), ("Ghana", "Turkey"), ("Mexico", "Canada"), ("Nepal", "Qatar"),
          ("Spain", "Morocco"), ("Greece", "Israel")]
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{a} and {b} | Test Wire</title>
<meta property="article:published_time" content="2024-05-{day:02d}T08:00:00Z"></head><body>
<nav><a href="/">Home</a></nav><main><article><h1>{a} and {b}, story {n}</h1>
<p>{a} and {b} signed a defence cooperation agreement on {day} May 2024, officials said in story {n}.</p>
<p>The two governments said the agreement covers training and joint exercises.</p>
</article></main><footer>Test Wire</footer></body></html>"""
RSS_ITEM = "<item><title>story {n}</title><link>{base}/story-{n}.html</link></item>"


def _write_site(root: Path, count: int) -> None:
    """``count`` article pages, an RSS feed and a sitemap listing them."""
    for n in range(count):
        a, b = STATES[n % len(STATES)]
        (root / f"story-{n}.html").write_text(PAGE.format(a=a, b=b, n=n, day=1 + n), encoding="utf-8")


def _write_feeds(root: Path, base: str, count: int) -> None:
    items = "".join(RSS_ITEM.format(n=n, base=base) for n in range(count))
    (root / "feed.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
                                   f"{items}</channel></rss>", encoding="utf-8")
    locs = "".join(f"<url><loc>{base}/story-{n}.html</loc></url>" for n in range(count))
    (root / "sitemap.xml").write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                                      f'sitemap/0.9">{locs}</urlset>', encoding="utf-8")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map, ".rss": "application/rss+xml", ".xml": "application/xml"}

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the test output is the CLI's."""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A local HTTP server with 20 pages, /feed.rss and /sitemap.xml; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(tmp_path)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _write_site(tmp_path, 20)
    _write_feeds(tmp_path, base, 20)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def _article_urls(driver: Driver, settings: Settings) -> set[str]:
    rows = query(driver, settings, "MATCH (a:Article) RETURN a.url AS url")
    return {row["url"] for row in rows}


@pytest.mark.parametrize("feed", ["feed.rss", "sitemap.xml"])
def test_a_feed_of_20_pages_loads_and_a_second_run_writes_nothing(
    feed: str, site: str, real_runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings,  # noqa: F811
) -> None:
    first = real_runner.invoke(app, ["load", "--no-progress", f"{site}/{feed}"])
    assert first.exit_code == 0, first.output
    assert "20 created, 0 replaced, 0 unchanged, 0 failed" in first.output
    assert _article_urls(empty_graph, neo4j_settings) == {f"{site}/story-{n}.html" for n in range(20)}
    ties = query(empty_graph, neo4j_settings, "MATCH (:Country)-[t]-(:Country) RETURN count(t) AS n")[0]["n"]
    assert ties > 0, "the pages' agreements became no tie"
    before = graph_counts(empty_graph, neo4j_settings)
    second = real_runner.invoke(app, ["load", "--no-progress", f"{site}/{feed}"])
    assert second.exit_code == 0, second.output
    assert "0 created, 0 replaced, 20 unchanged, 0 failed" in second.output
    assert graph_counts(empty_graph, neo4j_settings) == before


def test_watch_repeats_with_one_line_per_round_and_fetches_loaded_entries_once(
    site: str, real_runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings,  # noqa: F811
) -> None:
    result = real_runner.invoke(app, ["watch", f"{site}/feed.rss", "--every", "0.1s", "--rounds", "3"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("round ")]
    assert len(lines) == 3, result.output
    assert "20 articles: 20 created, 0 replaced, 0 unchanged, 0 failed" in lines[0]
    # Rounds 2 and 3 read the feed only: its entries loaded in round 1 are not fetched again.
    assert all("0 articles: 0 created, 0 replaced, 0 unchanged, 0 failed" in line for line in lines[1:])
    assert len(_article_urls(empty_graph, neo4j_settings)) == 20


def test_watch_refuses_a_malformed_interval(real_runner: CliRunner) -> None:  # noqa: F811
    result = real_runner.invoke(app, ["watch", "x", "--every", "soon"])
    assert result.exit_code == 1
    assert "expected a number with s, m, h or d" in result.output


def test_watch_of_a_folder_reads_it_every_round_and_writes_only_changes(
    tmp_path: Path, real_runner: CliRunner, empty_graph: Driver, neo4j_settings: Settings,  # noqa: F811
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write_site(inbox, 2)
    result = real_runner.invoke(app, ["watch", str(inbox), "--every", "0.1s", "--rounds", "2"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("round ")]
    assert "2 articles: 2 created, 0 replaced, 0 unchanged, 0 failed" in lines[0]
    assert "2 articles: 0 created, 0 replaced, 2 unchanged, 0 failed" in lines[1]
