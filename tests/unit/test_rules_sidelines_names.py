"""Who met an attendee "on the sidelines of" an event attended it too; a discovered Russian name keeps one
id whatever its case ("с Аденом Дуале" / "Аден Дуале"). Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Kenyan Defence Minister Aden Duale also met with Defence Minister of Norway, Bjorn Arild Gram, "
     "on the sidelines of NATO defence ministers meeting here.", "en"),
    ("Sergei Shoigu bertemu dengan Menteri Pertahanan Kenya Aden Duale di sela-sela Konferensi Keamanan "
     "Jakarta.", "id"),
    ("Sergei Schoigu traf den kenianischen Verteidigungsminister Aden Duale am Rande der Münchner "
     "Sicherheitskonferenz.", "de"),
    # a counterpart described by a demonym or an origin: the people attend, never the state described
    ("Chilean Defence Minister Maya Fernández met her Peruvian counterpart Walter Astudillo on the sidelines of "
     "the Andean Security Forum.", "en"),
    ("La ministre chilienne de la Défense Maya Fernández a rencontré son homologue péruvien Walter Astudillo en "
     "marge du Forum andin de sécurité.", "fr"),
    ("Chiles Verteidigungsministerin Maya Fernández traf ihren peruanischen Amtskollegen Walter Astudillo am "
     "Rande des Andinen Sicherheitsforums.", "de"),
    ("Menteri Pertahanan Chile Maya Fernández bertemu dengan mitranya dari Peru Walter Astudillo di sela-sela "
     "Forum Keamanan Andes.", "id"),
])
def test_both_parties_of_a_meeting_on_the_sidelines_attend_the_event(text: str, lang: str) -> None:
    found = triples(extract_text(text, lang))
    attendees = {s for s, r, _ in found if r == "ATTENDED"}
    met = {x for s, r, o in found if r == "MET_WITH" for x in (s, o)}
    assert met and met == attendees, (met, attendees)


def test_an_attendee_who_met_nobody_brings_no_one_along() -> None:
    found = triples(extract_text("Aden Duale, the Kenyan defence minister, spoke at the Jakarta Security "
                                 "Conference after Sergei Shoigu had left.", "en"))
    assert {s for s, r, _ in found if r == "ATTENDED"} <= {"per:aden-duale"}


def test_a_discovered_russian_name_in_another_case_is_the_same_person() -> None:
    ex = extract_text("Сергей Шойгу встретился с министром обороны Кении Аденом Дуале.\n"
                      "Министр обороны Кении Аден Дуале прибыл в Москву.", "ru")
    people = [e for e in ex.entities if e.type.value == "Person" and e.id != "per:sergei-shoigu"]
    assert [(e.id, e.name) for e in people] == [("per:аден-дуале", "Аден Дуале")]


@pytest.mark.parametrize("name", ["Ибрагим Салем", "Анна Петрова"])
def test_a_nominative_name_keeps_its_letters(name: str) -> None:
    from loaders.lang import inflection

    assert inflection().name_key(name) == name


def test_a_discovered_russian_name_seen_only_in_another_case_is_named_without_its_ending() -> None:
    ex = extract_text("Сергей Шойгу встретился с министром обороны Кении Аденом Дуале.", "ru")
    assert [(e.id, e.name) for e in ex.entities if e.type.value == "Person" and e.id.startswith("per:аден")] \
        == [("per:аден-дуале", "Аден Дуале")]
