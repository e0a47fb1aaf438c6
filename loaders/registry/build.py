"""Building the registry once per process: states, curated actors, templates, then one alias index."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from graph_schema.model import EntityType
from loaders.errors import RegistryError
from loaders.lang import inflection
from loaders.models import MentionHow
from loaders.registry.countries import Countries, load_countries
from loaders.registry.model import Actor, AliasHit, Registry, Role
from loaders.registry.templates import expand_templates
from loaders.registry.yamlio import as_list, parse_date, read_yaml
from loaders.text import PhraseMatcher, norm
from loaders.text.collector import collector_paused

DATA_DIR = Path(__file__).parent.parent / "data"

_TYPES = {"person": EntityType.PERSON, "organization": EntityType.ORGANIZATION,
          "place": EntityType.PLACE, "weapon": EntityType.WEAPON, "event": EntityType.EVENT}
CURATED_OFFICIALS = "curated_officials"  # actors/<this>.yaml: officials after the import's snapshots
_FILE_TYPES = {"people": EntityType.PERSON, "organizations": EntityType.ORGANIZATION,
               "places": EntityType.PLACE, "weapons": EntityType.WEAPON, "events": EntityType.EVENT}


def _alias_hit(entity_id: str, how: MentionHow, alias: str) -> AliasHit:
    letters = [c for c in alias if c.isalpha()]
    exact = len(letters) <= 5 and bool(letters) and all(c.isupper() for c in letters)
    return AliasHit(entity_id, how, exact, alias[:1].isupper(), alias)


def _actor_from(raw: dict[str, Any], default_type: EntityType, where: Path) -> Actor:
    try:
        roles = tuple(
            Role(title=r["title"], org=r.get("org"), country=r.get("country"),
                 start=parse_date(r.get("start")), end=parse_date(r.get("end")))
            for r in raw.get("roles") or ()
        )
        etype = _TYPES.get(str(raw.get("type", "")), default_type)
        return Actor(id=raw["id"], type=etype, name=raw["name"],
                     aliases=tuple(dict.fromkeys([raw["name"], *as_list(raw.get("aliases"))])),
                     qid=raw.get("qid"), country=raw.get("country"), kind=raw.get("kind"),
                     capital_of=raw.get("capital_of"), operator=raw.get("operator"), roles=roles)
    except (KeyError, TypeError, ValueError) as exc:
        raise RegistryError(f"{where}: bad entry {raw!r}: {exc}") from exc


def _add_actor_files(data_dir: Path, actors: dict[str, Actor], by_kind: dict[tuple[str, str], str],
                     capitals: dict[str, str]) -> None:
    """The curated actors of loaders/data/actors/*.yaml (templates.yaml aside)."""
    for path in sorted((data_dir / "actors").glob("*.yaml")):
        if path.stem in ("templates", CURATED_OFFICIALS):
            continue
        default_type = _FILE_TYPES.get(path.stem, EntityType.ORGANIZATION)
        for raw in read_yaml(path) or []:
            actor = _actor_from(raw, default_type, path)
            if actor.id in actors:
                raise RegistryError(f"{path}: duplicate id {actor.id}")
            actors[actor.id] = actor
            if actor.kind and actor.country:
                by_kind.setdefault((actor.kind, actor.country), actor.id)
            if actor.capital_of:
                capitals[actor.capital_of] = actor.id


GENERATED_CAPITALS = "capitals.json"  # loaders/data/actors/generated/, by scripts/import_capitals.py


def _add_generated_capitals(data_dir: Path, actors: dict[str, Actor], capitals: dict[str, str]) -> None:
    """Every state's capital with its names in Latin and Cyrillic script (GeoNames, see the file's header):
    a capital the hand files have gets the names added to its own; the others become Places."""
    path = data_dir / "actors" / "generated" / GENERATED_CAPITALS
    if not path.exists():
        return
    for raw in json.loads(path.read_text(encoding="utf-8")).get("places") or []:
        known = actors.get(str(raw.get("id")))
        if known is not None:
            actors[known.id] = known.model_copy(update={
                "aliases": tuple(dict.fromkeys([*known.aliases, *as_list(raw.get("aliases"))]))})
            continue
        actor = _actor_from(raw, EntityType.PLACE, path)
        if actor.capital_of in capitals:
            continue  # the hand files name another place the capital
        actors[actor.id] = actor
        if actor.capital_of:
            capitals[actor.capital_of] = actor.id


_SAME_ORG = 90  # rapidfuzz ratio from which an imported organisation's name is a known one's spelling
GENERATED_ORGS = "organizations.json"  # loaders/data/actors/generated/, by `tiesgraph registry import`


def _add_generated_orgs(data_dir: Path, actors: dict[str, Actor]) -> None:
    """The intergovernmental organisations imported from PETRARCH2 (see the file's header), under the
    hand-written actors: one whose name or alias is already an actor's name is left out (hand files win)."""
    path = data_dir / "actors" / "generated" / GENERATED_ORGS
    if not path.exists():
        return
    known = {norm(a) for actor in actors.values() for a in actor.aliases}
    orgs = [norm(a) for actor in actors.values() if actor.type == EntityType.ORGANIZATION for a in actor.aliases
            if len(norm(a).split()) >= 2]
    for raw in json.loads(path.read_text(encoding="utf-8")).get("organizations") or []:
        names = [norm(n) for n in [raw["name"], *as_list(raw.get("aliases"))]]
        if raw["id"] in actors or any(n in known or _known_org(n, orgs) for n in names):
            continue
        actors[raw["id"]] = _actor_from(raw, EntityType.ORGANIZATION, path)
        known.update(names)
        orgs.extend(n for n in names if len(n.split()) >= 2)


GENERATED_IGOS = "igos.json"  # loaders/data/actors/generated/, by scripts/import_igos.py


def _add_generated_igos(data_dir: Path, actors: dict[str, Actor]) -> None:
    """The intergovernmental and regional organisations of worldcountrygroups and SupraVerden (see the file's
    header), after the hand files and PETRARCH: one the registry already has (`same_as`, or an organisation
    with its name) gives that actor its names and members, keeping its id; a name that is already another
    actor's is left out, so no alias stands for two actors."""
    path = data_dir / "actors" / "generated" / GENERATED_IGOS
    if not path.exists():
        return
    owner: dict[str, str] = {}
    for actor in actors.values():
        for a in actor.aliases:
            owner.setdefault(norm(a), actor.id)
    for raw in json.loads(path.read_text(encoding="utf-8")).get("organizations") or []:
        target = actors.get(str(raw.get("same_as") or raw["id"]))
        if target is None:
            first = actors.get(owner.get(norm(raw["name"]), ""))
            target = first if first is not None and first.type == EntityType.ORGANIZATION and not first.country \
                else None
        if target is not None and target.type != EntityType.ORGANIZATION:
            continue
        own = target.id if target is not None else raw["id"]
        names = [a for a in dict.fromkeys([raw["name"], *as_list(raw.get("aliases"))])
                 if owner.get(norm(a), own) == own]
        if target is None:
            if norm(raw["name"]) in owner:
                continue  # its name is another actor's
            actor = _actor_from({**raw, "aliases": names}, EntityType.ORGANIZATION, path)
            actors[actor.id] = actor.model_copy(update={"members": tuple(as_list(raw.get("members")))})
        else:
            actors[own] = target.model_copy(update={
                "aliases": tuple(dict.fromkeys([*target.aliases, *names])),
                "qid": target.qid or raw.get("qid"),
                "members": target.members or tuple(as_list(raw.get("members")))})
        for a in names:
            owner.setdefault(norm(a), own)


def _known_org(name: str, orgs: list[str]) -> bool:
    """"Association of Southeast Asia Nations" beside ASEAN's "Association of Southeast Asian Nations", "The
    United Nations", "UN Secretariat" beside "Secretariat of the UN": a near spelling or the same words (names
    of two words or more) name a known organisation."""
    if len(name.split()) < 2:
        return False
    return any(process.extractOne(name, orgs, scorer=scorer, score_cutoff=_SAME_ORG) is not None
               for scorer in (fuzz.ratio, fuzz.token_set_ratio))


def _add_curated_officials(data_dir: Path, actors: dict[str, Actor]) -> None:
    """The hand-curated officials (actors/curated_officials.yaml, see its header): a role's state is the
    person's unless given; an id already hand-written gets the roles and names added to its own."""
    path = data_dir / "actors" / f"{CURATED_OFFICIALS}.yaml"
    if not path.exists():
        return
    # libyaml's loader: 6x faster than the pure-Python one on this file, which has no true/false values
    for raw in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []:
        known = actors.get(str(raw.get("id")))
        country = raw.get("country") or (known.country if known else None)
        roles = [{"country": country, **r} for r in raw.get("roles") or ()]
        if known is None:
            actors[raw["id"]] = _actor_from({**raw, "roles": roles}, EntityType.PERSON, path)
            continue
        if known.type != EntityType.PERSON:
            raise RegistryError(f"{path}: {known.id} is not a person")
        more = _actor_from({"name": known.name, **raw, "roles": roles}, EntityType.PERSON, path)
        actors[known.id] = known.model_copy(update={
            "roles": tuple(dict.fromkeys([*known.roles, *more.roles])),
            "aliases": tuple(dict.fromkeys([*known.aliases, *more.aliases]))})


def _country_matcher(countries: Countries) -> PhraseMatcher[AliasHit]:
    """The alias index, started with the states' unambiguous names, demonyms and epithets."""
    matcher: PhraseMatcher[AliasHit] = PhraseMatcher(inflection())
    for how, pairs in ((MentionHow.COUNTRY, countries.aliases), (MentionHow.DEMONYM, countries.demonym_forms),
                       (MentionHow.EPITHET, countries.epithets)):
        for iso, alias in pairs:
            matcher.add(alias, _alias_hit(iso, how, alias))
    return matcher


FUZZY_WORD_CAP = 64  # aliases a word of the fuzzy index may point to


def _index_actors(registry: Registry) -> None:
    """Every non-state actor's aliases into the alias index; the fuzzy index; the offices by title."""
    for actor in registry.actors.values():
        for role in actor.roles:
            registry.offices.setdefault(norm(role.title), []).append((actor.id, role))
        if actor.type == EntityType.COUNTRY:
            continue
        for alias in actor.aliases:
            registry.matcher.add(alias, _alias_hit(actor.id, MentionHow.ALIAS, alias))
        _index_fuzzy(registry, actor)


def _index_fuzzy(registry: Registry, actor: Actor) -> None:
    """A person's or organisation's names of two words or more into the fuzzy index, by each word."""
    if actor.type not in (EntityType.PERSON, EntityType.ORGANIZATION):
        return
    for alias in actor.aliases:
        key = norm(alias)
        toks = key.split()
        if len(toks) >= 2:
            for t in set(toks):
                if len(t) >= 3:
                    registry.fuzzy_index.setdefault(t, []).append((key, actor.id))


def _cap_fuzzy(registry: Registry) -> None:
    """A word in hundreds of aliases ("ministry", "armed", "mohammed") selects no candidates: the alias is
    still found through its rarer words ("mali", "sisi")."""
    registry.fuzzy_index = {w: hits for w, hits in registry.fuzzy_index.items() if len(hits) <= FUZZY_WORD_CAP}


@lru_cache(maxsize=1)
def load_registry(data_dir: Path = DATA_DIR) -> Registry:
    """Load every registry file once and build the alias index.

    The cyclic garbage collector is paused meanwhile: the load makes ~240k long-lived container objects and no
    garbage cycles, and the collections their allocation set off took a third of the load's time."""
    with collector_paused():
        return _load(data_dir)


def _load(data_dir: Path) -> Registry:
    countries = load_countries(data_dir)
    actors = dict(countries.actors)
    by_kind: dict[tuple[str, str], str] = {}
    capitals: dict[str, str] = {}
    _add_actor_files(data_dir, actors, by_kind, capitals)
    _add_generated_capitals(data_dir, actors, capitals)
    _add_curated_officials(data_dir, actors)
    _add_generated_orgs(data_dir, actors)  # before the templates: an imported IGO is no state's institution
    _add_generated_igos(data_dir, actors)
    templates = data_dir / "actors" / "templates.yaml"
    if templates.exists():
        expand_templates(read_yaml(templates) or {}, actors, by_kind, countries.names, countries.demonyms)
    registry = Registry(actors=actors, matcher=_country_matcher(countries), by_kind=by_kind, capitals=capitals,
                        names=countries.names, demonyms=countries.demonyms, regions=countries.regions)
    _index_actors(registry)
    # the imported people (loaders/data/actors/generated/), under the hand-curated ones
    from loaders.registry_generated import add_generated  # imported here: that module builds on this package

    known = set(registry.actors)
    add_generated(registry.actors, registry.matcher, registry.offices, registry.by_kind,
                  data_dir / "actors" / "generated" / "persons.json")
    for ent_id in set(registry.actors) - known:  # the imported people are spelt nearly right too
        _index_fuzzy(registry, registry.actors[ent_id])
    _cap_fuzzy(registry)
    return registry
