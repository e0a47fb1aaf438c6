""""A welcomed the deal, while B criticised it", "tandis que", "mientras que", "enquanto", "sementara": a
contrastive conjunction (``contrastive_conjunctions``) opens another clause; no actor after it is an argument
of a trigger before it (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway welcomed the agreement, while Nigeria criticised the lack of consultation.", "en"),
    ("La Norvège a salué cet accord, tandis que le Nigeria a critiqué l'absence de consultation.", "fr"),
    ("La Norvège a salué cet accord, alors que le Nigeria l'a critiqué.", "fr"),
    ("Noruega elogió el acuerdo, mientras que Nigeria criticó la falta de consultas.", "es"),
    ("A Noruega elogiou o acordo, enquanto a Nigéria criticou a falta de consultas.", "pt"),
    ("La Norvegia ha elogiato l'accordo, mentre la Nigeria ha criticato la mancanza di consultazioni.", "it"),
    ("Norwegia memuji perjanjian itu, sementara Nigeria mengkritik kurangnya konsultasi.", "id"),
])
def test_no_party_of_the_agreement_after_a_contrastive_conjunction(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if "NOR" in (t[0], t[2])]


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile criticised the purchase, while Ecuador expressed support for Peru.", "en"),
    ("Chile criticó la compra, mientras que Ecuador expresó su respaldo a Perú.", "es"),
])
def test_the_clause_after_the_conjunction_keeps_its_own_fact(text: str, lang: str) -> None:
    assert triples(extract_text(text, lang)) == {("ECU", "SUPPORTS", "PER")}


def test_a_tie_before_the_conjunction_keeps_its_object() -> None:
    facts = triples(extract_text("Norway sold frigates to Chile, while Peru bought tanks from Kenya.", "en"))
    assert facts == {("NOR", "SUPPLIES_ARMS_TO", "CHL"), ("KEN", "SUPPLIES_ARMS_TO", "PER")}
