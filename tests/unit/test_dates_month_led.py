"""The month-led date patterns tried only where a month name starts find what a full scan finds."""

from __future__ import annotations

import pytest

from loaders.dates.find import _at, _patterns
from loaders.lang import available_languages

TEXTS = [
    "On June 22, 2021 and on July 3 the ministers met; in August 2020 they had not. March. Mar 5, May",
    "Pada 22 Juni 2021, Juni 2020, dan Mei lalu kedua menteri bertemu (Maret 2019).",
    "Am 3. März 2021 und im Mai 2020 trafen sich die Minister; Juni, Juli und August.",
    "Le 22 juin 2021, en mai 2020 et en juillet, les ministres se sont rencontrés; juin 2019.",
    "22 июня 2021 года и в мае 2020 министры встречались; в июле, Июнь 2019.",
    "El 22 de junio de 2021, en mayo de 2020 y en julio los ministros se reunieron.",
    "junejune 22 xMay 2021 May-June 2020 (May) 5May 2021",
]


@pytest.mark.parametrize("lang", available_languages())
@pytest.mark.parametrize("text", TEXTS)
def test_month_led_patterns_match_as_a_full_scan(lang: str, text: str) -> None:
    p = _patterns(lang)
    starts = [m.start() for m in p.month_at.finditer(text)] if p.month_at else []
    for pat in (p.month_day, p.month_year, p.month):
        full = [m.span() for m in pat.finditer(text)] if pat else []
        assert [m.span() for m in _at(pat, text, starts)] == full
