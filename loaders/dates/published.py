"""A record's publication date: normalised to ISO at its own precision, and read as a day.

dateparser (~0.8 ms a call) is used only for a free-form publication date that the language data's
regexes did not understand.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from loaders.dates.find import DatePrecision, find_dates
from loaders.errors import InputError
from loaders.lang import all_lang_data

_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


_ISO_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")


def normalize_published(s: str | None) -> str | None:
    """A record's publication date as ISO at its own precision, or None when it gives none.

    ISO dates and datetimes are kept (normalised); "2021-06" and "2021" stay month and year; a free date
    string ("24 June 2021", "Rabu, 24 Jun 2020") becomes ISO by the language data or, failing that,
    dateparser restricted to absolute dates with day, month and year. Nothing is resolved against today's
    clock, so extraction stays deterministic. Raises `InputError` for a string that is not a date.
    """
    if s is None or not s.strip():
        return None
    s = s.strip()
    try:
        parsed = datetime.fromisoformat(s)
    except ValueError:
        pass
    else:
        midnight = (parsed.hour, parsed.minute, parsed.second, parsed.microsecond) == (0, 0, 0, 0)
        bare_date = midnight and parsed.tzinfo is None and len(s) <= 10
        return parsed.date().isoformat() if bare_date else parsed.isoformat()
    m = _ISO_PARTIAL.match(s)
    if m:
        if int(m.group(1)) < 1 or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
            raise InputError(f"published: {s!r} is not a date")
        return s
    found = [mention for data in all_lang_data() for mention in find_dates(s, data.code, None)]
    for precision in (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR):
        for mention in found:
            if mention.precision is precision:
                return mention.value
    if not _FOUR_DIGIT_YEAR.search(s):
        # "21-06-24" could be 2021-06-24 or 24 June 2021: a guess would silently misdate every fact.
        raise InputError(f"published: {s!r} has no four-digit year (use ISO 8601, e.g. 2021-06-24)")
    import dateparser  # imported late: costly, and needed only for odd publication strings

    absolute = dateparser.parse(s, settings={
        "DATE_ORDER": "DMY", "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
    })
    if absolute is None:
        raise InputError(f"published: {s!r} is not a date (use ISO 8601, e.g. 2021-06-24)")
    return absolute.date().isoformat()


def parse_published(s: str | None) -> date | None:
    """The publication day of a `published` string; a month or a year stands for its last day.

    The last day, so that dates without a year resolve inside the period. None when absent or not a date.
    """
    try:
        value = normalize_published(s)
    except InputError:
        return None
    if value is None:
        return None
    m = _ISO_PARTIAL.match(value)
    if m:
        y = int(m.group(1))
        mo = int(m.group(2)) if m.group(2) else 12
        return date(y, mo, calendar.monthrange(y, mo)[1])
    return datetime.fromisoformat(value).date()


def published_precision(s: str | None) -> DatePrecision:
    """Precision of a record's `published` string."""
    try:
        value = normalize_published(s)
    except InputError:
        return DatePrecision.DAY
    if value and (m := _ISO_PARTIAL.match(value)):
        return DatePrecision.MONTH if m.group(2) else DatePrecision.YEAR
    return DatePrecision.DAY
