""""A did X, accusing B of supplying C": the participle after the comma is A's (A criticises B, not B's
demonym or C), and what the accused B is said to have done is alleged, withheld from the facts (invented
sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway imposed sanctions on three Chilean firms, accusing Santiago of supplying Peru with rifles.", "en"),
    ("La Norvège a sanctionné trois entreprises chiliennes, accusant le Chili de fournir des fusils au Pérou.",
     "fr"),
    ("Noruega sancionó a tres empresas chilenas, acusando a Chile de suministrar fusiles a Perú.", "es"),
])
def test_a_participle_after_a_comma_has_the_main_clause_subject(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert ("NOR", "CRITICIZED", "CHL") in facts
    assert not [t for t in facts if t[1] == "CRITICIZED" and t[0] != "NOR"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway accused Chile of supplying Peru with rifles.", "en"),
    ("Noruega acusó a Chile de suministrar fusiles a Perú.", "es"),
    ("La Norvège a sanctionné trois entreprises chiliennes, accusant le Chili de fournir des fusils au Pérou.",
     "fr"),
    ("Norwegia menuduh Chile memasok senapan ke Peru.", "id"),
])
def test_the_act_of_an_accused_subject_is_withheld(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert not [f for f in ex.facts if f.relation.value == "SUPPLIES_ARMS_TO"]
    assert [(f.subject, f.object, f.status.value) for f in ex.withheld if f.relation.value == "SUPPLIES_ARMS_TO"] \
        == [("CHL", "PER", "alleged")]


def test_an_unaccused_subject_states_the_act() -> None:
    assert ("CHL", "SUPPLIES_ARMS_TO", "PER") in triples(
        extract_text("Chile supplied Peru with rifles, officials said.", "en"))


@pytest.mark.parametrize("text", [
    "Norwegen beschuldigt Chile, Gewehre an Peru geliefert zu haben.",
    "Norwegen wirft Chile vor, Gewehre an Peru geliefert zu haben.",
])
def test_the_clause_a_german_accusation_opens_is_alleged(text: str) -> None:
    assert not [t for t in triples(extract_text(text, "de")) if t[1] == "SUPPLIES_ARMS_TO"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile, accused of war crimes, sold rifles to Peru.", "en"),
    ("Le Chili, accusé de crimes de guerre, a vendu des fusils au Pérou.", "fr"),
])
def test_an_accusation_in_an_apposition_leaves_the_main_clause_stated(text: str, lang: str) -> None:
    assert ("CHL", "SUPPLIES_ARMS_TO", "PER") in triples(extract_text(text, lang))
