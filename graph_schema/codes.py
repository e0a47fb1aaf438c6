"""Event codes people know: the PLOVER category and mode and the CAMEO root code of each relation.

The mapping is data (codes.yaml, with its source in the PLOVER repository); this module reads and checks it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from graph_schema.model import RELATION_EVENT, EventType, Relation

CODES_FILE = Path(__file__).with_name("codes.yaml")


class CameoRoot(BaseModel):
    """A CAMEO cue category and the PLOVER categories it translates to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    plover: tuple[str, ...]


class Codes(BaseModel):
    """The codes of one relation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plover: str
    mode: str | None
    cameo: str
    note: str


class CodeTable(BaseModel):
    """The whole codes file, checked against PLOVER's own categories, modes and CAMEO translation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    categories: dict[str, tuple[str, ...]]
    cameo_roots: dict[str, CameoRoot]
    relations: dict[Relation, Codes | None]

    @model_validator(mode="after")
    def _consistent(self) -> CodeTable:
        missing = set(Relation) - set(self.relations)
        if missing:
            raise ValueError(f"relations without an entry: {sorted(missing)}")
        for rel, codes in self.relations.items():
            if codes is None:
                continue
            modes = self.categories.get(codes.plover)
            if modes is None:
                raise ValueError(f"{rel}: {codes.plover} is not a PLOVER category")
            if codes.mode is not None and codes.mode not in modes:
                raise ValueError(f"{rel}: {codes.mode} is not a mode of {codes.plover}")
            root = self.cameo_roots.get(codes.cameo)
            if root is None or codes.plover not in root.plover:
                raise ValueError(f"{rel}: CAMEO {codes.cameo} does not translate to {codes.plover}")
        return self


def load_codes(path: Path = CODES_FILE) -> CodeTable:
    """The code table of a codes file (ValueError when it contradicts PLOVER's tables)."""
    return CodeTable.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def code_table() -> CodeTable:
    """The project's code table, read once."""
    return load_codes()


def codes_of(relation: Relation) -> Codes | None:
    """PLOVER category, mode and CAMEO root of a relation (None: no PLOVER event)."""
    return code_table().relations[relation]


CODE_FIELDS = ("plover", "plover_mode", "cameo")
"""The code fields every claim, event, tie and export row carries (null where a relation has none)."""

EVENT_RELATION: dict[EventType, Relation] = {event: rel for rel, event in RELATION_EVENT.items()}
"""The relation whose claims make each event type (one each)."""


def code_fields(kind: Relation | EventType | str | None) -> dict[str, str | None]:
    """``{plover, plover_mode, cameo}`` of a relation or event type (its value as text is accepted too);
    all null for None, an unknown name, or a relation with no PLOVER event. The one place they are derived."""
    relation = _relation(kind)
    codes = codes_of(relation) if relation is not None else None
    if codes is None:
        return dict.fromkeys(CODE_FIELDS)
    return {"plover": codes.plover, "plover_mode": codes.mode, "cameo": codes.cameo}


def _relation(kind: Relation | EventType | str | None) -> Relation | None:
    if isinstance(kind, Relation):
        return kind
    if isinstance(kind, EventType):
        return EVENT_RELATION.get(kind)
    if isinstance(kind, str) and kind in _RELATION_VALUES:
        return Relation(kind)
    if isinstance(kind, str) and kind in _EVENT_VALUES:
        return EVENT_RELATION.get(EventType(kind))
    return None


_RELATION_VALUES = frozenset(r.value for r in Relation)
_EVENT_VALUES = frozenset(t.value for t in EventType)


def relations_coded(plover: str | None = None, cameo: str | None = None) -> list[Relation]:
    """The relations whose PLOVER category is `plover` and CAMEO root is `cameo` (either may be None)."""
    return [rel for rel, codes in code_table().relations.items() if codes is not None
            and plover in (None, codes.plover) and cameo in (None, codes.cameo)]
