"""Bad input to the API without a database: refused with a 4xx in the error shape before anything is written."""

from __future__ import annotations

import pytest

from tests.unit.test_api_errors import assert_error, make_client

NESTED = [
    "[" * 100_000 + "]" * 100_000,
    '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
    '{"text": "Ana met Bo.", "extra": ' + "{\"a\": " * 5_000 + "1" + "}" * 5_000 + "}",
]


@pytest.mark.parametrize("body", NESTED)
def test_deeply_nested_json_is_a_422(body: str) -> None:
    _, client = make_client()
    response = client.post("/v1/articles", content=body, headers={"content-type": "application/json"})
    assert_error(response, 422, "validation_error")
