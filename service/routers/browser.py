"""Neo4j Browser assets: the graph's style (GraSS) and a guided tour, both rendered from the graph model.

Neo4j Browser fetches them after login (``browser.post_connect_cmd`` in the local server's neo4j.conf runs
``:style <api>/browser/style.grass`` and ``:play <api>/browser/guide.html``), or by hand with those commands.
The Browser page is served from another origin (the Neo4j HTTP port), so both routes answer CORS requests,
including the preflight that ``:play`` triggers by sending ``Pragma`` and ``Cache-Control`` headers.
The assets are public and fetched without credentials, so any origin may read them.

Colours, sizes and captions live in `NODE_STYLES` / `TIE_COLOR` (data, so tests assert on them); the GraSS
text is a pure function of those tables; the guide's slides and queries live in `service.browser_guide`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict

from graph_schema.model import EventType, Label, Relation, StructuralRel
from service.browser_guide import GUIDE_SLIDES, GuideSlide, first_guide_query, render_guide_html

router = APIRouter(tags=["browser"])

__all__ = ["GUIDE_SLIDES", "GuideSlide", "first_guide_query", "render_guide_html", "render_style_grass", "router"]

STYLE_PATH = "/browser/style.grass"
GUIDE_PATH = "/browser/guide.html"

CORS_HEADERS: dict[str, str] = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "Pragma, Cache-Control, Content-Type, Accept",
    "Access-Control-Max-Age": "600",
}
"""Public, credential-free assets: readable from Neo4j Browser wherever it is served."""


# ------------------------------------------------------------------------------------------------- style


class NodeStyle(BaseModel):
    """How Neo4j Browser draws nodes of one label."""

    model_config = ConfigDict(frozen=True)

    color: str
    border_color: str
    text_color: str
    diameter: int
    caption: str


LIGHT_TEXT = "#FFFFFF"
DARK_TEXT = "#2A2C34"

# Order matters: Browser applies every rule whose labels the node carries, in file order, later rules
# winning. Generic labels (Entity, Event) therefore come first and the specific ones after them, so an
# `:Entity:Country` node is drawn as a Country and an `:Event:Meeting` node as a Meeting.
NODE_STYLES: dict[str, NodeStyle] = {
    Label.ENTITY: NodeStyle(color="#A5ABB6", border_color="#9AA1AC", text_color=DARK_TEXT, diameter=50,
                            caption="{name}"),
    Label.EVENT: NodeStyle(color="#8E9AAF", border_color="#6E7A8F", text_color=LIGHT_TEXT, diameter=55,
                           caption="{name}"),
    Label.COUNTRY: NodeStyle(color="#1F6FB2", border_color="#15507F", text_color=LIGHT_TEXT, diameter=80,
                             caption="{name}"),
    Label.PERSON: NodeStyle(color="#F28C28", border_color="#C96A0E", text_color=DARK_TEXT, diameter=70,
                            caption="{name}"),
    Label.ORGANIZATION: NodeStyle(color="#7B4FA0", border_color="#5B3779", text_color=LIGHT_TEXT, diameter=65,
                                  caption="{name}"),
    Label.PLACE: NodeStyle(color="#3F9B5A", border_color="#2C7241", text_color=LIGHT_TEXT, diameter=55,
                           caption="{name}"),
    Label.WEAPON: NodeStyle(color="#5E5E5E", border_color="#3B3B3B", text_color=LIGHT_TEXT, diameter=55,
                            caption="{name}"),
    EventType.MEETING: NodeStyle(color="#17A2A8", border_color="#10787C", text_color=LIGHT_TEXT, diameter=60,
                                 caption="{name}"),
    EventType.VISIT: NodeStyle(color="#4DB6AC", border_color="#35877F", text_color=DARK_TEXT, diameter=60,
                               caption="{name}"),
    EventType.CONFERENCE: NodeStyle(color="#6FA8DC", border_color="#4A86BE", text_color=DARK_TEXT, diameter=60,
                                    caption="{name}"),
    EventType.EXERCISE: NodeStyle(color="#9C8F3A", border_color="#756B2A", text_color=LIGHT_TEXT, diameter=60,
                                  caption="{name}"),
    EventType.COUP: NodeStyle(color="#8B1E1E", border_color="#621414", text_color=LIGHT_TEXT, diameter=60,
                              caption="{name}"),
    EventType.ARMS_TRANSFER: NodeStyle(color="#D7263D", border_color="#A51A2D", text_color=LIGHT_TEXT,
                                       diameter=60, caption="{name}"),
    EventType.TRAINING: NodeStyle(color="#E0A526", border_color="#B3831A", text_color=DARK_TEXT, diameter=60,
                                  caption="{name}"),
    EventType.AGREEMENT: NodeStyle(color="#2E8B57", border_color="#206440", text_color=LIGHT_TEXT, diameter=60,
                                   caption="{name}"),
    EventType.SANCTION: NodeStyle(color="#5D2E46", border_color="#421F31", text_color=LIGHT_TEXT, diameter=60,
                                  caption="{name}"),
    EventType.STATEMENT: NodeStyle(color="#B0A8B9", border_color="#8C8396", text_color=DARK_TEXT, diameter=55,
                                   caption="{name}"),
    Label.ARTICLE: NodeStyle(color="#D9C8AE", border_color="#C0A378", text_color=DARK_TEXT, diameter=60,
                             caption="{outlet}"),
    Label.CLAIM: NodeStyle(color="#FFF3B0", border_color="#D8C66A", text_color=DARK_TEXT, diameter=45,
                           caption="{relation}"),
    Label.MIGRATION: NodeStyle(color="#E0E0E0", border_color="#BDBDBD", text_color=DARK_TEXT, diameter=40,
                               caption="{name}"),
}
"""Style per node label, generic labels first (see the comment above)."""

TIE_COLOR = "#C0392B"
"""Derived actor-to-actor ties (MET_WITH, SUPPLIES_ARMS_TO …): the facts, drawn bold."""
EVIDENCE_COLOR = "#B8B8B8"
"""Structural relationships (claims, mentions, participation): the scaffolding, drawn thin."""


def _grass_rule(selector: str, props: dict[str, str]) -> str:
    body = "".join(f"  {key}: {value};\n" for key, value in props.items())
    return f"{selector} {{\n{body}}}\n"


def _node_props(style: NodeStyle) -> dict[str, str]:
    return {
        "diameter": f"{style.diameter}px",
        "color": style.color,
        "border-color": style.border_color,
        "border-width": "2px",
        "text-color-internal": style.text_color,
        "font-size": "11px",
        "caption": f"'{style.caption}'",
    }


@cache
def render_style_grass() -> str:
    """The GraSS stylesheet for Neo4j Browser, from `NODE_STYLES` and the relationship tables."""
    rules = [
        _grass_rule("node", {
            "diameter": "50px", "color": "#A5ABB6", "border-color": "#9AA1AC", "border-width": "2px",
            "text-color-internal": DARK_TEXT, "font-size": "11px",
        }),
        _grass_rule("relationship", {
            "color": EVIDENCE_COLOR, "shaft-width": "1px", "font-size": "9px", "padding": "3px",
            "text-color-external": DARK_TEXT, "text-color-internal": LIGHT_TEXT, "caption": "'<type>'",
        }),
    ]
    rules += [_grass_rule(f"node.{label}", _node_props(style)) for label, style in NODE_STYLES.items()]
    rules += [
        _grass_rule(f"relationship.{rel.value}", {"color": TIE_COLOR, "shaft-width": "3px", "caption": "'<type>'"})
        for rel in Relation
    ]
    rules += [
        _grass_rule(f"relationship.{rel.value}", {"color": EVIDENCE_COLOR, "shaft-width": "1px",
                                                  "caption": "'<type>'"})
        for rel in StructuralRel
    ]
    return "\n".join(rules)


# ------------------------------------------------------------------------------------------------ routes


@router.get(STYLE_PATH, response_class=Response, summary="Neo4j Browser style (GraSS)")
def get_style() -> Response:
    """The GraSS stylesheet; in Neo4j Browser: ``:style <api>/browser/style.grass``."""
    return Response(render_style_grass(), media_type="text/plain; charset=utf-8", headers=CORS_HEADERS)


@router.get(GUIDE_PATH, response_class=Response, summary="Neo4j Browser guide")
def get_guide() -> Response:
    """The guided tour; in Neo4j Browser: ``:play <api>/browser/guide.html``."""
    return Response(render_guide_html(), media_type="text/html; charset=utf-8", headers=CORS_HEADERS)


@router.options(STYLE_PATH, include_in_schema=False)
@router.options(GUIDE_PATH, include_in_schema=False)
def preflight() -> Response:
    """CORS preflight (``:play`` sends Pragma and Cache-Control headers, which need one)."""
    return Response(status_code=204, headers=CORS_HEADERS)


STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def write_static_copies(directory: Path = STATIC_DIR) -> list[Path]:
    """Write style.grass and guide.html into `directory` (for drag-and-drop into Browser without the API)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("style.grass", render_style_grass()), ("guide.html", render_guide_html())):
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_static_copies():
        print(written_path)
