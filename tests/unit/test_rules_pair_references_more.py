""""The two countries" and "the two ministers" in Italian, Portuguese and Tagalog (``pair_references``,
``people_pair_references``): the article's two states, the two people of the last meeting (invented)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("L'Italia e il Kenya hanno firmato un accordo.\nI due paesi hanno rafforzato la cooperazione.", "it",
     ("ITA", "KEN")),
    ("O Chile e o Peru assinaram um acordo.\nOs dois países vão reforçar a cooperação militar.", "pt",
     ("CHL", "PER")),
    ("Lumagda ang Pilipinas at Japan sa isang kasunduan.\nAng dalawang bansa ay magpapalakas ng kooperasyon sa "
     "depensa.", "tl", ("PHL", "JPN")),
])
def test_the_two_countries_are_the_articles_two_states(text: str, lang: str, pair: tuple[str, str]) -> None:
    coop = {tuple(sorted((s, o))) for s, r, o in triples(extract_text(text, lang)) if r == "COOPERATES_WITH"}
    assert coop == {tuple(sorted(pair))}


def test_the_two_ministers_are_the_people_of_the_last_meeting_pt() -> None:
    text = ("O ministro chileno Juan Pérez reuniu-se com o ministro peruano Walter Astudillo.\n"
            "Os dois ministros assinaram um acordo de cooperação.")
    facts = triples(extract_text(text, "pt"))
    assert ("per:juan-perez", "MET_WITH", "per:walter-astudillo") in facts
    assert ("CHL", "SIGNED_AGREEMENT_WITH", "PER") in facts
