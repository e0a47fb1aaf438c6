"""The `plover=` and `cameo=` filters: event codes people know, resolved to the relations they cover.

Both are checked against graph_schema/codes.yaml before any query runs: an unknown PLOVER category or
CAMEO root is a 422 naming the parameter; a known code that no relation carries keeps nothing.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from pydantic import BaseModel, ConfigDict

from graph_schema.codes import code_table, relations_coded
from graph_schema.model import RELATION_EVENT, Relation
from service.params import invalid


class CodeFilter(BaseModel):
    """The relations a request keeps by code (None: no code filter given)."""

    model_config = ConfigDict(frozen=True)

    relations: tuple[Relation, ...] | None = None

    @property
    def relation_names(self) -> list[str] | None:
        """The kept relation types as Cypher parameter (None: every relation)."""
        return None if self.relations is None else [r.value for r in self.relations]

    @property
    def event_types(self) -> list[str] | None:
        """The kept event types as Cypher parameter (None: every type)."""
        if self.relations is None:
            return None
        return [RELATION_EVENT[r].value for r in self.relations if r in RELATION_EVENT]


def _plover(value: str | None) -> str | None:
    if value is None:
        return None
    category = value.strip().upper()
    if category not in code_table().categories:
        raise invalid("plover", f"unknown PLOVER category {value[:40]!r} (one of {', '.join(code_table().categories)})")
    return category


def _cameo(value: str | None) -> str | None:
    if value is None:
        return None
    root = value.strip().zfill(2)
    if root not in code_table().cameo_roots:
        raise invalid("cameo", f"unknown CAMEO root code {value[:40]!r} (01 … 20)")
    return root


def codes_kept(plover: str | None, cameo: str | None) -> CodeFilter:
    """The relations both codes keep; 422 for a code PLOVER or CAMEO does not have."""
    category, root = _plover(plover), _cameo(cameo)
    if category is None and root is None:
        return CodeFilter()
    return CodeFilter(relations=tuple(relations_coded(category, root)))


async def code_filter(
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER category, any case (CONSULT, AID …)")]
    = None,
    cameo: Annotated[str | None, Query(max_length=40, description="CAMEO root code (04, 16 …)")] = None,
) -> CodeFilter:
    """The request's code filter (`codes_kept`); async, so FastAPI does not hop to a thread to call it."""
    return codes_kept(plover, cameo)


CodesDep = Annotated[CodeFilter, Depends(code_filter)]
