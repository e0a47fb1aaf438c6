"""Training told from the trainees' side: "officers trained in B", "formés en B", "dilatih di B" — the
state after the trigger's own preposition trains the trainees before it, in every language; the active
sentence keeps its direction and a place after it is no trainer. Invented sentences."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from tests.factories import extract_text


def trains(text: str, lang: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, lang).facts if f.relation == Relation.TRAINS}


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Dozens of Kenyan officers have been trained in India.", "en", ("IND", "KEN")),
        ("Chilean pilots receive training in Spain every year.", "en", ("ESP", "CHL")),
        ("Des dizaines d'officiers sénégalais ont été formés au Maroc.", "fr", ("MAR", "SEN")),
        ("Decenas de oficiales bolivianos fueron entrenados en Cuba.", "es", ("CUB", "BOL")),
        ("Puluhan perwira Filipina dilatih di Jepang.", "id", ("JPN", "PHL")),
        ("Десятки офицеров Лаоса прошли обучение в Китае.", "ru", ("CHN", "LAO")),
    ],
)
def test_trainees_before_the_trainer_after_its_preposition(text: str, lang: str, pair: tuple[str, str]) -> None:
    assert trains(text, lang) == {pair}


def test_the_active_sentence_keeps_its_direction_and_a_place_trains_no_one() -> None:
    assert trains("India trains Kenyan officers in Nairobi.", "en") == {("IND", "KEN")}


def test_a_trainer_named_by_a_passive_agent_still_trains() -> None:
    assert trains("Kenyan pilots were trained by Indian instructors.", "en") == {("IND", "KEN")}
