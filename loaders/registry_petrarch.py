"""The PETRARCH2 import: Phoenix international-actor dictionary (git snapshot) → generated organisations.

`openeventdata/petrarch2` (MIT) ships TABARI-format dictionaries: an entry is a name (words joined by
"_"), "+" lines of variants and "[CODE date-range]" codes. Of `Phoenix.International.actors.txt` the
import keeps the intergovernmental organisations (rules in loaders/data/registry/petrarch.yaml) with
their variants as aliases; office holders (dated codes), NGOs and companies are left out (README,
Registry sources). Same snapshot → same bytes: entries sorted, the date is the source commit's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from loaders.datafiles import load_yaml
from loaders.registry.build import DATA_DIR
from loaders.registry_import import SourceInfo, _git, repo_name
from loaders.text import norm, slug

PETRARCH_REPO = "openeventdata/petrarch2"
RULES_FILE = DATA_DIR / "registry" / "petrarch.yaml"
ORGS_FILE = DATA_DIR / "actors" / "generated" / "organizations.json"
_CODE = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"\d{6}")


class GeneratedOrg(BaseModel):
    """An organisation of the generated data."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: str
    code: str
    aliases: list[str]


@dataclass(frozen=True)
class PetrarchRules:
    """petrarch.yaml."""

    file: str
    licence: str
    kind: str
    prefixes: tuple[str, ...]
    org_words: frozenset[str]
    person_words: frozenset[str]
    small_words: frozenset[str]
    generic_words: frozenset[str]


def load_petrarch_rules(path: Path = RULES_FILE) -> PetrarchRules:
    """Read petrarch.yaml."""
    raw: dict[str, Any] = load_yaml(path) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(norm(str(w)) for w in raw.get(key) or ())
    return PetrarchRules(file=str(raw["file"]), licence=str(raw["licence"]), kind=str(raw["kind"]),
                         prefixes=tuple(str(p) for p in raw.get("prefixes") or ()), org_words=words("org_words"),
                         person_words=words("person_words"), small_words=words("small_words"),
                         generic_words=words("generic_words"))


@dataclass
class Entry:
    """One dictionary entry: its names (the first is the head) and codes."""

    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def parse_entries(text: str) -> list[Entry]:
    """The entries of a TABARI actor dictionary (comments after "#" dropped)."""
    entries: list[Entry] = []
    for line in text.splitlines():
        body = line.split("#", 1)[0]
        head = _CODE.split(body)[0]
        codes = _CODE.findall(body)
        if body[:1] not in ("", "+", " ", "\t", "[") and _name(head):
            entries.append(Entry([_name(head)]))
        elif body.startswith("+") and entries and _name(head[1:]):
            entries[-1].names.append(_name(head[1:]))
        if entries and codes:
            entries[-1].codes.extend(c.strip() for c in codes if c.strip())
    return entries


def is_org(entry: Entry, rules: PetrarchRules) -> bool:
    """An undated code of a kept prefix, an organisation word in a name, no person or role word."""
    if not entry.codes or any(_DATED.search(c) for c in entry.codes):
        return False
    if not all(c.split()[0].startswith(rules.prefixes) for c in entry.codes):
        return False
    words = {w for n in entry.names for w in norm(n).split()}
    generic = rules.org_words | rules.small_words | rules.generic_words
    named = all(set(norm(n).split()) - generic for n in entry.names[:1])  # "International Government Organization"
    return bool(words & rules.org_words) and not words & rules.person_words and named


def display(name: str, rules: PetrarchRules) -> str:
    """An upper-case dictionary name in title case, its small words lower case; one word and words of two
    letters stay as they are (acronyms: "OPCW", "UN", "EU")."""
    words = name.split()
    if len(words) == 1:
        return name
    out = [w.lower() if i and norm(w) in rules.small_words else w if len(w) <= 2 else w.capitalize()
           for i, w in enumerate(words)]
    return " ".join(out)


def organisations(entries: list[Entry], rules: PetrarchRules) -> list[GeneratedOrg]:
    """The kept entries as organisations, entries of the same folded head merged, sorted by id."""
    merged: dict[str, tuple[str, dict[str, None]]] = {}
    for entry in entries:
        if not is_org(entry, rules):
            continue
        head = display(entry.names[0], rules)
        _, names = merged.setdefault(norm(head), (entry.codes[0].split()[0], {}))
        names.update(dict.fromkeys(display(n, rules) for n in entry.names))
    out = [GeneratedOrg(id=f"org:igo-{slug(next(iter(names)))}", name=next(iter(names)), kind=rules.kind, code=code,
                        aliases=sorted(n for n in names if n != next(iter(names))))
           for code, names in merged.values()]
    return sorted(out, key=lambda o: o.id)


def build_petrarch(git_dir: Path, rules: PetrarchRules | None = None) -> tuple[SourceInfo, list[GeneratedOrg]]:
    """The source record and the organisations of a petrarch2 snapshot."""
    rl = rules or load_petrarch_rules()
    text = _git(git_dir, "show", f"HEAD:{rl.file}")
    entries = parse_entries(text)
    orgs = organisations(entries, rl)
    source = SourceInfo(repo=repo_name(git_dir), commit=_git(git_dir, "rev-parse", "HEAD").strip(),
                        date=_git(git_dir, "log", "-1", "--format=%cs", "HEAD").strip(), licence=rl.licence,
                        file=rl.file, rows=len(entries), kept=len(orgs))
    return source, orgs


def dumps_orgs(source: SourceInfo, orgs: list[GeneratedOrg]) -> str:
    """The file's text: a header, the source, one organisation per line."""
    head = {"generated_by": "scripts/import_registry.py (loaders/registry_petrarch.py)", "date": source.date,
            "note": "generated file: do not edit; re-run the import (README, Registry sources)"}
    lines = ["{", f'"header":{json.dumps(head, ensure_ascii=False, sort_keys=True)},',
             f'"sources":[{json.dumps(source.model_dump(), ensure_ascii=False, sort_keys=True)}],',
             '"organizations":[',
             ",\n".join(json.dumps(o.model_dump(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                        for o in orgs), "]}", ""]
    return "\n".join(lines)
