"""Articles fetched over http(s) from a local HTTP server (never the internet), boilerplate removed."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from loaders.load import load_sources
from service.cli import app
from service.settings import Settings

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Indonesia and India deepen defence ties | Example Daily</title>
<meta property="og:title" content="Indonesia and India deepen defence ties">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2023-03-15T09:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Sign in</a></nav></header>
<div class="ad">Advertisement</div>
<main><article>
<h1>Indonesia and India deepen defence ties</h1>
<p>Indonesian Defence Minister Prabowo Subianto met Indian Defence Minister Rajnath Singh in New Delhi
on Tuesday, the ministry said.</p>
<p>Read more: United States imposes new sanctions on Iran over drone exports</p>
<p>India also provides training to Indonesian navy officers, the statement said.</p>
</article></main>
<section class="comments"><h3>Comments</h3><p>Russia sanctioned everyone!!! Visit my site.</p></section>
<footer>© 2023 Example Daily. All rights reserved.</footer>
</body></html>
"""

pytestmark = pytest.mark.usefixtures("schema_applied")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A local HTTP server serving one article page; yields its URL."""
    (tmp_path / "ties.html").write_text(PAGE, encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/ties.html"
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_is_fetched_cleaned_and_loaded(site: str, empty_graph: Driver, neo4j_settings: Settings) -> None:
    db = neo4j_settings.neo4j_database
    [result] = load_sources(empty_graph, [site], database=db, progress=False)
    assert result.ok, result.error
    records, _, _ = empty_graph.execute_query(
        """
        MATCH (a:Person)-[t:MET_WITH]->(b:Person)
        MATCH (c:Claim {tie_key: t.key})-[:FROM_ARTICLE]->(art:Article)
        RETURN a.name AS a, b.name AS b, t.first_date AS date, art.url AS url, art.outlet AS outlet,
               art.published AS published
        """,
        database_=db,
    )
    assert len(records) == 1
    row = records[0]
    assert {row["a"], row["b"]} == {"Prabowo Subianto", "Rajnath Singh"}
    assert row["date"] == "2023-03-14"
    assert row["url"] == site
    assert str(row["published"]).startswith("2023-03-15")
    sanctions, _, _ = empty_graph.execute_query("MATCH ()-[t:SANCTIONED]->() RETURN t", database_=db)
    assert sanctions == [], "a 'Read more' link or a comment stated a sanction"


def test_extract_prints_the_fact_view_of_a_url(site: str) -> None:
    result = CliRunner().invoke(app, ["extract", site])
    assert result.exit_code == 0, result.output
    assert f'"source": "{site}"' in result.output or f'"source":"{site}"' in result.output
    assert "MET_WITH" in result.output and "SANCTIONED" not in result.output


def test_an_unreachable_url_fails_that_article_only(site: str, empty_graph: Driver, neo4j_settings: Settings) -> None:
    missing = site.replace("ties.html", "missing.html")
    results = load_sources(empty_graph, [missing, site], database=neo4j_settings.neo4j_database, progress=False)
    assert [r.ok for r in results] == [False, True]
    assert results[0].error_code == "fetch_failed"
