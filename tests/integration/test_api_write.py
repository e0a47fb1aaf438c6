"""Write endpoints through HTTP against the real Neo4j: keys, retraction, limits, duplicates; and the roles
and mentions of registry people written by the real writer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from graph_schema.model import EntityType
from loaders.models import ArticleExtraction, ArticleMeta, Entity, RoleSpan
from loaders.registry import load_registry
from loaders.write import write_article
from service.app import create_app
from service.settings import Settings
from tests.factories import EXTRACTION

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


U1, U2 = "https://example.org/one", "https://example.org/two"
T1 = b"Sergei Shoigu met Min Aung Hlaing in Moscow on 22 June 2021."
T2 = b"Vladimir Putin received Min Aung Hlaing in the Kremlin on 23 June 2021."
TEXT_HEADERS = {"X-API-Key": KEY, "Content-Type": "text/plain"}


def _post_text(client: TestClient, url: str, text: bytes) -> Any:
    return client.post("/v1/articles", params={"url": url}, content=text, headers=TEXT_HEADERS)


def test_a_twin_of_a_stored_text_answers_with_the_stored_articles_url(keyed_client: TestClient) -> None:
    first = _post_text(keyed_client, U1, T1)
    assert first.status_code == 201, first.text
    twin = _post_text(keyed_client, "https://example.org/mirror", T1)
    assert twin.status_code == 200, twin.text
    assert twin.json()["duplicate_of"] == first.json()["article_id"] == twin.json()["article_id"]
    assert twin.json()["url"] == U1


def test_a_new_version_whose_text_another_url_holds_is_409(keyed_client: TestClient) -> None:
    first = _post_text(keyed_client, U1, T1)
    assert first.status_code == 201, first.text
    assert _post_text(keyed_client, U2, T2).status_code == 201
    clash = _post_text(keyed_client, U1, T2)
    assert clash.status_code == 409, clash.text
    assert clash.json()["error"]["code"] == "duplicate_text"
    assert keyed_client.get(f"/v1/articles/{first.json()['article_id']}").json()["url"] == U1


def _registry_person(person_id: str, mentions: int = 1) -> Entity:
    actor = load_registry().get(person_id)
    assert actor is not None, person_id
    roles = [RoleSpan(title=r.title, org=r.org, country=r.country, start=r.start and r.start.isoformat(),
                      end=r.end and r.end.isoformat()) for r in actor.roles]
    return Entity(id=actor.id, type=EntityType.PERSON, name=actor.name, aliases=[actor.name], roles=roles,
                  country=actor.country, mentions=mentions)


ROLES_TEXT = "Vladimir Putin, Sergei Shoigu, Alexander Fomin, Dmitry Peskov and Nikolai Patrushev spoke."
ROLES_ARTICLE = ArticleExtraction(
    source="test:roles",
    article=ArticleMeta(id="art:roles", url="https://example.org/roles", outlet="Example", language="en",
                        published="2021-06-22", title="Five Russian officials", content_hash="roles-hash"),
    text=ROLES_TEXT,
    entities=[_registry_person("per:vladimir-putin"), _registry_person("per:sergei-shoigu"),
              _registry_person("per:alexander-fomin"), _registry_person("per:dmitry-peskov"),
              _registry_person("per:nikolai-patrushev"),
              Entity(id="RUS", type=EntityType.COUNTRY, name="Russia", known_aliases=["Russian Federation"],
                     mentions=0)],
    facts=[],
)


@pytest.fixture
def roles_client(empty_graph: Driver, neo4j_settings: Settings, schema_applied: list[str]) -> Iterator[TestClient]:
    """A client over a graph holding five registry people of Russia (Russia itself only implied)."""
    write_article(empty_graph, ROLES_ARTICLE, database=neo4j_settings.neo4j_database)
    with TestClient(create_app(neo4j_settings)) as client:
        yield client


@pytest.mark.parametrize(("title", "country", "expected"), [
    ("president", "RUS", ["Vladimir Putin"]),
    ("president", None, ["Vladimir Putin"]),
    ("defence minister", "RUS", ["Sergei Shoigu"]),
    ("defense minister", "RUS", ["Sergei Shoigu"]),
    ("Minister of Defence", None, ["Sergei Shoigu"]),
    ("deputy defence minister", "RUS", ["Alexander Fomin"]),
    ("press secretary of the president", "RUS", ["Dmitry Peskov"]),
    ("minister", "RUS", []),
    ("defence minister", "MMR", []),
])
def test_roles_match_the_whole_office_not_a_substring(roles_client: TestClient, title: str, country: str | None,
                                                     expected: list[str]) -> None:
    params = {"title": title, "date": "2021-06-22", "source": "graph", **({"country": country} if country else {})}
    response = roles_client.get("/v1/roles", params=params)
    assert response.status_code == 200, response.text
    assert [h["person"]["name"] for h in response.json()["data"]] == expected


def test_roles_page_with_a_cursor(roles_client: TestClient) -> None:
    """On 2024-05-13 Patrushev had not yet left the Security Council and Shoigu had already joined it."""
    params = {"title": "security council secretary", "date": "2024-05-13", "limit": "1", "source": "graph"}
    first = roles_client.get("/v1/roles", params=params).json()
    assert [h["person"]["name"] for h in first["data"]] == ["Nikolai Patrushev"] and first["next_cursor"]
    second = roles_client.get("/v1/roles", params={**params, "cursor": first["next_cursor"]}).json()
    assert [h["person"]["name"] for h in second["data"]] == ["Sergei Shoigu"] and second["next_cursor"] is None


@pytest.mark.parametrize(("params", "field"), [
    ({"title": "defence minister", "date": "2021-02-30"}, "date"),
    ({"title": "  ", "date": "2021-06-22"}, "title"),
])
def test_roles_refuse_an_impossible_day_or_a_blank_title(roles_client: TestClient, params: dict[str, str],
                                                         field: str) -> None:
    response = roles_client.get("/v1/roles", params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["details"]["errors"][0]["loc"] == ["query", field]


def test_an_implied_state_is_not_an_entity_the_article_names(roles_client: TestClient) -> None:
    named = {e["id"] for e in roles_client.get("/v1/articles/art:roles").json()["entities"]}
    assert "RUS" not in named and "per:sergei-shoigu" in named
    assert roles_client.get("/v1/entities/RUS").json()["articles"] == 0
    assert roles_client.get("/v1/entities/per:sergei-shoigu").json()["articles"] == 1
