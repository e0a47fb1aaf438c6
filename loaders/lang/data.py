"""Per-language data (loaders/data/lang/<code>/language.yaml), schema-checked.

Each language is one folder ``loaders/data/lang/<code>/``: ``language.yaml`` (read here), ``rules.yaml`` (the
extractor's trigger words, `loaders.lang.rules`) and optionally ``countries.yaml`` (state names in that
language, `loaders.registry.countries`); adding a language means adding a folder, never code. The sections
of ``language.yaml``:

    code: id                         # ISO 639-1, equal to the folder name
    name: Indonesian
    stopwords: [yang, dan, ...]      # frequent function words: language detection
    months: {januari: 1, jan: 1}     # lower-case month name / abbreviation / inflected form -> 1..12
    ambiguous_months: [mei]          # month words that are also common words: used only next to a day/year
    weekdays: {senin: 0, ...}        # lower-case weekday name -> 0 (Monday) .. 6 (Sunday)
    ambiguous_weekdays: [sun]        # weekday words that are also common words: used only in a date
    relative_days: {kemarin: -1}     # word or phrase -> day offset from the publication date
    capitalized_names: true          # a month or weekday name alone counts only when capitalized
    date_order: dmy                  # order of all-numeric dates (dmy | mdy); dmy when missing
    day_suffixes: [st, nd, rd, th]   # what may follow a day number before the month ("22nd June", "1er")
    date_connectors: [de, del]       # words between day and month or month and year ("22 de junio de 2021")
    abbreviations: [jend., mr.]      # lower-case tokens with their final period: end no sentence ...
    sentence_starters: [the, he]     # ... unless one of these words follows ("in the U.S. The president")
    boilerplate:                     # case-folded cues, matched on whole lines
      drop_prefix: ["baca juga"]     # a line starting with the cue is dropped
      drop_line: ["komentar"]        # a line equal to the cue (trailing ':' ignored) is dropped
      end_prefix: ["halaman:"]       # a short line starting with the cue ends the article body
      dateline_words: [wib]          # words a dateline line may carry besides date, time and outlet
    name_suffixes: [Jr., II]         # generational suffixes of a person's name (case kept; a final "."
                                     # may be left out); every language's apply in all (`name_suffixes`)
    possessive_endings: ["'s"]       # endings `tight` reads as a gap (all languages', `possessive_endings`)
    inherit: [en]                    # the languages whose data this one adds (loaders.lang.inherit)
    inflection:                      # how phrase words match inflected text words (all languages', `inflection`)
      stem_letters: "\u0400-\u04ff"  # a regex class body: a phrase word with such a letter has a stem ...
      endings: [а, я]                # ... the word less one of these last letters ...
      long_endings: [ая, ий]         # ... or, with 6+ letters, less one of these
      last_suffixes: [s]             # a phrase's final word may also take one ("Deutschlands")
      adjective_endings: {isch: [e, en]}  # a final word ending so also matches with these ("polnische")

An unknown key (a typo) fails loading with a `RegistryError` naming the file and the key.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from loaders.datafiles import load_yaml
from loaders.lang.inherit import chain, inherited
from loaders.lang.schema import LanguageFile, checked
from loaders.text import Inflection, fold

LANG_DIR = Path(__file__).parent.parent / "data" / "lang"  # one folder per language code
LANGUAGE_FILE = "language.yaml"


class Boilerplate(BaseModel):
    """Boilerplate cues of one language (case-folded)."""

    model_config = ConfigDict(frozen=True)

    drop_prefix: tuple[str, ...] = ()
    drop_line: tuple[str, ...] = ()
    end_prefix: tuple[str, ...] = ()
    dateline_words: tuple[str, ...] = ()


class InflectionData(BaseModel):
    """``inflection:`` of one language (see `Inflection`)."""

    model_config = ConfigDict(frozen=True)

    stem_letters: str = ""
    endings: tuple[str, ...] = ()
    long_endings: tuple[str, ...] = ()
    last_suffixes: tuple[str, ...] = ()
    surname_endings: tuple[str, ...] = ()
    oblique_endings: tuple[str, ...] = ()
    adjective_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()


class LangData(BaseModel):
    """What the input stages know about one language (one YAML file)."""

    model_config = ConfigDict(frozen=True)

    code: str
    inherit: tuple[str, ...] = ()  # languages whose data this one adds (`language_chain`)
    name: str = ""
    stopwords: frozenset[str] = frozenset()
    months: dict[str, int] = Field(default_factory=dict)
    ambiguous_months: frozenset[str] = frozenset()
    weekdays: dict[str, int] = Field(default_factory=dict)
    ambiguous_weekdays: frozenset[str] = frozenset()
    relative_days: dict[str, int] = Field(default_factory=dict)
    # "last month" -> ("month", -1): a period counted from the publication date (loaders/dates/find.py)
    relative_periods: dict[str, tuple[str, int]] = Field(default_factory=dict)
    # "recently", "hat nun", "is on a visit": an otherwise undated event of the publication month
    recent_cues: frozenset[str] = frozenset()
    date_order: str = "dmy"
    day_suffixes: frozenset[str] = frozenset()
    date_connectors: frozenset[str] = frozenset()
    capitalized_names: bool = False
    abbreviations: frozenset[str] = frozenset()
    sentence_starters: frozenset[str] = frozenset()
    name_suffixes: tuple[str, ...] = ()
    possessive_endings: tuple[str, ...] = ()
    inflection: InflectionData = Field(default_factory=InflectionData)
    boilerplate: Boilerplate = Field(default_factory=Boilerplate)


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the languages that have a data file (``<code>/language.yaml``), sorted."""
    return tuple(sorted(p.parent.name for p in LANG_DIR.glob(f"*/{LANGUAGE_FILE}")))


@cache
def lang_data(code: str) -> LangData:
    """The data of one language; an empty `LangData` for a language without a file."""
    path = LANG_DIR / code / LANGUAGE_FILE
    if not path.is_file():
        return LangData(code=code)
    return read_language(path, code)


@cache
def language_chain(code: str) -> tuple[LangData, ...]:
    """The language's data, then the data of each language it inherits (``inherit:``), depth first."""
    codes = chain(code, lambda c: lang_data(c).inherit, lambda c: LANG_DIR / c / LANGUAGE_FILE)
    return tuple(lang_data(c) for c in codes)


def read_language(path: Path, code: str) -> LangData:
    """One language file, schema-checked (`RegistryError` naming the file and an unknown key)."""
    raw = load_yaml(path) or {}
    checked(LanguageFile, raw, path)
    raw["code"] = code
    raw["inherit"] = inherited(raw)
    for key in ("stopwords", "abbreviations", "ambiguous_months", "ambiguous_weekdays", "day_suffixes",
                "date_connectors", "sentence_starters", "recent_cues"):
        raw[key] = frozenset(str(w).casefold() for w in raw.get(key) or ())
    for key in ("months", "weekdays", "relative_days"):
        raw[key] = {str(k).casefold(): int(v) for k, v in (raw.get(key) or {}).items()}
    raw["relative_periods"] = {str(k).casefold(): next((str(u), int(n)) for u, n in dict(v).items())
                               for k, v in (raw.get("relative_periods") or {}).items()}
    for key in ("name_suffixes", "possessive_endings"):
        raw[key] = tuple(str(w) for w in raw.get(key) or ())
    inf = raw.get("inflection") or {}
    raw["inflection"] = InflectionData(
        stem_letters=str(inf.get("stem_letters") or ""),
        **{k: tuple(str(w) for w in inf.get(k) or () if str(w))
           for k in ("endings", "long_endings", "last_suffixes", "surname_endings", "oblique_endings")},
        adjective_endings=tuple((str(end), tuple(str(x) for x in xs))
                                for end, xs in (inf.get("adjective_endings") or {}).items()),
    )
    bp = raw.get("boilerplate") or {}
    raw["boilerplate"] = Boilerplate(
        **{k: tuple(str(c).casefold() for c in (bp.get(k) or ())) for k in Boilerplate.model_fields}
    )
    return LangData.model_validate(raw)


def all_lang_data() -> list[LangData]:
    """The data of every available language."""
    return [lang_data(code) for code in available_languages()]


def _union(words: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The words of several languages once each, in first-seen order."""
    return tuple(dict.fromkeys(w for ws in words for w in ws))


@cache
def name_suffixes() -> tuple[str, ...]:
    """Every language's generational name suffixes ("Jr.", "III"), applied to names in any language."""
    return _union([d.name_suffixes for d in all_lang_data()])


@cache
def possessive_endings() -> tuple[str, ...]:
    """Every language's possessive endings ("'s"), read as a gap between two items in any language."""
    return _union([d.possessive_endings for d in all_lang_data()])


def inflection_of(data: list[LangData]) -> Inflection:
    """The phrase tables' `Inflection`: the union of the languages' ``inflection:`` (script letters joined)."""
    letters = "".join(d.inflection.stem_letters for d in data)
    return Inflection(
        stem_script=re.compile(f"[{letters}]") if letters else None,
        endings=frozenset(w for d in data for w in d.inflection.endings),
        long_endings=frozenset(w for d in data for w in d.inflection.long_endings),
        last_suffixes=_union([d.inflection.last_suffixes for d in data]),
        surname_endings=frozenset(w for d in data for w in d.inflection.surname_endings),
        oblique_endings=frozenset(w for d in data for w in d.inflection.oblique_endings),
        adjective_endings=tuple(sorted({(fold(end), fold(x)) for d in data for end, xs in d.inflection.adjective_endings
                                        for x in xs})),
    )


@cache
def inflection() -> Inflection:
    """Every language's inflection data, for the phrase tables shared by all languages."""
    return inflection_of(all_lang_data())
