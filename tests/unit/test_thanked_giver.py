"""The one thanked for a support, supply or training gave it to the one who thanks ("Chile thanked Norway for
its military support": Norway supports Chile), in several languages (facts/triggers.py _thanked_giver; invented
sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Chile thanked Norway for its military support.", "en", ("NOR", "SUPPORTS", "CHL")),
    ("Chile thanked Norway for the training of its pilots.", "en", ("NOR", "TRAINS", "CHL")),
    ("Le Chili a remercié la Norvège pour son soutien militaire.", "fr", ("NOR", "SUPPORTS", "CHL")),
    ("Chile agradeció a Noruega el apoyo militar.", "es", ("NOR", "SUPPORTS", "CHL")),
    ("Chile dankte Norwegen für die militärische Unterstützung.", "de", ("NOR", "SUPPORTS", "CHL")),
    ("Chile berterima kasih kepada Norwegia atas dukungan militer.", "id", ("NOR", "SUPPORTS", "CHL")),
])
def test_the_thanked_gave(text: str, lang: str, fact: tuple[str, str, str]) -> None:
    facts = triples(extract_text(text, lang))
    assert fact in facts
    assert (fact[2], fact[1], fact[0]) not in facts


def test_a_support_in_a_relative_clause_after_the_thanks_stays_its_own() -> None:
    facts = triples(extract_text("Chile thanked Norway, which supports Peru.", "en"))
    assert ("NOR", "SUPPORTS", "PER") in facts
    assert not [t for t in facts if t[2] == "CHL"]
