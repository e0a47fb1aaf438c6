"""schemathesis against the API's own OpenAPI schema, on the sample graph: generated requests (valid and
invalid) never get a 5xx, and every answer matches its declared status codes, content type and schema.

A small run here (`TIESGRAPH_SCHEMATHESIS_EXAMPLES`, default 10 per operation); `make reliability` runs
it with enough examples for well over 1,000 cases and records the count."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from neo4j import Driver
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from loaders.load import load_sources
from service.app import create_app
from service.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles"
KEY = "schemathesis-key"
EXAMPLES = int(os.environ.get("TIESGRAPH_SCHEMATHESIS_EXAMPLES", "10"))
CASES_LOG = os.environ.get("TIESGRAPH_SCHEMATHESIS_LOG")  # one line per case, for docs/reliability.md
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api(driver: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[FastAPI]:
    """The API over the sample articles (writes need a key: schemathesis sends none, so it cannot
    change the graph it reads). Without the plan warm-up: schemathesis starts the app for its cases, and
    hypothesis refuses a strategy run while another thread (the warm-up's driver) draws from `random`."""
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    assert all(r.ok for r in load_sources(driver, [str(SAMPLE)], database=neo4j_settings.neo4j_database,
                                          progress=False))
    yield create_app(neo4j_settings.model_copy(update={"api_key": SecretStr(KEY), "warm_plans": False}))


@pytest.fixture(scope="module")
def api_schema(api: FastAPI) -> Any:
    """The OpenAPI schema as schemathesis reads it, from the app itself."""
    return schemathesis.openapi.from_asgi("/openapi.json", api)


def _operations() -> list[tuple[str, str, GenerationMode]]:
    """(method, path, mode) of every operation, read from the schema without a database; negative data
    only where there is something to make invalid (a path or query parameter, or a body)."""
    paths = create_app(Settings(NEO4J_URI="neo4j://127.0.0.1:9", TIESGRAPH_ENV="test")).openapi()["paths"]
    cases = []
    for path, operations in paths.items():
        for method, operation in operations.items():
            negatable = "requestBody" in operation or any(
                p["in"] in ("path", "query") for p in operation.get("parameters", []))
            modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if negatable else (GenerationMode.POSITIVE,)
            cases += [(method.upper(), path, mode) for mode in modes]
    return cases


@pytest.mark.parametrize(("method", "path", "mode"), _operations())
def test_generated_requests_get_no_5xx_and_answers_match_the_schema(
    api_schema: Any, method: str, path: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        response = case.call()
        if CASES_LOG:
            with open(CASES_LOG, "a", encoding="utf-8") as log:
                log.write(f"{mode} {method} {path} {response.status_code} {float(response.elapsed):.3f}\n")
        case.validate_response(response, checks=CHECKS)

    run()
