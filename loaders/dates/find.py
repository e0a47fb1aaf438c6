"""Date expressions of a text: one regex pass per language, resolved against the publication date.

The patterns are built from the month, weekday and relative-day names of loaders/data/lang/<code>/language.yaml.
A date without a year ("1 Februari", "June 22", "(3/11)") is the most recent occurrence on or before
publication; a weekday alone ("on Tuesday", "Selasa") the most recent such day on or before it; a relative
day ("kemarin", "yesterday") an offset from it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from pydantic import BaseModel, ConfigDict

from loaders.lang import LangData, lang_data


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
    weak: bool = False  # a recency cue ("recently"): the sentence's date only when it states no other


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
    month_at: re.Pattern[str] | None  # every place a month name starts (the three patterns above begin so)
    weekday: re.Pattern[str] | None
    relative: re.Pattern[str] | None
    period: re.Pattern[str] | None  # "last month", "в прошлом году" (``relative_periods``)
    recent: re.Pattern[str] | None  # "recently", "is on a visit" (``recent_cues``)
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
        month_at=re.compile(rf"(?={mon})", flags) if mon else None,
        weekday=re.compile(wd, flags) if wd else None,
        relative=re.compile(rel, flags) if rel else None,
        period=re.compile(rf"{_L}(?P<per>{_alternation(list(data.relative_periods))}){_R}", flags)
        if data.relative_periods
        else None,
        recent=re.compile(rf"{_L}(?:{_alternation(list(data.recent_cues))}){_R}", flags)
        if data.recent_cues
        else None,
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
    weak: bool = False


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


def _numeric(p: _Patterns, text: str, published: date | None) -> Iterator[_Candidate]:
    """ISO dates, numeric dates ("22/6/2021") and bracketed day/month ("(22/6)")."""
    for m in p.iso.finditer(text):
        d = m.group("d")
        yield _cand(m, _fmt(int(m.group("y")), int(m.group("m")), int(d) if d else None), "date")
    for m in p.numeric.finditer(text):
        mo, d = _dm(int(m.group("a")), int(m.group("b")), p.data.date_order)
        yield _cand(m, _fmt(_year_of(m.group("y"), published), mo, d), "date")
    for m in p.numeric_paren.finditer(text):
        mo, d = _dm(int(m.group("a")), int(m.group("b")), p.data.date_order)
        v = _past_day(mo, d, published)
        yield _cand(m, (v, DatePrecision.DAY) if v else None, "date")


def _at(pat: re.Pattern[str] | None, text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pat.finditer(text)` for a pattern that can match only at `starts`: tried there alone."""
    if pat is None:
        return
    end = 0
    for start in starts:
        if start >= end and (m := pat.match(text, start)):
            end = m.end()
            yield m


def _named(p: _Patterns, text: str, published: date | None) -> Iterator[_Candidate]:
    """Dates with a month name: day and month (year optional), month and year, a month alone."""
    # One pass finds where month names start; the month-led patterns are tried only there.
    starts = [m.start() for m in p.month_at.finditer(text)] if p.month_at else []
    for m in (*(p.day_month.finditer(text) if p.day_month else ()), *_at(p.month_day, text, starts)):
        mo = p.data.months[m.group("mon").casefold()]
        y = m.group("y")
        if y:
            yield _cand(m, _fmt(int(y), mo, int(m.group("d"))), "date")
        else:
            v = _past_day(mo, int(m.group("d")), published)
            yield _cand(m, (v, DatePrecision.DAY) if v else None, "date")
    for m in _at(p.month_year, text, starts):
        yield _cand(m, _fmt(int(m.group("y")), p.data.months[m.group("mon").casefold()]), "date")
    for m in _at(p.month, text, starts):
        word = m.group("mon").casefold()
        mo = p.data.months[word]
        res = None
        if published is not None:
            res = _fmt(published.year if mo <= published.month else published.year - 1, mo)
        yield _cand(m, res, "date", word not in p.data.ambiguous_months and _cased(m.group("mon"), p.data))


def _days(p: _Patterns, text: str, pub_day: date | None) -> Iterator[_Candidate]:
    """Weekdays and relative days, resolved against the publication day (when it is known to the day)."""
    for m in p.weekday.finditer(text) if p.weekday else ():
        word = m.group("wd").casefold()
        res = None
        if pub_day is not None:
            wd = p.data.weekdays[word]
            res = (pub_day - timedelta(days=(pub_day.weekday() - wd) % 7)).isoformat(), DatePrecision.DAY
        yield _cand(m, res, "weekday", word not in p.data.ambiguous_weekdays and _cased(m.group("wd"), p.data))
    for m in p.relative.finditer(text) if p.relative else ():
        offset = p.data.relative_days[m.group("rel").casefold()]
        res = ((pub_day + timedelta(days=offset)).isoformat(), DatePrecision.DAY) if pub_day else None
        yield _cand(m, res, "relative")


def _periods(p: _Patterns, text: str, published: date | None,
             precision: DatePrecision) -> Iterator[_Candidate]:
    """"last month", "this year", "a week ago": a period counted from the publication date, at the period's
    precision (a week at its month), when the publication date is known that precisely."""
    known = {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}[precision]
    for m in p.period.finditer(text) if p.period else ():
        unit, n = p.data.relative_periods[m.group("per").casefold()]
        res = None
        if published is not None and unit == "year":
            res = _fmt(published.year + n)
        elif published is not None and unit == "month" and known >= 2:
            months = published.year * 12 + published.month - 1 + n
            res = _fmt(months // 12, months % 12 + 1)
        elif published is not None and unit == "week" and known >= 3:
            day = published + timedelta(weeks=n)
            res = _fmt(day.year, day.month)
        yield _cand(m, res, "period")


def _recent(p: _Patterns, text: str, published: date | None, precision: DatePrecision) -> Iterator[_Candidate]:
    """"recently", "hat nun … übergeben", "is on a visit": the publication month, as a weak date that a
    stated date of the sentence overrides (`loaders.facts.whenwhere.nearest_date`)."""
    if published is None or precision == DatePrecision.YEAR or p.recent is None:
        return
    res = _fmt(published.year, published.month)
    for m in p.recent.finditer(text):
        yield _Candidate(m.start(), m.end(), res[0] if res else None, DatePrecision.MONTH, "recent", weak=True)


def _cand(m: re.Match[str], res: tuple[str, DatePrecision] | None, kind: str, ok: bool = True) -> _Candidate:
    value, precision = res if res else (None, DatePrecision.DAY)
    return _Candidate(m.start(), m.end(), value, precision, kind, ok)


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
    cands = [*_numeric(p, text, published), *_named(p, text, published), *_days(p, text, pub_day),
             *_periods(p, text, published, published_precision), *_recent(p, text, published, published_precision),
             *(_cand(m, _fmt(int(m.group("y"))), "year") for m in p.year.finditer(text))]
    merged = _merge_weekdays(text, _longest_first(cands))
    return [
        DateMention(start=c.start, end=c.end, surface=text[c.start : c.end], value=c.value,
                    precision=c.precision, weak=c.weak)
        for c in merged
        if c.value is not None and c.standalone
    ]  # fmt: skip


# "HANOI, May 8 (Newswire) -", "ACCRA, 8 mai -": a dateline's place and comma before its day, an agency and
# a dash after it
_DATELINE_PLACE = re.compile(r"\s*[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3}\s*,\s*")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-\u2013\u2014]\s")


def is_stamp(text: str, mention: DateMention, published: date | None) -> bool:
    """Whether a date is the article's publication stamp: "16.09.2023 Author Name, Outlet …" opening a
    paragraph (written in digits alone, first on its line) or the day of a dateline opening one ("HANOI,
    May 8 (Newswire) - …", "ACCRA, 8 mai -"), the publication day itself. It dates the page, not what the
    paragraph's sentence says happened."""
    if published is None or mention.value != published.isoformat():
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    lead = text[line_start : mention.start]
    if not any(c.isalpha() for c in mention.surface):
        return not lead.strip()
    return bool(_DATELINE_PLACE.fullmatch(lead)) and bool(_DATELINE_TAIL.match(text, mention.end))


def _longest_first(cands: list[_Candidate]) -> list[_Candidate]:
    """The candidates kept longest first (then leftmost) where they overlap, in text order.

    Kept spans do not overlap, so their starts and ends rise together: the only kept span that can
    overlap a candidate is the last one starting before the candidate ends (one bisection, not a scan).
    An empty candidate (sorted last) overlaps no other empty one, so only non-empty spans are indexed."""
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect_left(starts, c.end)
        if i and ends[i - 1] > c.start:
            continue
        chosen.append(c)
        if c.end > c.start:
            starts.insert(i, c.start)
            ends.insert(i, c.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


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
        if c.kind == "date" and nxt is not None and nxt.kind == "period" and _GAP.match(text[c.end : nxt.start]):
            # "December 3 last year", "в июле текущего года": the period qualifies the date before it
            value = c.value
            if value is not None and nxt.value is not None and nxt.precision is DatePrecision.YEAR:
                value = nxt.value + value[4:]  # the year the period names
            out.append(_Candidate(c.start, nxt.end, value, c.precision, "date", c.standalone))
            i += 2
            continue
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
