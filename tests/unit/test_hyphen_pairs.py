"""Two states joined by a hyphen, a dash or a slash around a symmetric tie noun are its two parties
("India-Vietnam defence ties", "la cooperación militar Chile-Perú", "kerja sama Indonesia-Vietnam")."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("en", "Ghana-Togo defence ties have grown this year.", ("GHA", "COOPERATES_WITH", "TGO")),
    ("en", "The Chile–Peru agreement was signed in Lima on 3 May 2022.", ("CHL", "SIGNED_AGREEMENT_WITH", "PER")),
    ("es", "La cooperación militar Chile-Perú se amplió en 2022.", ("CHL", "COOPERATES_WITH", "PER")),
    ("id", "Kerja sama pertahanan Laos-Vietnam terus meningkat.", ("LAO", "COOPERATES_WITH", "VNM")),
])
def test_a_hyphenated_pair_of_states_are_the_parties(lang: str, text: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


def test_a_hyphenated_pair_without_a_tie_noun_is_no_tie() -> None:
    got = triples(extract_text("The Ghana-Togo border was closed and Peru signed a deal with Chile.", "en"))
    assert got == {("PER", "SIGNED_AGREEMENT_WITH", "CHL")}
