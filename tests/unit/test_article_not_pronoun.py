""""El acuerdo fue criticado por Argentina" after a meeting: "El" opening the sentence is the article, not the
pronoun "él" (they fold alike), so the passive stance has the noun as its patient and no person of the
sentence before as its object; "Él también se reunió con …" still stands for that person (invented
sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples

_MEETING = {
    "es": "El ministro de Defensa de Chile, Tomás Reyes, se reunió con su homólogo uruguayo, Martín Cabrera.",
    "en": "Chile's defence minister Tomás Reyes met his Uruguayan counterpart, Martín Cabrera.",
    "fr": "Le ministre chilien de la Défense, Tomás Reyes, a rencontré son homologue uruguayen, Martín Cabrera.",
    "it": "Il ministro della Difesa del Cile, Tomás Reyes, ha incontrato il suo omologo uruguaiano, Martín Cabrera.",
}


@pytest.mark.parametrize(("after", "lang"), [
    ("El acuerdo fue criticado por Argentina.", "es"),
    ("El pacto fue duramente criticado por Argentina.", "es"),
    ("The deal was criticised by Argentina.", "en"),
    ("L'accord a été critiqué par l'Argentine.", "fr"),
    ("L'accordo è stato criticato dall'Argentina.", "it"),
])
def test_a_passive_stance_on_a_noun_has_no_person_of_the_sentence_before(after: str, lang: str) -> None:
    facts = triples(extract_text(f"{_MEETING[lang]}\n{after}", lang))
    assert not {t for t in facts if t[0] == "ARG"}
    assert ("per:tomas-reyes", "MET_WITH", "per:martin-cabrera") in facts


def test_an_accented_pronoun_still_stands_for_the_person_before() -> None:
    text = f"{_MEETING['es']}\nÉl también se reunió con el general Luis Soto."
    assert ("per:tomas-reyes", "MET_WITH", "per:luis-soto") in triples(extract_text(text, "es"))


def test_an_article_after_a_relative_pronoun_is_no_pronoun() -> None:
    text = ("El ministro de Defensa de Chile, Tomás Reyes, viajó a Lima, donde el acuerdo fue criticado por "
            "Argentina.")
    assert not {t for t in triples(extract_text(text, "es")) if t[0] == "ARG"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile's defence minister Tomás Reyes travelled to Lima, where the deal was criticised by Argentina.", "en"),
    ("El ministro de Defensa de Chile, Tomás Reyes, viajó a Lima, donde el pacto fue criticado por Argentina.",
     "es"),
    ("O ministro da Defesa do Chile, Tomás Reyes, viajou para Lima, onde o acordo foi criticado pela Argentina.",
     "pt"),
    ("Il ministro della Difesa del Cile, Tomás Reyes, si è recato a Lima, dove l'accordo è stato criticato "
     "dall'Argentina.", "it"),
    ("Le ministre chilien de la Défense, Tomás Reyes, s'est rendu à Lima, où l'accord a été critiqué par "
     "l'Argentine.", "fr"),
])
def test_a_passive_stance_on_a_noun_is_about_the_noun_not_the_actor_before(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert not {t for t in facts if "ARG" in (t[0], t[2])}


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile was criticised by Argentina.", "en"),
    ("Chile fue criticado por Argentina.", "es"),
    ("Il Cile è stato criticato dall'Argentina.", "it"),
    ("O Chile foi criticado pela Argentina.", "pt"),
    ("Le Chili a été critiqué par l'Argentine.", "fr"),
])
def test_a_passive_stance_on_an_actor_keeps_it(text: str, lang: str) -> None:
    assert triples(extract_text(text, lang)) == {("ARG", "CRITICIZED", "CHL")}
