"""A Neo4j nobody listens on (a closed local port, no database): reads answer 503 within seconds."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from tests.unit.test_api_errors import assert_error, make_settings

BOUND_S = 5.0


@pytest.mark.parametrize("path", ["/v1/entities?q=Oslo", "/v1/entities", "/v1/stats", "/v1/events",
                                  "/v1/ready"])
def test_reads_of_an_unreachable_database_answer_503_within_seconds(path: str) -> None:
    with TestClient(create_app(make_settings()), raise_server_exceptions=False) as client:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    assert_error(response, 503, response.json()["error"]["code"])
    assert response.headers["Retry-After"]
    assert elapsed < BOUND_S, f"{path}: {elapsed:.1f} s"
