"""A rank between the comma and the name of a title's apposition ("<title>, Gen. <Name>, …"), and a
company executive who acts for the company rather than for its state. Invented sentences."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from tests.factories import extract_text


def facts(text: str, lang: str) -> set[tuple[Relation, str, str]]:
    return {(f.relation, f.subject, f.object) for f in extract_text(text, lang).facts}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Defence Minister of Ghana, Gen. Kofi Boateng, spoke to reporters.", "en"),
        ("Menteri Pertahanan Ghana, Jenderal Kofi Boateng, berbicara kepada wartawan.", "id"),
    ],
)
def test_a_rank_after_the_comma_still_names_the_title_holder(text: str, lang: str) -> None:
    assert (Relation.HOLDS_ROLE, "per:kofi-boateng", "GHA") in facts(text, lang)


def test_a_rank_alone_after_the_comma_names_no_one() -> None:
    text = "The Defence Minister of Ghana, Gen. Boateng, spoke to reporters."
    assert not {f for f in facts(text, "en") if f[0] == Relation.HOLDS_ROLE}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lars Eklund, the chief executive of Lockheed Martin, said the firm had signed a contract "
         "with Chile.", "en"),
        ("Kepala eksekutif Lockheed Martin, Lars Eklund, mengatakan perusahaannya menandatangani kontrak "
         "dengan Chile.", "id"),
    ],
)
def test_a_company_executive_acts_for_the_company(text: str, lang: str) -> None:
    got = facts(text, lang)
    assert (Relation.HOLDS_ROLE, "per:lars-eklund", "org:lockheed-martin") in got
    assert (Relation.SIGNED_AGREEMENT_WITH, "org:lockheed-martin", "CHL") in got
    assert (Relation.SIGNED_AGREEMENT_WITH, "USA", "CHL") not in got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ana Rojas, ministra de Defensa de Chile, se reunió con el ministro de Defensa de Ghana, Kofi Boateng.", "es"),
        ("La ministre chilienne de la Défense a rencontré le ministre ghanéen de la Défense, Kofi Boateng.", "fr"),
        ("Chile's president spoke with the Defence Minister of Ghana, Kofi Boateng.", "en"),
    ],
)
def test_a_title_apposition_closing_the_sentence_names_the_holder(text: str, lang: str) -> None:
    assert (Relation.HOLDS_ROLE, "per:kofi-boateng", "GHA") in facts(text, lang)


def test_a_capitalised_run_closing_a_sentence_after_a_title_and_comma_must_still_be_a_name() -> None:
    text = "The Defence Minister of Ghana, Accra."
    assert not {f for f in facts(text, "en") if f[0] == Relation.HOLDS_ROLE}
