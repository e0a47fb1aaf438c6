"""One grammar for request parameters, resolved before any query runs (the queries see canonical values).

- **state** (``country=``): an ISO alpha-3 code in any case (``mmr``) or a state's name in any language
  the registry knows (``Myanmar``, ``Birmanie``, ``Rusia``, ``Россия``) → the alpha-3 code; anything else is
  a 422 naming the parameter. A name two states share ("Congo") is refused as ambiguous.
- **actor** (``a=``, ``b=``, ``from=``, ``to=``, ``actor=``, the entity path): an entity id
  (``per:sergei-shoigu``) as given, a state as above (``a=Rusia`` → ``RUS``), or a capital's name in any
  spelling the registry knows (``Kyiv``, ``Kiev``, ``Київ`` → ``plc:kyiv``: capitals are Places, located in
  their state, in every context); what is none of these goes on as given (the route answers 404).
- a capital's name where a **state** is expected (``country=Kyiv``) is a 422 that names the capital's state.
- **role title** (``title=``): English words in any order, or a title of any supported language from the
  rules files (``Menteri Pertahanan`` → "Minister of Defence"); a state's name after it (``Menteri
  Pertahanan Rusia``) also fixes the state.
- **search text** (``q=``): an upper-case alpha-3 code (``MMR``) searches for its state; when the text as
  typed finds nothing, one typo is forgiven (``Myanmr`` → "Myanmar", rapidfuzz over the registry's names).

The vocabulary is the registry's (countries from pycountry and ``loaders/data/countries``, actors) and
the title cues of ``loaders/data/lang/*/rules.yaml``, read once on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator
from rapidfuzz import process
from rapidfuzz.distance import OSA

from graph_schema.model import EntityType
from loaders.datafiles import load_yaml
from loaders.registry import DATA_DIR, Actor, load_registry
from loaders.text import norm

MIN_TYPO_LENGTH = 5
"""Shorter words are not corrected: one edit away from a 4-letter name is too many other words."""


def invalid(field: str, message: str) -> RequestValidationError:
    """A 422 in the API's error shape that points at one query parameter."""
    return RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])


@dataclass(frozen=True)
class Vocabulary:
    """What the parameters resolve against."""

    states: dict[str, str]  # norm(name or code) -> alpha-3 (ambiguous names left out)
    ambiguous: frozenset[str]  # norm(name) of names several states share
    state_names: dict[str, str]  # alpha-3 -> canonical name
    titles: dict[str, str]  # norm(title cue) -> English role title (cues with two meanings left out)
    names: tuple[str, ...]  # norm(name) of every registered actor and state: the typo corrector's choices
    name_set: frozenset[str]  # the same, for lookups
    capitals: dict[str, str]  # norm(name) of a capital -> its Place id (names two capitals share left out)
    capital_states: dict[str, str]  # Place id of a capital -> the alpha-3 of its state


def _title_cues(rules_dir: Path) -> dict[str, str]:
    """norm(cue) → English role, from every language's rules file; a cue that means two roles is dropped."""
    meanings: dict[str, set[str]] = {}
    for path in sorted(rules_dir.glob("*/rules.yaml")):
        for title in (load_yaml(path) or {}).get("titles") or []:
            for cue in title.get("cue") or []:
                meanings.setdefault(norm(str(cue)), set()).add(str(title["role"]))
    return {cue: next(iter(roles)) for cue, roles in meanings.items() if len(roles) == 1 and cue}


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The registry's names and the rules' title cues, indexed once per process."""
    registry = load_registry()
    by_name: dict[str, set[str]] = {}
    state_names: dict[str, str] = {}
    for actor in registry.actors.values():
        if actor.type != EntityType.COUNTRY:
            continue
        state_names[actor.id] = actor.name
        for name in (actor.id, actor.name, *actor.aliases):
            by_name.setdefault(norm(name), set()).add(actor.id)
    states = {key: next(iter(isos)) for key, isos in by_name.items() if len(isos) == 1 and key}
    ambiguous = frozenset(key for key, isos in by_name.items() if len(isos) > 1)
    names = {norm(alias) for actor in registry.actors.values() for alias in (actor.name, *actor.aliases)}
    capital_states = {actor.id: actor.capital_of for actor in registry.actors.values()
                      if actor.type == EntityType.PLACE and actor.capital_of}
    return Vocabulary(states=states, ambiguous=ambiguous, state_names=state_names,
                      titles=_title_cues(DATA_DIR / "lang"), names=tuple(sorted(n for n in names if n)),
                      name_set=frozenset(n for n in names if n),
                      capitals=_capital_names(registry.actors.values(), capital_states, states),
                      capital_states=capital_states)


def _capital_names(actors: Iterable[Actor], capital_states: dict[str, str],
                   states: dict[str, str]) -> dict[str, str]:
    """norm(name) → Place id of every capital's names; a state's name stays the state's ("Mexico", "Panama")
    and a name two capitals share names neither."""
    by_name: dict[str, set[str]] = {}
    for actor in actors:
        if actor.id in capital_states:
            for name in (actor.name, *actor.aliases):
                by_name.setdefault(norm(name), set()).add(actor.id)
    return {key: next(iter(ids)) for key, ids in by_name.items()
            if len(ids) == 1 and key and key not in states}


_NAME_CHARS = re.compile(r"^[\w\s'’.,()-]+$")
"""What a state's name may hold (letters of any script, spaces, ' . , ( ) -): "Myanmar!" is no name."""


def state_of(text: str) -> str | None:
    """The alpha-3 code a code (any case) or a state's name stands for, or None."""
    if not _NAME_CHARS.match(text):
        return None
    return vocabulary().states.get(norm(text))


def resolve_state(field: str, value: str | None) -> str | None:
    """The alpha-3 code of a state parameter (None stays None); a 422 when it names no single state."""
    try:
        return _state_value(value)
    except ValueError as exc:
        raise invalid(field, str(exc)) from None


def capital_of(text: str) -> str | None:
    """The Place id of the capital a name (any spelling the registry knows) stands for, or None."""
    if not _NAME_CHARS.match(text):
        return None
    return vocabulary().capitals.get(norm(text))


def resolve_actor(value: str) -> str:
    """An actor parameter: an entity id as given, a state's code or name as its alpha-3 code, a capital's
    name as its Place id."""
    if ":" in value:
        return value
    return state_of(value) or capital_of(value) or value


def resolve_title(title: str) -> tuple[str, str | None]:
    """(English title, state or None) of a role title in any supported language; English words pass as given."""
    vocab = vocabulary()
    key = norm(title)
    if key in vocab.titles:
        return vocab.titles[key], None
    words = key.split()
    for cut in range(len(words) - 1, 0, -1):  # the longest cue first: "Wakil Menteri Pertahanan Rusia"
        cue, rest = " ".join(words[:cut]), " ".join(words[cut:])
        iso = vocab.states.get(rest)
        if iso is not None:
            return vocab.titles.get(cue, " ".join(title.split()[:cut])), iso
    return title.strip(), None


def _code_name(q: str, *, upper_only: bool) -> str | None:
    """The state's name when ``q`` is its alpha-3 code (only in capitals when ``upper_only``)."""
    stripped = q.strip()
    if len(stripped) != 3 or not stripped.isalpha() or (upper_only and not stripped.isupper()):
        return None
    iso = vocabulary().states.get(norm(stripped))
    return vocabulary().state_names[iso] if iso == stripped.upper() else None


def search_text(q: str) -> str:
    """The text to search for ``q``: an upper-case alpha-3 code becomes its state's name."""
    return _code_name(q, upper_only=True) or q


def search_fallback(q: str) -> str | None:
    """What to search for when ``q`` as typed found nothing: the state of a code in any case (``mmr``), or
    the one registered name a single typo away (``Myanmr``); None when there is neither."""
    return _code_name(q, upper_only=False) or one_typo_away(q)


def one_typo_away(q: str) -> str | None:
    """The registered name one typo (a letter added, dropped, changed, or two swapped) from ``q``; None when
    there is none, or several."""
    key = norm(q)
    if len(key) < MIN_TYPO_LENGTH or key in vocabulary().name_set:
        return None
    hits = process.extract(key, vocabulary().names, scorer=OSA.distance, score_cutoff=1, limit=None)
    found = {name for name, distance, _ in hits if distance == 1}
    iso_of = vocabulary().states
    # Several spellings of one state ("myanmar", "myanmar"s inflections) are one answer, not an ambiguity.
    if len({iso_of.get(name, name) for name in found}) == 1:
        return min(found)
    return None


def _state_value(value: str | None) -> str | None:
    """AfterValidator form of `resolve_state` (a ValueError is FastAPI's 422 at the parameter)."""
    if value is None:
        return None
    iso = state_of(value)
    if iso is not None:
        return iso
    if norm(value) in vocabulary().ambiguous:
        raise ValueError("this name belongs to more than one state: give its ISO alpha-3 code")
    place = capital_of(value)
    if place is not None:
        state = vocabulary().capital_states[place]
        raise ValueError(f"not a state: {value} is the capital {place}, a place in {state}; give {state} for the state")
    raise ValueError("not a state: give an ISO alpha-3 code (MMR) or a state's name (Myanmar)")


StateQuery = Annotated[str | None, Query(min_length=1, max_length=200, description=(
    "a state: ISO alpha-3 in any case (MMR, mmr) or its name in any supported language (Myanmar, Birmanie)")),
    AfterValidator(_state_value)]
"""An optional state filter, resolved to its alpha-3 code (422 when it names no state)."""

ACTOR_HELP = "an actor id (per:sergei-shoigu) or a state: ISO alpha-3 in any case or its name (Rusia)"
"""Description of every actor parameter."""
