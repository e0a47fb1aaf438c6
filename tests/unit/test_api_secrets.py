"""API keys and secrets without a database: a blank key is no key, and no key reaches a log line."""

from __future__ import annotations

import logging

import pytest
from pydantic import ValidationError

from service.app import loggable_query
from service.settings import Settings
from tests.unit.test_api_errors import KEY, assert_error, make_client, make_settings

PRODUCTION = {"TIESGRAPH_ENV": "production", "NEO4J_PASSWORD": "a-real-password"}


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_api_key_is_not_a_configured_key(blank: str) -> None:
    assert make_settings(TIESGRAPH_API_KEY=blank).api_key is None
    with pytest.raises(ValidationError, match="TIESGRAPH_API_KEY must be set"):
        Settings.model_validate({**PRODUCTION, "TIESGRAPH_API_KEY": blank})


@pytest.mark.parametrize("given", ["", " ", "wrong"])
def test_an_empty_or_wrong_x_api_key_never_passes(given: str) -> None:
    _, client = make_client(make_settings(TIESGRAPH_API_KEY=KEY, TIESGRAPH_READ_KEY_REQUIRED=True))
    headers = {"X-API-Key": given}
    assert_error(client.post("/v1/articles", json={"text": "Ana met Bo."}, headers=headers), 401, "unauthorized")
    assert_error(client.get("/v1/entities", headers=headers), 401, "unauthorized")


@pytest.mark.parametrize("param", ["api_key", "X-API-Key", "apikey", "token", "password"])
def test_a_secret_query_parameter_never_reaches_the_request_log(param: str, caplog: pytest.LogCaptureFixture) -> None:
    _, client = make_client(make_settings(TIESGRAPH_API_KEY=KEY))
    with caplog.at_level(logging.INFO, logger="tiesgraph.api"):
        client.get("/v1/entities", params={"q": "Oslo", param: KEY})
    lines = [r.getMessage() for r in caplog.records if "/v1/entities" in r.getMessage()]
    assert lines and all(KEY not in line for line in lines)
    assert "q=Oslo" in lines[0]


def test_loggable_query_keeps_plain_parameters() -> None:
    assert loggable_query("q=Oslo&limit=5&api_key=abc") == "q=Oslo&limit=5&api_key=***"
