"""A trigger verb in a synthetic future ("entrenará", "livrera", "fornirà", "fornecerá") states a plan, not an
act: the same withholding as "will supply" (``future_endings`` of the language; invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


def _statuses(text: str, lang: str, relation: str) -> set[tuple[str, str, str]]:
    ex = extract_text(text, lang)
    return {(f.subject, f.object, f.status.value) for f in [*ex.facts, *ex.withheld] if f.relation.value == relation}


@pytest.mark.parametrize(("text", "lang", "relation", "pair"), [
    ("Chile entrenará a pilotos peruanos.", "es", "TRAINS", ("CHL", "PER")),
    ("Chile venderá dos fragatas a Perú.", "es", "SUPPLIES_ARMS_TO", ("CHL", "PER")),
    ("La Norvège livrera des hélicoptères au Ghana.", "fr", "SUPPLIES_ARMS_TO", ("NOR", "GHA")),
    ("La Norvège formera des pilotes ghanéens.", "fr", "TRAINS", ("NOR", "GHA")),
    ("La Norvège vendra des frégates au Ghana.", "fr", "SUPPLIES_ARMS_TO", ("NOR", "GHA")),
    ("La Norvegia fornirà fregate al Ghana.", "it", "SUPPLIES_ARMS_TO", ("NOR", "GHA")),
    ("O Brasil fornecerá aviões ao Gana.", "pt", "SUPPLIES_ARMS_TO", ("BRA", "GHA")),
])
def test_a_future_form_is_a_plan(text: str, lang: str, relation: str, pair: tuple[str, str]) -> None:
    assert _statuses(text, lang, relation) == {(*pair, "planned")}


@pytest.mark.parametrize(("text", "lang", "relation", "pair"), [
    ("Chile entrenó a pilotos peruanos.", "es", "TRAINS", ("CHL", "PER")),
    ("La Norvège livra des hélicoptères au Ghana en 1962.", "fr", "SUPPLIES_ARMS_TO", ("NOR", "GHA")),
    ("La Norvège a formé des pilotes ghanéens.", "fr", "TRAINS", ("NOR", "GHA")),
    ("La Norvegia ha fornito fregate al Ghana.", "it", "SUPPLIES_ARMS_TO", ("NOR", "GHA")),
    ("O Brasil forneceu aviões ao Gana.", "pt", "SUPPLIES_ARMS_TO", ("BRA", "GHA")),
])
def test_a_past_form_is_an_act(text: str, lang: str, relation: str, pair: tuple[str, str]) -> None:
    assert _statuses(text, lang, relation) == {(*pair, "happened")}
