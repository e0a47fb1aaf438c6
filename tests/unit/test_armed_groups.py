"""Armed groups and forces named before their abbreviation ("the Rapid Support Forces (RSF)", ``org_heads``:
forces, army, militia, brigade, corps), a state's possessive before an organisation that does not speak for it
("Kenya's Rapid Action Brigade") only qualifies it, and an institution noun inside another name ("the Visiting
Forces Agreement (VFA)") names no organisation. Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "obj"), [
    ("en", "Norway imposed sanctions on the Coastal Defence Forces (CDF).", "org:coastal-defence-forces"),
    ("en", "Norway imposed sanctions on Kenya's Lake Region Army (LRA).", "org:lake-region-army"),
    ("fr", "La Norvège a sanctionné les Forces de défense côtière (FDC).", "org:forces-de-defense-cotiere"),
])
def test_an_armed_group_before_its_abbreviation_is_the_target(lang: str, text: str, obj: str) -> None:
    got = triples(extract_text(text, lang))
    assert ("NOR", "SANCTIONED", obj) in got
    assert not any(rel == "SANCTIONED" and o == "KEN" for _, rel, o in got)


def test_a_ministry_after_a_possessive_keeps_its_state() -> None:
    got = triples(extract_text("Norway's Foreign Ministry condemned Kenya.", "en"))
    assert ("org:foreign-ministry-nor", "CRITICIZED", "KEN") in got


def test_an_institution_noun_inside_an_agreements_name_names_no_organisation() -> None:
    ex = extract_text("Chile and Peru signed the Visiting Forces Agreement (VFA) in 2014.", "en")
    assert not [e for e in ex.entities if e.type.value == "Organization"]
