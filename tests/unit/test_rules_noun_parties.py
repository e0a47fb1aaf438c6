""""The cooperation of A with B" in any language (a genitive, then a comitative party) names both parties of
the relation noun; the actor before the noun, who judges it, is neither (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Washington s'inquiète de la coopération du Mali avec la Russie.", "fr", ("MLI", "RUS")),
    ("Washington sieht die Zusammenarbeit Indiens mit Russland kritisch.", "de", ("IND", "RUS")),
    ("Washington criticó la cooperación de Venezuela con Rusia.", "es", ("VEN", "RUS")),
    ("США выразили обеспокоенность сотрудничеством Нью-Дели с Москвой.", "ru", ("IND", "RUS")),
    ("Washington criticised the cooperation of India with Russia.", "en", ("IND", "RUS")),
])
def test_a_relation_noun_with_genitive_and_comitative_parties(text: str, lang: str, pair: tuple[str, str]) -> None:
    coop = {(s, o) for s, r, o in triples(extract_text(text, lang)) if r == "COOPERATES_WITH"}
    assert coop == {pair}


@pytest.mark.parametrize(("text", "triple"), [
    ("Chile cooperates with Peru.", ("CHL", "COOPERATES_WITH", "PER")),
    ("Chile signed an agreement with Peru.", ("CHL", "SIGNED_AGREEMENT_WITH", "PER")),
])
def test_a_verb_keeps_its_subject(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(extract_text(text, "en"))
