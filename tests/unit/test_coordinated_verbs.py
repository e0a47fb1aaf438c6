"""A trigger verb right after a conjunction continues the clause of the sentence's first actor ("A expelled
B's diplomats and signed a deal with C": A signs, not B), also through the noun trigger of the same statement
("… signed a deal with C"). Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile sent troops to Peru and signed a deal with Bolivia."),
    ("en", "Chile's government expelled Peruvian diplomats and signed a pact with Bolivia."),
    ("fr", "Le Chili a expulsé les diplomates péruviens et signé un accord avec la Bolivie."),
    ("es", "Chile expulsó a diplomáticos peruanos y firmó un acuerdo con Bolivia."),
    ("id", "Chile mengusir diplomat Peru dan menandatangani perjanjian dengan Bolivia."),
])
def test_the_coordinated_verb_has_the_sentences_subject(lang: str, text: str) -> None:
    signed = {(s, o) for s, rel, o in triples(extract_text(text, lang)) if rel == "SIGNED_AGREEMENT_WITH"}
    assert signed == {("CHL", "BOL")}


def test_coordinated_subjects_still_sign_together() -> None:
    assert ("CHL", "SIGNED_AGREEMENT_WITH", "PER") in triples(extract_text("Chile and Peru signed a deal.", "en"))
