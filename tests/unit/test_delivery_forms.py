"""Everyday forms of supply and training found on invented articles: "has taken delivery of" is a purchase,
German "überlassen" a supply, French "pour former" a training; "the two ministers" of a meeting of two known
states sign for those states."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Ghana has taken delivery of six drones from Norway.", "en", ("NOR", "SUPPLIES_ARMS_TO", "GHA")),
    ("Ghana is taking delivery of six drones from Norway.", "en", ("NOR", "SUPPLIES_ARMS_TO", "GHA")),
    ("Norwegen überließ Ghana zwölf Haubitzen.", "de", ("NOR", "SUPPLIES_ARMS_TO", "GHA")),
    ("Le Ghana a acquis l'an dernier des hélicoptères auprès de la Norvège.", "fr", ("NOR", "SUPPLIES_ARMS_TO", "GHA")),
    ("La Norvège a envoyé des instructeurs pour former les soldats ghanéens.", "fr", ("NOR", "TRAINS", "GHA")),
])
def test_everyday_supply_and_training_forms(text: str, lang: str, fact: tuple[str, str, str]) -> None:
    facts = triples(extract_text(text, lang))
    assert fact in facts
    assert (fact[2], fact[1], fact[0]) not in facts


def test_the_two_ministers_of_a_meeting_sign_for_their_states() -> None:
    text = ("Norwegian Defence Minister Bjørn Arild Gram visited Accra and held talks with his Ghanaian counterpart "
            "Kofi Mensah.\nThe two ministers signed a memorandum on defence cooperation.")
    assert ("NOR", "SIGNED_AGREEMENT_WITH", "GHA") in triples(extract_text(text, "en", "2024-03-01")) or \
        ("GHA", "SIGNED_AGREEMENT_WITH", "NOR") in triples(extract_text(text, "en", "2024-03-01"))


@pytest.mark.parametrize("text", ["Гана планирует закупить дроны у Норвегии.",
                                  "Гана намерена купить дроны у Норвегии."])
def test_a_russian_intended_purchase_is_withheld_as_planned(text: str) -> None:
    ex = extract_text(text, "ru")
    assert not [f for f in ex.facts if f.relation.value == "SUPPLIES_ARMS_TO"]
    assert [(f.subject, f.object, f.status.value) for f in ex.withheld] == [("NOR", "GHA", "planned")]
