"""A sanctions list's last item after a conjunction ("… N and several judges") still has N as a head;
a Cyrillic-script official is found when an outlet respells only the surname ("Viktor Schoigu"-style
mixed forms). Invented sentences; registry people of the imported tables."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from loaders.translit import load_transliterator
from tests.factories import extract_text


def sanctioned(text: str, lang: str) -> set[str]:
    return {f.object for f in extract_text(text, lang).facts if f.relation == Relation.SANCTIONED}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The EU imposed new sanctions on Russia on Monday. Those sanctioned include Defence Minister "
         "Andrei Belousov and several judges.", "en"),
        ("Die EU hat am Montag neue Sanktionen gegen Russland verhängt. Zu den betroffenen Personen zählen "
         "Verteidigungsminister Andrej Beloussow und mehrere Richter.", "de"),
    ],
)
def test_a_name_before_the_lists_conjunction_is_a_target(text: str, lang: str) -> None:
    assert "per:andrei-belousov" in sanctioned(text, lang)


def test_a_descriptor_before_the_conjunction_targets_no_one_named() -> None:
    text = ("The EU imposed new sanctions on Russia on Monday. Those sanctioned include the son of "
            "Andrei Belousov and several judges.")
    assert "per:andrei-belousov" not in sanctioned(text, "en")


def test_the_surname_alone_is_respelt_too() -> None:
    spellings = load_transliterator().variants("Dmitry Kharitonov", "RUS")
    assert "dmitry charitonow" in spellings  # German, the surname alone
    assert "dmitri charitonow" in spellings  # German, every word
    assert load_transliterator().variants("Dmitry Kharitonov", "FRA") == []


def test_a_russian_surname_in_another_case_is_the_person_named_before() -> None:
    text = ("Министр обороны Кении Амос Векеса встретился с министром обороны Ганы Кофи Боатенгом в Найроби. "
            "Боатенг посетил Москву.")
    visits = {(f.subject, f.object) for f in extract_text(text, "ru").facts if f.relation == Relation.VISITED}
    assert {s for s, _ in visits} == {"per:кофи-боатенг"}  # Boateng visited, not Wekesa (id without the case ending)
