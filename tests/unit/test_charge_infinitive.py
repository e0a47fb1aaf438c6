""""Chile, das beschuldigt wird, Waffen an Peru zu liefern, …", "Norwegen beschuldigt Kenia, Waffen an Ghana
geliefert zu haben": the act a German accusation charges in a zu-infinitive clause is alleged (withheld), and
its actor is the accused — the object of an active accusation, the antecedent or subject of a passive one —
never the accuser; a passive accusation with no agent names no critic. The same in other languages is read
by their charge prepositions ("accused of", "accusé de", "acusado de") (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


def _withheld(text: str, lang: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.relation.value, f.object) for f in extract_text(text, lang).withheld}


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile, das beschuldigt wird, Waffen an Peru zu liefern, unterzeichnete ein Abkommen mit Norwegen.", "de"),
    ("Chile, dem vorgeworfen wird, Waffen an Peru geliefert zu haben, unterzeichnete ein Abkommen mit Norwegen.",
     "de"),
    ("Chile, which is accused of supplying weapons to Peru, signed an agreement with Norway.", "en"),
    ("Le Chili, qui est accusé de livrer des armes au Pérou, a signé un accord avec la Norvège.", "fr"),
    ("Chile, que es acusado de suministrar armas a Perú, firmó un acuerdo con Noruega.", "es"),
])
def test_a_relative_accusation_names_the_accused_and_no_critic(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert triples(ex) == {("CHL", "SIGNED_AGREEMENT_WITH", "NOR")}
    assert ("CHL", "SUPPLIES_ARMS_TO", "PER") in {(f.subject, f.relation.value, f.object) for f in ex.withheld}


@pytest.mark.parametrize("text", [
    "Chile wird beschuldigt, Waffen an Peru zu liefern.",
    "Chile wurde beschuldigt, Waffen an Peru geliefert zu haben.",
])
def test_a_passive_accusation_without_agent_names_no_critic(text: str) -> None:
    assert triples(extract_text(text, "de")) == set()
    assert ("CHL", "SUPPLIES_ARMS_TO", "PER") in _withheld(text, "de")


@pytest.mark.parametrize("text", [
    "Norwegen beschuldigt Chile, Waffen an Peru zu liefern.",
    "Norwegen beschuldigte Chile, Waffen an Peru geliefert zu haben.",
])
def test_an_active_accusation_s_act_is_the_accused_s(text: str) -> None:
    assert triples(extract_text(text, "de")) == {("NOR", "CRITICIZED", "CHL")}
    assert _withheld(text, "de") == {("CHL", "SUPPLIES_ARMS_TO", "PER")}


def test_a_split_accusation_verb_s_act_is_the_accused_s() -> None:
    text = "Norwegen wirft Chile vor, Waffen an Peru zu liefern."
    assert _withheld(text, "de") == {("CHL", "SUPPLIES_ARMS_TO", "PER")}
    assert not {t for t in triples(extract_text(text, "de")) if t[1] == "SUPPLIES_ARMS_TO"}
