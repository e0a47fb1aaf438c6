"""Imported people of Cyrillic-writing states are found as Russian-language outlets write them, in any case
(translit.yaml's ``ru`` rules); a three-letter stem takes two letters of ending at most; a title filled with
its holder and then named in an apposition states the role (invented sentences)."""

from __future__ import annotations

import pytest

from loaders.translit import load_transliterator
from tests.factories import extract_text, triples


@pytest.mark.parametrize(("english", "cyrillic"), [
    ("Dmitry Peskov", "дмитрии песков"), ("Sergey Shoygu", "сергеи шоигу"), ("Yuri Ushakov", "юрии ушаков"),
    ("Alexander Lukashenko", "александр лукашенко"), ("Kassym-Jomart Tokayev", "кассым жомарт токаев"),
])
def test_a_romanised_name_is_spelt_back_in_cyrillic(english: str, cyrillic: str) -> None:
    assert cyrillic in load_transliterator().variants(english, "RUS")


def test_no_cyrillic_spelling_for_a_state_that_writes_latin() -> None:
    assert load_transliterator().variants("Jonas Gahr Store", "NOR") == []


@pytest.mark.parametrize("text", [
    "Министр обороны Белоруссии Виктор Хренин провёл переговоры с Дмитрием Песковым.",
    "Дмитрий Песков встретился с Виктором Хрениным в Минске.",
])
def test_imported_people_are_found_in_russian_in_any_case(text: str) -> None:
    assert ("per:dmitry-peskov", "MET_WITH", "per:viktor-khrenin") in {
        (min(s, o), r, max(s, o)) for s, r, o in triples(extract_text(text, "ru", "2024-05-15"))}


def test_a_short_stem_does_not_swallow_a_longer_word() -> None:
    """GeoNames spells Tokyo "Токё": its stem "ток" must not take the surname "Токаев"."""
    ex = extract_text("Президент Казахстана Касым-Жомарт Токаев посетил Москву.", "ru", "2024-05-15")
    assert "JPN" not in {e.id for e in ex.entities} and "plc:tokyo" not in {e.id for e in ex.entities}
    assert ("CUB" in {e.id for e in extract_text("Россия поставила оружие Кубе.", "ru").entities})


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministre malien de la Défense, Sadio Camara, a rencontré son homologue russe à Moscou.", "fr"),
    ("The Malian defence minister, Sadio Camara, met his Russian counterpart.", "en"),
])
def test_a_filled_title_then_the_holders_name_states_the_role(text: str, lang: str) -> None:
    assert ("per:sadio-camara", "HOLDS_ROLE", "MLI") in triples(extract_text(text, lang, "2024-05-15"))
