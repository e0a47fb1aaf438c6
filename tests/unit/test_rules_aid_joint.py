"""Military aid supplies arms; producing or developing a weapon jointly is cooperation of the coordinated
parties; soldiers of a state who seize power are its armed forces (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Germany pledged 500 million euros in military aid to Ukraine.", "en"),
    ("Deutschland sagte der Ukraine Militärhilfe in Höhe von 500 Millionen Euro zu.", "de"),
    ("Россия оказывает военную помощь Мали.", "ru"),
])
def test_military_aid_supplies_arms(text: str, lang: str) -> None:
    found = {(s, o) for s, r, o in triples(extract_text(text, lang)) if r == "SUPPLIES_ARMS_TO"}
    assert len(found) == 1 and next(iter(found))[0] in ("DEU", "RUS")


def test_aid_without_military_is_no_arms_supply() -> None:
    assert not triples(extract_text("Japan sent humanitarian aid to Ukraine.", "en")) & {
        ("JPN", "SUPPLIES_ARMS_TO", "UKR")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Pakistan and Turkey will jointly produce a fifth-generation fighter jet.", "en"),
    ("Pakistan und die Türkei wollen gemeinsam entwickeln, was beide brauchen.", "de"),
    ("Pakistan dan Turki akan memproduksi bersama pesawat tempur generasi kelima.", "id"),
])
def test_joint_production_of_coordinated_parties_is_cooperation(text: str, lang: str) -> None:
    assert {frozenset((s, o)) for s, r, o in triples(extract_text(text, lang)) if r == "COOPERATES_WITH"} == {
        frozenset(("PAK", "TUR"))}


def test_one_party_producing_alone_cooperates_with_nobody() -> None:
    assert not [t for t in triples(extract_text("Turkey will jointly produce the jet.", "en"))
                if t[1] == "COOPERATES_WITH"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Mutinous Gabonese soldiers seized power on Wednesday.", "en"),
    ("Soldiers in Gabon seized power on Wednesday.", "en"),
    ("Des militaires gabonais ont pris le pouvoir mercredi.", "fr"),
    ("Militares de Gabón tomaron el poder el miércoles.", "es"),
])
def test_soldiers_of_a_state_seizing_power_are_its_armed_forces(text: str, lang: str) -> None:
    assert ("org:armed-forces-gab", "SEIZED_POWER_IN", "GAB") in triples(extract_text(text, lang, "2023-08-31"))


def test_a_state_condemning_soldiers_is_no_coup_agent() -> None:
    found = triples(extract_text("Gabon condemned the soldiers who seized power in Niger.", "en", "2023-08-31"))
    assert ("org:armed-forces-gab", "SEIZED_POWER_IN", "GAB") not in found
