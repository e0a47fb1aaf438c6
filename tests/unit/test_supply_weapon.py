"""A supply names its weapon: the registry weapon nearest the trigger in its clause is the fact's
`weapon` (the claim's `weapon_id` in the graph)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


def _supplies(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    return [(f.subject, f.object, f.weapon) for f in extract_text(text, lang, "2023-01-10").facts
            if f.relation.value == "SUPPLIES_ARMS_TO"]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Russia delivered six Su-30 fighter jets to Laos in December 2022.", ("RUS", "LAO", "wpn:su-30")),
    ("en", "Laos bought Su-30 jets from Russia.", ("RUS", "LAO", "wpn:su-30")),
    ("fr", "La France a livré des Rafale à la Grèce.", ("FRA", "GRC", "wpn:rafale")),
    ("id", "Rusia memasok helikopter Mi-17 kepada Laos.", ("RUS", "LAO", "wpn:mi-17")),
])
def test_the_weapon_named_with_a_supply_is_on_the_fact(lang: str, text: str, want: tuple[str, str, str]) -> None:
    assert _supplies(text, lang) == [want]


def test_a_weapon_in_another_clause_is_not_the_supplys() -> None:
    assert _supplies("Russia, which makes the Su-30, delivered trucks to Laos.", "en") == [("RUS", "LAO", None)]


def test_a_capital_of_a_state_the_registry_lacks_stays_a_place() -> None:
    """Pristina's state (Kosovo) is no registry actor: a visit goes to the place, whose node can be
    stored (a fact naming an actor the article's entities lack cannot be written)."""
    ex = extract_text("Serbia's foreign minister visited Pristina on 3 May 2022.", "en", "2022-05-10")
    known = {e.id for e in ex.entities}
    visits = [f for f in ex.facts if f.relation.value == "VISITED"]
    assert [f.object for f in visits] == ["plc:pristina"]
    assert all({f.subject, f.object} <= known for f in ex.facts)
