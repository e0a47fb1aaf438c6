"""The registry's model: actors, their dated roles, what an alias stands for, and the look-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, ConfigDict

from graph_schema.model import EntityType
from loaders.models import EntitySource, MentionHow
from loaders.text import PhraseMatcher, norm


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
    members: tuple[str, ...] = ()  # an intergovernmental organisation's member states (ISO alpha-3)
    roles: tuple[Role, ...] = ()
    source: EntitySource = EntitySource.REGISTRY


@dataclass(frozen=True, slots=True)
class AliasHit:
    """What an alias stands for, and how strictly its case must match."""

    entity_id: str
    how: MentionHow  # alias | country | demonym | epithet
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
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # country -> its world region, subregion

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
