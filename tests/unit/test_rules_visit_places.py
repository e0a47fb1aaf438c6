"""Where a visit goes: the place a locative relative word follows ("…, where N arrived"), never the place
after a source word ("arrived from X"); a meeting noun is no state ("la reunión" is not Réunion).
Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


def _visits(text: str, lang: str) -> set[tuple[str, str]]:
    return {(s, o) for s, r, o in triples(extract_text(text, lang, "2024-09-20")) if r == "VISITED"}


@pytest.mark.parametrize(("text", "lang"), [
    ("The talks took place in Nairobi, where Sergei Shoigu arrived on 13 September.", "en"),
    ("Встреча прошла в Найроби, куда Сергей Шойгу прибыл 13 сентября.", "ru"),
    ("La réunion a eu lieu à Nairobi, où Sergueï Choïgou est arrivé le 13 septembre.", "fr"),
    ("El encuentro tuvo lugar en Nairobi, adonde Serguéi Shoigú llegó el 13 de septiembre.", "es"),
    ("Pertemuan berlangsung di Nairobi, tempat Sergei Shoigu tiba pada 13 September.", "id"),
])
def test_a_visit_goes_to_the_place_a_where_relative_follows(text: str, lang: str) -> None:
    assert _visits(text, lang) == {("per:sergei-shoigu", "KEN")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Sergei Shoigu arrived from Nairobi.", "en"),
    ("Сергей Шойгу прибыл из Найроби.", "ru"),
    ("Serguéi Shoigú llegó de Nairobi.", "es"),
    ("Sergei Shoigu tiba dari Nairobi.", "id"),
])
def test_the_place_a_visitor_came_from_is_no_destination(text: str, lang: str) -> None:
    assert _visits(text, lang) == set()


def test_the_destination_beside_an_origin_is_kept() -> None:
    assert _visits("Сергей Шойгу прибыл в Найроби из Москвы.", "ru") == {("per:sergei-shoigu", "KEN")}


@pytest.mark.parametrize(("text", "lang"), [("La reunión tuvo lugar en Lima.", "es"),
                                            ("La réunion a eu lieu à Lima.", "fr")])
def test_a_meeting_noun_is_no_state(text: str, lang: str) -> None:
    assert "REU" not in {e.id for e in extract_text(text, lang).entities}
