"""Date expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.dates import (
    DatePrecision,
    find_dates,
    parse_dateline,
    parse_leadin,
    parse_published,
    published_precision,
)

PUB = date(2021, 6, 24)  # a Thursday


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("disampaikan pada Selasa (22/6/2021) kepada", "id", "Selasa (22/6/2021)", "2021-06-22"),
        ("terbang pada Minggu (20/6/2021) untuk", "id", "Minggu (20/6/2021)", "2021-06-20"),
        ("dalam kudeta 1 Februari, dengan", "id", "1 Februari", "2021-02-01"),
        ("pada bulan Juni 2021 lalu", "id", "Juni 2021", "2021-06"),
        ("kemarin di Jakarta", "id", "kemarin", "2021-06-23"),
        ("dihubungi di Jakarta, Senin, menuturkan", "id", "Senin", "2021-06-21"),
        ("they met on 22 June 2021 in Moscow", "en", "22 June 2021", "2021-06-22"),
        ("they met on June 22 in Moscow", "en", "June 22", "2021-06-22"),
        ("said on Tuesday that", "en", "Tuesday", "2021-06-22"),
        ("he arrived yesterday", "en", "yesterday", "2021-06-23"),
        ("a deal signed in 2019 with", "en", "2019", "2019"),
        ("the report of 2021-05-30 says", "en", "2021-05-30", "2021-05-30"),
        ("said Thursday, June 24, that", "en", "Thursday, June 24", "2021-06-24"),
        ("signed on December 3 last year", "en", "December 3 last year", "2020-12-03"),
        ("встреча 22 июня прошла", "ru", "22 июня", "2021-06-22"),
        ("в июне 2020 года", "ru", "июне 2020", "2020-06"),
        ("el 4 de febrero de 2020 en", "es", "4 de febrero de 2020", "2020-02-04"),
        ("le 8 avril, les deux", "fr", "8 avril", "2021-04-08"),
        ("am 3. März in Kiew", "de", "3. März", "2021-03-03"),
    ],
)
def test_resolves_date_expressions(text: str, lang: str, surface: str, value: str) -> None:
    found = find_dates(text, lang, PUB)
    assert [(m.surface, m.value) for m in found] == [(surface, value)]
    m = found[0]
    assert text[m.start : m.end] == m.surface


def test_precision_follows_the_text() -> None:
    found = find_dates("Juni 2021, 1 Februari, in 2019", "id", PUB)
    assert [m.precision for m in found] == [DatePrecision.MONTH, DatePrecision.DAY, DatePrecision.YEAR]


def test_a_weekday_in_lower_case_is_not_a_day_where_names_are_capitalised() -> None:
    # Indonesian "minggu" (week) versus "Minggu" (Sunday)
    assert find_dates("dua minggu kemudian", "id", PUB) == []


def test_ambiguous_month_words_need_a_day_or_year() -> None:
    assert find_dates("Officials may meet again.", "en", PUB) == []
    assert [m.value for m in find_dates("on May 3 they met", "en", PUB)] == ["2021-05-03"]


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("on Tuesday, 1 Februari", "en", None) == []
    assert [m.value for m in find_dates("22/6/2021", "id", None)] == ["2021-06-22"]


def test_weekdays_are_not_resolved_against_a_month_precision_publication() -> None:
    found = find_dates("on Tuesday, on June 2", "en", date(2021, 6, 30), published_precision=DatePrecision.MONTH)
    assert [m.value for m in found] == ["2021-06-02"]


def test_numbers_that_are_not_dates_are_ignored() -> None:
    assert find_dates("Rp 6.000.000 dan 1 unit smartphone, 26th", "id", PUB) == []


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("2021-06-24T12:20:00+07:00", date(2021, 6, 24)),
        ("2021-06-24", date(2021, 6, 24)),
        ("2022-10", date(2022, 10, 31)),
        ("2021", date(2021, 12, 31)),
        ("24/06/2021", date(2021, 6, 24)),
        ("Jul 21, 2023", date(2023, 7, 21)),
        ("", None),
        (None, None),
        ("no date at all", None),
    ],
)
def test_parse_published(s: str | None, expected: date | None) -> None:
    assert parse_published(s) == expected


def test_published_precision() -> None:
    assert published_precision("2022-10") is DatePrecision.MONTH
    assert published_precision("2022") is DatePrecision.YEAR
    assert published_precision("2022-10-01T10:00:00") is DatePrecision.DAY


@pytest.mark.parametrize(
    ("line", "outlet", "published"),
    [
        ("Kompas.com - 24/06/2021, 12:20 WIB", "Kompas.com", "2021-06-24T12:20:00+07:00"),
        ("Rabu, 24 Jun 2020 10:23 WIB", None, "2020-06-24T10:23:00+07:00"),
        ("Published Jul 21, 2023 05:59 pm", None, "2023-07-21T17:59:00"),
        ("2021-06-24 | Example Times", "Example Times", "2021-06-24"),
    ],
)
def test_parse_dateline(line: str, outlet: str | None, published: str) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.outlet, found.published) == (outlet, published)


@pytest.mark.parametrize(
    "line",
    [
        "Menhan ke Moskow, Bertemu Wamenhan Rusia",
        "Pertemuan itu berlangsung pada Selasa (22/6/2021) di kantor kementerian di Moskow.",
        "Jane Roe - Example Times",
    ],
)
def test_lines_that_are_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("JAKARTA (ANTARA) - Empat kapal", "ANTARA"),
        ("MOSCOW, June 22 (Reuters) - Russia said", "Reuters"),
        ("MOSKWA, KOMPAS.com – Menteri", "KOMPAS.com"),
        ("Presiden (kiri) - berjalan", None),
        ("The minister said so.", None),
    ],
)
def test_parse_leadin(line: str, agency: str | None) -> None:
    assert parse_leadin(line) == agency


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2021-06-24T12:20:00+07:00", "2021-06-24T12:20:00+07:00"),
        ("2021-06-24", "2021-06-24"),
        ("2021-06", "2021-06"),
        ("2021", "2021"),
        ("24 June 2021", "2021-06-24"),
        ("June 2021", "2021-06"),
        ("Rabu, 24 Jun 2020 10:23 WIB", "2020-06-24"),
        (None, None),
        ("  ", None),
    ],
)
def test_publication_dates_are_normalised_to_iso_at_their_precision(given: str | None, expected: str | None) -> None:
    from loaders.dates import normalize_published

    assert normalize_published(given) == expected


@pytest.mark.parametrize("given", ["yesterday", "Monday", "in 3 days", "5", "garbage", "2021-13", "0000", "0000-12",
                                   "21-06-24"])
def test_relative_or_meaningless_publication_dates_are_refused_not_read_off_the_clock(given: str) -> None:
    from loaders.dates import normalize_published, parse_published
    from loaders.errors import InputError

    with pytest.raises(InputError):
        normalize_published(given)
    assert parse_published(given) is None


def test_a_month_stands_for_its_last_day_and_has_month_precision() -> None:
    from loaders.dates import parse_published, published_precision

    assert parse_published("June 2021") == date(2021, 6, 30)
    assert published_precision("June 2021") is DatePrecision.MONTH
    assert published_precision("2021-06") is DatePrecision.MONTH


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("el 22 de junio de 2021 en Moscú", "es", "2021-06-22"),
        ("le 1er juin 2021 à Paris", "fr", "2021-06-01"),
        ("on June 22nd, 2021 in Moscow", "en", "2021-06-22"),
        ("22-го июня 2021 года", "ru", "2021-06-22"),
        ("em 22 de junho de 2021", "pt", "2021-06-22"),
    ],
)
def test_day_suffixes_and_connectors_come_from_each_languages_data(text: str, lang: str, value: str) -> None:
    found = find_dates(text, lang, date(2021, 6, 24))
    assert [m.value for m in found] == [value]
