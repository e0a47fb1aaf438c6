"""Write endpoints through HTTP against the real Neo4j: keys, retraction, limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from loaders.writer import write_article
from service.app import create_app
from service.settings import Settings
from tests.integration.test_api_read import EXTRACTION

KEY = "integration-key"


@pytest.fixture
def keyed_client(empty_graph: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[TestClient]:
    """A client of an API that requires X-API-Key for writes, over the hand-built seed article."""
    write_article(empty_graph, EXTRACTION, database=neo4j_settings.neo4j_database)
    settings = neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(settings)) as client:
        yield client


def test_post_without_the_key_is_401_and_writes_nothing(keyed_client: TestClient) -> None:
    before = keyed_client.get("/v1/stats").json()["labels"]["Article"]
    response = keyed_client.post("/v1/articles", json={"url": "https://example.org/x", "text": "Shoigu met."})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert keyed_client.get("/v1/stats").json()["labels"]["Article"] == before


def test_delete_without_the_key_is_401(keyed_client: TestClient) -> None:
    response = keyed_client.delete(f"/v1/articles/{EXTRACTION.article.id}", headers={"X-API-Key": "nope"})
    assert response.status_code == 401
    assert keyed_client.get(f"/v1/articles/{EXTRACTION.article.id}").status_code == 200


def test_delete_retracts_the_article_and_what_only_it_supported(keyed_client: TestClient) -> None:
    headers = {"X-API-Key": KEY}
    response = keyed_client.delete(f"/v1/articles/{EXTRACTION.article.id}", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["retracted"] is True and body["details"]["claims"] == len(EXTRACTION.facts)
    assert keyed_client.get(f"/v1/articles/{EXTRACTION.article.id}").status_code == 404
    assert keyed_client.get("/v1/events", params={"type": "Meeting"}).json()["data"] == []
    stats = keyed_client.get("/v1/stats").json()
    assert stats["relations"]["MET_WITH"] == 0 and stats["labels"]["Claim"] == 0
    again = keyed_client.delete(f"/v1/articles/{EXTRACTION.article.id}", headers=headers)
    assert again.status_code == 404 and again.json()["error"]["code"] == "not_found"


def test_oversized_upload_is_413(neo4j_settings: Settings, schema_applied: list[str]) -> None:
    settings = neo4j_settings.model_copy(update={"api_key": SecretStr(KEY), "max_upload_bytes": 1000})
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/articles", json={"url": "https://example.org/big", "text": "x" * 5000},
                               headers={"X-API-Key": KEY})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize("content_type", ["text/html", "text/plain", "application/json"])
def test_an_empty_body_is_422_in_the_error_shape_and_writes_nothing(keyed_client: TestClient,
                                                                    content_type: str) -> None:
    before = keyed_client.get("/v1/stats").json()["labels"]["Article"]
    response = keyed_client.post("/v1/articles", content=b"",
                                 headers={"X-API-Key": KEY, "Content-Type": content_type})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"
    assert keyed_client.get("/v1/stats").json()["labels"]["Article"] == before
