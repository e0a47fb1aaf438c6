"""People the registry lacks, named after a rank or an honorific (`loaders.mentions.ranked`), in several
languages; one capitalised word after a rank, or a company name, is no person."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


def _people(text: str, lang: str) -> list[str]:
    return [e.name for e in extract_text(text, lang).entities if e.type.value == "Person"]


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "General Omar Haddad met the delegation in Amman.", "Omar Haddad"),
    ("en", "Mr John Odede, a businessman, met Kenyan officials in Nairobi.", "John Odede"),
    ("fr", "Le général iranien Karim Saberi a rencontré la délégation à Paris.", "Karim Saberi"),
    ("es", "El general venezolano Luis Ortiz Vega visitó Moscú el lunes.", "Luis Ortiz Vega"),
    ("de", "General Hans Berger traf am Montag in Berlin die Delegation.", "Hans Berger"),
    ("id", "Jenderal Budi Hartono bertemu dengan delegasi di Jakarta.", "Budi Hartono"),
])
def test_a_rank_and_a_full_name_is_a_person(lang: str, text: str, name: str) -> None:
    assert _people(text, lang) == [name]


def test_an_inflected_russian_rank_names_the_person_by_one_id() -> None:
    ex = extract_text("Министр обороны Сербии встретился с генералом Олегом Петренко в Минске.", "ru")
    assert "per:олег-петренко" in {e.id for e in ex.entities}


def test_the_person_after_a_rank_is_an_actor_of_the_sentence() -> None:
    ex = extract_text("General Omar Haddad visited Ankara on 3 May 2022.", "en")
    assert ("per:omar-haddad", "VISITED", "TUR") in triples(ex)
    assert not any(f.relation.value == "HOLDS_ROLE" for f in ex.facts)  # a rank is no office


@pytest.mark.parametrize("text", [
    "General Dynamics will deliver tanks to Poland.",  # one word: a company
    "General Dynamics Land Systems will deliver tanks to Poland.",  # a company suffix inside
    "General Atomics Aeronautical Industries will deliver drones to Poland.",
    "Admiral Hipper sailed from Kiel.",  # one word
])
def test_no_person_from_a_company_or_a_single_word(text: str) -> None:
    assert _people(text, "en") == []
