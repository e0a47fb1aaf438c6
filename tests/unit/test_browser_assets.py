"""The Browser style and guide: complete for the model, in the formats Neo4j Browser 5 reads, served with CORS."""

from __future__ import annotations

import asyncio
import re
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from graph_schema.model import EventType, Label, Relation, StructuralRel
from service.routers import browser
from service.routers.browser import (
    GUIDE_PATH,
    NODE_STYLES,
    STYLE_PATH,
    first_guide_query,
    render_guide_html,
    render_style_grass,
)

STATIC = Path(browser.__file__).resolve().parent.parent / "static"
BROWSER_ORIGIN = "http://127.0.0.1:7474"


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Parse GraSS the way Neo4j Browser 5.24's GraphStyleModel.parse does (quotes stripped)."""
    rules: dict[str, dict[str, str]] = {}
    selector, body, in_quote, in_body = "", "", False, False
    for ch in text:
        if ch == "{" and not in_quote:
            in_body = True
        elif ch == "}" and not in_quote:
            in_body = False
            rules[selector] = {}
            for part in body.split(";"):
                key, _, value = part.partition(":")
                if key.strip() and value.strip():
                    rules[selector][key.strip()] = value.strip()
            selector, body = "", ""
        elif ch == "'":
            in_quote = not in_quote
        elif in_body:
            body += ch
        elif not ch.isspace():
            selector += ch
    return rules


def style_for(rules: dict[str, dict[str, str]], labels: set[str]) -> dict[str, str]:
    """What Browser computes for a node with `labels`: every matching rule in file order, later wins."""
    props: dict[str, str] = {}
    for selector, rule in rules.items():
        tag, *classes = selector.split(".")
        if tag == "node" and set(classes) <= labels:
            props.update(rule)
    return props


@pytest.fixture(scope="module")
def grass() -> dict[str, dict[str, str]]:
    return parse_grass(render_style_grass())


NODE_LABELS = [lbl for lbl in Label] + [et for et in EventType]


@pytest.mark.parametrize("label", NODE_LABELS, ids=str)
def test_every_label_of_the_model_has_a_colour_size_and_caption(grass: dict[str, dict[str, str]], label: str) -> None:
    rule = grass[f"node.{label}"]
    assert re.fullmatch(r"#[0-9A-F]{6}", rule["color"])
    assert re.fullmatch(r"\d+px", rule["diameter"])
    assert rule["caption"]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ({"Entity", "Country"}, Label.COUNTRY),
        ({"Entity", "Person"}, Label.PERSON),
        ({"Entity", "Organization"}, Label.ORGANIZATION),
        ({"Entity", "Place"}, Label.PLACE),
        ({"Entity", "Weapon"}, Label.WEAPON),
        ({"Entity", "Event"}, Label.EVENT),
        ({"Event", "Meeting"}, EventType.MEETING),
        ({"Entity", "Event", "Visit"}, EventType.VISIT),
        ({"Event", "Coup"}, EventType.COUP),
        ({"Event", "ArmsTransfer"}, EventType.ARMS_TRANSFER),
        ({"Event", "Training"}, EventType.TRAINING),
        ({"Event", "Agreement"}, EventType.AGREEMENT),
        ({"Article"}, Label.ARTICLE),
        ({"Claim"}, Label.CLAIM),
    ],
    ids=lambda v: "+".join(sorted(v)) if isinstance(v, set) else str(v),
)
def test_a_node_with_several_labels_gets_its_most_specific_style(
    grass: dict[str, dict[str, str]], labels: set[str], expected: str
) -> None:
    props = style_for(grass, labels)
    assert props["color"] == NODE_STYLES[expected].color
    assert props["diameter"] == f"{NODE_STYLES[expected].diameter}px"


@pytest.mark.parametrize(
    ("label", "caption"),
    [(Label.COUNTRY, "{name}"), (Label.PERSON, "{name}"), (Label.ORGANIZATION, "{name}"),
     (Label.PLACE, "{name}"), (Label.WEAPON, "{name}"), (Label.EVENT, "{name}"), (EventType.MEETING, "{name}"),
     (Label.ARTICLE, "{outlet}"), (Label.CLAIM, "{relation}")],
    ids=str,
)
def test_captions_are_human_names_never_ids(grass: dict[str, dict[str, str]], label: str, caption: str) -> None:
    assert grass[f"node.{label}"]["caption"] == caption
    assert "id}" not in grass[f"node.{label}"]["caption"]


def test_country_and_person_colours_are_distinct(grass: dict[str, dict[str, str]]) -> None:
    colours = [grass[f"node.{lbl}"]["color"] for lbl in (*Label, *EventType) if lbl != Label.MIGRATION]
    assert len(set(colours)) == len(colours)


@pytest.mark.parametrize("rel", [*Relation, *StructuralRel], ids=str)
def test_relationships_are_captioned_with_their_type(grass: dict[str, dict[str, str]], rel: str) -> None:
    assert grass[f"relationship.{rel}"]["caption"] == "<type>"


@pytest.mark.parametrize("label", list(NODE_STYLES), ids=str)
def test_captions_have_no_character_browsers_grass_parser_splits_on(label: str) -> None:
    assert not set(NODE_STYLES[label].caption) & {":", ";", "'"}


class _GuideParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.slides = 0
        self.runnable: list[str] = []
        self._in_pre = False
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        a = dict(attrs)
        if tag == "slide":
            assert self.stack[:2] == ["article", "carousel"]
            self.slides += 1
        if tag == "pre" and "runnable" in (a.get("class") or "").split() and a.get("mode") == "cypher":
            self._in_pre = True
            self.runnable.append("")
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self.runnable[-1] += data


@pytest.fixture(scope="module")
def guide() -> _GuideParser:
    parser = _GuideParser()
    parser.feed(render_guide_html())
    parser.close()
    assert parser.stack == []
    return parser


def test_guide_is_an_article_carousel_of_slides_with_runnable_cypher(guide: _GuideParser) -> None:
    assert guide.slides >= 4
    assert len(guide.runnable) >= guide.slides
    assert guide.scripts == 0


def test_guide_first_query_is_the_russia_myanmar_one_and_unescapes_to_the_constant(guide: _GuideParser) -> None:
    assert guide.runnable[0].strip() == first_guide_query().strip()
    assert "'RUS'" in guide.runnable[0] and "'MMR'" in guide.runnable[0]


@pytest.mark.parametrize("topic", ["PARTICIPATED_IN", "SUPPLIES_ARMS_TO", "TRAINS", "FROM_ARTICLE", "sentence"])
def test_guide_covers_meetings_arms_training_and_provenance(guide: _GuideParser, topic: str) -> None:
    assert any(topic in q for q in guide.runnable)


@pytest.mark.parametrize(
    ("name", "render"), [("style.grass", render_style_grass), ("guide.html", render_guide_html)]
)
def test_committed_static_copies_match_the_rendered_assets(name: str, render: object) -> None:
    assert callable(render)
    assert (STATIC / name).read_text(encoding="utf-8") == render(), (
        f"service/static/{name} is stale: regenerate with `python -m service.routers.browser`"
    )


def _request(method: str, path: str, headers: dict[str, str]) -> httpx.Response:
    """One request to an app holding only the browser router (in-process; starlette's TestClient warns)."""
    app = FastAPI()
    app.include_router(browser.router)

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as client:
            return await client.request(method, path, headers=headers)

    return asyncio.run(send())


@pytest.mark.parametrize(
    ("path", "media", "marker"),
    [(STYLE_PATH, "text/plain", "node.Country"), (GUIDE_PATH, "text/html", '<article class="guide">')],
)
def test_assets_are_served_with_cors_for_the_browser_origin(path: str, media: str, marker: str) -> None:
    response = _request("GET", path, {"Origin": BROWSER_ORIGIN})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.headers["access-control-allow-origin"] in ("*", BROWSER_ORIGIN)
    assert marker in response.text


@pytest.mark.parametrize("path", [STYLE_PATH, GUIDE_PATH])
def test_preflight_allows_the_headers_play_sends(path: str) -> None:
    response = _request("OPTIONS", path, {
        "Origin": BROWSER_ORIGIN, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "pragma,cache-control",
    })
    assert response.status_code in (200, 204)
    assert response.headers["access-control-allow-origin"] in ("*", BROWSER_ORIGIN)
    allowed = {h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"pragma", "cache-control"} <= allowed
