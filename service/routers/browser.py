"""Neo4j Browser assets: the graph's style (GraSS) and a guided tour, both rendered from the graph model.

Neo4j Browser fetches them after login (``browser.post_connect_cmd`` in the local server's neo4j.conf runs
``:style <api>/browser/style.grass`` and ``:play <api>/browser/guide.html``), or by hand with those commands.
The Browser page is served from another origin (the Neo4j HTTP port), so both routes answer CORS requests,
including the preflight that ``:play`` triggers by sending ``Pragma`` and ``Cache-Control`` headers.
The assets are public and fetched without credentials, so any origin may read them.

Colours, sizes and captions live in `NODE_STYLES` / `TIE_COLOR` (data, so tests assert on them); the GraSS
text and the guide HTML are pure functions of those tables and of `GUIDE_SLIDES`.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import LiteralString

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict

from graph_schema.model import EventType, Label, Relation, StructuralRel

router = APIRouter(tags=["browser"])

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


# ------------------------------------------------------------------------------------------------- guide


class GuideSlide(BaseModel):
    """One slide of the Browser guide: a short text and the clickable queries that illustrate it."""

    model_config = ConfigDict(frozen=True)

    title: str
    lead: str
    text: str
    queries: tuple[str, ...]


# The first query draws both countries with their people and the direct ties among them: Shoigu and
# Min Aung Hlaing meet in the middle. Browser's "connect result nodes" adds the edges between returned nodes.
Q_RUSSIA_MYANMAR: LiteralString = """\
// Russia and Myanmar, the people of each, and every direct tie between them
MATCH (c:Country) WHERE c.id IN ['RUS', 'MMR']
OPTIONAL MATCH (p:Person) WHERE p.country = c.id
OPTIONAL MATCH tie = (p)-[]-(other:Entity)
WHERE (other:Country AND other.id IN ['RUS', 'MMR']) OR (other:Person AND other.country IN ['RUS', 'MMR'])
RETURN c, p, tie"""

Q_PATHS: LiteralString = """\
// Every path of one or two steps between the two states (claims and articles included)
MATCH p = (:Country {id: 'RUS'})-[*1..2]-(:Country {id: 'MMR'})
RETURN p LIMIT 100"""

Q_MEETINGS: LiteralString = """\
// Who met whom, when and where: each meeting or visit with its participants
MATCH (e:Event) WHERE e:Meeting OR e:Visit
MATCH (a:Entity)-[r:PARTICIPATED_IN]->(e)
RETURN e.date AS date, e.type AS type, e.name AS event,
       collect(a.name + ' (' + r.role + ')') AS participants, e.support AS claims
ORDER BY date"""

Q_MEETINGS_GRAPH: LiteralString = """\
// The same meetings and visits as a graph
MATCH path = (:Entity)-[:PARTICIPATED_IN]->(e:Event)
WHERE e:Meeting OR e:Visit
OPTIONAL MATCH place = (e)-[:TOOK_PLACE_IN]->()
RETURN path, place"""

Q_ARMS_TRAINING: LiteralString = """\
// Arms and training: who supplies or trains whom, with how many claims and articles behind each tie
MATCH (s:Entity)-[t:SUPPLIES_ARMS_TO|TRAINS]->(o:Entity)
RETURN s.name AS from, type(t) AS tie, o.name AS to,
       t.support AS claims, t.articles AS articles, t.first_date AS first, t.last_date AS last
ORDER BY claims DESC"""

Q_ARMS_GRAPH: LiteralString = """\
// Arms and training flows as a graph, with the events they belong to
MATCH flow = (:Entity)-[:SUPPLIES_ARMS_TO|TRAINS]->(:Entity)
OPTIONAL MATCH ev = (:Entity)-[:PARTICIPATED_IN]->(e:Event) WHERE e:ArmsTransfer OR e:Training
RETURN flow, ev"""

Q_EVIDENCE: LiteralString = """\
// Where a fact comes from: each claim with its article and the sentence that states it
MATCH (c:Claim)-[:FROM_ARTICLE]->(a:Article)
OPTIONAL MATCH (c)-[:SUBJECT]->(s:Entity)
OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity)
RETURN s.name AS subject, c.relation AS relation, o.name AS object, c.status AS status, c.date AS date,
       a.outlet AS outlet, a.published AS published, c.sentence AS sentence, c.confidence AS confidence
ORDER BY published, c.sentence_index"""

Q_EVIDENCE_GRAPH: LiteralString = """\
// Provenance as a graph: claims between the people of both countries, and their articles
MATCH (s:Person)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o:Entity)
MATCH src = (c)-[:FROM_ARTICLE]->(:Article)
RETURN s, o, c, src"""

GUIDE_SLIDES: tuple[GuideSlide, ...] = (
    GuideSlide(
        title="Russia – Myanmar",
        lead="The two states, their people, and the ties between them",
        text=(
            "The graph is built from news articles. Actors (countries, people, organisations, places, "
            "weapons) are joined by <b>derived ties</b> such as <code>MET_WITH</code> or "
            "<code>SUPPLIES_ARMS_TO</code>, each backed by one or more claims. Click a query to copy it "
            "into the editor, then run it. Sergei Shoigu and Min Aung Hlaing should meet in the middle."
        ),
        queries=(Q_RUSSIA_MYANMAR, Q_PATHS),
    ),
    GuideSlide(
        title="Who met whom, and when",
        lead="Meetings and visits are Event nodes with participants",
        text=(
            "The same meeting reported by several articles is one <code>:Event:Meeting</code> node; "
            "its <code>support</code> counts the claims about it. Participants point at it with "
            "<code>PARTICIPATED_IN {role}</code>; the place with <code>TOOK_PLACE_IN</code>."
        ),
        queries=(Q_MEETINGS, Q_MEETINGS_GRAPH),
    ),
    GuideSlide(
        title="Arms and training",
        lead="SUPPLIES_ARMS_TO and TRAINS ties",
        text=(
            "Each tie carries <code>support</code> (claims), <code>articles</code> (distinct articles), "
            "<code>statuses</code> (happened, planned, denied …) and its first and last dates."
        ),
        queries=(Q_ARMS_TRAINING, Q_ARMS_GRAPH),
    ),
    GuideSlide(
        title="Where a fact comes from",
        lead="Claims are the unit of provenance",
        text=(
            "Every fact is a <code>:Claim</code> of one article: the sentence, its character offsets, the "
            "extractor and its confidence. <code>(:Claim)-[:FROM_ARTICLE]-&gt;(:Article)</code> leads to the "
            "outlet, URL and publication date."
        ),
        queries=(Q_EVIDENCE, Q_EVIDENCE_GRAPH),
    ),
)
"""The tour, in order; the first query of the first slide is the one the browser test runs."""


def first_guide_query() -> str:
    """The guide's first query (it draws Shoigu and Min Aung Hlaing)."""
    return GUIDE_SLIDES[0].queries[0]


def _slide_html(slide: GuideSlide) -> str:
    pres = "\n".join(
        f'      <pre mode="cypher" class="pre-scrollable code runnable">{html.escape(query, quote=False)}</pre>'
        for query in slide.queries
    )
    return (
        '  <slide class="row-fluid">\n'
        '    <div class="col-sm-3">\n'
        f"      <h3>{html.escape(slide.title)}</h3>\n"
        f'      <p class="lead">{html.escape(slide.lead)}</p>\n'
        "    </div>\n"
        '    <div class="col-sm-9">\n'
        f"      <p>{slide.text}</p>\n"
        f"{pres}\n"
        "    </div>\n"
        "  </slide>\n"
    )


@cache
def render_guide_html() -> str:
    """The Browser guide (``:play``): an ``<article class="guide">`` carousel of `GUIDE_SLIDES`."""
    slides = "".join(_slide_html(slide) for slide in GUIDE_SLIDES)
    return (
        '<article class="guide">\n'
        '<carousel class="deck container-fluid">\n'
        f"{slides}"
        "</carousel>\n"
        "</article>\n"
    )


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
