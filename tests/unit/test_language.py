"""Language detection and per-language data."""

from __future__ import annotations

import pytest

from loaders.lang import available_languages, detect_language, lang_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menteri itu mengatakan bahwa negaranya akan memperkuat hubungan dengan negara tetangga.", "id"),
        ("The minister said that the country will strengthen its ties with the neighbours.", "en"),
        ("Министр заявил, что страна будет укреплять связи с соседями и после визита.", "ru"),
        ("Le ministre a déclaré que le pays allait renforcer ses liens avec les voisins.", "fr"),
        ("Der Minister sagte, dass das Land die Beziehungen zu den Nachbarn stärken wird.", "de"),
        ("El ministro dijo que el país va a fortalecer sus lazos con los vecinos de la región.", "es"),
        ("Menteri itu berkata bahawa negara akan mengukuhkan hubungan kerana beliau mahu kerjasama.", "ms"),
        ("Sinabi ng kalihim na ang bansa ay magpapalakas ng ugnayan sa mga kapitbahay nito.", "tl"),
    ],
)
def test_detects_language_from_stopwords(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detection_without_any_stopword_returns_the_default() -> None:
    assert detect_language("12345 !!!", default="xx") == "xx"


def test_detection_is_deterministic_and_reads_only_the_start() -> None:
    english = "The minister said that the talks were useful. " * 40
    assert detect_language(english + "yang dan di ke dari " * 200) == "en"


def test_every_language_file_has_the_sections_the_stages_need() -> None:
    codes = available_languages()
    assert {"id", "en", "ru", "fr", "de", "es", "ms", "tl"} <= set(codes)
    for code in codes:
        data = lang_data(code)
        assert data.code == code
        assert data.stopwords and data.abbreviations
        assert set(data.months.values()) == set(range(1, 13)), code
        assert set(data.weekdays.values()) == set(range(7)), code
        assert data.date_order in {"dmy", "mdy"}


def test_unknown_language_has_empty_data() -> None:
    assert lang_data("zz").stopwords == frozenset()
