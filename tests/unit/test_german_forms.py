"""German forms: compounds of trigger and event nouns ("Rüstungskooperation", "Sicherheitskonferenz"),
demonyms with their adjective endings ("der polnische Minister"), and a clause-final attendance verb whose
event stands before it ("nahm an der … teil"). Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "fact"), [
    ("Chile und Peru wollen ihre Rüstungskooperation ausbauen.", ("CHL", "COOPERATES_WITH", "PER")),
    ("Das Verteidigungsabkommen zwischen Kenia und Ghana wurde 2022 geschlossen.",
     ("KEN", "SIGNED_AGREEMENT_WITH", "GHA")),
    ("Norwegen verhängte Wirtschaftssanktionen gegen Belarus.", ("NOR", "SANCTIONED", "BLR")),
])
def test_a_compound_of_a_trigger_noun_triggers(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, "de"))


@pytest.mark.parametrize("text", [
    "Der polnische Verteidigungsminister Jan Nowak sprach in Warschau.",
    "Ein Gespräch mit dem polnischen Verteidigungsminister Jan Nowak fand statt.",
])
def test_a_demonym_takes_its_adjective_endings(text: str) -> None:
    assert ("per:jan-nowak", "HOLDS_ROLE", "POL") in triples(extract_text(text, "de"))


@pytest.mark.parametrize("text", [
    "Der polnische Verteidigungsminister Jan Nowak nahm an der Baltischen Sicherheitskonferenz teil.",
    "Der polnische Verteidigungsminister Jan Nowak hat an der Baltischen Sicherheitskonferenz teilgenommen.",
])
def test_a_clause_final_attendance_verb_has_its_event_before_it(text: str) -> None:
    ex = extract_text(text, "de")
    attended = [f for f in ex.facts if f.relation.value == "ATTENDED"]
    assert [f.subject for f in attended] == ["per:jan-nowak"]
    assert {e.name for e in ex.entities if e.id == attended[0].object} == {"Baltischen Sicherheitskonferenz"}

