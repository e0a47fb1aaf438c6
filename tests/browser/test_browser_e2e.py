"""Neo4j Browser 5, in a real Chromium, draws the seed article's graph with the project's style and guide.

The flow is a user's: open the Browser served by the test Neo4j, log in, let ``browser.post_connect_cmd``
apply the style and open the guide (when the API runs where that conf line points; otherwise the same two
commands are typed), click the guide's first query, run it, and read the drawn SVG: nodes captioned
"Sergei Shoigu" and "Min Aung Hlaing" must be there, filled with the style's colours.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from neo4j import Driver, RoutingControl

from graph_schema.model import Label, Relation
from service.routers.browser import (
    GUIDE_PATH,
    GUIDE_SLIDES,
    NODE_STYLES,
    STYLE_PATH,
    TIE_COLOR,
    first_guide_query,
)
from service.settings import Settings
from tests.browser.conftest import ARTIFACTS, CHROMIUM_ARGS, RunningApi

pytestmark = [pytest.mark.integration, pytest.mark.browser]

PEOPLE = ("Sergei Shoigu", "Min Aung Hlaing")
COUNTRIES = ("Russia", "Myanmar")
SCREENSHOT = ARTIFACTS / "browser-seed-graph.png"
DRAW_TIMEOUT_S = 30.0

# Every drawn node and relationship as {caption, fill}; a caption wrapped over lines is joined by spaces.
READ_GRAPH_JS = """
(frame) => ({
  nodes: [...frame.querySelectorAll('svg g.node')].map(g => ({
    caption: [...g.querySelectorAll('text.caption')].map(t => t.textContent.trim()).join(' ').trim(),
    fill: (g.querySelector('circle.b-outline') || {getAttribute: () => null}).getAttribute('fill'),
    transform: g.getAttribute('transform'),
  })),
  relationships: [...frame.querySelectorAll('svg g.relationship')].map(g => ({
    caption: [...g.querySelectorAll('text')].map(t => t.textContent.trim()).join(' ').trim(),
    fill: (g.querySelector('path.b-outline') || {getAttribute: () => null}).getAttribute('fill'),
  })),
})
"""


def _frame(page: Any, command: str) -> Any:
    """The result frame whose command line is `command`."""
    return page.get_by_test_id("frame").filter(
        has=page.get_by_test_id("frameCommand").filter(has_text=command)
    ).first


def _run(page: Any, command: str) -> None:
    """Type a command into the main editor and run it."""
    page.get_by_test_id("activeEditor").click()
    page.keyboard.type(command)
    page.keyboard.press("Escape")  # close any autocompletion list before running
    page.get_by_test_id("editor-Run").click()


def _read_until(frame: Any, done: Any, timeout: float = DRAW_TIMEOUT_S) -> dict[str, Any]:
    """Poll the drawn graph until `done(graph)` holds and the layout has settled (or the time is up)."""
    deadline = time.monotonic() + timeout
    previous: dict[str, Any] | None = None
    while True:
        graph: dict[str, Any] = frame.evaluate(READ_GRAPH_JS)
        settled = previous is not None and [n["transform"] for n in graph["nodes"]] == [
            n["transform"] for n in previous["nodes"]
        ]
        if (done(graph) and settled) or time.monotonic() > deadline:
            return graph
        previous = graph
        time.sleep(0.5)


def _drawn(graph: dict[str, Any]) -> dict[str, str | None]:
    return {n["caption"]: n["fill"] for n in graph["nodes"]}


def _styled_as_expected(graph: dict[str, Any]) -> bool:
    drawn = _drawn(graph)
    return all(drawn.get(p) == NODE_STYLES[Label.PERSON].color for p in PEOPLE) and all(
        drawn.get(c) == NODE_STYLES[Label.COUNTRY].color for c in COUNTRIES
    )


GUIDE_QUERIES = [(n, i, q) for n, slide in enumerate(GUIDE_SLIDES) for i, q in enumerate(slide.queries)]


@pytest.mark.parametrize(
    ("slide", "index", "query"), GUIDE_QUERIES, ids=[f"slide{n}-q{i}" for n, i, _ in GUIDE_QUERIES]
)
def test_every_guide_query_runs_on_the_seed_graph(
    seed_graph: Driver, neo4j_settings: Settings, slide: int, index: int, query: str
) -> None:
    records, _, _ = seed_graph.execute_query(
        query, database_=neo4j_settings.neo4j_database, routing_=RoutingControl.READ
    )
    if (slide, index) == (0, 0):
        names = {node["name"] for record in records for node in record.values() if hasattr(node, "labels")}
        assert set(PEOPLE) | set(COUNTRIES) <= names, names


def test_guides_first_query_draws_shoigu_and_min_aung_hlaing_in_the_style_colours(
    chromium: Any, seed_graph: Driver, running_api: RunningApi, neo4j_settings: Settings, user_data_dir: Any
) -> None:
    from playwright.sync_api import sync_playwright

    s = neo4j_settings
    api = running_api.url
    login_url = f"{s.browser_url}?dbms=neo4j://{s.neo4j_user}@127.0.0.1:{s.neo4j_bolt_port}"
    post_connect_play = f":play {s.api_url}{GUIDE_PATH}"

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=str(chromium), headless=True, args=list(CHROMIUM_ARGS),
            viewport={"width": 1400, "height": 900},
        )  # fmt: skip
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(DRAW_TIMEOUT_S * 1000)
            page.goto(login_url)
            # ?dbms= fills the connect URL and the user; the password is typed as a user would.
            page.locator("input[type=password]").fill(s.neo4j_password.get_secret_value())
            page.get_by_test_id("connect").click()

            # browser.post_connect_cmd (neo4j.conf) runs ":style <api>/…; :play <api>/…" once connected.
            _frame(page, post_connect_play).wait_for()
            guide = _frame(page, post_connect_play)
            if not running_api.at_configured_url:
                # The conf's API URL is taken by another process: apply our API's style and guide by hand.
                _run(page, f":style {api}{STYLE_PATH}")
                _run(page, f":play {api}{GUIDE_PATH}")
                guide = _frame(page, f":play {api}{GUIDE_PATH}")

            first = guide.locator("pre.runnable").first
            first.wait_for()
            assert first.inner_text().strip().endswith(first_guide_query().splitlines()[-1])
            first.click()  # a runnable block copies its query into the editor
            page.get_by_test_id("editor-Run").click()

            result = page.get_by_test_id("frame").filter(has=page.locator("svg g.node")).first
            result.wait_for()
            graph = _read_until(result, _styled_as_expected)

            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            result.screenshot(path=str(SCREENSHOT))
        finally:
            context.close()

    drawn = _drawn(graph)
    for person in PEOPLE:
        assert person in drawn, f"{person!r} is not drawn; captions: {sorted(drawn)}"
        assert drawn[person] == NODE_STYLES[Label.PERSON].color, f"{person!r} is filled {drawn[person]}"
    for country in COUNTRIES:
        assert drawn.get(country) == NODE_STYLES[Label.COUNTRY].color, f"{country!r}: {drawn.get(country)}"
    assert not any(caption.startswith(("per:", "org:", "evt:", "clm:", "art:")) for caption in drawn), drawn

    ties = [r for r in graph["relationships"] if r["caption"] in {rel.value for rel in Relation}]
    assert ties, f"no derived tie is drawn; relationships: {graph['relationships']}"
    assert all(r["fill"] == TIE_COLOR for r in ties), ties
    assert SCREENSHOT.stat().st_size > 10_000
