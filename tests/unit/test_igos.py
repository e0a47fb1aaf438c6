"""Intergovernmental and regional organisations imported by scripts/import_igos.py: their names in the project
languages and abbreviations resolve, case rules keep abbreviations from ordinary words, and the import
gives no actor a second entry. Sentences are invented."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from graph_schema.model import EntityType
from loaders.registry import load_registry
from loaders.registry.build import DATA_DIR
from loaders.text import norm
from tests.factories import extract_text, triples

IGOS = DATA_DIR / "actors" / "generated" / "igos.json"


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("ECOWAS imposed sanctions on Niger.", "en", ("org:ecowas", "SANCTIONED", "NER")),
    ("La CEDEAO a imposé des sanctions au Niger.", "fr", ("org:ecowas", "SANCTIONED", "NER")),
    ("A CEDEAO impôs sanções ao Níger.", "pt", ("org:ecowas", "SANCTIONED", "NER")),
    ("La Unión Africana condenó a Gabón.", "es", ("org:au", "CRITICIZED", "GAB")),
    ("Die Afrikanische Union verurteilte Gabun.", "de", ("org:au", "CRITICIZED", "GAB")),
    ("Uni Afrika mengecam Gabon.", "id", ("org:au", "CRITICIZED", "GAB")),
    ("L'Union africaine a condamné le Gabon.", "fr", ("org:au", "CRITICIZED", "GAB")),
    ("The Gulf Cooperation Council condemned Iran.", "en", ("org:gcc", "CRITICIZED", "IRN")),
    ("Le CCG a condamné l'Iran.", "fr", ("org:gcc", "CRITICIZED", "IRN")),
    ("La Ligue arabe a condamné Israël.", "fr", ("org:igo-arab-league", "CRITICIZED", "ISR")),
    ("Liga Arab mengecam Israel.", "id", ("org:igo-arab-league", "CRITICIZED", "ISR")),
    ("Лига арабских государств осудила Израиль.", "ru", ("org:igo-arab-league", "CRITICIZED", "ISR")),
    ("ОДКБ осудила Армению.", "ru", ("org:csto", "CRITICIZED", "ARM")),
    ("СНГ осудило Грузию.", "ru", ("org:cis", "CRITICIZED", "GEO")),
    ("Die OSZE kritisierte Aserbaidschan.", "de", ("org:igo-organisation-for-security-and-co-operation-in-europe",
                                                   "CRITICIZED", "AZE")),
    ("La OEA condenó a Nicaragua.", "es", ("org:oas", "CRITICIZED", "NIC")),
    ("L'Alliance des États du Sahel a condamné la France.", "fr", ("org:aes", "CRITICIZED", "FRA")),
])
def test_an_organisation_is_named_in_each_language(text: str, lang: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Il est allé au Niger pour rencontrer le président.", "fr"),
    ("Le ministre est arrivé au Gabon hier.", "fr"),
    ("Las tropas de Malí llegaron a Níger.", "es"),
])
def test_an_abbreviation_that_is_a_word_is_no_organisation(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert not {e.id for e in ex.entities} & {"org:au", "org:igo-league-of-arab-states", "org:igo-arab-league"}


def test_the_derived_file_names_its_sources_commits_and_licences() -> None:
    about = json.loads(IGOS.read_text(encoding="utf-8"))["_about"]
    by_name = {s["name"]: s for s in about["sources"]}
    assert by_name["supraverden"]["licence"] == "CC BY-SA 4.0" and len(by_name["supraverden"]["commit"]) == 40
    assert by_name["worldcountrygroups"]["licence"] == "MIT" and len(by_name["worldcountrygroups"]["sha256"]) == 64
    assert "CC BY-SA 4.0" in about["note"]


def test_no_alias_belongs_to_two_organisations() -> None:
    reg = load_registry()
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in reg.actors.values():
        if actor.type == EntityType.ORGANIZATION and actor.kind in ("igo", "bloc"):
            for alias in actor.aliases:
                owners[norm(alias)].add(actor.id)
    assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


def test_an_organisation_the_registry_has_gets_no_second_entry() -> None:
    reg = load_registry()
    assert "org:igo-european-union" not in reg.actors and "org:igo-united-nations" not in reg.actors
    assert "Unión Africana" in reg.actors["org:au"].aliases
    assert "OTSC" in reg.actors["org:csto"].aliases  # a hand-written actor gets the imported names
    assert reg.actors["org:csto"].name == "Collective Security Treaty Organization"


def test_members_are_kept() -> None:
    reg = load_registry()
    assert {"NER", "NGA", "SEN"} <= set(reg.actors["org:ecowas"].members)
    assert set(reg.actors["org:aes"].members) == {"BFA", "MLI", "NER"}
