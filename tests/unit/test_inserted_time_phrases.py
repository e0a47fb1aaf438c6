""""recibió este martes a B", "s'est entretenu mardi avec B", "took part on Monday in X": a time phrase (a date
with its small words) or an adverb of the sentence (``inserted_adverbs``: "also", "également", "también") set
between the words of a trigger phrase leaves the phrase whole (invented sentences and people)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples

_CHL, _PER = "per:tomas-irarrazaval", "per:mateo-quispe"
_FIN, _VNM = "per:aku-virtanen", "per:nguyen-van-binh"


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("El canciller chileno, Tomás Irarrázaval, recibió este martes a su homólogo peruano, Mateo Quispe, en Santiago.",
     "es", (_CHL, _PER)),
    ("El canciller chileno, Tomás Irarrázaval, conversó el lunes con su homólogo peruano, Mateo Quispe.",
     "es", (_CHL, _PER)),
    ("Le ministre finlandais de la Défense, Aku Virtanen, s'est entretenu mardi avec son homologue vietnamien, "
     "Nguyen Van Binh.", "fr", (_FIN, _VNM)),
    ("O chanceler chileno, Tomás Irarrázaval, reuniu-se nesta terça-feira com o seu homólogo peruano, Mateo Quispe.",
     "pt", (_CHL, _PER)),
])
def test_a_meeting_trigger_holds_across_a_time_phrase(text: str, lang: str, pair: tuple[str, str]) -> None:
    ex = extract_text(text, lang)
    assert (pair[0], "MET_WITH", pair[1]) in triples(ex)
    assert not [f for f in ex.facts if f.relation.value == "SUPPLIES_ARMS_TO"]  # (not "recibió" of a purchase)
    assert next(f.date for f in ex.facts if f.relation.value == "MET_WITH") in ("2023-03-14", "2023-03-13")


@pytest.mark.parametrize(("text", "lang", "attendee"), [
    ("Finnish Defence Minister Aku Virtanen took part on Monday in the Shangri-La Dialogue.", "en", _FIN),
    ("Министр обороны Финляндии Аку Виртанен принял во вторник участие в Шангри-Ла Диалоге.", "ru",
     "per:аку-виртанен"),
    ("Menteri Pertahanan Finlandia Aku Virtanen hadir pada Selasa dalam Dialog Shangri-La di Singapura.", "id", _FIN),
])
def test_an_attendance_trigger_holds_across_a_time_phrase(text: str, lang: str, attendee: str) -> None:
    ex = extract_text(text, lang)
    attended = [f for f in ex.facts if f.relation.value == "ATTENDED"]
    assert [f.subject for f in attended] == [attendee]
    assert not [f for f in ex.facts if f.relation.value == "MET_WITH"]  # (not "принял" of a reception)


@pytest.mark.parametrize(("text", "lang"), [
    ("El canciller chileno, Tomás Irarrázaval, recibió también a su homólogo peruano, Mateo Quispe.", "es"),
    ("Le ministre chilien des Affaires étrangères, Tomás Irarrázaval, a également reçu son homologue péruvien, "
     "Mateo Quispe.", "fr"),
    ("O chanceler chileno, Tomás Irarrázaval, reuniu-se também com o seu homólogo peruano, Mateo Quispe.", "pt"),
])
def test_a_trigger_holds_across_an_adverb(text: str, lang: str) -> None:
    assert (_CHL, "MET_WITH", _PER) in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile recibió el martes fusiles de Perú.", "es"),
    ("Chile recibió este martes los primeros fusiles de Perú.", "es"),
])
def test_a_purchase_trigger_is_left_as_it_was(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert ("PER", "SUPPLIES_ARMS_TO", "CHL") in facts


def test_a_spanish_reception_of_a_person_after_al_is_a_meeting() -> None:
    ex = extract_text("El canciller chileno, Tomás Irarrázaval, recibió al ministro peruano de Defensa, Mateo Quispe.",
                      "es")
    assert (_CHL, "MET_WITH", _PER) in triples(ex)
    assert not [f for f in ex.facts if f.relation.value == "SUPPLIES_ARMS_TO"]
