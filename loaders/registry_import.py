"""The registry import: public cabinet tables (git snapshots) → one generated JSON data file.

Sources are bare git directories fetched from public repositories (``<owner>+<name>/repo``):
every-politician-scrapers' ``<state>-cabinet`` / ``-ministers`` repositories (``html/holders21.csv``:
position, person, Wikidata id, start, end; the state in ``meta.json``) and ``world-leaders-2021``
(``data/wikidata.csv``: heads of state and government of every state). Positions are kept only when
``loaders/data/registry/positions.yaml`` maps them to a role of defence or diplomatic news, and become the
project's titles ("Minister of Defence of Brazil").

Re-runnable: the output depends only on the snapshots' contents and commits (rows sorted, dates taken
from the source commits, never from the clock), so the same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from pydantic import BaseModel, ConfigDict

from loaders.datafiles import load_yaml
from loaders.errors import RegistryError
from loaders.registry.build import DATA_DIR
from loaders.text import slug

POSITIONS_FILE = DATA_DIR / "registry" / "positions.yaml"
GENERATED_FILE = DATA_DIR / "actors" / "generated" / "persons.json"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q\d+$")


class SourceInfo(BaseModel):
    """One imported snapshot: repository, commit, commit date, licence, file read."""

    model_config = ConfigDict(frozen=True)

    repo: str
    commit: str
    date: str
    licence: str
    file: str
    rows: int
    kept: int


class GeneratedRole(BaseModel):
    """A dated role in the generated data (the organisation by kind: resolved when the registry loads)."""

    model_config = ConfigDict(frozen=True)

    title: str
    country: str
    org_kind: str | None = None
    start: str | None = None
    end: str | None = None


class GeneratedPerson(BaseModel):
    """A person of the generated data."""

    id: str
    name: str
    qid: str
    country: str
    roles: list[GeneratedRole]


class GeneratedData(BaseModel):
    """The generated file: header (sources, date) and persons."""

    generated_by: str
    date: str
    sources: list[SourceInfo]
    persons: list[GeneratedPerson]


@dataclass(frozen=True)
class RoleRule:
    """A role of positions.yaml: the title, its institution's kind, and whether "to <host>" is kept."""

    title: str
    pattern: re.Pattern[str]
    org_kind: str | None
    keeps_host: bool


@dataclass(frozen=True)
class Rules:
    """positions.yaml, compiled."""

    roles: tuple[RoleRule, ...]
    exclude: tuple[re.Pattern[str], ...]
    jurisdictions: dict[str, str]
    licences: dict[str, str]


def load_rules(path: Path = POSITIONS_FILE) -> Rules:
    """Compile positions.yaml."""
    raw: dict[str, Any] = load_yaml(path) or {}
    roles = tuple(RoleRule(str(r["title"]), re.compile(str(r["pattern"])), r.get("org_kind"), bool(r.get("to")))
                  for r in raw.get("roles") or ())
    return Rules(roles=roles, exclude=tuple(re.compile(str(p)) for p in raw.get("exclude") or ()),
                 jurisdictions={str(k): str(v) for k, v in (raw.get("jurisdictions") or {}).items()},
                 licences={str(k): str(v) for k, v in (raw.get("licences") or {}).items()})


def _git(git_dir: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", f"--git-dir={git_dir}", *args], capture_output=True, check=True, text=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RegistryError(f"{git_dir}: git {' '.join(args)} failed") from exc
    return done.stdout


def repo_name(git_dir: Path) -> str:
    """owner/name of a mirror directory (``…/<owner>+<name>/repo`` or ``…/repo/.git``)."""
    for part in reversed(git_dir.resolve().parts):
        if "+" in part:
            return part.replace("+", "/", 1)
    raise RegistryError(f"{git_dir}: not a mirror directory (<owner>+<name>/repo)")


def _files(git_dir: Path) -> set[str]:
    return set(_git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").splitlines())


def country_of(name: str, rules: Rules) -> str | None:
    """ISO alpha-3 (or stand-in) of a state named in English ("the" before it dropped)."""
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    if name in rules.jurisdictions:
        return rules.jurisdictions[name]
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def classify(label: str, state_names: Sequence[str], rules: Rules) -> tuple[RoleRule, str] | None:
    """The role rule a position label is (its " of <state>" tail dropped) and the host of "… to <host>"."""
    text = " ".join(label.casefold().split())
    for name in sorted(state_names, key=len, reverse=True):
        for tail in (f" of {name.casefold()}", f" of the {name.casefold()}"):
            if text.endswith(tail):
                text = text[: -len(tail)]
    if any(p.search(text) for p in rules.exclude):
        return None
    for rule in rules.roles:
        if rule.pattern.search(text):
            host = label[label.casefold().rfind(" to ") + 4:].strip() if rule.keeps_host else ""
            return rule, host
    return None


def _title(rule: RoleRule, state: str, host: str) -> str:
    return f"{rule.title} of {state} to {host}" if rule.keeps_host and host else f"{rule.title} of {state}"


def _date(value: str) -> str | None:
    value = value.strip()
    return value if _DATE.match(value) else None


@dataclass(frozen=True)
class Row:
    """One source row: who held which position, when."""

    qid: str
    name: str
    country: str
    label: str
    start: str | None
    end: str | None


def _cabinet_rows(git_dir: Path, files: set[str], rules: Rules) -> tuple[str, list[Row]]:
    meta = json.loads(_git(git_dir, "show", "HEAD:meta.json")) if "meta.json" in files else {}
    state = str((meta.get("jurisdiction") or {}).get("name") or "")
    if not state:
        state = re.sub(r"-(cabinet|ministers)$", "", repo_name(git_dir).split("/")[1]).replace("-", " ").title()
    iso = country_of(state, rules)
    if iso is None:
        raise RegistryError(f"{git_dir}: state {state!r} not known (add it to positions.yaml jurisdictions)")
    text = _git(git_dir, "show", "HEAD:html/holders21.csv")
    rows = [Row(r.get("personID", "").strip(), r.get("person", "").strip(), iso, r.get("position", "").strip(),
                _date(r.get("start", "")), _date(r.get("end", "")))
            for r in csv.DictReader(io.StringIO(text))]
    return "html/holders21.csv", rows


def _leaders_rows(git_dir: Path, rules: Rules) -> tuple[str, list[Row]]:
    text = _git(git_dir, "show", "HEAD:data/wikidata.csv")
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        iso = country_of(r.get("country", "").strip(), rules)
        if iso is not None:
            rows.append(Row(r.get("officeholder", "").strip(), r.get("officeholderLabel", "").strip(), iso,
                            r.get("positionLabel", "").strip(), _date(r.get("start_year", "")),
                            _date(r.get("end_year", ""))))
    return "data/wikidata.csv", rows


def read_snapshot(git_dir: Path, rules: Rules) -> tuple[str, list[Row]]:
    """The file read and the rows of one snapshot (a cabinet table or the world leaders' table)."""
    files = _files(git_dir)
    if "html/holders21.csv" in files:
        return _cabinet_rows(git_dir, files, rules)
    if "data/wikidata.csv" in files:
        return _leaders_rows(git_dir, rules)
    raise RegistryError(f"{git_dir}: no html/holders21.csv nor data/wikidata.csv")


@lru_cache(maxsize=1)
def _curated_state_names() -> dict[str, tuple[str, list[str]]]:
    """ISO alpha-3 -> (canonical English name, English names) from names.yaml and pycountry."""
    extra: dict[str, Any] = load_yaml(DATA_DIR / "countries" / "names.yaml") or {}
    out: dict[str, tuple[str, list[str]]] = {}
    for c in pycountry.countries:
        entry = extra.get(c.alpha_3) or {}
        pyc = [n for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)) if n]
        canonical = str((entry.get("names") or {}).get("en") or pyc[0])
        out[c.alpha_3] = (canonical, [canonical, *pyc, *[str(a) for a in entry.get("aliases") or ()]])
    return out


def state_name(iso: str, fallback: str) -> str:
    """The state's canonical English name (the registry's), `fallback` for a state pycountry lacks."""
    known = _curated_state_names().get(iso)
    return known[0] if known else fallback


@dataclass
class _Person:
    names: Counter[str]
    roles: set[GeneratedRole]


def _roles_of(rows: Iterable[Row], rules: Rules, people: dict[str, _Person]) -> int:
    kept = 0
    for row in rows:
        if not _QID.match(row.qid) or not row.name or _QID.match(row.name):
            continue  # no Wikidata id, or no label in English
        names = _curated_state_names().get(row.country, ("", []))[1]
        hit = classify(row.label, names, rules)
        if hit is None:
            continue
        rule, host = hit
        role = GeneratedRole(title=_title(rule, state_name(row.country, row.country), host), country=row.country,
                             org_kind=rule.org_kind, start=row.start, end=row.end)
        person = people.setdefault(row.qid, _Person(Counter(), set()))
        person.names[row.name] += 1
        person.roles.add(role)
        kept += 1
    return kept


def _finest(roles: set[GeneratedRole]) -> list[GeneratedRole]:
    """The roles less a year-only one that a table with full dates gives too (same title, same year)."""
    def coarse(r: GeneratedRole) -> bool:
        return r.start is not None and len(r.start) == 4 and any(
            o.title == r.title and o.start is not None and len(o.start) > 4 and o.start[:4] == r.start
            for o in roles)
    return [r for r in roles if not coarse(r)]


def _persons(people: dict[str, _Person]) -> list[GeneratedPerson]:
    """Persons sorted by id; a name two people share gets the Wikidata id in its id."""
    named = {qid: min(p.names.items(), key=lambda kv: (-kv[1], kv[0]))[0] for qid, p in people.items()}
    by_slug = Counter(slug(n) for n in named.values())
    out = []
    for qid, person in people.items():
        name = named[qid]
        base = slug(name)
        roles = sorted(_finest(person.roles), key=lambda r: (r.start or "", r.title, r.end or "", r.country))
        states = Counter(r.country for r in roles)
        country = min(states.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        ident = f"per:{base}" if by_slug[base] == 1 else f"per:{base}-{qid.lower()}"
        out.append(GeneratedPerson(id=ident, name=name, qid=qid, country=country, roles=roles))
    return sorted(out, key=lambda p: p.id)


def build(git_dirs: Sequence[Path], rules: Rules | None = None) -> GeneratedData:
    """The generated data of the snapshots in `git_dirs` (order does not matter)."""
    rl = rules or load_rules()
    people: dict[str, _Person] = {}
    sources = []
    for git_dir in sorted(git_dirs, key=repo_name):
        repo = repo_name(git_dir)
        commit = _git(git_dir, "rev-parse", "HEAD").strip()
        day = _git(git_dir, "log", "-1", "--format=%cs", "HEAD").strip()
        file, rows = read_snapshot(git_dir, rl)
        kept = _roles_of(rows, rl, people)
        licence = rl.licences.get(repo.split("/")[0], "unknown")
        sources.append(SourceInfo(repo=repo, commit=commit, date=day, licence=licence, file=file,
                                  rows=len(rows), kept=kept))
    return GeneratedData(generated_by="scripts/import_registry.py (loaders/registry_import.py)",
                         date=max((s.date for s in sources), default=""), sources=sources,
                         persons=_persons(people))


def _line(model: BaseModel) -> str:
    return json.dumps(model.model_dump(exclude_none=True), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def dumps(data: GeneratedData) -> str:
    """The file's text: a header object of sources, then one person per line (diffs stay readable)."""
    head = {"generated_by": data.generated_by, "date": data.date,
            "note": "generated file: do not edit; re-run the import (README, Registry sources)"}
    lines = ["{", f'"header":{json.dumps(head, ensure_ascii=False, sort_keys=True)},', '"sources":[']
    lines.append(",\n".join(_line(s) for s in data.sources))
    lines += ["],", '"persons":[', ",\n".join(_line(p) for p in data.persons), "]}", ""]
    return "\n".join(lines)


def read_generated(path: Path = GENERATED_FILE) -> GeneratedData | None:
    """The generated file, if there is one."""
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        head = raw["header"]
        return GeneratedData(generated_by=head["generated_by"], date=head["date"], sources=raw["sources"],
                             persons=raw["persons"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc
