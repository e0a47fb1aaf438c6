"""A German verb that closes its clause before a comma has both its actors before it: an actor in the relative
clause after the comma is another clause's ("A hatte B Panzer überlassen, die an C weitergegeben wurden");
a verb-second verb before an inserted comma phrase keeps its object after it (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize("text", [
    "Norwegen hatte Ghana zuvor Haubitzen überlassen, die an Togo weitergegeben wurden.",
    "Norwegen hat Ghana Haubitzen geliefert, die später an Togo gingen.",
])
def test_the_clause_final_verbs_actors_stand_before_it(text: str) -> None:
    facts = triples(extract_text(text, "de"))
    assert ("NOR", "SUPPLIES_ARMS_TO", "GHA") in facts
    assert not [t for t in facts if t[2] == "TGO"]


def test_a_verb_second_verb_keeps_its_object_past_an_inserted_phrase() -> None:
    facts = triples(extract_text("Norwegen lieferte, wie angekündigt, Haubitzen an Ghana.", "de"))
    assert ("NOR", "SUPPLIES_ARMS_TO", "GHA") in facts
