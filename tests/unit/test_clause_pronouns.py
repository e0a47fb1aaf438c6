"""A subject pronoun right after a relative pronoun ("during which she met …", "au cours de laquelle il a
rencontré …", "в ходе которого он встретился …") stands for the person who opens the sentence."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ghana's Defence Minister Kofi Boateng arrived in Lomé for a visit, during which he met "
           "President Yao Adjavon."),
    ("en", "Ghana's Defence Minister Kofi Boateng flew to Lomé on a trip in which she held talks with "
           "President Yao Adjavon."),
    ("fr", "Le ministre ghanéen de la Défense Kofi Boateng est arrivé à Lomé pour une visite au cours de laquelle "
           "il a rencontré le président Yao Adjavon."),
    ("ru", "Министр обороны Ганы Кофи Боатенг прибыл в Ломе с визитом, в ходе которого он встретился с президентом "
           "Того Яо Аджавоном."),
])
def test_the_pronoun_after_a_relative_pronoun_is_the_sentence_opener(lang: str, text: str) -> None:
    met = {(s, o) for s, rel, o in triples(extract_text(text, lang)) if rel == "MET_WITH"}
    assert len(met) == 1
    subject, _ = met.pop()
    assert "boateng" in subject or "боатенг" in subject


def test_a_sentence_opened_by_a_state_gives_its_pronoun_no_referent() -> None:
    text = "Ghana sent a delegation to Lomé, during which he met President Yao Adjavon."
    assert not any(rel == "MET_WITH" for _, rel, _ in triples(extract_text(text, "en")))


def test_an_article_before_a_title_is_no_pronoun() -> None:
    text = ("La ministra de Defensa de Ghana, Ama Boateng, llegó a Lomé para una visita durante la cual el "
            "presidente Yao Adjavon habló con la prensa.")
    assert not any(rel == "MET_WITH" for _, rel, _ in triples(extract_text(text, "es")))
