"""Write loaders/data/countries/demonyms_langs.yaml: Spanish, Italian and German demonyms of every state, from
the i18n-nationality data set (MIT), brought in as a snapshot with the search tool's `fetch` verb.

Build time only; the project keeps the derived file. Same snapshot → same bytes.

    .venv/bin/python scripts/import_demonyms_more.py /work/.mirror/sourcecode911+i18n-nationality/repo

The snapshot gives one base form per state and language (``langs/<lang>.json``: alpha-2 → "Paraguayo"), mapped
to alpha-3 by its ``codes.json``. The inflections news uses are generated here, only where the rule is regular:
Spanish -o/-a/-os/-as, -e/-es, -és/-esa/-eses/-esas, -án and -ón likewise, -í/-íes, -a/-as; Italian
-o/-a/-i/-e (-co and -go: the singulars and -che/-ghe only, the masculine plural being -ci or -chi), -e/-i;
German only the -isch base form, since the matcher adds the adjective endings (-e, -en, -er, -es, -em) itself
(``inflection.adjective_endings`` in lang/de/language.yaml). A form is dropped when it is not an adjective of its
language (German without -isch, Italian ending in a consonant: the source left some in English), when it is the
source's English form or a state's name ("Andorra", "Ghana"), when two states get it (a form the source
qualifies in parentheses, "Turco (Islas Turcas y Caicos)", yields to another state's plain one), when the hand
files already give it to a state, or when it is an ordinary word (ORDINARY_WORDS). An entry whose English form is
the state's own name ("Christmas Island") has no demonym in the source and is skipped.

The forms go under the key ``lang_demonyms`` (language → forms): the registry adds them to the state's demonym
aliases but never takes one as the state's first (English) demonym.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from loaders.datafiles import Snapshot, dumps_country_table, snapshot
from loaders.text import norm

DATA = Path(__file__).resolve().parent.parent / "loaders" / "data"
OUT = DATA / "countries" / "demonyms_langs.yaml"
HAND_FILES = ("names.yaml", "demonyms.yaml", "demonyms_world.yaml")
NAME_FILES = ("names.yaml", "cldr.yaml")
SOURCE = "https://github.com/sourcecode911/i18n-nationality"
LANGS = ("es", "it", "de")  # the snapshot's languages that the project reads and no hand file covers
# Base forms left out with their inflections: a demonym alias matches in any context, so an ordinary word or a
# first name would name the state wherever it stands; and the source's few wrong forms.
ORDINARY_WORDS = {
    "es": {"indio",  # also "indigenous American"
           "luciano",  # a first name (Saint Lucia)
           "granadino",  # also "of Granada" (Grenada)
           "coreano",  # either Korea (South Korea in the source)
           "centroafricano",  # also "of Central Africa"
           "navideño", "caribeño", "sahariano"},  # "of Christmas", "Caribbean", "Saharan" (territories)
    "it": {"emiro",  # "emir" (the source's form for the Emirates)
           "salomone",  # "Solomon" (Solomon Islands)
           "centrafricano",  # also "of Central Africa"
           "gallese"},  # "Welsh", which the source gives for Wallis and Futuna
}


# A base in -a is an adjective of both genders only with these endings ("belga", "croata", "vietnamita",
# "cipriota"); other -a words in the source are names ("Antigua", "Bermuda") or feminine forms.
_INVARIABLE_A = ("ita", "ota", "ata", "ga", "ista")



def _strip_accent(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def _spanish(word: str) -> list[str]:
    if word.endswith("o"):
        return [word, word[:-1] + "a", word + "s", word[:-1] + "as"]
    if word.endswith(("és", "án", "ón")):  # albanés albanesa albaneses albanesas; alemán; letón
        stem = word[:-2] + _strip_accent(word[-2])
        return [word, stem + word[-1] + "a", stem + word[-1] + "es", stem + word[-1] + "as"]
    if word.endswith("e"):
        return [word, word + "s"]
    if word.endswith("í"):
        return [word, word + "es"]
    if word.endswith(_INVARIABLE_A):
        return [word, word + "s"]
    return [] if word.endswith(("a", "o")) else [word]  # "Antigua": a name, not an adjective


def _italian(word: str) -> list[str]:
    if word.endswith(("co", "go")):
        return [word, word[:-1] + "a", word[:-1] + "he"]
    if word.endswith("o"):
        return [word, word[:-1] + "a", word[:-1] + "i", word[:-1] + "e"]
    if word.endswith("e"):
        return [word, word[:-1] + "i"]
    if word.endswith(_INVARIABLE_A):
        return [word]
    return []  # a consonant or -i: the source's English form ("Afghan", "Omani") or a plural


def inflect(lang: str, base: str) -> list[str]:
    """The regular forms of a base form, lower-case, base first; [] when it is no adjective of `lang`."""
    word = base.strip().lower()
    if not word or " " in word:
        return []
    if lang == "es":
        return _spanish(word)
    if lang == "it":
        return _italian(word)
    return [word] if word.endswith("isch") else []


def _bases(value: str) -> tuple[list[str], bool]:
    """A source value's base forms ("Trinidadiano o Tobagoniano": two) and whether the source qualified it in
    parentheses ("Turco (Islas Turcas y Caicos)"): such a form is one the source knows other states share."""
    qualified = "(" in value
    head = value.split("(")[0].strip()
    return [p.strip() for p in head.split(" o ") if p.strip()], qualified


def _table_forms(names: tuple[str, ...], keys: tuple[str, ...]) -> dict[str, set[str]]:
    """Normalised form (`norm`: folded as the alias index folds it) → the states the project's country files
    give it to under `keys`."""
    owners: dict[str, set[str]] = defaultdict(set)
    for name in names:
        text = (DATA / "countries" / name).read_text(encoding="utf-8")
        for iso, entry in (yaml.safe_load(text) or {}).items():
            for key in keys:
                value = (entry or {}).get(key) or []
                for form in value.values() if isinstance(value, dict) else value:
                    owners[norm(str(form))].add(str(iso))
    return owners


def hand_owners() -> dict[str, set[str]]:
    """Folded demonym → the states the hand-written and earlier generated country files give it to."""
    return _table_forms(HAND_FILES, ("demonyms",))


def state_names() -> dict[str, set[str]]:
    """State → its folded names in every language (names.yaml, cldr.yaml)."""
    out: dict[str, set[str]] = defaultdict(set)
    for form, isos in _table_forms(NAME_FILES, ("names", "aliases", "cldr")).items():
        for iso in isos:
            out[iso].add(form)
    return out


def snapshot_forms(snapshot: dict[str, dict[str, str]], alpha3: dict[str, str], names: dict[str, set[str]],
                   ) -> dict[str, dict[str, list[tuple[str, bool]]]]:
    """alpha-3 → language → (form, qualified) in the snapshot's order, before ambiguity is weighed."""
    every_name = set().union(*names.values()) if names else set()
    ordinary = {norm(w) for ws in ORDINARY_WORDS.values() for w in ws}
    out: dict[str, dict[str, list[tuple[str, bool]]]] = {}
    for a2, english in snapshot.get("en", {}).items():
        iso = alpha3.get(a2)
        if iso is None or norm(english) in names.get(iso, set()):
            continue  # the source has no demonym for it: its English form is the name ("Christmas Island")
        per_lang: dict[str, list[tuple[str, bool]]] = {}
        for lang in LANGS:
            bases, qualified = _bases(snapshot.get(lang, {}).get(a2, ""))
            bases = [b for b in bases if norm(b) != norm(english) and norm(b) not in every_name | ordinary]
            forms = [f for f in (f for b in bases for f in inflect(lang, b)) if norm(f) not in every_name]
            if forms:
                per_lang[lang] = [(f, qualified) for f in dict.fromkeys(forms)]
        if per_lang:
            out[iso] = per_lang
    return out


def derive(snapshot: dict[str, dict[str, str]], alpha3: dict[str, str], *, owners: dict[str, set[str]],
           names: dict[str, set[str]]) -> dict[str, dict[str, list[str]]]:
    """alpha-3 → language → the unambiguous forms the hand files do not already have."""
    forms = snapshot_forms(snapshot, alpha3, names)
    plain: dict[str, set[str]] = defaultdict(set)
    qualified: dict[str, set[str]] = defaultdict(set)
    for iso, per_lang in forms.items():
        for pairs in per_lang.values():
            for form, marked in pairs:
                (qualified if marked else plain)[norm(form)].add(iso)

    def owner(form: str) -> str | None:
        key = norm(form)
        isos = plain[key] or qualified[key]
        return next(iter(isos)) if len(isos) == 1 and key not in owners else None

    out: dict[str, dict[str, list[str]]] = {}
    for iso in sorted(forms):
        seen: set[str] = set()
        per_lang = {}
        for lang, pairs in forms[iso].items():
            keep = [f for f, _ in pairs if owner(f) == iso and norm(f) not in seen]
            seen.update(norm(f) for f in keep)
            if keep:
                per_lang[lang] = keep
        if per_lang:
            out[iso] = per_lang
    return out


def read_snapshot(snap: Snapshot) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """The snapshot's base forms per language (alpha-2 keys, English included) and its alpha-2 → alpha-3."""
    langs = {lang: json.loads(snap.show(f"langs/{lang}.json"))["nationalities"]
             for lang in ("en", *LANGS)}
    alpha3 = {row[0]: row[1] for row in json.loads(snap.show("codes.json"))}
    return langs, alpha3


def main(repo: Path) -> None:
    snap = snapshot(repo)
    commit, date = snap.commit, snap.date
    forms, alpha3 = read_snapshot(snap)
    entries = derive(forms, alpha3, owners=hand_owners(), names=state_names())
    left_out = ", ".join(sorted({w for ws in ORDINARY_WORDS.values() for w in ws}))
    about = (f"Generated by scripts/import_demonyms_more.py from {SOURCE} @{commit} ({date}), langs/es.json, "
             "langs/it.json, langs/de.json and codes.json, MIT licence (Copyright (c) 2016 widdix GmbH; the "
             "licence text is in the snapshot's LICENSE). Spanish, Italian and German demonyms: the source's base "
             "form with its regular inflections generated by the script (es -o/-a/-os/-as, -e/-es, "
             "-és/-esa/-eses/-esas, -án, -ón, -í/-íes, -a/-as; it -o/-a/-i/-e, -co/-go without the masculine "
             "plural, -e/-i; de the -isch base form only, its endings added at match time). Dropped: forms that "
             "are no adjective of their language, the source's English form, a state's name, forms of two "
             "states, forms the hand files have, and ordinary words, first names and the source's wrong forms "
             "with their inflections (" + left_out + "). The registry reads "
             "lang_demonyms as demonym aliases, never as a state's first demonym. Do not edit; re-run the script. "
             "Written as JSON (a subset of YAML) so it loads fast.")
    OUT.write_text(dumps_country_table(about, {iso: {"lang_demonyms": v} for iso, v in entries.items()}),
                   encoding="utf-8")
    counts = {lang: (sum(1 for v in entries.values() if lang in v), sum(len(v.get(lang, [])) for v in entries.values()))
              for lang in LANGS}
    print(f"{OUT.relative_to(DATA.parent.parent)}: {len(entries)} states; "
          + ", ".join(f"{lang} {s} states {n} forms" for lang, (s, n) in counts.items())
          + f" from {SOURCE} @{commit[:12]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
