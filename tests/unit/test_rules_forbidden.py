"""A verb that ends a standing tie (termination_cues) denies the tie it governs, in every language; the
same sentence without it states the tie; a verb of criticism stays a criticism. Invented sentences."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from tests.factories import extract_text


def cooperates(text: str, lang: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, lang).facts if f.relation == Relation.COOPERATES_WITH}


@pytest.mark.parametrize(
    ("ended", "stated", "lang"),
    [
        ("Ecuador suspended its military cooperation with Bolivia on Monday.",
         "Ecuador cooperates militarily with Bolivia.", "en"),
        ("Le Gabon a dénoncé les accords de coopération militaire avec le Tchad.",
         "Le Gabon renforce sa coopération militaire avec le Tchad.", "fr"),
        ("Ekuador menghentikan kerja sama militer dengan Bolivia.",
         "Ekuador memperkuat kerja sama militer dengan Bolivia.", "id"),
    ],
)
def test_a_verb_ending_a_tie_denies_it(ended: str, stated: str, lang: str) -> None:
    assert cooperates(stated, lang)  # the rule would fire without the termination verb
    assert not cooperates(ended, lang)


def test_denouncing_an_attack_is_still_a_criticism() -> None:
    facts = extract_text("Kenya denounced the attack on Uganda.", "en").facts
    assert {(f.relation, f.subject, f.object) for f in facts} >= {(Relation.CRITICIZED, "KEN", "UGA")}
