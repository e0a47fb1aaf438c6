"""States: pycountry's names (with their translations) merged with the country files: the shared
``loaders/data/countries/*.yaml`` (names.yaml, cldr.yaml, demonyms.yaml: every language; the generated
demonyms_world.yaml, demonyms_langs.yaml and regions.yaml) and each language's
``loaders/data/lang/<code>/countries.yaml``."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from graph_schema.model import EntityType
from loaders.models import EntitySource
from loaders.registry.model import Actor
from loaders.registry.yamlio import as_list, read_yaml
from loaders.text import norm

_LANG_DIR = Path(__file__).parent.parent / "data" / "lang"
_LANGUAGE_FILE = "language.yaml"  # one per language folder (loaders.lang.data)
_COUNTRIES_FILE = "countries.yaml"  # a language's own state names, in its folder


def _languages() -> list[str]:
    """The project's languages: one per folder of loaders/data/lang/ (adding one adds its names)."""
    return sorted(p.parent.name for p in _LANG_DIR.glob(f"*/{_LANGUAGE_FILE}") if p.parent.name != "en")


def _pycountry_names() -> dict[str, tuple[str, list[str]]]:
    """ISO alpha-3 -> (English name, names in English and the project's languages)."""
    translations = {}
    for lang in _languages():
        try:
            translations[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    full: dict[str, list[str]] = {}
    english_of: dict[str, set[str]] = {}
    for c in pycountry.countries:
        base = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        english = [n for n in base if n]
        english_of[c.alpha_3] = set(english)
        full[c.alpha_3] = [*english, *(tr.gettext(n) for tr in translations.values() for n in english)]
    owner: dict[str, set[str]] = {}
    for iso, names in full.items():
        for n in names:
            owner.setdefault(norm(n), set()).add(iso)
    out: dict[str, tuple[str, list[str]]] = {}
    for c in pycountry.countries:
        expanded: list[str] = []
        for n in full[c.alpha_3]:
            expanded.append(n)
            short = n.split(",")[0]
            # "Iran, Islamic Republic of" -> "Iran" (and "Congo, The Democratic Republic of the" -> "Congo", which
            # stays ambiguous); not a translation's "Perancis, Wilayah Bagian Selatan" -> "Perancis", the Malay
            # name of another state (France): a translated short form another state is named by is left out
            if "," in n and (n in english_of[c.alpha_3] or owner.get(norm(short), {c.alpha_3}) <= {c.alpha_3}):
                expanded.append(short)
        out[c.alpha_3] = (getattr(c, "common_name", None) or c.name, expanded)
    return out


def _merge_entry(into: dict[str, Any], entry: dict[str, Any]) -> None:
    """Add one country file's entry to what earlier files gave: names per language are merged, lists
    (aliases, demonyms, epithets) extended, other values replaced; so a language's names can live in
    a file of their own (lang/pt/countries.yaml) next to names.yaml."""
    for key, value in entry.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            into[key] = {**old, **value}
        elif isinstance(old, list) and isinstance(value, list):
            into[key] = [*old, *value]
        else:
            into[key] = value


def _country_files(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Every country file's entries merged per ISO code."""
    extra: dict[str, dict[str, Any]] = {}
    # names.yaml first (its first demonym is the English one), the other shared files, then each
    # language's own file (lang/pt/countries.yaml …)
    shared = sorted((data_dir / "countries").glob("*.yaml"), key=lambda p: (p.stem != "names", p.name))
    for path in [*shared, *sorted((data_dir / "lang").glob(f"*/{_COUNTRIES_FILE}"))]:
        for iso, entry in (read_yaml(path) or {}).items():
            _merge_entry(extra.setdefault(str(iso), {}), entry or {})
    return extra


@dataclass
class Countries:
    """The states and the names that point to them, before they enter the alias index."""

    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # country -> lang -> name
    demonyms: dict[str, str] = field(default_factory=dict)  # country -> English demonym
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (iso, alias) unambiguous, in order
    demonym_forms: list[tuple[str, str]] = field(default_factory=list)
    epithets: list[tuple[str, str]] = field(default_factory=list)
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # country -> region, subregion (regions.yaml)


def load_countries(data_dir: Path) -> Countries:
    """Every pycountry state with the curated names, demonyms and epithets of the country files."""
    out = Countries()
    country_aliases: dict[str, set[str]] = {}  # folded alias -> countries (ambiguous ones dropped)
    alias_forms: dict[tuple[str, str], str] = {}
    extra = _country_files(data_dir)
    for iso, (name, pyc_names) in _pycountry_names().items():
        ex = extra.get(iso, {})
        lang_names: dict[str, str] = {str(k): str(v) for k, v in (ex.get("names") or {}).items()}
        canonical = lang_names.get("en", name)
        lang_names.setdefault("en", canonical)
        for lang, cldr_name in (ex.get("cldr") or {}).items():  # CLDR's name where no curated one is given
            lang_names.setdefault(str(lang), str(cldr_name))
        out.names[iso] = lang_names
        out.demonym_forms += [(iso, dem) for dem in as_list(ex.get("demonyms"))]
        if ex.get("demonyms"):
            out.demonyms[iso] = as_list(ex.get("demonyms"))[0]
        # demonyms of further languages (demonyms_langs.yaml: language -> forms) are aliases only, never the
        # state's first (English) demonym, which templates use and which marks a state for them
        for forms in (ex.get("lang_demonyms") or {}).values():
            out.demonym_forms += [(iso, dem) for dem in as_list(forms)]
        out.epithets += [(iso, ep) for ep in as_list(ex.get("epithets"))]
        if ex.get("regions"):
            out.regions[iso] = frozenset(str(r) for r in as_list(ex.get("regions")))
        all_names = [canonical, *lang_names.values(), *as_list(ex.get("aliases")), *pyc_names]
        for alias in all_names:
            key = norm(alias)
            if key:
                country_aliases.setdefault(key, set()).add(iso)
                alias_forms.setdefault((key, iso), alias)
        out.actors[iso] = Actor(id=iso, type=EntityType.COUNTRY, name=canonical,
                                aliases=tuple(dict.fromkeys(all_names)), qid=ex.get("qid"), country=iso,
                                source=EntitySource.PYCOUNTRY)
    for key, isos in country_aliases.items():
        if len(isos) == 1:  # "Korea", "Congo": ambiguous without more words
            iso = next(iter(isos))
            out.aliases.append((iso, alias_forms[(key, iso)]))
    return out
