"""TRAINS from where trainees are sent ("destination" triggers), a military reference to the one armed
forces an article names, and the leader of an institution named after it (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Libya sends its officers to Turkey for training.", "en"),
    ("Libyan pilots travelled to Ankara for training.", "en"),
    ("La Libye envoie ses officiers en Turquie pour y être formés.", "fr"),
    ("Libia envía a sus oficiales a Turquía para su formación.", "es"),
    ("Libya mengirim perwiranya ke Turki untuk pelatihan.", "id"),
    ("Libyen schickt Offiziere zur Ausbildung nach Ankara.", "de"),
    ("Ливия направляет офицеров на обучение в Турцию.", "ru"),
])
def test_the_destination_of_trainees_trains_them(text: str, lang: str) -> None:
    assert ("TUR", "TRAINS", "LBY") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Libya sent a delegation to Turkey for talks.", "en"),
    ("La Libye a envoyé une délégation en Turquie pour des discussions.", "fr"),
    ("Libya mengirim delegasi ke Turki untuk berunding.", "id"),
])
def test_a_trip_for_another_purpose_trains_nobody(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "TRAINS"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Thai military hosted a Turkish delegation in Bangkok.\nTurkey will provide military training to the junta.",
     "en"),
    ("Delegasi Turki mengunjungi markas militer Thailand di Bangkok.\n"
     "Ankara memberikan pelatihan militer kepada ribuan tentara.", "id"),
])
def test_a_military_reference_is_the_one_armed_forces_the_article_named(text: str, lang: str) -> None:
    assert ("TUR", "TRAINS", "org:armed-forces-tha") in triples(extract_text(text, lang))


def test_a_military_reference_with_two_armed_forces_named_names_neither() -> None:
    text = ("The Thai military hosted a Turkish delegation in Bangkok.\nThe Egyptian military sent observers.\n"
            "Turkey will provide military training to the junta.")
    assert not [t for t in triples(extract_text(text, "en")) if t[1] == "TRAINS"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Thai military hosted a Turkish delegation.\n"
     "Turkish Defence Minister Yasar Guler met the leader of the junta, General Assimi Goita.", "en"),
    ("Le ministre turc de la Défense Yasar Guler a rencontré le chef de la junte, le général Assimi Goita.", "fr"),
    ("Delegasi Turki mengunjungi markas militer Thailand.\nPertemuan antara Menteri Pertahanan Turki, Yasar Guler "
     "dengan pemimpin junta, Jenderal Assimi Goita berlangsung di Bamako.", "id"),
])
def test_the_leader_of_an_institution_named_after_it_is_the_meeting_partner(text: str, lang: str) -> None:
    met = {t for t in triples(extract_text(text, lang)) if t[1] == "MET_WITH"}
    assert met and all(o == "per:assimi-goita" or s == "per:assimi-goita" for s, _, o in met), met
