"""The date of an event a sequence word names ("after the 2021 coup", "après le coup d'État de 2021") is that
event's, not the date of the act in the main clause; a clause the word opens ("after, on 20 August, N visited")
still dates its own acts (facts/whenwhere.py sequence_spans; invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


def _dates(text: str, lang: str, relation: str) -> list[str | None]:
    return [f.date for f in extract_text(text, lang).facts if f.relation.value == relation]


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway imposed sanctions on Guinea after the 2021 coup.", "en"),
    ("La Norvège a imposé des sanctions à la Guinée après le coup d'État de 2021.", "fr"),
    ("Norwegen verhängte nach dem Putsch von 2021 Sanktionen gegen Guinea.", "de"),
    ("Noruega impuso sanciones a Guinea tras el golpe de Estado de 2021.", "es"),
    ("Norwegia menjatuhkan sanksi terhadap Guinea setelah kudeta 2021.", "id"),
])
def test_the_date_of_the_event_after_which_is_not_the_acts(text: str, lang: str) -> None:
    assert _dates(text, lang, "SANCTIONED") == [None]


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway imposed sanctions on Guinea in 2022, after the 2021 coup.", "en"),
    ("In 2022, after the coup, Norway imposed sanctions on Guinea.", "en"),
])
def test_the_acts_own_date_stays(text: str, lang: str) -> None:
    assert _dates(text, lang, "SANCTIONED") == ["2022"]


def test_a_clause_opened_by_after_dates_its_own_acts() -> None:
    text = "It was a return visit after, on 20 August 2024, Gram travelled to Canberra and met Marles."
    assert _dates(text, "en", "VISITED") == ["2024-08-20"]
    assert _dates(text, "en", "MET_WITH") == ["2024-08-20"]
