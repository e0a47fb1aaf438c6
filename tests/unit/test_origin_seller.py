"""With no seller after a source word, the origin of what a purchase buys is the seller: a demonym beside an
arms noun ("bought American helicopters") or the state of the ships a ship noun names ("bought Norwegian
frigates"). Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Ghana bought Norwegian frigates in 2020.", "en"),
    ("Ghana kaufte norwegische Fregatten.", "de"),
    ("Ghana compró fragatas noruegas.", "es"),
    ("Le Ghana a acheté des hélicoptères norvégiens.", "fr"),
])
def test_the_origin_of_what_is_bought_sells(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert ("NOR", "SUPPLIES_ARMS_TO", "GHA") in facts


def test_a_named_seller_wins_over_the_origin() -> None:
    facts = triples(extract_text("Ghana bought Norwegian frigates from Peru.", "en"))
    assert ("PER", "SUPPLIES_ARMS_TO", "GHA") in facts
    assert ("NOR", "SUPPLIES_ARMS_TO", "GHA") not in facts


@pytest.mark.parametrize("text", ["Ghana bought frigates and praised Norwegian diplomacy.",
                                  "Ghana bought frigates for its navy."])
def test_an_origin_outside_the_bought_things_sells_nothing(text: str) -> None:
    assert not [t for t in triples(extract_text(text, "en")) if t[1] == "SUPPLIES_ARMS_TO"]


def test_joint_drills_with_modifiers_are_cooperation() -> None:
    facts = triples(extract_text("Ghana and Togo held their first joint coast guard drill on Tuesday.", "en"))
    assert ("GHA", "COOPERATES_WITH", "TGO") in facts or ("TGO", "COOPERATES_WITH", "GHA") in facts
