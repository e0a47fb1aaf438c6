"""Coup nouns and military nouns in Portuguese, Italian, Malay and Tagalog, as the other languages have them:
"condemned the coup" criticises the coup event (not the state after it), and "the military seized power in
B" is B's armed forces (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


@pytest.mark.parametrize(("text", "lang"), [
    ("A Noruega condenou o golpe na Guiné.", "pt"),
    ("La Norvegia ha condannato il colpo di Stato in Guinea.", "it"),
    ("Norway mengecam rampasan kuasa di Guinea.", "ms"),
])
def test_condemning_the_coup_criticises_the_coup(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    objects = [f.object for f in ex.facts if f.relation.value == "CRITICIZED"]
    assert objects and all(o.startswith("evt:") for o in objects)


@pytest.mark.parametrize(("text", "lang"), [
    ("Os militares tomaram o poder na Guiné em setembro de 2021.", "pt"),
    ("I militari hanno preso il potere in Guinea nel settembre 2021.", "it"),
    ("Tentera merampas kuasa di Guinea pada September 2021.", "ms"),
])
def test_the_military_seizing_power_is_the_states_armed_forces(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert [(f.object, f.date) for f in ex.facts if f.relation.value == "SEIZED_POWER_IN"] == [("GIN", "2021-09")]
