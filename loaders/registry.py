"""The actor registry: states (pycountry + curated names), people, organisations, places, weapons, events.

Everything is data: ``loaders/data/countries/*.yaml`` adds names in several languages, demonyms, capital
cities and epithets to pycountry's states; ``loaders/data/actors/*.yaml`` lists curated actors with their
aliases (any language or script), Wikidata QID where certain, state, and dated roles.
``loaders/data/actors/templates.yaml`` expands per-state institutions (defence ministry, armed forces …)
from the states' names, so "Kementerian Pertahanan Rusia" and "Ministry of Defence of India" need no
hand-written entry.

`load_registry()` builds, once per process, one alias index (`PhraseMatcher`) over case- and
accent-folded tokens; matching a sentence is then a dictionary lookup per token.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict

from graph_schema.model import EntityType
from loaders.datafiles import load_yaml
from loaders.errors import RegistryError as RegistryError  # re-exported: callers import it from here

DATA_DIR = Path(__file__).parent / "data"
T = TypeVar("T")


# --------------------------------------------------------------------------------------------------
# Folding and tokens


class _FoldTable(dict[int, str]):
    """Length-preserving fold: each character becomes one lower-case, accent-less character."""

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        base = base.casefold()
        out = base[0] if base else ch
        self[key] = out
        return out


_FOLD = _FoldTable()
_TOKEN = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_RU_ENDINGS = "аяоеиыуюйьё"
_GAP_CHARS = frozenset(" \t\u00a0-‐‑–.'’")


def fold(text: str) -> str:
    """Case- and accent-fold `text` keeping its length, so offsets stay valid."""
    return text.translate(_FOLD)


def norm(text: str) -> str:
    """Fold and collapse whitespace: the key under which names are compared."""
    return " ".join(_TOKEN.findall(fold(text)))


def slug(text: str) -> str:
    """A stable id part for a name: folded tokens joined by hyphens."""
    return "-".join(_TOKEN.findall(fold(text)))


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a folded text, with its offsets."""

    start: int
    end: int
    text: str


def tokenize(folded: str, offset: int = 0) -> list[Token]:
    """Words of an already folded text (offsets shifted by `offset`)."""
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(folded)]


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    stem: str | None  # inflected forms allowed: the text token must start with the stem
    prefix: bool  # a trailing "*" in the phrase: any word starting with `text`


@dataclass(frozen=True, slots=True)
class _Phrase(Generic[T]):
    toks: tuple[_Tok, ...]
    payload: T


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in a text: token span [first, last] and character span."""

    first: int
    last: int
    start: int
    end: int
    payload: T


def _make_tok(word: str, inflect: bool) -> _Tok:
    if word.endswith("*"):
        return _Tok(word[:-1], None, True)
    if inflect and len(word) >= 4 and _CYRILLIC.search(word):
        stem = word[:-1] if word[-1] in _RU_ENDINGS else word
        return _Tok(word, stem, False)
    return _Tok(word, None, False)


class PhraseMatcher(Generic[T]):
    """Multi-word phrases over folded tokens: one dict lookup per text token, then a short check.

    Cyrillic words match their inflected forms (stem + up to 3 letters); a Latin word of 4+ letters
    also matches with a genitive "s" ("Deutschlands"); a word written ``stem*`` matches any word
    starting with ``stem``.
    """

    def __init__(self) -> None:
        self._first: dict[str, list[_Phrase[T]]] = {}
        self._pref: dict[str, list[_Phrase[T]]] = {}

    def add(self, phrase: str, payload: T, *, inflect: bool = True) -> None:
        """Add a phrase (any case/accents; ``*`` at a word's end makes it a prefix)."""
        words = re.findall(r"\w+\*?", fold(phrase))
        if not words:
            return
        toks = tuple(_make_tok(w, inflect) for w in words)
        entry = _Phrase(toks, payload)
        head = toks[0]
        if head.prefix or head.stem is not None:
            key = (head.stem if head.stem is not None else head.text)[:3]
            self._pref.setdefault(key, []).append(entry)
        else:
            self._first.setdefault(head.text, []).append(entry)

    @staticmethod
    def _tok_ok(pt: _Tok, word: str, last: bool) -> bool:
        if pt.prefix:
            return word.startswith(pt.text)
        if pt.stem is not None:
            return word.startswith(pt.stem) and len(word) - len(pt.stem) <= 3
        if word == pt.text:
            return True
        return last and len(pt.text) >= 4 and word == pt.text + "s" and not pt.text.endswith("s")

    def find(self, tokens: Sequence[Token], text: str, offset: int = 0) -> list[PhraseMatch[T]]:
        """Every match (overlapping ones included) in `tokens` of `text` (`offset` = text's start)."""
        out: list[PhraseMatch[T]] = []
        n = len(tokens)
        for i, tok in enumerate(tokens):
            cands = list(self._first.get(tok.text, ()))
            if tok.text.endswith("s"):
                cands += self._first.get(tok.text[:-1], ())
            cands += self._pref.get(tok.text[:3], ())
            for ph in cands:
                k = len(ph.toks)
                if i + k > n:
                    continue
                ok = True
                for j, pt in enumerate(ph.toks):
                    t = tokens[i + j]
                    if not self._tok_ok(pt, t.text, j == k - 1):
                        ok = False
                        break
                    if j:
                        gap = text[tokens[i + j - 1].end - offset : t.start - offset]
                        if len(gap) > 3 or not all(c in _GAP_CHARS for c in gap):
                            ok = False
                            break
                if ok:
                    out.append(PhraseMatch(i, i + k - 1, tok.start, tokens[i + k - 1].end, ph.payload))
        return out


def longest(
    matches: Iterable[PhraseMatch[T]],
    rank: Callable[[PhraseMatch[T]], tuple[int, ...]] | None = None,
) -> list[PhraseMatch[T]]:
    """Non-overlapping matches in text order, chosen best `rank` first (default: longest, then earliest)."""
    chosen: list[PhraseMatch[T]] = []
    taken: set[int] = set()
    for m in sorted(matches, key=rank or (lambda m: (-(m.end - m.start), m.start))):
        span = range(m.first, m.last + 1)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


# --------------------------------------------------------------------------------------------------
# Actors


class Role(BaseModel):
    """A dated position: title (English), the organisation and state it belongs to."""

    model_config = ConfigDict(frozen=True)

    title: str
    org: str | None = None
    country: str | None = None
    start: date | None = None
    end: date | None = None

    def holds_on(self, day: date | None) -> bool:
        """Whether the role was held on `day` (unknown day: a role without end)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class Actor(BaseModel):
    """One registry entry."""

    model_config = ConfigDict(frozen=True)

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    country: str | None = None
    kind: str | None = None
    capital_of: str | None = None
    operator: str | None = None  # a platform's operating organisation (a ship's fleet or navy)
    state_office: bool = False  # a ministry whose minister holds a role of the state (templates.yaml flag)
    roles: tuple[Role, ...] = ()
    source: str = "registry"


@dataclass(frozen=True, slots=True)
class AliasHit:
    """What an alias stands for, and how strictly its case must match."""

    entity_id: str
    how: str  # alias | country | demonym | epithet
    exact_case: bool  # short all-caps forms (US, RI, EU): the text must have the same letters
    capitalised: bool  # the alias starts with a capital: so must the text
    surface: str


@dataclass
class Registry:
    """All actors, the alias index and lookups used by the stages."""

    actors: dict[str, Actor]
    matcher: PhraseMatcher[AliasHit]
    by_kind: dict[tuple[str, str], str]
    capitals: dict[str, str]  # country -> place id of its capital
    names: dict[str, dict[str, str]]  # country -> lang -> name
    demonyms: dict[str, str]  # country -> English demonym
    fuzzy_index: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    offices: dict[str, list[tuple[str, Role]]] = field(default_factory=dict)  # norm(title) -> holders

    def get(self, entity_id: str) -> Actor | None:
        """The actor with that id, if registered."""
        return self.actors.get(entity_id)

    def name_of(self, entity_id: str) -> str:
        """Canonical name of a registered id (the id itself otherwise)."""
        actor = self.actors.get(entity_id)
        return actor.name if actor else entity_id

    def role_on(self, person_id: str, day: date | None) -> Role | None:
        """The person's registered role on `day` (the first that holds); none for an unknown day (an
        undated article asserts no registry role)."""
        actor = self.actors.get(person_id)
        if actor is None or day is None:
            return None
        for role in actor.roles:
            if role.holds_on(day):
                return role
        return None

    def holders_on(self, title: str, day: date | None) -> list[str]:
        """The registry people holding the office `title` on `day` (none when the day is unknown).

        Time-scoped roles: "Minister of Defence of Russia" on 2021-06-22 and on 2025-01-01 are held by
        two different people; without a date nobody can be said to hold it.
        """
        if day is None:
            return []
        return list(dict.fromkeys(pid for pid, role in self.offices.get(norm(title), ())
                                  if role.start is not None and role.holds_on(day)))

    def org_of_kind(self, kind: str, country: str | None) -> str | None:
        """The institution of `kind` (defence_ministry, armed_forces …) of a state, if registered."""
        if country is None:
            return None
        return self.by_kind.get((kind, country))


def _read_yaml(path: Path) -> Any:
    try:
        return load_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _languages() -> list[str]:
    """The project's languages: one per data file in loaders/data/lang/ (adding a file adds its names)."""
    return sorted(p.stem for p in (DATA_DIR / "lang").glob("*.yaml") if p.stem != "en")


def _pycountry_names() -> dict[str, tuple[str, list[str]]]:
    """ISO alpha-3 -> (English name, names in English and the project's languages)."""
    translations = {}
    for lang in _languages():
        try:
            translations[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    out: dict[str, tuple[str, list[str]]] = {}
    for c in pycountry.countries:
        base = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        english = [n for n in base if n]
        names = list(english)
        for tr in translations.values():
            names += [tr.gettext(n) for n in english]
        expanded: list[str] = []
        for n in names:
            expanded.append(n)
            if "," in n:  # "Iran, Islamic Republic of" -> "Iran"
                expanded.append(n.split(",")[0])
        out[c.alpha_3] = (getattr(c, "common_name", None) or c.name, expanded)
    return out


def _alias_hit(entity_id: str, how: str, alias: str) -> AliasHit:
    letters = [c for c in alias if c.isalpha()]
    exact = len(letters) <= 5 and bool(letters) and all(c.isupper() for c in letters)
    return AliasHit(entity_id, how, exact, alias[:1].isupper(), alias)


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return date(int(text[:4]), int(text[5:]), 1)
    return date.fromisoformat(text)


def _merge_entry(into: dict[str, Any], entry: dict[str, Any]) -> None:
    """Add one country file's entry to what earlier files gave: names per language are merged, lists
    (aliases, demonyms, epithets) extended, other values replaced; so a language's names can live in
    a file of their own (countries/pt.yaml) next to names.yaml."""
    for key, value in entry.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            into[key] = {**old, **value}
        elif isinstance(old, list) and isinstance(value, list):
            into[key] = [*old, *value]
        else:
            into[key] = value


_TYPES = {"person": EntityType.PERSON, "organization": EntityType.ORGANIZATION,
          "place": EntityType.PLACE, "weapon": EntityType.WEAPON, "event": EntityType.EVENT}


def _actor_from(raw: dict[str, Any], default_type: EntityType, where: Path) -> Actor:
    try:
        roles = tuple(
            Role(title=r["title"], org=r.get("org"), country=r.get("country"),
                 start=_parse_date(r.get("start")), end=_parse_date(r.get("end")))
            for r in raw.get("roles") or ()
        )
        etype = _TYPES.get(str(raw.get("type", "")), default_type)
        return Actor(id=raw["id"], type=etype, name=raw["name"],
                     aliases=tuple(dict.fromkeys([raw["name"], *_as_list(raw.get("aliases"))])),
                     qid=raw.get("qid"), country=raw.get("country"), kind=raw.get("kind"),
                     capital_of=raw.get("capital_of"), operator=raw.get("operator"), roles=roles)
    except (KeyError, TypeError, ValueError) as exc:
        raise RegistryError(f"{where}: bad entry {raw!r}: {exc}") from exc


_FILE_TYPES = {"people": EntityType.PERSON, "organizations": EntityType.ORGANIZATION,
               "places": EntityType.PLACE, "weapons": EntityType.WEAPON, "events": EntityType.EVENT}


@lru_cache(maxsize=1)
def load_registry(data_dir: Path = DATA_DIR) -> Registry:
    """Load every registry file once and build the alias index."""
    actors: dict[str, Actor] = {}
    matcher: PhraseMatcher[AliasHit] = PhraseMatcher()
    names: dict[str, dict[str, str]] = {}
    demonyms: dict[str, str] = {}
    country_aliases: dict[str, set[str]] = {}  # folded alias -> countries (ambiguous ones dropped)
    alias_forms: dict[tuple[str, str], str] = {}

    def add_country_alias(iso: str, alias: str) -> None:
        key = norm(alias)
        if not key:
            return
        country_aliases.setdefault(key, set()).add(iso)
        alias_forms.setdefault((key, iso), alias)

    extra: dict[str, dict[str, Any]] = {}
    # names.yaml first (its first demonym is the English one), then one file per language (pt.yaml …)
    for path in sorted((data_dir / "countries").glob("*.yaml"), key=lambda p: (p.stem != "names", p.name)):
        for iso, entry in (_read_yaml(path) or {}).items():
            _merge_entry(extra.setdefault(str(iso), {}), entry or {})

    epithets: list[tuple[str, str]] = []
    demonym_forms: list[tuple[str, str]] = []
    for iso, (name, pyc_names) in _pycountry_names().items():
        ex = extra.get(iso, {})
        lang_names: dict[str, str] = {str(k): str(v) for k, v in (ex.get("names") or {}).items()}
        canonical = lang_names.get("en", name)
        lang_names.setdefault("en", canonical)
        names[iso] = lang_names
        for dem in _as_list(ex.get("demonyms")):
            demonym_forms.append((iso, dem))
        if ex.get("demonyms"):
            demonyms[iso] = _as_list(ex.get("demonyms"))[0]
        for ep in _as_list(ex.get("epithets")):
            epithets.append((iso, ep))
        all_names = [canonical, *lang_names.values(), *_as_list(ex.get("aliases")), *pyc_names]
        for alias in all_names:
            add_country_alias(iso, alias)
        actors[iso] = Actor(id=iso, type=EntityType.COUNTRY, name=canonical,
                            aliases=tuple(dict.fromkeys(all_names)), qid=ex.get("qid"), country=iso,
                            source="pycountry")
    for key, isos in country_aliases.items():
        if len(isos) != 1:
            continue  # "Korea", "Congo": ambiguous without more words
        iso = next(iter(isos))
        alias = alias_forms[(key, iso)]
        matcher.add(alias, _alias_hit(iso, "country", alias))
    for iso, dem in demonym_forms:
        matcher.add(dem, _alias_hit(iso, "demonym", dem))
    for iso, ep in epithets:
        matcher.add(ep, _alias_hit(iso, "epithet", ep))

    by_kind: dict[tuple[str, str], str] = {}
    capitals: dict[str, str] = {}
    for path in sorted((data_dir / "actors").glob("*.yaml")):
        if path.stem == "templates":
            continue
        default_type = _FILE_TYPES.get(path.stem, EntityType.ORGANIZATION)
        for raw in _read_yaml(path) or []:
            actor = _actor_from(raw, default_type, path)
            if actor.id in actors:
                raise RegistryError(f"{path}: duplicate id {actor.id}")
            actors[actor.id] = actor
            if actor.kind and actor.country:
                by_kind.setdefault((actor.kind, actor.country), actor.id)
            if actor.capital_of:
                capitals[actor.capital_of] = actor.id

    templates = data_dir / "actors" / "templates.yaml"
    if templates.exists():
        _expand_templates(_read_yaml(templates) or {}, actors, by_kind, names, demonyms)

    fuzzy_index: dict[str, list[tuple[str, str]]] = {}
    offices: dict[str, list[tuple[str, Role]]] = {}
    for actor in actors.values():
        for role in actor.roles:
            offices.setdefault(norm(role.title), []).append((actor.id, role))
        if actor.type == EntityType.COUNTRY:
            continue
        for alias in actor.aliases:
            matcher.add(alias, _alias_hit(actor.id, "alias", alias))
            toks = norm(alias).split()
            if actor.type in (EntityType.PERSON, EntityType.ORGANIZATION) and len(toks) >= 2:
                for t in set(toks):
                    if len(t) >= 3:
                        fuzzy_index.setdefault(t, []).append((norm(alias), actor.id))
    # the imported people (loaders/data/actors/generated/), under the hand-curated ones: loaders/registry_generated.py
    from loaders.registry_generated import add_generated  # imported here: that module builds on this one

    add_generated(actors, matcher, offices, by_kind, data_dir / "actors" / "generated" / "persons.json")
    return Registry(actors=actors, matcher=matcher, by_kind=by_kind, capitals=capitals, names=names,
                    demonyms=demonyms, fuzzy_index=fuzzy_index, offices=offices)


def _expand_templates(
    spec: dict[str, Any],
    actors: dict[str, Actor],
    by_kind: dict[tuple[str, str], str],
    names: dict[str, dict[str, str]],
    demonyms: dict[str, str],
) -> None:
    """Per-state institutions from name templates ({en}, {id}, {ru}, {demonym} …).

    A kind flagged ``state_office`` flags every actor of that kind, the explicit entries included.
    """
    countries = _as_list(spec.get("countries"))
    office_kinds = {str(k) for k, tpl in (spec.get("kinds") or {}).items() if (tpl or {}).get("state_office")}
    for ent_id, actor in list(actors.items()):
        if actor.kind in office_kinds:
            actors[ent_id] = actor.model_copy(update={"state_office": True})
    for kind, tpl in (spec.get("kinds") or {}).items():
        for iso in countries:
            if (kind, iso) in by_kind or iso not in names:
                continue
            fields = dict(names[iso])
            fields["demonym"] = demonyms.get(iso, fields["en"])
            fields["iso3"] = iso
            try:
                name = str(tpl["name"]).format(**fields)
                aliases = []
                for a in _as_list(tpl.get("aliases")):
                    try:
                        aliases.append(a.format(**fields))
                    except KeyError:
                        continue  # the state has no name in that language
            except KeyError as exc:
                raise RegistryError(f"templates.yaml: {kind}: {exc}") from exc
            ent_id = f"org:{kind.replace('_', '-')}-{iso.lower()}"
            actors[ent_id] = Actor(id=ent_id, type=EntityType.ORGANIZATION, name=name,
                                   aliases=tuple(dict.fromkeys([name, *aliases])), country=iso, kind=kind,
                                   state_office=kind in office_kinds)
            by_kind[(kind, iso)] = ent_id
