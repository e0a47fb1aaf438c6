"""An actor after a conjunction, right before a trigger of its own, opens the next clause: it is that
trigger's subject, never the object of the trigger before ("Iran supplied drones and Turkey sold rockets
to B": Iran and Turkey both supply B; neither supplies the other)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "a", "b", "to"), [
    ("en", "Qatar supplied drones and Ghana has sold rockets to Chad's army in 2022.", "QAT", "GHA", "org:army-tcd"),
    ("es", "Francia entregó aviones y Chile ha vendido fusiles a Bolivia en 2022.", "FRA", "CHL", "BOL"),
    ("fr", "La Chine a livré des drones et la Turquie a vendu des roquettes au Soudan.", "CHN", "TUR", "SDN"),
    ("de", "Frankreich lieferte Panzer und Italien verkaufte Raketen an Ägypten.", "FRA", "ITA", "EGY"),
])
def test_coordinated_clauses_share_the_recipient(lang: str, text: str, a: str, b: str, to: str) -> None:
    got = {(s, o) for s, r, o in triples(extract_text(text, lang)) if r == "SUPPLIES_ARMS_TO"}
    assert (a, b) not in got
    assert {(a, to), (b, to)} <= got


def test_a_coordinated_object_without_a_verb_of_its_own_stays_an_object() -> None:
    got = triples(extract_text("Peru signed a deal with Chile and Bolivia on Monday.", "en"))
    assert {("PER", "SIGNED_AGREEMENT_WITH", "CHL"), ("PER", "SIGNED_AGREEMENT_WITH", "BOL")} <= got
