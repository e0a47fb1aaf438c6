"""`tiesgraph watch`: load feeds, sitemaps, folders or URLs again and again, one progress line per round.

Each round is an ordinary load (re-loading an unchanged article writes nothing). A feed entry whose page
loaded in an earlier round is not fetched again while the watch runs, so a round costs one request per
feed once its entries are in; a folder is read again every round (an edited file is replaced).
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Annotated

import typer

from loaders.feeds import FetchPolicy, feed_reader
from loaders.load import LoadResult, default_extractor, load_sources
from service.cli_common import fail, open_graph, out
from service.cli_loaders import print_failures, status_counts
from service.settings import Settings

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``"15m"`` → 900.0 seconds (units s, m, h, d; a bare number is seconds); `ValueError` otherwise."""
    match = _INTERVAL.match(text.lower())
    if match is None:
        raise ValueError(f"--every {text!r}: expected a number with s, m, h or d (e.g. 15m)")
    seconds = float(match.group(1)) * _UNIT_S[match.group(2)]
    if seconds <= 0:
        raise ValueError(f"--every {text!r}: must be more than zero")
    return seconds


def round_line(number: int, results: list[LoadResult], elapsed_s: float) -> str:
    """The one progress line of a round: when, how many articles, what each became, how long it took."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"round {number} at {stamp}: {len(results)} articles: {status_counts(results)} ({elapsed_s:.1f} s)"


def watch_cmd(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed or sitemap URLs, article URLs, folders, files.")],
    every: Annotated[str, typer.Option(help="Time between the starts of two rounds: 30s, 15m, 1h, 1d.")] = "15m",
    rounds: Annotated[int | None, typer.Option(min=1, help="Stop after this many rounds (default: never).")] = None,
    per_host: Annotated[int, typer.Option(min=1, help="Requests at once to one host.")] = 2,
) -> None:
    """Load the sources now and every --every; idempotent, one progress line per round (Ctrl-C stops)."""
    try:
        interval = parse_interval(every)
    except ValueError as exc:
        raise fail(str(exc)) from None
    settings = Settings()
    loaded: set[str] = set()
    reader = feed_reader(FetchPolicy(per_host=per_host), skip=loaded.__contains__)
    extract = default_extractor()
    number = 0
    with open_graph(settings) as driver:
        try:
            while rounds is None or number < rounds:
                number += 1
                started = time.monotonic()
                results = load_sources(driver, sources, database=settings.neo4j_database, extractor=extract,
                                       progress=False, reader=reader)
                loaded.update(r.source for r in results if r.ok)
                out.print(round_line(number, results, time.monotonic() - started), highlight=False)
                print_failures(results)
                if rounds is None or number < rounds:
                    time.sleep(max(0.0, interval - (time.monotonic() - started)))
        except KeyboardInterrupt:
            out.print(f"stopped after {number} rounds")


def register(app: typer.Typer) -> None:
    """Add `watch` to the main app."""
    app.command("watch")(watch_cmd)
