"""Write loaders/data/actors/generated/igos.json: intergovernmental and regional organisations with their names
in the project languages, abbreviations and member states, from two public data sets:

- worldcountrygroups (PyPI, MIT): groups of states, each with an acronym, an English name and members (ISO
  alpha-3); the wheel is read as it is (`pip download worldcountrygroups==0.5.0 --no-deps`);
- confirmordeny/supraverden (CC BY-SA 4.0), brought in as a snapshot with the search tool's `fetch` verb:
  `data/general_list.yaml`, international organisations with their Wikidata id, Wikidata labels in several
  languages and abbreviations.

Rules as data in loaders/data/registry/igos.yaml (which groups are kept, the SupraVerden entries added, the
registry actors some are another spelling of, aliases dropped, names the sources lack). Build time only: the
project keeps the derived file, which stays under CC BY-SA 4.0 (attribution in its header and in README
"Registry sources"). Same wheel and snapshot → same bytes.

    .venv/bin/python scripts/import_igos.py /tmp/x/worldcountrygroups-0.5.0-py3-none-any.whl \\
        /work/.mirror/confirmordeny+supraverden/repo

The loader (loaders/registry/build.py) adds an organisation's names to a registry actor of the same name,
Wikidata id or `same_as`, keeping that actor's id (hand-written actors win), and drops a name that is
already another actor's.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import yaml

from loaders.datafiles import snapshot
from loaders.text import norm, slug

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "loaders" / "data"
RULES = DATA / "registry" / "igos.yaml"
OUT = DATA / "actors" / "generated" / "igos.json"
CURATED = DATA / "actors" / "organizations.yaml"
PETRARCH = DATA / "actors" / "generated" / "organizations.json"
WCG = "https://pypi.org/project/worldcountrygroups/"
SUPRAVERDEN = "https://github.com/confirmordeny/supraverden"
SV_FILE = "data/general_list.yaml"
LANGS = ("en", "fr", "es", "pt", "it", "de", "id", "ms", "ru", "tl")  # the project's languages
_ACRONYM = re.compile(r"^[A-Z0-9][A-Za-z0-9+\-]{1,9}$")



def _key(name: str) -> str:
    """A name compared as the sources spell it variously: folded, "organisation"/"co-operation" as one."""
    words = norm(name.replace("-", " ")).split()
    words = ["organization" if w == "organisation" else w for w in words if w != "the"]
    return " ".join(words).replace("co operation", "cooperation")


def read_groups(wheel: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    """The wheel's version and its groups by gid."""
    groups: dict[str, dict[str, Any]] = {}
    version = wheel.name.split("-")[1]
    with zipfile.ZipFile(wheel) as zf:
        for name in sorted(zf.namelist()):
            if re.fullmatch(r"worldcountrygroups/data/groups/[^/]+\.json", name):
                g = json.loads(zf.read(name))
                groups[str(g["gid"])] = g
    return version, groups


def _sv_names(entry: dict[str, Any]) -> tuple[list[str], list[str]]:
    """A SupraVerden entry's English names and its other names (project languages, abbreviations)."""
    english = [entry.get(f) for f in ("Name_en", "Name_other_en", "Name_other_2_en")]
    others = [entry.get(f"Name_{lang}") for lang in LANGS if lang != "en"]
    others += [v for k, v in entry.items() if k.startswith("Abbreviation_") and k.endswith(
        tuple(f"_{lang}" for lang in LANGS))]
    clean = [[str(n).strip() for n in ns if isinstance(n, str) and n.strip()] for ns in (english, others)]
    return clean[0], clean[1]


def _cap(name: str) -> str:
    """Wikidata's French labels start lower case ("communauté des États indépendants"): names of an
    organisation are written capitalised in news."""
    return name[:1].upper() + name[1:] if name[:1].islower() else name


def existing() -> tuple[set[str], dict[str, str]]:
    """The ids of the hand-written and PETRARCH actors, and their organisations by name key and Wikidata id
    (hand-written first: they win)."""
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8")) or []
    petrarch = json.loads(PETRARCH.read_text(encoding="utf-8"))["organizations"]
    ids = {str(e["id"]) for e in [*curated, *petrarch]}
    owners: dict[str, str] = {}
    for e in [*curated, *petrarch]:
        if e.get("country") or e.get("kind") not in ("bloc", "igo"):
            continue  # a state's institution or a company: no intergovernmental organisation
        for n in [e["name"], *(e.get("aliases") or ())]:
            owners.setdefault(_key(str(n)), str(e["id"]))
        if e.get("qid"):
            owners.setdefault(str(e["qid"]), str(e["id"]))
    return ids, owners


def _id_for(acronym: str | None, name: str, taken: set[str], drop: set[str]) -> str:
    """org:<acronym> ("org:ecowas") when the acronym is a kept one and free, else org:igo-<name>."""
    if acronym and _ACRONYM.match(acronym) and norm(acronym) not in drop and f"org:{slug(acronym)}" not in taken:
        return f"org:{slug(acronym)}"
    return f"org:igo-{slug(name)}"


def build(groups: dict[str, dict[str, Any]], sv: dict[str, dict[str, Any]], rules: dict[str, Any],
          taken: set[str], owners: dict[str, str]) -> list[dict[str, Any]]:
    """The kept organisations, sorted by id."""
    by_name: dict[str, str] = {}
    for key, entry in sv.items():
        for n in [key, *_sv_names(entry)[0]]:
            by_name.setdefault(_key(n), key)
    drop = {norm(str(d)) for d in rules.get("drop") or ()}
    same_as: dict[str, str] = {str(k): str(v) for k, v in (rules.get("same_as") or {}).items()}
    hand: dict[str, list[str]] = {str(k): [str(a) for a in v] for k, v in (rules.get("aliases") or {}).items()}
    rows: list[tuple[str, str, str | None, list[str], list[str], str | None]] = []  # key, name, acronym, …
    for gid, opts in (rules.get("groups") or {}).items():
        g, opts = groups[gid], opts or {}
        name = str(opts.get("name") or re.sub(r"\s*\([^)]*\)$", "", str(g["name"])))
        acronym = str(g.get("acronym") or "") or None
        names = [name, *(str(n) for n in opts.get("names") or ()), str(g["name"])]
        if acronym:
            names.append(acronym)
        svkey = opts.get("supraverden") or next(
            (by_name[k] for k in map(_key, names) if k in by_name), None)
        if svkey is None and acronym and _key(str(g["name"])) == _key(acronym):
            svkey = by_name.get(_key(acronym))
        members = sorted({str(c["iso3"]) for c in g.get("countries") or () if c.get("iso3")})
        rows.append((gid, name, acronym, names, members, svkey))
    for key in rules.get("extra") or ():
        rows.append((str(key), str(key), None, [str(key)], [], str(key)))
    for h in rules.get("hand") or ():  # organisations no source lists
        names = [str(h["name"]), *(str(a) for a in h.get("aliases") or ())]
        rows.append((str(h["key"]), str(h["name"]), h.get("acronym"), names, sorted(h.get("members") or ()), None))
    out: list[tuple[dict[str, Any], str | None]] = []
    for key, name, acronym, names, members, svkey in rows:
        qid, english = None, [n for n in names if n != acronym]
        if svkey is not None:
            entry = sv[svkey]
            sv_english, others = _sv_names(entry)
            english += sv_english
            names = [*names, *sv_english, *(_cap(n) for n in others)]
            code = str(entry.get("Wikidata_code") or "")
            qid = code if re.fullmatch(r"Q\d+", code) else None
            acronym = acronym or next((str(entry[f]) for f in ("Abbreviation_en",) if entry.get(f)), None)
        names += hand.get(key, [])
        seen: set[str] = set()
        aliases = []
        for n in names:
            n = re.sub(r"^The ", "", " ".join(n.split()))
            # a name the rules drop, or a second spelling that reads the same (case kept for exact-case forms)
            if not n or norm(n) in drop or n in seen or n == name:
                continue
            seen.add(n)
            aliases.append(n)
        org: dict[str, Any] = {"id": _id_for(acronym, name, taken, drop), "name": name, "kind": str(rules["kind"]),
                               "source_key": key, "aliases": sorted(aliases)}
        if qid:
            org["qid"] = qid
        if members:
            org["members"] = members
        # the registry's actor of the same English name or Wikidata id (or the rules' other spelling)
        same = same_as.get(key) or next((owners[k] for k in [qid, *map(_key, english)] if k and k in owners), None)
        if same:
            org["same_as"] = same
        taken.add(org["id"])
        out.append((org, acronym))
    return _unshared(sorted(out, key=lambda oa: str(oa[0]["id"])))


def _unshared(rows: list[tuple[dict[str, Any], str | None]]) -> list[dict[str, Any]]:
    """A name two organisations give (folded: "OPEC+" reads "OPEC") stays with the one whose name or
    acronym it is, and is dropped from the others; shared otherwise, it is dropped from both."""
    orgs = [o for o, _ in rows]
    claims: dict[str, set[str]] = {}
    for o in orgs:
        for n in [o["name"], *o["aliases"]]:
            claims.setdefault(norm(n), set()).add(o["id"])
    heads = {norm(n): o["id"] for o, acronym in rows for n in (o["name"], acronym) if n}
    for o in orgs:
        o["aliases"] = [a for a in o["aliases"] if claims[norm(a)] == {o["id"]} or heads.get(norm(a)) == o["id"]]
    return orgs


def main(wheel: Path, repo: Path) -> None:
    rules = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    version, groups = read_groups(wheel)
    sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    snap = snapshot(repo)
    commit, date = snap.commit, snap.date
    sv = yaml.safe_load(snap.show(SV_FILE))
    orgs = build(groups, sv, rules, *existing())
    about = {
        "note": ("Generated by scripts/import_igos.py (rules: loaders/data/registry/igos.yaml); do not edit, "
                 "re-run the script (README, Registry sources). This derived file is under CC BY-SA 4.0 "
                 "(attribution: SupraVerden, confirmordeny/supraverden, whose names are Wikidata labels); "
                 "the groups, acronyms and members come from worldcountrygroups (MIT, Copyright (c) 2026 "
                 "Tomas Gonzalez); names under `aliases` in the rules file are hand-written."),
        "sources": [
            {"name": "worldcountrygroups", "url": WCG, "version": version, "sha256": sha, "licence": "MIT",
             "file": "worldcountrygroups/data/groups/*.json", "rows": len(groups)},
            {"name": "supraverden", "url": SUPRAVERDEN, "commit": commit, "date": date, "licence": "CC BY-SA 4.0",
             "file": SV_FILE, "rows": len(sv)},
        ],
    }
    lines = ["{", f'"_about":{json.dumps(about, ensure_ascii=False, sort_keys=True)},', '"organizations":[',
             ",\n".join(json.dumps(o, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for o in orgs),
             "]}", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(orgs)} organisations, {sum(len(o['aliases']) for o in orgs)} aliases "
          f"from worldcountrygroups {version} and {SUPRAVERDEN} @{commit[:12]}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
