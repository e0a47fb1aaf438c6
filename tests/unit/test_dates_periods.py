"""Periods counted from the publication date ("last month", "il y a une semaine", "в прошлом году"):
resolved at the period's precision, only when the publication date is known that precisely; a period
right after a date qualifies that date. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.dates import find_dates
from loaders.dates.find import DatePrecision

PUB = date(2024, 1, 10)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Kenya bought the drones last month.", "en", "2023-12"),
        ("Kenya bought the drones last year.", "en", "2023"),
        ("A week ago, Kenya bought the drones.", "en", "2024-01"),
        ("Two weeks ago, Kenya bought the drones.", "en", "2023-12"),
        ("Le Kenya a acheté les drones le mois dernier.", "fr", "2023-12"),
        ("Kenia compró los drones el año pasado.", "es", "2023"),
        ("Kenia kaufte die Drohnen im vergangenen Jahr.", "de", "2023"),
        ("Kenya membeli drone itu bulan lalu.", "id", "2023-12"),
        ("Кения купила беспилотники в прошлом месяце.", "ru", "2023-12"),
        ("Kenya will buy the drones next year.", "en", "2025"),
    ],
)
def test_a_period_counts_from_the_publication_date(text: str, lang: str, value: str) -> None:
    assert [m.value for m in find_dates(text, lang, PUB)] == [value]


def test_a_month_period_needs_a_publication_month() -> None:
    assert find_dates("Kenya bought the drones last month.", "en", PUB, published_precision=DatePrecision.YEAR) == []
    found = find_dates("Kenya bought the drones last year.", "en", PUB, published_precision=DatePrecision.YEAR)
    assert [m.value for m in found] == ["2023"]


def test_no_publication_date_no_period_date() -> None:
    assert find_dates("Kenya bought the drones last month.", "en", None) == []


def test_a_period_after_a_date_qualifies_it() -> None:
    found = find_dates("В июле текущего года Кения купила беспилотники.", "ru", PUB)
    assert [(m.surface, m.value) for m in found] == [("июле текущего года", "2024-07")]
    found = find_dates("Kenya bought the drones on December 3 last year.", "en", date(2024, 6, 1))
    assert [m.value for m in found] == ["2023-12-03"]
