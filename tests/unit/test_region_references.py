"""A description by region ("the West African country", "le pays sud-américain", "negara Asia Tenggara") stands
for the state of that region the article named last (loaders/data/countries/regions.yaml, derived from
mledoze/countries by scripts/import_regions.py; facts/reference.py). Invented sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.factories import extract_text, triples

REGIONS = Path(__file__).resolve().parents[2] / "loaders" / "data" / "countries" / "regions.yaml"


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Ghana bought drones from Turkey.\nThe West African country also signed a deal with Norway.", "en",
     ("GHA", "SIGNED_AGREEMENT_WITH", "NOR")),
    ("Ghana bought drones from Turkey.\nNorway will supply two patrol vessels to the West African nation.", "en",
     ("NOR", "SUPPLIES_ARMS_TO", "GHA")),
    ("Le Ghana a acheté des drones à la Turquie.\nLe pays ouest-africain a aussi signé un accord avec la Norvège.",
     "fr", ("GHA", "SIGNED_AGREEMENT_WITH", "NOR")),
    ("Perú compró drones a Turquía.\nEl país sudamericano también firmó un acuerdo con Noruega.", "es",
     ("PER", "SIGNED_AGREEMENT_WITH", "NOR")),
    ("O Peru comprou drones à Turquia.\nO país sul-americano também assinou um acordo com a Noruega.", "pt",
     ("PER", "SIGNED_AGREEMENT_WITH", "NOR")),
    ("Il Perù ha comprato droni dalla Turchia.\nIl paese sudamericano ha firmato anche un accordo con la Norvegia.",
     "it", ("PER", "SIGNED_AGREEMENT_WITH", "NOR")),
    ("Vietnam kaufte Drohnen von der Türkei.\nDas südostasiatische Land unterzeichnete auch ein Abkommen mit "
     "Norwegen.", "de", ("VNM", "SIGNED_AGREEMENT_WITH", "NOR")),
    ("Vietnam membeli drone dari Turki.\nNegara Asia Tenggara itu juga menandatangani perjanjian dengan Norwegia.",
     "id", ("VNM", "SIGNED_AGREEMENT_WITH", "NOR")),
    ("Вьетнам купил беспилотники у Турции.\nЮго-восточноазиатская страна также подписала соглашение с Норвегией.",
     "ru", ("VNM", "SIGNED_AGREEMENT_WITH", "NOR")),
])
def test_a_description_by_region_is_the_state_named_before(text: str, lang: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


def test_the_last_named_state_of_the_region_is_taken() -> None:
    text = "Ghana and Kenya bought drones from Turkey.\nLater Senegal signed a deal with Norway.\n" \
           "The West African country also bought frigates from Italy."
    facts = triples(extract_text(text, "en"))
    assert ("ITA", "SUPPLIES_ARMS_TO", "SEN") in facts
    assert not [t for t in facts if t[0] == "ITA" and t[2] in ("GHA", "KEN")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Ghana is a West African country.\nA West African country signed a deal with Norway.", "en"),
    ("Chile bought drones from Turkey.\nThe West African country signed a deal with Norway.", "en"),
])
def test_an_indefinite_description_or_one_of_no_named_state_refers_to_nothing(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "SIGNED_AGREEMENT_WITH"]


def test_the_derived_file_names_its_source_and_commit() -> None:
    about = json.loads(REGIONS.read_text(encoding="utf-8"))["_about"]["note"]
    assert "github.com/mledoze/countries @" in about and "ODbL" in about
