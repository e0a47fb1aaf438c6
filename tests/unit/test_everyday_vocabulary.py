"""Everyday news vocabulary for ties, as trigger data of each language: "went to" (a visit), "solidarity
with" (support), "took delivery of … from" (a supply read from the buyer's side)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway expressed solidarity with Finland."),
    ("fr", "La Norvège a exprimé sa solidarité avec la Finlande."),
    ("es", "Noruega expresó su solidaridad con Finlandia."),
    ("de", "Norwegen bekundete seine Solidarität mit Finnland."),
    ("id", "Norwegia menyatakan solidaritas dengan Finlandia."),
    ("ru", "Норвегия выразила солидарность с Финляндией."),
])
def test_solidarity_with_is_support(lang: str, text: str) -> None:
    assert ("NOR", "SUPPORTS", "FIN") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile took delivery of six helicopters from Brazil in January 2024."),
    ("id", "Chile menerima pengiriman enam helikopter dari Brasil pada Januari 2024."),
    ("fr", "Le Chili a pris livraison de six hélicoptères du Brésil en janvier 2024."),
    ("es", "Chile recibió la entrega de seis helicópteros de Brasil en enero de 2024."),
])
def test_taking_delivery_from_a_state_is_its_supply(lang: str, text: str) -> None:
    facts = [f for f in extract_text(text, lang).facts if f.relation.value == "SUPPLIES_ARMS_TO"]
    assert [(f.subject, f.object, f.date) for f in facts] == [("BRA", "CHL", "2024-01")]


def test_went_to_a_place_is_a_visit_but_not_to_anything_else() -> None:
    # (Ghana's defence minister on 2023-03-15: Dominic Nitiwul, in the imported tables)
    assert ("per:dominic-nitiwul", "VISITED", "NGA") in triples(
        extract_text("Ghana's defence minister went to Abuja on 3 March 2023.", "en", "2023-03-15"))
    for text in ("The contract went to a French firm.", "Kenya went to the polls on Tuesday."):
        assert not extract_text(text, "en").facts
