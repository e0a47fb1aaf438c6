"""A verb of receiving is a purchase when arms are what is received, a meeting (or nothing) when a person
is (loaders/facts/receipts.py; invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Ghana received six helicopters from Norway in 2023.", "en"),
    ("Le Ghana a reçu des hélicoptères de la Norvège en 2023.", "fr"),
    ("Le Ghana a pour sa part reçu six hélicoptères de la Norvège.", "fr"),
    ("Ghana erhielt aus Norwegen sechs Hubschrauber.", "de"),
    ("Ghana erhielt 2023 Hubschrauber aus Norwegen.", "de"),
    ("Ghana recibió seis helicópteros de Noruega.", "es"),
    ("O Gana recebeu seis helicópteros da Noruega.", "pt"),
    ("Il Ghana ha ricevuto sei elicotteri dalla Norvegia.", "it"),
    ("Ghana menerima enam helikopter dari Norwegia.", "id"),
    ("Гана получила от Норвегии шесть вертолетов.", "ru"),
])
def test_arms_received_from_a_state_are_supplied_by_it(text: str, lang: str) -> None:
    assert ("NOR", "SUPPLIES_ARMS_TO", "GHA") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("The Ghanaian president received the Norwegian ambassador in Accra.", "en"),
    ("Le président ghanéen a reçu l'ambassadeur de Norvège à Accra.", "fr"),
    ("Der ghanaische Präsident empfing den norwegischen Botschafter.", "de"),
    ("Ghana received a letter from Norway, which also sells helicopters to Peru.", "en"),
])
def test_a_person_or_other_thing_received_is_no_supply(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "SUPPLIES_ARMS_TO" and t[2] == "GHA"]


def test_training_received_stays_training() -> None:
    facts = triples(extract_text("Ghanaian pilots received training in Norway.", "en"))
    assert ("NOR", "TRAINS", "GHA") in facts
    assert not [t for t in facts if t[1] == "SUPPLIES_ARMS_TO"]


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Ghana received military support from Norway.", "en", ("NOR", "SUPPORTS", "GHA")),
    ("Ghana received training from Norway.", "en", ("NOR", "TRAINS", "GHA")),
    ("O Gana recebe apoio militar da Noruega.", "pt", ("NOR", "SUPPORTS", "GHA")),
    ("Ghana recibe apoyo militar de Noruega.", "es", ("NOR", "SUPPORTS", "GHA")),
    ("Le Ghana reçoit le soutien militaire de la Norvège.", "fr", ("NOR", "SUPPORTS", "GHA")),
    ("Ghana erhielt militärische Unterstützung von Norwegen.", "de", ("NOR", "SUPPORTS", "GHA")),
])
def test_support_or_training_received_from_a_state_is_given_by_it(text: str, lang: str,
                                                                   fact: tuple[str, str, str]) -> None:
    facts = triples(extract_text(text, lang))
    assert fact in facts
    assert (fact[2], fact[1], fact[0]) not in facts
