"""The read queries' typed tie patterns name exactly the model's relations; the bench corpus is deterministic."""

from __future__ import annotations

import re

import pytest

from benchmarks.corpus import article
from benchmarks.timing import interleaved, ratios, summary
from graph_schema.model import Relation
from service.queries import entities, paths, ties
from service.queries._common import RELATION_TYPE, TIE_TYPES


def test_tie_types_are_the_model_relations() -> None:
    assert TIE_TYPES.split("|") == [r.value for r in Relation]
    assert {rel: name for rel, name in RELATION_TYPE.items()} == {r: r.value for r in Relation}


@pytest.mark.parametrize("query", [
    entities.RELATIONSHIPS[None], entities.RELATIONSHIPS[Relation.MET_WITH], entities.EGO_GRAPH[2],
    entities.DETAIL, paths.SHORTEST_PATHS[4], ties.REPORT,
])
def test_read_queries_expand_typed_relationships_only(query: str) -> None:
    assert "__TIES__" not in query
    assert "type(r) IN $relations" not in query
    assert not re.search(r"-\[\w*\]-", query)  # no untyped relationship pattern
    assert " OR x.country" not in query  # sides are found through indexes, not a disjunction


def test_relation_filter_query_names_one_type() -> None:
    assert "[r:SUPPLIES_ARMS_TO]" in entities.RELATIONSHIPS[Relation.SUPPLIES_ARMS_TO]


def test_bench_corpus_is_deterministic_and_varied() -> None:
    first, again, other = article(7), article(7), article(8)
    assert first == again and first.text != other.text
    assert 450 <= len(first.text.split()) <= 700
    languages = {article(i).language for i in range(40)}
    assert len(languages) >= 4


def test_interleaved_rounds_rotate_and_ratios_pair_rounds() -> None:
    calls: list[str] = []
    ticks = iter(range(100))
    samples = interleaved({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, rounds=2,
                          clock=lambda: float(next(ticks)))
    assert calls == ["a", "b", "b", "a"] and all(len(v) == 2 for v in samples.values())
    assert ratios([2.0, 6.0], [1.0, 2.0]) == [2.0, 3.0]
    assert summary([1.0, 2.0, 3.0])["median"] == 2.0
