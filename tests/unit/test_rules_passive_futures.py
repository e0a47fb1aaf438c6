"""Passive agents past an article ("sanctioned by the EU", "von der EU sanktioniert"), a state's government
as the state ("sanctions against the government of A"), and future or plural verb forms of supply and
signing (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Nicaragua was sanctioned by the EU.", "en"),
    ("Nicaragua wurde von der EU sanktioniert.", "de"),
    ("Nicaragua wurde am Montag von der EU sanktioniert.", "de"),
    ("Le Nicaragua a été sanctionné par l'UE.", "fr"),
    ("Nicaragua fue sancionado por la UE.", "es"),
])
def test_the_passive_agent_sanctions(text: str, lang: str) -> None:
    assert {t for t in triples(extract_text(text, lang)) if t[1] == "SANCTIONED"} == {("org:eu", "SANCTIONED", "NIC")}


@pytest.mark.parametrize(("text", "lang"), [
    ("The EU imposed sanctions on the government of Nicaragua.", "en"),
    ("Die EU verhängte Sanktionen gegen die Regierung von Nicaragua.", "de"),
    ("La UE impuso sanciones contra el gobierno de Nicaragua.", "es"),
])
def test_a_states_government_is_the_state(text: str, lang: str) -> None:
    assert ("org:eu", "SANCTIONED", "NIC") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Brasil venderá 24 aviones Super Tucano a Nigeria.", "es", ("BRA", "SUPPLIES_ARMS_TO", "NGA")),
    ("Le Brésil livrera 24 avions Super Tucano au Nigeria.", "fr", ("BRA", "SUPPLIES_ARMS_TO", "NGA")),
    ("Japan und Australien unterzeichneten am Dienstag ein Verteidigungsabkommen.", "de",
     ("JPN", "SIGNED_AGREEMENT_WITH", "AUS")),
])
def test_future_and_plural_verb_forms_state_the_relation(text: str, lang: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))
