"""An actor after an adversative preposition ("against", "gegen", "contre", "против") receives no supply,
training or support. Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway asked partners to act on the drone deliveries against Chile."),
    ("de", "Mehrere Staaten, darunter Norwegen, verlangten, wegen der Drohnenlieferungen gegen Chile vorzugehen."),
    ("fr", "La Norvège a dénoncé les livraisons d'armes contre le Chili."),
])
def test_no_recipient_after_against(lang: str, text: str) -> None:
    assert not any(rel == "SUPPLIES_ARMS_TO" for _, rel, _ in triples(extract_text(text, lang)))


def test_a_recipient_after_to_still_receives() -> None:
    assert ("NOR", "SUPPLIES_ARMS_TO", "CHL") in triples(extract_text("Norway delivered drones to Chile.", "en"))
