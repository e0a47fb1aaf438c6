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
