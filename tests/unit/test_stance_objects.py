"""An act noun that a stance verb takes as its object ("condemned the sanctions on B") is no act of the
stance's subject, and an act noun after an attribution word ("according to the agreement") is a source, no
act stated (facts/triggers.py; invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway condemned the sanctions on Ghana.", "en"),
    ("In a statement, Norway condemned the new sanctions on Ghana.", "en"),
    ("La Norvège a condamné les sanctions contre le Ghana.", "fr"),
    ("Norwegen verurteilte die Sanktionen gegen Ghana.", "de"),
    ("Noruega criticó las sanciones contra Ghana.", "es"),
])
def test_condemning_sanctions_is_no_sanction_and_no_criticism_of_the_target(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert not [t for t in facts if t[1] == "SANCTIONED" and t[0] == "NOR"]
    assert ("NOR", "CRITICIZED", "GHA") not in facts


def test_the_named_author_of_condemned_sanctions_keeps_them() -> None:
    facts = triples(extract_text("Norway condemned the EU's sanctions on Ghana.", "en"))
    assert ("org:eu", "SANCTIONED", "GHA") in facts
    assert ("NOR", "CRITICIZED", "org:eu") in facts


def test_a_stance_and_an_act_joined_by_a_conjunction_are_two_acts() -> None:
    facts = triples(extract_text("Norway criticised Ghana and signed an agreement with Togo.", "en"))
    assert {("NOR", "CRITICIZED", "GHA"), ("NOR", "SIGNED_AGREEMENT_WITH", "TGO")} <= facts


@pytest.mark.parametrize(("text", "lang"), [
    ("Selon l'accord, la Corée du Sud formera des officiers ghanéens.", "fr"),
    ("According to the agreement, South Korea will train Ghanaian officers.", "en"),
    ("Segundo o acordo, a Coreia do Sul vai treinar oficiais do Gana.", "pt"),
])
def test_an_agreement_named_as_a_source_is_no_signing(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert not [f for f in [*ex.facts, *ex.withheld] if f.relation.value == "SIGNED_AGREEMENT_WITH"]
    assert ("KOR", "TRAINS", "GHA") in triples(ex)


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway is a staunch supporter of closer ties with Ghana.", "en"),
    ("Norwegen unterstützt die Zusammenarbeit mit Ghana.", "de"),
])
def test_supporting_ties_with_a_state_supports_it(text: str, lang: str) -> None:
    assert ("NOR", "SUPPORTS", "GHA") in triples(extract_text(text, lang))
