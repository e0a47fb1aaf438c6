"""The Neo4j Browser guide (``:play <api>/browser/guide.html``), second edition: slides and their queries.

Every query is a reviewed constant; a test runs each one against the loaded sample graph (data/articles)
and requires rows. The HTML is a pure function of `GUIDE_SLIDES`.
"""

from __future__ import annotations

import html
from functools import cache
from typing import LiteralString

from pydantic import BaseModel, ConfigDict


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

Q_PAIR_TIMELINE: LiteralString = """\
// Timeline of a country pair: every event with a participant of each side (the states, their people and
// institutions), oldest first. Change 'RUS' and 'MMR' for another pair.
MATCH (a:Entity)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Entity)
WHERE coalesce(a.country, a.id) = 'RUS' AND coalesce(b.country, b.id) = 'MMR'
RETURN e.date AS date, e.type AS type, e.name AS event, collect(DISTINCT a.name) AS russia_side,
       collect(DISTINCT b.name) AS myanmar_side, e.support AS claims
ORDER BY date, event"""

Q_PAIR_TIMELINE_GRAPH: LiteralString = """\
// The same timeline as a graph: both sides around their shared events
MATCH side = (a:Entity)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Entity)
WHERE coalesce(a.country, a.id) = 'RUS' AND coalesce(b.country, b.id) = 'MMR'
RETURN side"""

Q_ARMS_CHAIN: LiteralString = """\
// An arms-transfer chain: each supplier, its recipient, whom that recipient supplies in turn, and the
// weapons the claims name (empty when no article named one)
MATCH (s:Entity)-[t:SUPPLIES_ARMS_TO]->(r:Entity)
OPTIONAL MATCH (c:Claim {tie_key: t.key})
OPTIONAL MATCH (w:Weapon {id: c.weapon_id})
OPTIONAL MATCH (r)-[:SUPPLIES_ARMS_TO]->(next:Entity)
RETURN s.name AS supplier, r.name AS recipient, collect(DISTINCT w.name) AS weapons,
       collect(DISTINCT next.name) AS passes_on_to, t.support AS claims, t.first_date AS first, t.last_date AS last
ORDER BY claims DESC, supplier"""

Q_ARMS_CHAIN_GRAPH: LiteralString = """\
// The chain as a graph: supply ties of one or two hops, with the transfer events and their weapons
MATCH chain = (:Entity)-[:SUPPLIES_ARMS_TO*1..2]->(:Entity)
OPTIONAL MATCH transfer = (:Entity)-[:PARTICIPATED_IN]->(e:ArmsTransfer)
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
OPTIONAL MATCH (w:Weapon {id: c.weapon_id})
RETURN chain, transfer, w"""

Q_OFFICE_ON_DATE: LiteralString = """\
// Who held an office on a date: Russia's defence minister on 22 June 2021. Dated roles come from the
// registry as JSON in roles_json; Browser has no JSON parser without plugins, so the query splits it.
// (GET /v1/roles?title=Menteri Pertahanan&country=Rusia&date=2021-06-22 asks the same in any language.)
WITH '2021-06-22' AS day, 'Minister of Defence of Russia' AS office
MATCH (p:Person) WHERE p.roles_json CONTAINS office
UNWIND split(p.roles_json, '}, {') AS role
WITH day, office, p, role, split(split(role, '"title": "')[1], '"')[0] AS title,
     split(split(role, '"start": "')[1], '"')[0] AS start,
     split(split(role + '"end": null', '"end": ')[1], '}')[0] AS end_text
WITH day, office, p, title, start, CASE WHEN end_text STARTS WITH 'null' THEN NULL
                                         ELSE substring(end_text, 1, 10) END AS end
WHERE title = office AND start <= day AND (end IS NULL OR day < end)
RETURN title AS office, p.name AS holder, start, end"""

Q_OFFICE_HOLDERS: LiteralString = """\
// Everyone in the graph with a dated role, as a graph with the states and institutions they serve
MATCH (p:Person) WHERE p.roles_json IS NOT NULL
OPTIONAL MATCH role = (p)-[:HOLDS_ROLE]->(:Entity)
RETURN p, role"""

Q_TIE_EVIDENCE: LiteralString = """\
// The evidence of one tie: Russia's arms supply, claim by claim, with the sentence, status and article
MATCH (s:Entity {id: 'RUS'})-[t:SUPPLIES_ARMS_TO]->(o:Entity)
MATCH (c:Claim {tie_key: t.key})-[:FROM_ARTICLE]->(a:Article)
RETURN s.name AS subject, type(t) AS tie, o.name AS object, t.support AS support, c.status AS status,
       c.date AS date, c.sentence AS sentence, c.confidence AS confidence, a.outlet AS outlet, a.url AS url
ORDER BY a.published, c.sentence_index"""

Q_TIE_EVIDENCE_GRAPH: LiteralString = """\
// The same tie as a graph: its two ends, its claims and the articles they come from
MATCH (s:Entity {id: 'RUS'})-[t:SUPPLIES_ARMS_TO]->(o:Entity)
MATCH claim = (s)<-[:SUBJECT]-(c:Claim {tie_key: t.key})-[:OBJECT]->(o)
MATCH src = (c)-[:FROM_ARTICLE]->(:Article)
RETURN s, t, o, claim, src"""

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
    GuideSlide(
        title="A country pair's timeline",
        lead="Every event between two states, oldest first",
        text=(
            "A state's side is the state itself and every actor whose <code>country</code> it is (its "
            "ministers, armed forces, ministries). Events keep their direction in their names: "
            "<code>ArmsTransfer: Russia → Myanmar military</code>. The API gives the same timeline with "
            "evidence: <code>GET /v1/ties?a=Rusia&amp;b=Myanmar</code>."
        ),
        queries=(Q_PAIR_TIMELINE, Q_PAIR_TIMELINE_GRAPH),
    ),
    GuideSlide(
        title="An arms-transfer chain",
        lead="Who supplies whom, onward, and with what",
        text=(
            "<code>SUPPLIES_ARMS_TO</code> ties chain when a recipient supplies someone else. A claim names "
            "its weapon in <code>weapon_id</code> (a <code>:Weapon</code> node) when the article names one."
        ),
        queries=(Q_ARMS_CHAIN, Q_ARMS_CHAIN_GRAPH),
    ),
    GuideSlide(
        title="Who held an office on a date",
        lead="Roles have time",
        text=(
            "Registry people carry dated roles: Russia's defence minister in June 2021 is not 2025's. "
            "Change the day or the office in the first line of the query."
        ),
        queries=(Q_OFFICE_ON_DATE, Q_OFFICE_HOLDERS),
    ),
    GuideSlide(
        title="The evidence of one tie",
        lead="From a tie to the sentences behind it",
        text=(
            "A tie's <code>key</code> is on every claim that supports it (<code>Claim.tie_key</code>); each "
            "claim leads to its article. Retracting that article removes its claims, and the tie when no "
            "claim is left."
        ),
        queries=(Q_TIE_EVIDENCE, Q_TIE_EVIDENCE_GRAPH),
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
