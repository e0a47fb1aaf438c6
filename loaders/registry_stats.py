"""What the loaded registry holds: states, people, dated roles, organisations, names per language, sources."""

from __future__ import annotations

import gettext
from typing import Any

import pycountry
from pydantic import BaseModel

from graph_schema.model import EntityType
from loaders.datafiles import load_yaml
from loaders.registry import DATA_DIR, Registry
from loaders.registry_import import GENERATED_FILE, SourceInfo, read_generated
from loaders.translit import load_transliterator


class RegistryStats(BaseModel):
    """`tiesgraph registry stats`."""

    states: int
    states_with_officials: int
    persons: int
    persons_generated: int
    persons_with_dated_roles: int
    organisations: int
    state_names_per_language: dict[str, int]
    person_spellings_per_language: dict[str, int]
    generated_date: str | None
    sources: list[SourceInfo]


def _languages() -> list[str]:
    """The project's languages: one folder with a language.yaml each (loaders/data/lang/<code>/)."""
    return sorted(p.parent.name for p in (DATA_DIR / "lang").glob("*/language.yaml"))


def state_names_per_language(reg: Registry) -> dict[str, int]:
    """States with a name in each project language: the registry's own (names.yaml), CLDR's (cldr.yaml,
    from Babel) or ISO's translation (pycountry)."""
    cldr_file = DATA_DIR / "countries" / "cldr.yaml"
    cldr: dict[str, dict[str, Any]] = (load_yaml(cldr_file) or {}) if cldr_file.exists() else {}
    out: dict[str, int] = {}
    for lang in _languages():
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
        except OSError:
            tr = None
        count = 0
        for c in pycountry.countries:
            own = reg.names.get(c.alpha_3, {}).get(lang) or (cldr.get(c.alpha_3) or {}).get("cldr", {}).get(lang)
            if own or lang == "en" or (tr is not None and tr(c.name) != c.name):
                count += 1
        out[lang] = count
    return out


def person_spellings(reg: Registry) -> dict[str, int]:
    """Registry people with a spelling of their own in each language of the transliteration rules."""
    tl = load_transliterator()
    out = dict.fromkeys(sorted(tl.languages), 0)
    for actor in reg.actors.values():
        if actor.type != EntityType.PERSON or actor.country not in tl.states:
            continue
        for lang, rules in tl.languages.items():
            words = actor.name.casefold().split()
            if [rules.word(w) for w in words] != words:
                out[lang] += 1
    return out


def registry_stats(reg: Registry) -> RegistryStats:
    """Counts of the registry (see the class)."""
    persons = [a for a in reg.actors.values() if a.type == EntityType.PERSON]
    dated = [a for a in persons if any(r.start is not None for r in a.roles)]
    data = read_generated(GENERATED_FILE)
    return RegistryStats(
        states=sum(1 for a in reg.actors.values() if a.type == EntityType.COUNTRY),
        states_with_officials=len({r.country for a in dated for r in a.roles if r.country}),
        persons=len(persons),
        persons_generated=sum(1 for a in persons if a.source == "generated"),
        persons_with_dated_roles=len(dated),
        organisations=sum(1 for a in reg.actors.values() if a.type == EntityType.ORGANIZATION),
        state_names_per_language=state_names_per_language(reg),
        person_spellings_per_language=person_spellings(reg),
        generated_date=data.date if data else None,
        sources=data.sources if data else [],
    )
