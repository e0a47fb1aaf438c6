"""Date expressions: find them in text and resolve them against the publication date.

One regex pass per language, built from the month, weekday and relative-day names of
loaders/data/lang/<code>.yaml, finds the candidates; plain arithmetic resolves them. A date without a
year ("1 Februari", "June 22", "(3/11)") is the most recent occurrence on or before publication; a
weekday alone ("on Tuesday", "Selasa") is the most recent such day on or before publication; a relative
day ("kemarin", "yesterday") is an offset from it. dateparser (~0.8 ms a call) is used only by
`parse_published` for a free-form publication date that the regexes did not understand.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache

from pydantic import BaseModel, ConfigDict

from loaders.errors import InputError
from loaders.lang import LangData, all_lang_data, lang_data


class DatePrecision(StrEnum):
    """How much of a date a text states."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateMention(BaseModel):
    """A date expression of a text, resolved (`value` is 2021-06-22, 2021-06 or 2021)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    surface: str
    value: str
    precision: DatePrecision


class Dateline(BaseModel):
    """What a dateline line ("Kompas.com - 24/06/2021, 12:20 WIB") says."""

    outlet: str | None = None
    published: str = ""


# Offsets of time-zone abbreviations seen in datelines (not language knowledge: they are codes).
_TZ_OFFSETS = {
    "wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00",
    "msk": "+03:00", "cet": "+01:00", "cest": "+02:00", "pht": "+08:00", "ist": "+05:30",
    "edt": "-04:00", "est": "-05:00", "pst": "-08:00", "pdt": "-07:00", "sgt": "+08:00",
    "myt": "+08:00", "bst": "+01:00",
}  # fmt: skip

_L = r"(?<![^\W_])"  # no letter or digit before
_R = r"(?![^\W_])"  # no letter or digit after
_YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class _Patterns:
    """Compiled patterns of one language."""

    data: LangData
    numeric: re.Pattern[str]
    numeric_paren: re.Pattern[str]
    iso: re.Pattern[str]
    day_month: re.Pattern[str] | None
    month_day: re.Pattern[str] | None
    month_year: re.Pattern[str] | None
    month: re.Pattern[str] | None
    weekday: re.Pattern[str] | None
    relative: re.Pattern[str] | None
    year: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    """A regex alternation of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(lang: str) -> _Patterns:
    """Compile the date patterns of `lang` (cached)."""
    data = lang_data(lang)
    flags = re.IGNORECASE
    mon = rf"{_L}(?P<mon>{_alternation(list(data.months))})\.?{_R}" if data.months else None
    wd = rf"{_L}(?P<wd>{_alternation(list(data.weekdays))}){_R}" if data.weekdays else None
    rel = rf"{_L}(?P<rel>{_alternation(list(data.relative_days))}){_R}" if data.relative_days else None
    # Connector words ("22 de junio de 2021") and day suffixes ("22nd", "1er", "22-го") are language data.
    conn = rf"(?:(?:{_alternation(list(data.date_connectors))})\s+)?" if data.date_connectors else ""
    suffix = rf"(?:{_alternation(list(data.day_suffixes))})?" if data.day_suffixes else ""
    year_sep = r"(?:,?\s+" + conn + r"(?P<y>" + _YEAR + r")(?!\d))?"
    return _Patterns(
        data=data,
        numeric=re.compile(r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>\d{4}|\d{2})(?![\d/])"),
        numeric_paren=re.compile(r"\((?P<a>\d{1,2})/(?P<b>\d{1,2})\)"),
        iso=re.compile(r"(?<![\d-])(?P<y>" + _YEAR + r")-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?![\d-])"),
        day_month=re.compile(
            rf"(?<![\d.,/])(?P<d>\d{{1,2}})(?:{suffix}\.?)\s+{conn}{mon}{year_sep}", flags
        )
        if mon
        else None,
        month_day=re.compile(rf"{mon}\s+(?P<d>\d{{1,2}}){suffix}(?![\d.,]\d|\d){year_sep}", flags)
        if mon
        else None,
        month_year=re.compile(rf"{mon}\s+{conn}(?P<y>{_YEAR})(?!\d)", flags) if mon else None,
        month=re.compile(mon, flags) if mon else None,
        weekday=re.compile(wd, flags) if wd else None,
        relative=re.compile(rel, flags) if rel else None,
        year=re.compile(r"(?<![\d.,/:-])(?P<y>" + _YEAR + r")(?![\d]|[.,/:-]\d)"),
    )


@dataclass(frozen=True)
class _Candidate:
    """A match before overlap resolution: its span and resolved value (None: not resolvable)."""

    start: int
    end: int
    value: str | None
    precision: DatePrecision
    kind: str
    standalone: bool = True


def _fmt(y: int, m: int | None = None, d: int | None = None) -> tuple[str, DatePrecision] | None:
    """ISO string at the given precision, or None for an impossible date."""
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat(), DatePrecision.DAY
    except ValueError:
        return None
    if m is not None:
        return (f"{y:04d}-{m:02d}", DatePrecision.MONTH) if 1 <= m <= 12 else None
    return f"{y:04d}", DatePrecision.YEAR


def _year_of(y: str, published: date | None) -> int:
    """Four-digit year of a (possibly two-digit) year string."""
    if len(y) == 4:
        return int(y)
    yy = int(y)
    pivot = (published.year % 100 + 1) if published else 50
    return 2000 + yy if yy <= pivot else 1900 + yy


def _past_day(m: int, d: int, published: date | None) -> str | None:
    """The most recent `d`.`m` on or before publication, ISO."""
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, m, d)
        except ValueError:
            continue
        if candidate <= published:
            return candidate.isoformat()
    return None


def _dm(a: int, b: int, order: str) -> tuple[int, int]:
    """(month, day) of a numeric date's first two fields."""
    if order == "mdy" and a <= 12:
        return a, b
    if b > 12 and a <= 12:
        return a, b
    return b, a


def find_dates(
    text: str,
    lang: str,
    published: date | None,
    *,
    published_precision: DatePrecision = DatePrecision.DAY,
) -> list[DateMention]:
    """Date expressions of `text`, resolved against `published`, in text order and non-overlapping."""
    p = _patterns(lang)
    pub_day = published if published_precision is DatePrecision.DAY else None
    cands: list[_Candidate] = []

    def add(m: re.Match[str], res: tuple[str, DatePrecision] | None, kind: str, ok: bool = True) -> None:
        value, precision = res if res else (None, DatePrecision.DAY)
        cands.append(_Candidate(m.start(), m.end(), value, precision, kind, ok))

    for m in p.iso.finditer(text):
        d = m.group("d")
        add(m, _fmt(int(m.group("y")), int(m.group("m")), int(d) if d else None), "date")
    for m in p.numeric.finditer(text):
        mo, d = _dm(int(m.group("a")), int(m.group("b")), p.data.date_order)
        add(m, _fmt(_year_of(m.group("y"), published), mo, d), "date")
    for m in p.numeric_paren.finditer(text):
        mo, d = _dm(int(m.group("a")), int(m.group("b")), p.data.date_order)
        v = _past_day(mo, d, published)
        add(m, (v, DatePrecision.DAY) if v else None, "date")
    for pat in (p.day_month, p.month_day):
        for m in pat.finditer(text) if pat else ():
            mo = p.data.months[m.group("mon").casefold()]
            y = m.group("y")
            if y:
                add(m, _fmt(int(y), mo, int(m.group("d"))), "date")
            else:
                v = _past_day(mo, int(m.group("d")), published)
                add(m, (v, DatePrecision.DAY) if v else None, "date")
    for m in p.month_year.finditer(text) if p.month_year else ():
        add(m, _fmt(int(m.group("y")), p.data.months[m.group("mon").casefold()]), "date")
    for m in p.month.finditer(text) if p.month else ():
        word = m.group("mon").casefold()
        mo = p.data.months[word]
        res = None
        if published is not None:
            res = _fmt(published.year if mo <= published.month else published.year - 1, mo)
        add(m, res, "date", word not in p.data.ambiguous_months and _cased(m.group("mon"), p.data))
    for m in p.weekday.finditer(text) if p.weekday else ():
        word = m.group("wd").casefold()
        res = None
        if pub_day is not None:
            wd = p.data.weekdays[word]
            res = (pub_day - timedelta(days=(pub_day.weekday() - wd) % 7)).isoformat(), DatePrecision.DAY
        add(m, res, "weekday", word not in p.data.ambiguous_weekdays and _cased(m.group("wd"), p.data))
    for m in p.relative.finditer(text) if p.relative else ():
        offset = p.data.relative_days[m.group("rel").casefold()]
        res = ((pub_day + timedelta(days=offset)).isoformat(), DatePrecision.DAY) if pub_day else None
        add(m, res, "relative")
    for m in p.year.finditer(text):
        add(m, _fmt(int(m.group("y"))), "year")

    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    merged = _merge_weekdays(text, chosen)
    return [
        DateMention(start=c.start, end=c.end, surface=text[c.start : c.end], value=c.value,
                    precision=c.precision)
        for c in merged
        if c.value is not None and c.standalone
    ]  # fmt: skip


def _cased(word: str, data: LangData) -> bool:
    """Whether a month or weekday name standing alone is written as one ("Minggu", not "minggu": week)."""
    return not data.capitalized_names or word[:1].isupper()


_GAP = re.compile(r"^[,\s(]{0,3}$")


def _merge_weekdays(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """Join a weekday to the date right after it: "Selasa (22/6/2021)", "Thursday, July 20"."""
    out: list[_Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if c.kind == "weekday" and nxt is not None and nxt.kind == "date" and _GAP.match(text[c.end : nxt.start]):
            end = nxt.end
            if "(" in text[c.end : nxt.start] and text[end : end + 1] == ")":
                end += 1
            out.append(_Candidate(c.start, end, nxt.value, nxt.precision, "date"))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def precision_of(value: str) -> DatePrecision:
    """Precision of an ISO date string (2021-06-22, 2021-06 or 2021)."""
    return {10: DatePrecision.DAY, 7: DatePrecision.MONTH}.get(len(value), DatePrecision.YEAR)


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


_TIME = re.compile(r"(?<!\d)(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?(?!\d)", re.I)
_OUTLET_SEP = re.compile(r"\s+[-–—|]\s+|\s*\|\s*")
_MAX_DATELINE = 90


@cache
def _dateline_words(lang: str) -> frozenset[str]:
    """Words a dateline of `lang` may carry besides its date, time and outlet."""
    data = lang_data(lang)
    return frozenset(set(data.weekdays) | set(data.boilerplate.dateline_words)
                     | set(lang_data("en").boilerplate.dateline_words) | set(_TZ_OFFSETS))


def parse_dateline(line: str, lang: str | None = None) -> Dateline | None:
    """Read a dateline line: a full date with year, optional weekday, time, zone, cue words and outlet.

    Accepted shapes are general: "<Outlet> - 24/06/2021, 12:20 WIB", "Rabu, 24 Jun 2020 10:23 WIB",
    "Published Jul 21, 2023 05:59 am", "2021-06-24 | Outlet". Anything else on the line: not a dateline.
    """
    line = line.strip()
    if not line or len(line) > _MAX_DATELINE:
        return None
    parts = [p.strip() for p in _OUTLET_SEP.split(line) if p.strip()]
    if not 1 <= len(parts) <= 2:
        return None
    for data in [lang_data(lang)] if lang else all_lang_data():
        found = None
        for i, part in enumerate(parts):
            day = [m for m in find_dates(part, data.code, None) if m.precision is DatePrecision.DAY]
            if len(day) == 1 and found is None:
                found = (i, day[0])
        if found is None:
            continue
        index, mention = found
        outlet = parts[1 - index] if len(parts) == 2 else None
        if outlet is not None and (len(outlet.split()) > 5 or any(ch.isdigit() for ch in outlet)):
            continue
        part = parts[index]
        rest = part[: mention.start] + " " + part[mention.end :]
        time_m = _TIME.search(rest)
        if time_m:
            rest = rest[: time_m.start()] + " " + rest[time_m.end() :]
        allowed = _dateline_words(data.code)
        words = [w.casefold() for w in re.findall(r"[^\W\d_]+", rest)]
        if any(w not in allowed for w in words):
            continue
        published = mention.value
        if time_m:
            h, mi = int(time_m.group("h")), int(time_m.group("mi"))
            ampm = (time_m.group("ampm") or "").casefold().replace(".", "")
            if ampm:
                h = h % 12 + (12 if ampm == "pm" else 0)
            if h < 24 and mi < 60:
                tz = next((_TZ_OFFSETS[w] for w in words if w in _TZ_OFFSETS), "")
                published = f"{published}T{h:02d}:{mi:02d}:00{tz}"
        return Dateline(outlet=outlet, published=published)
    return None


_LEADINS = (
    # "JAKARTA (ANTARA) -", "MOSCOW, June 22 (Reuters) -"
    re.compile(
        r"^[^\W\d_a-z][^,()\n]{0,30}?,?(?:\s+[^()\d\n]{0,15}?\d{1,2})?\s*\((?P<agency>[^\W\d_][^()]{1,30})\)\s*[-–—]"
    ),
    # "JAKARTA, KOMPAS.com –"
    re.compile(r"^[^\W\d_][^,()\n]{0,30},\s+(?P<agency>[\w-]+(?:\.[a-z]{2,4}){1,2})\s+[-–—]", re.I),
)


def parse_leadin(line: str) -> str | None:
    """The agency of a lead-in such as "JAKARTA (ANTARA) -" or "CITY, June 22 (Reuters) -", else None."""
    for pattern in _LEADINS:
        m = pattern.match(line.strip())
        if m and m.group("agency")[:1].isupper():
            return m.group("agency").strip()
    return None
