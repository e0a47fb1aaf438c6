""""The two ministers", "les deux dirigeants", "kedua menteri" stand for the two people of the last meeting
the article stated (a few sentences back): a symmetric tie they then sign or pledge is between their states."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples

_MEETINGS = {
    "en": "Chile's Defence Minister Ana Rojas met Peru's Defence Minister Luis Quispe in Lima.",
    "fr": "La ministre chilienne de la Défense, Ana Rojas, a rencontré le ministre péruvien de la Défense, "
          "Luis Quispe.",
    "de": "Die chilenische Verteidigungsministerin Ana Rojas traf den peruanischen Verteidigungsminister Luis Quispe.",
    "id": "Menteri Pertahanan Chile Ana Rojas bertemu Menteri Pertahanan Peru Luis Quispe di Lima.",
    "ru": "Министр обороны Чили Ана Рохас встретилась с министром обороны Перу Луисом Киспе.",
}


@pytest.mark.parametrize(("lang", "then"), [
    ("en", "The two ministers signed a memorandum on military training."),
    ("fr", "Les deux ministres ont signé un protocole d'accord sur la formation militaire."),
    ("de", "Die beiden Minister unterzeichneten ein Abkommen über militärische Ausbildung."),
    ("id", "Kedua menteri menandatangani nota kesepahaman tentang pelatihan militer."),
    ("ru", "Министры подписали меморандум о военном сотрудничестве."),
])
def test_the_two_ministers_after_a_meeting_sign_for_their_states(lang: str, then: str) -> None:
    got = triples(extract_text(f"{_MEETINGS[lang]}\n{then}", lang))
    assert ("CHL", "SIGNED_AGREEMENT_WITH", "PER") in got


def test_without_a_meeting_before_the_two_ministers_name_nobody() -> None:
    got = triples(extract_text("The two ministers signed a memorandum on military training.", "en"))
    assert not any(rel == "SIGNED_AGREEMENT_WITH" for _, rel, _ in got)


def test_a_meeting_far_back_is_not_the_referent() -> None:
    text = "\n".join([_MEETINGS["en"], "It rained in Lima.", "Markets were closed.", "Traffic was heavy.",
                      "Schools reopened on Monday.", "The two ministers signed a memorandum on military training."])
    assert not any(rel == "SIGNED_AGREEMENT_WITH" for _, rel, _ in triples(extract_text(text, "en")))


def test_the_two_sides_after_a_meeting_are_the_states_of_its_people() -> None:
    text = "\n".join([
        "Chile criticised the plan. Chile and Norway had warned against it, Chile said.",
        "Peru's Defence Minister Luis Quispe met Bolivia's Defence Minister Ana Rojas in La Paz.",
        "The two sides discussed military cooperation.",
    ])
    got = {(s, o) for s, rel, o in triples(extract_text(text, "en")) if rel == "COOPERATES_WITH"}
    assert got in ({("PER", "BOL")}, {("BOL", "PER")})


def test_a_meeting_with_a_delegation_takes_the_delegations_state() -> None:
    text = "\n".join([
        "Chile criticised the plan. Chile and Norway had warned against it, Chile said.",
        "Peru's Defence Minister Luis Quispe met a Bolivian delegation led by General Juan Mamani in Lima.",
        "The two sides discussed military cooperation.",
    ])
    got = {(s, o) for s, rel, o in triples(extract_text(text, "en")) if rel == "COOPERATES_WITH"}
    assert got in ({("PER", "BOL")}, {("BOL", "PER")})


def test_a_thousands_separator_ends_no_relative_clause() -> None:
    got = triples(extract_text("Chile, which bought 1,200 rifles from Peru, signed a deal with Bolivia.", "en"))
    assert {("PER", "SUPPLIES_ARMS_TO", "CHL"), ("CHL", "SIGNED_AGREEMENT_WITH", "BOL")} <= got
