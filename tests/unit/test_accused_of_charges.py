""""B, accusé de livrer des armes à C", "acusado de vender armas a C", "accusato di vendere armi a C": a
participle of accusing followed by its charge (``charge_preps``: "de", "di", "of") names no accuser, so it is
no criticism by the sentence's subject nor of the state inside the charge; with its agent ("accusé par A de",
"acusada por A de") the agent criticises the accused (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Chili, accusé de livrer des armes au Pérou, a rejeté ces allégations.", "fr"),
    ("La Norvège a sanctionné le Chili, accusé de livrer des armes au Pérou.", "fr"),
    ("La Norvège a sanctionné une entreprise chilienne accusée d'avoir livré des armes au Pérou.", "fr"),
    ("La Norvegia ha sanzionato il Cile, accusato di vendere armi al Perù.", "it"),
    ("Noruega sancionó a Chile, acusado de vender armas a Perú.", "es"),
    ("A Noruega sancionou o Chile, acusado de vender armas ao Peru.", "pt"),
])
def test_an_accusation_participle_with_its_charge_is_no_criticism(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "CRITICIZED"]


@pytest.mark.parametrize(("text", "lang"), [
    ("La Norvège a sanctionné le Chili, accusé de livrer des armes au Pérou.", "fr"),
    ("La Norvegia ha sanzionato il Cile, accusato di vendere armi al Perù.", "it"),
])
def test_the_main_clause_keeps_its_fact(text: str, lang: str) -> None:
    assert ("NOR", "SANCTIONED", "CHL") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Kenya est accusé par le Ghana de soutenir les rebelles.", "fr"),
    ("Kenia fue acusada por Ghana de apoyar a los rebeldes.", "es"),
    ("Kenya was accused by Ghana of backing the rebels.", "en"),
    ("Le Ghana accuse le Kenya de soutenir les rebelles.", "fr"),
    ("Ghana acusó a Kenia de apoyar a los rebeldes.", "es"),
])
def test_the_agent_of_an_accusation_criticises_the_accused(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert [t for t in triples(ex) if t[1] == "CRITICIZED"] == [("GHA", "CRITICIZED", "KEN")]
    assert not [f for f in ex.facts if f.relation.value == "SUPPORTS"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Pérou a condamné de façon ferme le Chili.", "fr"),
    ("Perú condenó de forma enérgica a Chile.", "es"),
])
def test_a_condemnation_before_de_is_a_criticism(text: str, lang: str) -> None:
    assert ("PER", "CRITICIZED", "CHL") in triples(extract_text(text, lang))
