"""Requests an attacker would send, generated from the API's own OpenAPI schema (so a new endpoint or
parameter is attacked without anyone listing it): Cypher-injection payloads in every string parameter of
every read endpoint, and every bounded integer parameter just past and at its bound.

Used by the bounded test in `make test` and by `make reliability`'s probes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from neo4j import Driver, RoutingControl

INJECTIONS: tuple[str, ...] = (
    "' OR 1=1 //",
    "\" OR 1=1 //",
    "RUS'}) MATCH (n) DETACH DELETE n //",
    "x\"}) DETACH DELETE n WITH 1 AS one MATCH (m) RETURN m //",
    "') RETURN 1 UNION MATCH (n) RETURN n //",
    "` MATCH (n) SET n.pwned = true //",
    "$id",
    "RUS] CALL db.labels() YIELD label RETURN label //",
    "*) CREATE (:Pwned) //",
    "\\' OR \\'1\\'=\\'1",
    "RUS\u0000MMR",
    "AND NOT 1 DETACH DELETE n",
)
"""Strings that would change a query built by concatenation; parameters make them plain values."""

VALID: dict[str, str] = {
    "entity_id": "RUS", "event_id": "evt:none", "article_id": "art:none", "from": "RUS", "to": "MMR",
    "a": "RUS", "b": "MMR", "title": "defence minister", "date": "2021-06-22", "format": "jsonl",
}
"""A valid value for each required parameter, so that only the attacked parameter is odd."""

SKIPPED_PATHS = ("/browser/",)


@dataclass(frozen=True)
class Attack:
    """One request: method, URL (path and query) and which parameter carries the odd value."""

    method: str
    path: str
    """The operation's path template, e.g. ``/v1/entities/{entity_id}``."""
    url: str
    target: str
    value: str


def _params(operation: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in operation.get("parameters", []) if p["in"] in ("path", "query")]


def _is_string(param: dict[str, Any]) -> bool:
    schema = param["schema"]
    kinds = [schema.get("type")] + [alt.get("type") for alt in schema.get("anyOf", [])]
    return "string" in kinds or "$ref" in schema or any("$ref" in alt for alt in schema.get("anyOf", []))


def _url(path: str, params: list[dict[str, Any]], odd: str, value: str) -> str:
    query: list[str] = []
    for param in params:
        name = param["name"]
        chosen = value if name == odd else VALID.get(name)
        if chosen is None:
            continue
        if param["in"] == "path":
            path = path.replace("{" + name + "}", quote(chosen, safe=""))
        else:
            query.append(f"{quote(name)}={quote(chosen, safe='')}")
    return path + ("?" + "&".join(query) if query else "")


def injection_attacks(schema: dict[str, Any], methods: tuple[str, ...] = ("get",)) -> Iterator[Attack]:
    """Every payload in every string parameter of every operation with one of ``methods``."""
    for path, operations in schema["paths"].items():
        if path.startswith(SKIPPED_PATHS):
            continue
        for method, operation in operations.items():
            if method not in methods:
                continue
            params = _params(operation)
            for param in params:
                if _is_string(param):
                    for payload in INJECTIONS:
                        yield Attack(method.upper(), path, _url(path, params, param["name"], payload),
                                     param["name"], payload)


def bound_attacks(schema: dict[str, Any]) -> Iterator[tuple[Attack, bool]]:
    """(attack, whether it is allowed): each bounded integer parameter at its maximum (allowed) and one
    past it (refused); one without a declared maximum (``limit``) at a huge value (allowed, answered
    with at most a page)."""
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None or path.startswith(SKIPPED_PATHS):
            continue
        params = _params(operation)
        for param in params:
            if param["schema"].get("type") != "integer":
                continue
            top = param["schema"].get("maximum")
            name = param["name"]
            if top is None:
                yield Attack("GET", path, _url(path, params, name, str(10**9)), name, str(10**9)), True
                continue
            yield Attack("GET", path, _url(path, params, name, str(top)), name, str(top)), True
            yield Attack("GET", path, _url(path, params, name, str(top + 1)), name, str(top + 1)), False


def graph_fingerprint(driver: Driver, database: str) -> dict[str, Any]:
    """Counts per label and per relationship type, and every property key in use: what an attack would change."""
    def rows(cypher: str) -> list[Any]:
        records, _, _ = driver.execute_query(cypher, database_=database, routing_=RoutingControl.READ)
        return [tuple(r.values()) for r in records]

    return {
        "labels": sorted(rows("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) ORDER BY l")),
        "types": sorted(rows("MATCH ()-[r]->() RETURN type(r), count(*) ORDER BY type(r)")),
        "keys": sorted(rows("MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT k ORDER BY k")),
    }


def timed(call: Any) -> tuple[Any, float]:
    """The result of ``call()`` and the seconds it took."""
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started
