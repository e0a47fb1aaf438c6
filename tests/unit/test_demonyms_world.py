"""Demonyms of every state (loaders/data/countries/demonyms_world.yaml, derived from mledoze/countries by
scripts/import_demonyms.py): an origin adjective of a state the hand files do not list is that state, in
English and French; ambiguous forms are dropped at import. Invented sentences."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from graph_schema.model import Relation
from tests.factories import extract_text, script_module

ROOT = Path(__file__).resolve().parents[2]
WORLD = ROOT / "loaders" / "data" / "countries" / "demonyms_world.yaml"


def _script() -> ModuleType:
    return script_module("import_demonyms")


def facts(text: str, lang: str) -> set[tuple[Relation, str, str]]:
    return {(f.relation, f.subject, f.object) for f in extract_text(text, lang).facts}


@pytest.mark.parametrize(
    ("text", "lang", "fact"),
    [
        ("Egypt is training Somali soldiers.", "en", (Relation.TRAINS, "EGY", "SOM")),
        ("Des instructeurs égyptiens forment les soldats somaliens.", "fr", (Relation.TRAINS, "EGY", "SOM")),
        ("Des instructeurs marocains forment les pilotes mauritaniens.", "fr", (Relation.TRAINS, "MAR", "MRT")),
        ("Indian instructors train Malawian pilots.", "en", (Relation.TRAINS, "IND", "MWI")),
    ],
)
def test_a_demonym_of_any_state_is_that_state(text: str, lang: str, fact: tuple[Relation, str, str]) -> None:
    assert fact in facts(text, lang)


def test_the_derived_file_names_its_source_and_commit() -> None:
    about = json.loads(WORLD.read_text(encoding="utf-8"))["_about"]["note"]
    assert "github.com/mledoze/countries @" in about and "ODbL" in about


def test_a_form_of_two_states_or_of_a_hand_file_is_dropped() -> None:
    mod = _script()
    snapshot = [
        {"cca3": "AAA", "demonyms": {"eng": {"m": "Alpha, Shared", "f": "Alpha, Shared"},
                                     "fra": {"m": "Alphain", "f": "Alphaine"}}},
        {"cca3": "BBB", "demonyms": {"eng": {"m": "Shared", "f": "Shared"}}},
        {"cca3": "CCC", "demonyms": {"eng": {"m": "Gamma or Handy", "f": "Gamma or Handy"}}},
    ]
    out = mod.derive(snapshot, {"handy": {"DDD"}})
    assert out == {"AAA": ["Alpha", "alphain", "alphains", "alphaine", "alphaines"], "CCC": ["Gamma"]}


def test_a_form_equal_folded_to_a_hand_form_or_its_plural_is_dropped() -> None:
    """The French "américan(s)" of another state is the English "American(s)" once accents are folded."""
    mod = _script()
    snapshot = [{"cca3": "EEE", "demonyms": {"fra": {"m": "Américan", "f": "Américaine"}}}]
    out = mod.derive(snapshot, {"american": {"USA"}})
    assert out == {"EEE": ["américaine", "américaines"]}


@pytest.mark.parametrize("text", ["The American ambassador met the Chilean foreign minister.",
                                  "Americans sold rifles to Chile."])
def test_american_is_the_united_states(text: str) -> None:
    ids = {e.id for e in extract_text(text, "en").entities}
    assert "USA" in ids and "MNP" not in ids
