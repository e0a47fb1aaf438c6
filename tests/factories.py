"""Shared test builders: clean articles, hand-built fact views and small graph queries.

Unit and integration modules import from here rather than from each other, so a test module holds
tests only. Nothing here connects to Neo4j by itself: the graph helpers take the session's driver.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from neo4j import Driver, RoutingControl

from graph_schema.model import EntityType, EventType, Modality, Relation
from loaders.context import ArticleContext, build_context
from loaders.lang import Rules, load_rules
from loaders.mentions import find_mentions
from loaders.models import ArticleExtraction, ArticleMeta, CleanArticle, Entity, Fact, Mention, Sentence
from loaders.pipeline import extract_article
from loaders.registry import Registry, load_registry
from service.settings import Settings

# --- clean articles and extraction --------------------------------------------------------------------


def article(text: str, lang: str = "id") -> CleanArticle:
    """A one-sentence-per-line clean article."""
    sentences, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        sentences.append(Sentence(index=i, start=pos, end=pos + len(line), text=line))
        pos += len(line) + 1
    return CleanArticle(id="art:test", source="test", url=None, outlet=None, language=lang,
                        published="2023-03-15", title=None, text=text, content_hash="x", sentences=sentences)


def context(art: CleanArticle, *, registry: Registry | None = None, rules: Rules | None = None) -> ArticleContext:
    """The article's context: the process's registry and its language's rules unless others are given."""
    return build_context(art, registry=registry or load_registry(), rules=rules or load_rules(art.language))


def mentions_of(art: CleanArticle, *, registry: Registry | None = None, rules: Rules | None = None) -> list[Mention]:
    """The mentions the mention stage finds in `art` (with the given registry or rules)."""
    return find_mentions(context(art, registry=registry, rules=rules))


def extract_text(text: str, lang: str, published: str | None = "2023-03-15") -> ArticleExtraction:
    """Run the extraction stages on a one-sentence-per-line article (no reading or cleaning)."""
    return extract_article(article(text, lang).model_copy(update={"published": published}))


def triples(ex: ArticleExtraction) -> set[tuple[str, str, str]]:
    """The (subject, relation, object) of every asserted fact."""
    return {(f.subject, f.relation.value, f.object) for f in ex.facts}


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response has the status and the stable error shape ``{"error": {code, message, details}}``."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert list(body) == ["error"]
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    return body


# --- a small two-fact article (writer, retraction, CLI) --------------------------------------------------

MEETING_SENTENCE = "Sergei Shoigu met Min Aung Hlaing in Moscow on 22 June."
ARMS_SENTENCE = "Russia agreed to supply Myanmar with Su-30 fighters."

ENTITIES: dict[str, Entity] = {
    e.id: e
    for e in (
        Entity(id="RUS", type=EntityType.COUNTRY, name="Russia", aliases=["Russia"], known_aliases=["Rusia"]),
        Entity(id="MMR", type=EntityType.COUNTRY, name="Myanmar", aliases=["Myanmar"]),
        Entity(id="per:sergei-shoigu", type=EntityType.PERSON, name="Sergei Shoigu", aliases=["Sergei Shoigu"],
               role="Minister of Defence", country="RUS"),
        Entity(id="per:min-aung-hlaing", type=EntityType.PERSON, name="Min Aung Hlaing",
               aliases=["Min Aung Hlaing"], country="MMR"),
        Entity(id="plc:moscow", type=EntityType.PLACE, name="Moscow", aliases=["Moscow"], country="RUS"),
        Entity(id="wpn:su-30", type=EntityType.WEAPON, name="Sukhoi Su-30", aliases=["Su-30"]),
        Entity(id="CHN", type=EntityType.COUNTRY, name="China", aliases=["China"]),
    )
}


def meeting_fact(**kw: Any) -> Fact:
    """Shoigu met Min Aung Hlaing in Moscow on 2021-06-22 (a Meeting event)."""
    base: dict[str, Any] = {
        "subject": "per:sergei-shoigu", "relation": Relation.MET_WITH, "object": "per:min-aung-hlaing",
        "date": "2021-06-22", "place": "plc:moscow", "evidence": MEETING_SENTENCE, "sentence_index": 0,
        "start": 0, "end": len(MEETING_SENTENCE), "confidence": 0.9, "extractor": "rules.v1",
        "event_type": EventType.MEETING,
    }
    return Fact.model_validate({**base, **kw})


def arms_fact(**kw: Any) -> Fact:
    """Russia agreed to supply Myanmar with Su-30s (no event node)."""
    start = len(MEETING_SENTENCE) + 1
    base: dict[str, Any] = {
        "subject": "RUS", "relation": Relation.SUPPLIES_ARMS_TO, "object": "MMR", "date": "2021-06",
        "evidence": ARMS_SENTENCE, "sentence_index": 1, "start": start, "end": start + len(ARMS_SENTENCE),
        "confidence": 0.7, "status": Modality.AGREED, "extractor": "rules.v1", "weapon": "wpn:su-30",
    }
    return Fact.model_validate({**base, **kw})


def make_extraction(
    article_id: str = "art:one",
    *,
    facts: list[Fact] | None = None,
    entity_ids: list[str] | None = None,
    content_hash: str | None = None,
) -> ArticleExtraction:
    """A hand-built fact view: by default two facts (a meeting and an arms deal) and their entities.

    Distinct articles get distinct content hashes by default (the writer treats the same text under
    another id as the same article).
    """
    content_hash = content_hash or f"hash-1-{article_id}"
    facts = [meeting_fact(), arms_fact()] if facts is None else facts
    if entity_ids is None:
        used = {ref for f in facts for ref in (f.subject, f.object, f.place, f.weapon) if ref}
        entity_ids = sorted(used)
    return ArticleExtraction(
        source=f"test:{article_id}",
        article=ArticleMeta(id=article_id, url=f"https://example.org/{article_id}", outlet="Example",
                            language="en", published="2021-06-24", title="Shoigu meets Min Aung Hlaing",
                            content_hash=content_hash),
        text=MEETING_SENTENCE + " " + ARMS_SENTENCE,
        entities=[ENTITIES[i] for i in entity_ids],
        facts=facts,
    )


def query(driver: Driver, settings: Settings, cypher: str, **params: Any) -> list[dict[str, Any]]:
    """Run a read query on the test database; the records as dicts."""
    records, _, _ = driver.execute_query(
        cypher, params, database_=settings.neo4j_database, routing_=RoutingControl.READ
    )
    return [dict(r) for r in records]


def graph_counts(driver: Driver, settings: Settings) -> tuple[int, int]:
    """(nodes, relationships) outside the migration records."""
    nodes = query(driver, settings, "MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n")[0]["n"]
    rels = query(driver, settings, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return nodes, rels


def tie(driver: Driver, settings: Settings, key: str) -> dict[str, Any] | None:
    """Properties of the derived tie with that key (any type), or None."""
    rows = query(driver, settings, "MATCH ()-[r]->() WHERE r.key = $key RETURN properties(r) AS p", key=key)
    assert len(rows) <= 1
    return rows[0]["p"] if rows else None


MEETING_KEY = "MET_WITH|per:min-aung-hlaing|per:sergei-shoigu"
ARMS_KEY = "SUPPLIES_ARMS_TO|RUS|MMR"


# --- a hand-built fact view of the seed article (API read and write tests) -------------------------------

URL = "https://www.kompas.com/global/read/2021/06/24/122056870/rusia-nyatakan-perkuat-hubungan-militer-dengan-myanmar"
MEETING = ("Pernyataan tersebut disampaikan Shoigu kepada pemimpin junta militer Myanmar Jenderal Min Aung "
           "Hlaing pada Selasa (22/6/2021) sebagaimana dilansir Reuters.")
VISIT = ("Diberitakan sebelumnya, Min Aung Hlaing, terbang ke ibu kota Rusia, Moskwa, pada Minggu (20/6/2021) "
         "untuk menghadiri konferensi keamanan.")
PATRUSHEV = ("Sebelum bertemu dengan Shoigu, Min Aung Hlain sempat bertemu dengan Nikolai Patrushev, sekretaris "
             "Dewan Keamanan Rusia.")
COMMIT = ("MOSKWA, KOMPAS.com – Menteri Pertahanan Rusia Sergei Shoigu mengatakan Moskwa berkomitmen untuk "
          "memperkuat hubungan militer dengan Myanmar.")
TRAINING = "Moskwa bahwa memberikan pelatihan dan beasiswa universitas kepada ribuan tentara Myanmar."
TEXT = "\n\n".join((COMMIT, MEETING, VISIT, PATRUSHEV, TRAINING))

SHOIGU, MAH, PATRUSHEV_ID = "per:sergei-shoigu", "per:min-aung-hlaing", "per:nikolai-patrushev"

# Every entity of the seed is named in its text (mentions 0 would mean only implied).
SEED_ENTITIES = [
    Entity(id="RUS", type=EntityType.COUNTRY, name="Russia", aliases=["Rusia", "Moskwa"],
           known_aliases=["Russian Federation", "Россия", "Rusia"], qid="Q159", mentions=1),
    Entity(id="MMR", type=EntityType.COUNTRY, name="Myanmar", aliases=["Myanmar"],
           known_aliases=["Burma", "Мьянма"], qid="Q836", mentions=1),
    Entity(id=SHOIGU, type=EntityType.PERSON, name="Sergei Shoigu", aliases=["Sergei Shoigu", "Shoigu"],
           known_aliases=["Сергей Шойгу"], role="Minister of Defence of Russia", country="RUS", qid="Q313011",
           mentions=1),
    Entity(id=MAH, type=EntityType.PERSON, name="Min Aung Hlaing", aliases=["Min Aung Hlaing", "Min Aung Hlain"],
           role="Commander-in-Chief of Defence Services", country="MMR", mentions=1),
    Entity(id=PATRUSHEV_ID, type=EntityType.PERSON, name="Nikolai Patrushev", aliases=["Nikolai Patrushev"],
           role="Secretary of the Security Council of Russia", country="RUS", mentions=1),
    Entity(id="plc:moscow", type=EntityType.PLACE, name="Moscow", aliases=["Moskwa"], known_aliases=["Москва"],
           country="RUS", mentions=1),
    Entity(id="org:myanmar-military", type=EntityType.ORGANIZATION, name="Myanmar military",
           aliases=["militer Myanmar"], known_aliases=["Tatmadaw"], country="MMR", mentions=1),
]


def _seed_fact(subject: str, relation: Relation, obj: str, sentence: str, **kw: Any) -> Fact:
    start = TEXT.index(sentence)
    return Fact(subject=subject, relation=relation, object=obj, evidence=sentence,
                sentence_index=TEXT[:start].count("\n\n"), start=start, end=start + len(sentence),
                confidence=kw.pop("confidence", 0.9), extractor="rules.v1", **kw)


FACTS = [
    _seed_fact(SHOIGU, Relation.MET_WITH, MAH, MEETING, date="2021-06-22", place="plc:moscow",
          event_type=EventType.MEETING),
    _seed_fact(MAH, Relation.VISITED, "RUS", VISIT, date="2021-06-20", place="plc:moscow", event_type=EventType.VISIT),
    _seed_fact(MAH, Relation.MET_WITH, PATRUSHEV_ID, PATRUSHEV, place="plc:moscow", event_type=EventType.MEETING),
    _seed_fact(SHOIGU, Relation.HOLDS_ROLE, "RUS", COMMIT),
    _seed_fact(MAH, Relation.HOLDS_ROLE, "org:myanmar-military", MEETING),
    _seed_fact("RUS", Relation.COOPERATES_WITH, "MMR", COMMIT, date="2021-06-22", confidence=0.7),
    _seed_fact("RUS", Relation.TRAINS, "org:myanmar-military", TRAINING, confidence=0.8),
]

EXTRACTION = ArticleExtraction(
    source="data/articles/kompas-2021-06-24-rusia-myanmar.txt",
    article=ArticleMeta(id="art:kompas-seed", url=URL, outlet="Kompas.com", language="id",
                        published="2021-06-24T12:20:00+07:00",
                        title="Rusia Nyatakan Perkuat Hubungan Militer dengan Myanmar", content_hash="seed-hash"),
    text=TEXT, entities=SEED_ENTITIES, facts=FACTS,
)


def script_module(name: str) -> ModuleType:
    """A script of scripts/ imported as a module (registered in sys.modules: dataclasses need it)."""
    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
