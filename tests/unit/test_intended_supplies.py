""""Kenya plans to buy drones from Turkey", "Le Kenya envisage d'acheter", "Kenia erwägt, … zu kaufen": a
stated intention (``intention_cues``) of a supply or a training is withheld as planned, not asserted; a
supply announced for later under a deal ("Turkey will deliver drones to Kenya") stays a planned fact
(invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text

_SUPPLY = ("TUR", "SUPPLIES_ARMS_TO", "KEN")


@pytest.mark.parametrize(("text", "lang"), [
    ("Kenya plans to buy drones from Turkey.", "en"),
    ("Kenya wants to buy drones from Turkey.", "en"),
    ("Le Kenya prévoit d'acheter des drones à la Turquie.", "fr"),
    ("Le Kenya souhaite acheter des drones à la Turquie.", "fr"),
    ("Kenia planea comprar drones a Turquía.", "es"),
    ("Kenia quiere comprar drones a Turquía.", "es"),
    ("Kenia plant den Kauf von Drohnen aus der Türkei.", "de"),
    ("Kenia erwägt, Drohnen von der Türkei zu kaufen.", "de"),
    ("Kenya berencana membeli drone dari Turki.", "id"),
    ("Kenya ingin membeli drone dari Turki.", "id"),
    ("O Quênia planeja comprar drones da Turquia.", "pt"),
    ("Il Kenya intende acquistare droni dalla Turchia.", "it"),
])
def test_an_intended_purchase_is_withheld_as_planned(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert not [f for f in ex.facts if f.relation.value == "SUPPLIES_ARMS_TO"]
    assert [(f.subject, f.relation.value, f.object, f.status.value) for f in ex.withheld] == [(*_SUPPLY, "planned")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Turkey will deliver drones to Kenya next year.", "en"),
    ("La Turquie livrera des drones au Kenya l'année prochaine.", "fr"),
    ("Turki akan memasok drone ke Kenya tahun depan.", "id"),
])
def test_a_supply_announced_for_later_stays_a_fact(text: str, lang: str) -> None:
    assert [(f.subject, f.relation.value, f.object) for f in extract_text(text, lang).facts] == [_SUPPLY]


def test_a_contract_providing_for_a_delivery_is_no_intention() -> None:
    ex = extract_text("Le contrat signé par la Turquie prévoit la livraison de drones au Kenya.", "fr")
    assert not [f for f in ex.withheld if f.relation.value == "SUPPLIES_ARMS_TO"]
