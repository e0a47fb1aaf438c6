"""An actor inside a causal phrase ("wegen der Unterstützung des russischen Krieges", "en raison du soutien à
la guerre russe", ``cause_preps``) is no subject, and the noun heading such a phrase ("debido al apoyo a …")
has no holder outside it; the phrase ends at a comma or a finite auxiliary ("Wegen des Krieges hat Norwegen
…") (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Norwegen hat wegen der Unterstützung des russischen Angriffskriegs neue Sanktionen gegen Belarus verhängt.",
     "de"),
    ("La Norvège a adopté, en raison du soutien à la guerre russe, de nouvelles sanctions contre le Bélarus.",
     "fr"),
    ("Noruega, debido al apoyo a la guerra rusa, impuso nuevas sanciones a Bielorrusia.", "es"),
])
def test_an_actor_in_a_causal_phrase_is_no_subject(text: str, lang: str) -> None:
    assert triples(extract_text(text, lang)) == {("NOR", "SANCTIONED", "BLR")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Wegen des Krieges hat Norwegen Sanktionen gegen Belarus verhängt.", "de"),
    ("En raison de la guerre, la Norvège a imposé des sanctions au Bélarus.", "fr"),
    ("Chile compró fragatas a Francia debido a la guerra.", "es"),
])
def test_the_actors_after_a_causal_phrase_are_kept(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert facts in ({("NOR", "SANCTIONED", "BLR")}, {("FRA", "SUPPLIES_ARMS_TO", "CHL")})
