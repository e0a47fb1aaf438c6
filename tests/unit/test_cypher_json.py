"""`tiesgraph cypher` helpers: --param parsing and driver values as JSON (no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from neo4j.spatial import CartesianPoint
from neo4j.time import Date, DateTime, Duration

from service.cli_neo4j import parse_params, to_jsonable


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (["n=3"], {"n": 3}),
        (["xs=[1, 2]"], {"xs": [1, 2]}),
        (["name=Indonesia"], {"name": "Indonesia"}),
        (['s="quoted"'], {"s": "quoted"}),
        (["url=a=b"], {"url": "a=b"}),
        (["flag=true", "none=null"], {"flag": True, "none": None}),
    ],
)
def test_param_values_are_json_else_strings(pairs: list[str], expected: dict[str, Any]) -> None:
    assert parse_params(pairs) == expected


@pytest.mark.parametrize("bad", ["novalue", "=3"])
def test_param_without_key_or_equals_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_params([bad])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Date(2021, 6, 24), "2021-06-24"),
        (DateTime(2021, 6, 24, 10, 30, 0, tzinfo=dt.UTC), "2021-06-24T10:30:00.000000000+00:00"),
        (Duration(days=2), "P2D"),
        (dt.date(2021, 6, 24), "2021-06-24"),
        (CartesianPoint((1.0, 2.0)), {"srid": 7203, "coordinates": [1.0, 2.0]}),
        ({"a": [Date(2020, 1, 1), None]}, {"a": ["2020-01-01", None]}),
        (b"\x00\x01", "AAE="),
    ],
)
def test_driver_values_become_json(value: object, expected: object) -> None:
    assert to_jsonable(value) == expected
