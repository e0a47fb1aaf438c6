"""A common noun for the military ("the military", "les militaires", "Militer", "военные") before a coup
trigger whose state follows it (or, where the verb comes last, stands before the verb) is that state's
armed forces (`loaders.facts.triggers._military_of_state`; the nouns are ``military_nouns`` data)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "iso"), [
    ("en", "The military seized power in Guinea in 2021.", "GIN"),
    ("en", "Soldiers seized power in Guinea in 2021.", "GIN"),
    ("fr", "Les militaires se sont emparés du pouvoir au Burkina Faso en septembre 2022.", "BFA"),
    ("es", "Los militares tomaron el poder en Guinea en 2021.", "GIN"),
    ("de", "Das Militär hat in Guinea 2021 die Macht übernommen.", "GIN"),
    ("id", "Militer merebut kekuasaan di Guinea pada 2021.", "GIN"),
    ("ru", "Военные захватили власть в Гвинее в 2021 году.", "GIN"),
])
def test_the_military_seizing_power_in_a_state_is_its_armed_forces(lang: str, text: str, iso: str) -> None:
    assert (f"org:armed-forces-{iso.lower()}", "SEIZED_POWER_IN", iso) in triples(extract_text(text, lang))


@pytest.mark.parametrize("text", [
    "The Russian minister said the military seized power in Guinea.",  # another actor in the clause
    "The military condemned the attempt to seize power.",  # no state
])
def test_no_coup_agent_without_a_state_or_beside_another_actor(text: str) -> None:
    assert not any(f.relation.value == "SEIZED_POWER_IN" for f in extract_text(text, "en").facts)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'armée togolaise a renversé le président Kofi Mbemba en août 2023."),
    ("ru", "Военные Того свергли президента Кофи Мбембу в 2023 году."),
    ("de", "Das Militär in Togo stürzte 2023 Präsident Kofi Mbemba."),
])
def test_a_military_noun_with_its_own_state_overthrows(lang: str, text: str) -> None:
    assert ("org:armed-forces-tgo", "SEIZED_POWER_IN", "TGO") in triples(extract_text(text, lang))
