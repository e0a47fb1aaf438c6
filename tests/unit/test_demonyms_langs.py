"""Spanish, Italian and German demonyms of every state (loaders/data/countries/demonyms_langs.yaml, derived
from the i18n-nationality data set by scripts/import_demonyms_more.py): an origin adjective of a state the hand
files do not list is that state, inflected ("pilotos paraguayos", "piloti angolani", "paraguayische
Piloten"), also inside a title ("el ministro paraguayo de Defensa"). Invented sentences."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from tests.factories import extract_text, script_module, triples

ROOT = Path(__file__).resolve().parents[2]
LANGS_FILE = ROOT / "loaders" / "data" / "countries" / "demonyms_langs.yaml"


def _script() -> ModuleType:
    return script_module("import_demonyms_more")


@pytest.mark.parametrize(
    ("text", "lang", "fact"),
    [
        ("Uruguay entrenó a pilotos paraguayos.", "es", ("URY", "TRAINS", "PRY")),
        ("Chile entrenó a soldados angoleños.", "es", ("CHL", "TRAINS", "AGO")),
        ("La Turchia ha addestrato piloti angolani.", "it", ("TUR", "TRAINS", "AGO")),
        ("Norwegen bildet paraguayische Piloten aus.", "de", ("NOR", "TRAINS", "PRY")),
        ("Norwegen trainiert angolanische Soldaten.", "de", ("NOR", "TRAINS", "AGO")),
    ],
)
def test_an_inflected_demonym_of_any_state_is_that_state(text: str, lang: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "person", "state"),
    [
        ("El ministro paraguayo de Defensa, Juan Pérez, visitó Montevideo.", "es", "per:juan-perez", "PRY"),
        ("La ministra angoleña de Defensa, Rosa Kanda, visitó Lisboa.", "es", "per:rosa-kanda", "AGO"),
        ("Der paraguayische Verteidigungsminister Juan Pérez besuchte Berlin.", "de", "per:juan-perez", "PRY"),
    ],
)
def test_a_demonym_inside_a_title_is_the_title_state(text: str, lang: str, person: str, state: str) -> None:
    assert (person, "HOLDS_ROLE", state) in triples(extract_text(text, lang))


def test_the_derived_file_names_its_source_commit_and_licence() -> None:
    about = json.loads(LANGS_FILE.read_text(encoding="utf-8"))["_about"]["note"]
    assert "github.com/sourcecode911/i18n-nationality @" in about and "MIT" in about


def test_no_form_of_the_derived_file_belongs_to_two_states() -> None:
    table = json.loads(LANGS_FILE.read_text(encoding="utf-8"))
    owners: dict[str, set[str]] = defaultdict(set)
    for iso, entry in table.items():
        if iso != "_about":
            for forms in entry["lang_demonyms"].values():
                for form in forms:
                    owners[form.casefold()].add(iso)
    assert not {form: isos for form, isos in owners.items() if len(isos) > 1}


def test_regular_inflections_are_generated_and_irregular_words_keep_their_base_form() -> None:
    mod = _script()
    assert mod.inflect("es", "paraguayo") == ["paraguayo", "paraguaya", "paraguayos", "paraguayas"]
    assert mod.inflect("es", "albanés") == ["albanés", "albanesa", "albaneses", "albanesas"]
    assert mod.inflect("es", "canadiense") == ["canadiense", "canadienses"]
    assert mod.inflect("it", "indonesiano") == ["indonesiano", "indonesiana", "indonesiani", "indonesiane"]
    assert mod.inflect("it", "canadese") == ["canadese", "canadesi"]
    assert mod.inflect("it", "austriaco") == ["austriaco", "austriaca", "austriache"]  # plural -ci or -chi
    assert mod.inflect("de", "paraguayisch") == ["paraguayisch"]  # endings added at match time
    assert mod.inflect("de", "Gibraltar") == []  # not an adjective
    assert mod.inflect("it", "Afghan") == []  # not Italian


def test_a_form_of_two_states_a_hand_form_or_a_state_name_is_dropped() -> None:
    mod = _script()
    snapshot = {
        "en": {"AA": "Alphan", "BB": "Betan", "CC": "Gamman", "DD": "Delta Islands"},
        "es": {"AA": "Alfano", "BB": "Compartido", "CC": "Compartido (Gamma)", "DD": "Deltiano"},
        "it": {"AA": "Alfano", "BB": "Betano", "CC": "Gammese", "DD": "Deltiano"},
        "de": {"AA": "Alphanisch", "BB": "Handisch", "CC": "Gammanisch", "DD": "Deltanisch"},
    }
    alpha3 = {"AA": "AAA", "BB": "BBB", "CC": "CCC", "DD": "DDD"}
    names = {"AAA": {"alpha"}, "BBB": {"beta", "betano"}, "CCC": {"gamma"}, "DDD": {"delta islands"}}
    out = mod.derive(snapshot, alpha3, owners={"handisch": {"EEE"}}, names=names)
    assert out == {
        # "alfano" (es and it) is one state's: kept once
        "AAA": {"es": ["alfano", "alfana", "alfanos", "alfanas"], "it": ["alfani", "alfane"],
                "de": ["alphanisch"]},
        # a plain form wins over another state's form marked in parentheses; a state's name ("Betano") is no
        # demonym, nor are its inflections
        "BBB": {"es": ["compartido", "compartida", "compartidos", "compartidas"]},
        "CCC": {"it": ["gammese", "gammesi"], "de": ["gammanisch"]},
        # an entry whose English form is the state's name has no demonym in the source
    }
