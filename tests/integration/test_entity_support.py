"""What an article says of an entity (forms, role, state) is supported by it and goes with it."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from loaders.load import retract_article
from loaders.models import ArticleRecord
from loaders.pipeline import extract
from loaders.write import write_article
from service.settings import Settings
from tests.factories import query as q

pytestmark = pytest.mark.usefixtures("schema_applied")

# Two articles about one person: the second misspells him (a fuzzy match) and is later retracted.
FIRST = ArticleRecord(source="first.json", url="https://example.org/first", language="en", published="2023-03-15",
                      text="Indonesian Defence Minister Prabowo Subianto met Indian Defence Minister Rajnath Singh "
                           "in New Delhi on Tuesday.")
SECOND = ArticleRecord(source="second.json", url="https://example.org/second", language="en",
                       published="2023-03-20",
                       text="Indonesian Defence Minister Prabowo Subianto later met Rajnat Singh again in Jakarta "
                            "on Sunday.")


def dump(driver: Driver, settings: Settings) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with its properties (but load times), sorted: the whole graph."""
    nodes = q(driver, settings, """
        MATCH (n) WHERE NOT n:Migration
        RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id
    """)
    rels = q(driver, settings, """
        MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b
        ORDER BY a, type, b, coalesce(r.key, '')
    """)
    for node in nodes:
        node["props"].pop("loaded_at", None)
    return nodes, rels


def load(driver: Driver, settings: Settings, record: ArticleRecord) -> str:
    return write_article(driver, extract(record), database=settings.neo4j_database).status


def test_a_form_only_a_retracted_article_used_is_no_longer_an_alias(empty_graph: Driver,
                                                                     neo4j_settings: Settings) -> None:
    load(empty_graph, neo4j_settings, FIRST)
    before = dump(empty_graph, neo4j_settings)
    load(empty_graph, neo4j_settings, SECOND)
    person = q(empty_graph, neo4j_settings,
               "MATCH (p:Person {name: 'Rajnath Singh'}) RETURN p.aliases AS a, p.search_text AS s")[0]
    assert "Rajnat Singh" in person["a"] and "rajnat singh" in person["s"]

    retract_article(empty_graph, "https://example.org/second", database=neo4j_settings.neo4j_database)
    person = q(empty_graph, neo4j_settings,
               "MATCH (p:Person {name: 'Rajnath Singh'}) RETURN p.aliases AS a, p.search_text AS s")[0]
    assert "Rajnat Singh" not in person["a"] and "rajnat singh" not in person["s"]
    assert dump(empty_graph, neo4j_settings) == before


def test_a_person_belongs_to_its_state_whatever_the_load_order(empty_graph: Driver,
                                                               neo4j_settings: Settings) -> None:
    only_person = ArticleRecord(source="p.json", url="https://example.org/p", language="en",
                                published="2023-03-15", text="Rajnath Singh spoke to reporters on Monday.")
    load(empty_graph, neo4j_settings, only_person)
    rows = q(empty_graph, neo4j_settings,
             "MATCH (:Person {name: 'Rajnath Singh'})-[:BELONGS_TO]->(c:Country) RETURN c.id AS c")
    assert rows == [{"c": "IND"}]
    retract_article(empty_graph, "https://example.org/p", database=neo4j_settings.neo4j_database)
    assert q(empty_graph, neo4j_settings, "MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n") == [{"n": 0}]


def test_the_same_text_with_a_corrected_date_is_rewritten(empty_graph: Driver, neo4j_settings: Settings) -> None:
    assert load(empty_graph, neo4j_settings, FIRST) == "created"
    assert load(empty_graph, neo4j_settings, FIRST) == "unchanged"
    corrected = FIRST.model_copy(update={"published": "2023-03-22"})
    assert load(empty_graph, neo4j_settings, corrected) == "replaced"
    rows = q(empty_graph, neo4j_settings, "MATCH ()-[t:MET_WITH]->() RETURN t.first_date AS d")
    assert rows == [{"d": "2023-03-21"}]  # "on Tuesday" now resolves against the corrected date
