"""Datelines ("Kompas.com - 24/06/2021, 12:20 WIB") and lead-ins ("JAKARTA (ANTARA) -") of a text's head."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from loaders.dates.find import DatePrecision, find_dates
from loaders.lang import all_lang_data, lang_data, language_chain


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


_TIME = re.compile(r"(?<!\d)(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?(?!\d)", re.I)


_OUTLET_SEP = re.compile(r"\s+[-–—|]\s+|\s*\|\s*")


_MAX_DATELINE = 90


@cache
def _dateline_words(lang: str) -> frozenset[str]:
    """Words a dateline of `lang` may carry besides its date, time and outlet."""
    data = lang_data(lang)
    inherited = {w for d in language_chain(lang) for w in d.boilerplate.dateline_words}
    return frozenset(set(data.weekdays) | inherited | set(_TZ_OFFSETS))


def parse_dateline(line: str, lang: str | None = None) -> Dateline | None:
    """Read a dateline line: a full date with year, optional weekday, time, zone, cue words and outlet.

    Accepted shapes are general: "<Outlet> - 24/06/2021, 12:20 WIB", "Rabu, 24 Jun 2020 10:23 WIB",
    "Published Jul 21, 2023 05:59 am", "2021-06-24 | Outlet". Anything else on the line: not a dateline.
    """
    line = line.strip()
    if not line or len(line) > _MAX_DATELINE or not any(c.isdigit() for c in line):
        return None  # (a day's date without a publication date to count from is written with digits)
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
