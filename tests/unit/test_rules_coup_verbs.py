"""A coup verb with an auxiliary ("a renversé", "hat gestürzt") has its subject before it: the check that a
coup *noun* ("the coup") is tied to an agent only by a coup verb does not apply to verbs, and the French
auxiliary "a" is no English article (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Le capitaine Ibrahim Traoré a renversé vendredi le lieutenant-colonel Paul-Henri Sandaogo Damiba.", "fr"),
    ("Captain Ibrahim Traoré ousted Lieutenant Colonel Paul-Henri Damiba on Friday.", "en"),
])
def test_an_overthrow_verb_gives_its_subject_the_power(text: str, lang: str) -> None:
    assert ("per:ibrahim-traore", "SEIZED_POWER_IN", "BFA") in triples(extract_text(text, lang, "2022-10-01"))


@pytest.mark.parametrize(("text", "lang"), [
    ("Macron condemned the coup in Burkina Faso.", "en"),
    ("Macron a condamné le coup d'État au Burkina Faso.", "fr"),
])
def test_who_condemns_a_coup_did_not_seize_power(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang, "2022-10-01")) if t[1] == "SEIZED_POWER_IN"]
