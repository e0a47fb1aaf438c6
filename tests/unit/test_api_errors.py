"""The API's error contract without a database: every error has one shape and the right status."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from neo4j.exceptions import ConstraintError, ServiceUnavailable, SessionExpired
from pydantic import SecretStr

from loaders.errors import (
    ArticleNotFound,
    DuplicateTextError,
    ExtractionError,
    FetchError,
    InputError,
    LoaderError,
    WriteError,
)
from service.app import create_app
from service.cli_api import browser_connect_url
from service.deps import decode_cursor, encode_cursor, get_driver
from service.errors import ApiError, BadRequest, Conflict, NotFound, PayloadTooLarge, Unauthorized, Unavailable
from service.queries.entities import lucene_query
from service.settings import Settings
from tests.factories import assert_error

KEY = "s3cret-key"


class FailingDriver:
    """Stands in for a driver whose server is gone: every query raises `error`."""

    execute_query_bookmark_manager = None  # the reads' sessions share it (service.queries._common.read)

    def __init__(self, error: Exception) -> None:
        self.error = error

    def execute_query(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error

    def session(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error


def make_settings(**overrides: Any) -> Settings:
    """Settings for a server nobody listens on (the tests never connect)."""
    return Settings.model_validate({"NEO4J_URI": "neo4j://127.0.0.1:9", "TIESGRAPH_ENV": "test", **overrides})


def make_client(settings: Settings | None = None, error: Exception | None = None) -> tuple[FastAPI, TestClient]:
    """An app whose driver fails with `error`; the lifespan is not run, so nothing connects."""
    app = create_app(settings or make_settings())
    failing = FailingDriver(error or ServiceUnavailable("gone"))
    app.dependency_overrides[get_driver] = lambda: failing
    return app, TestClient(app, raise_server_exceptions=False)


def test_health_needs_no_database() -> None:
    _, client = make_client()
    assert client.get("/v1/health").json()["status"] == "ok"


@pytest.mark.parametrize("error", [ServiceUnavailable("down"), SessionExpired("expired")])
@pytest.mark.parametrize("path", ["/v1/entities", "/v1/entities?q=Rusia", "/v1/stats", "/v1/events",
                                  "/v1/articles", "/v1/entities/RUS", "/v1/ready", "/v1/entities/RUS/graph"])
def test_neo4j_unavailable_is_503(error: Exception, path: str) -> None:
    _, client = make_client(error=error)
    assert_error(client.get(path), 503, "unavailable" if path == "/v1/ready" else "neo4j_unavailable")


@pytest.mark.parametrize("path", [
    "/v1/entities?type=Spaceship", "/v1/entities?limit=-1", "/v1/events?type=Party", "/v1/events?since=yesterday",
    "/v1/paths?from=RUS", "/v1/paths?from=RUS&to=MMR&max_hops=9", "/v1/ties?b=MMR",
    "/v1/articles?language=x", "/v1/events?until=2021-13-1",
])
def test_malformed_parameters_are_422_with_the_errors_listed(path: str) -> None:
    _, client = make_client()
    body = assert_error(client.get(path), 422, "validation_error")
    assert body["error"]["details"]["errors"][0]["loc"]


def test_unknown_route_and_method_keep_the_shape() -> None:
    _, client = make_client()
    assert_error(client.get("/v1/nothing-here"), 404, "not_found")
    assert_error(client.put("/v1/stats"), 405, "method_not_allowed")


def test_bad_cursor_is_400() -> None:
    _, client = make_client()
    assert_error(client.get("/v1/entities?cursor=%%%"), 400, "bad_request")


@pytest.mark.parametrize("payload", [b'{"o": 1000000000000000000000000000000}', b'{"o": true}', b'{"o": -1}',
                                     b'{"o": 1.5}', b'{"x": 1}', b'[1]'])
def test_forged_cursors_are_400_not_500(payload: bytes) -> None:
    import base64

    _, client = make_client()
    cursor = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    assert_error(client.get("/v1/entities", params={"cursor": cursor}), 400, "bad_request")


@pytest.mark.parametrize("offset", [0, 1, 50, 10_000])
def test_cursor_round_trips(offset: int) -> None:
    assert decode_cursor(encode_cursor(offset)) == offset


@pytest.mark.parametrize("cursor", ["", "abc", encode_cursor(0)[:-2] + "!!", "eyJvIjogLTF9"])
def test_forged_cursor_is_refused(cursor: str) -> None:
    with pytest.raises(BadRequest):
        decode_cursor(cursor)


@pytest.mark.parametrize(("headers", "status"), [({}, 401), ({"X-API-Key": "wrong"}, 401)])
def test_writes_need_the_configured_key(headers: dict[str, str], status: int) -> None:
    _, client = make_client(make_settings(TIESGRAPH_API_KEY=KEY))
    assert_error(client.post("/v1/articles", json={"text": "x"}, headers=headers), status, "unauthorized")
    assert_error(client.delete("/v1/articles/art:x", headers=headers), status, "unauthorized")


def test_reads_need_a_key_only_when_configured() -> None:
    _, open_client = make_client(make_settings(TIESGRAPH_API_KEY=KEY))
    assert open_client.get("/v1/entities").status_code == 503  # passed auth, reached the (gone) database
    _, closed = make_client(make_settings(TIESGRAPH_API_KEY=KEY, TIESGRAPH_READ_KEY_REQUIRED=True))
    assert_error(closed.get("/v1/entities"), 401, "unauthorized")
    assert closed.get("/v1/entities", headers={"X-API-Key": KEY}).status_code == 503
    assert closed.get("/v1/health").status_code == 200


def test_body_over_the_limit_is_413() -> None:
    _, client = make_client(make_settings(TIESGRAPH_API_KEY=KEY, TIESGRAPH_MAX_UPLOAD_BYTES=100))
    response = client.post("/v1/articles", content=b"<p>" + b"x" * 200, headers={
        "X-API-Key": KEY, "Content-Type": "text/html"})
    assert_error(response, 413, "payload_too_large")


@pytest.mark.parametrize("body", [{}, {"url": "https://example.org/a"}, {"text": "   "}, {"text": 5}])
def test_article_record_without_text_is_422(body: dict[str, Any]) -> None:
    _, client = make_client(make_settings(TIESGRAPH_API_KEY=KEY))
    assert_error(client.post("/v1/articles", json=body, headers={"X-API-Key": KEY}), 422, "validation_error")


def test_invalid_json_is_422_and_unknown_media_type_is_415() -> None:
    _, client = make_client(make_settings(TIESGRAPH_API_KEY=KEY))
    headers = {"X-API-Key": KEY}
    assert_error(client.post("/v1/articles", content=b"{not json", headers={**headers, "Content-Type":
                                                                             "application/json"}),
                 422, "validation_error")
    assert_error(client.post("/v1/articles", content=b"<a/>", headers={**headers, "Content-Type": "image/png"}),
                 415, "unsupported_media_type")


def _boom(error: Exception) -> Any:
    def route() -> None:
        raise error
    return route


@pytest.mark.parametrize(("error", "status", "code"), [
    (BadRequest("x"), 400, "bad_request"), (Unauthorized("x"), 401, "unauthorized"),
    (NotFound("x"), 404, "not_found"), (Conflict("x"), 409, "conflict"),
    (PayloadTooLarge("x"), 413, "payload_too_large"), (Unavailable("x"), 503, "unavailable"),
    (InputError("bad record"), 400, "invalid_input"), (FetchError("no"), 400, "fetch_failed"),
    (ExtractionError("stage failed"), 422, "extraction_failed"), (ArticleNotFound("art:x"), 404,
                                                                  "article_not_found"),
    (WriteError("rolled back"), 500, "write_failed"), (LoaderError("?"), 500, "loader_error"),
    (DuplicateTextError("art:b: its new version's text is already stored as art:a"), 409, "duplicate_text"),
    (ConstraintError("dup"), 409, "conflict"), (RuntimeError("bug"), 500, "internal_error"),
])
def test_every_error_maps_to_its_status_in_one_shape(error: Exception, status: int, code: str) -> None:
    app, client = make_client()
    app.add_api_route("/boom", _boom(error))
    assert_error(client.get("/boom"), status, code)


@pytest.mark.parametrize(("cause", "status", "code"), [
    (ServiceUnavailable("down"), 503, "neo4j_unavailable"), (ConstraintError("dup"), 409, "conflict"),
])
def test_a_wrapped_driver_error_keeps_its_status(cause: Exception, status: int, code: str) -> None:
    app, client = make_client()
    error = WriteError("art:x: the graph write failed")
    error.__cause__ = cause
    app.add_api_route("/boom", _boom(error))
    assert_error(client.get("/boom"), status, code)


def test_api_error_details_are_kept() -> None:
    app, client = make_client()
    app.add_api_route("/boom", _boom(NotFound("No entity 'x'.", details={"id": "x"})))
    assert client.get("/boom").json() == {"error": {"code": "not_found", "message": "No entity 'x'.",
                                                    "details": {"id": "x"}}}
    assert issubclass(NotFound, ApiError)


@pytest.mark.parametrize(("q", "expected"), [
    ("Rusia", "(rusia OR rusia*)"),
    ("Россия", "(россия OR россия*)"),
    ("Min Aung", '(min AND (aung OR aung*)) OR "min aung"^4'),
    ("Ministry of", '(ministry AND of) OR "ministry of"^4'),
    ('a:b"(c)', '(a\\:b\\"\\(c\\) OR a\\:b\\"\\(c\\)*)'),
    ("Évora", "(evora OR evora*)"),
])
def test_lucene_query_folds_and_escapes(q: str, expected: str) -> None:
    assert lucene_query(q) == expected


def test_browser_url_fills_in_the_connection() -> None:
    settings = Settings.model_validate({"NEO4J_URI": None, "TIESGRAPH_NEO4J_BOLT_PORT": 17687,
                                        "TIESGRAPH_NEO4J_HTTP_PORT": 17474, "NEO4J_DATABASE": "neo4j"})
    assert browser_connect_url(settings) == (
        "http://127.0.0.1:17474/browser/?dbms=neo4j://neo4j@127.0.0.1:17687&db=neo4j&preselectAuthMethod=NATIVE"
    )
    remote = Settings.model_validate({"NEO4J_URI": "neo4j+s://db.example.org:7687", "NEO4J_USER": "ana",
                                      "NEO4J_PASSWORD": SecretStr("x" * 10)})
    # '+' is percent-encoded: in a query string it would otherwise read as a space
    assert "dbms=neo4j%2Bs://ana@db.example.org:7687" in browser_connect_url(remote)


def test_app_starts_without_neo4j_and_is_not_ready() -> None:
    # A closed loopback port: connecting fails at once, nothing leaves the machine.
    with TestClient(create_app(make_settings())) as client:
        assert client.get("/v1/health").status_code == 200
        assert_error(client.get("/v1/ready"), 503, "unavailable")


@pytest.mark.parametrize(
    ("header", "charset"),
    [("text/html; charset=ISO-8859-1", "iso8859-1"), ("text/html", "utf-8"), ("text/plain; charset=nope", "utf-8"),
     ('text/plain; charset="windows-1252"', "cp1252")],
)
def test_the_declared_charset_of_a_posted_page_is_honoured(header: str, charset: str) -> None:
    from service.routers.articles import _charset

    assert _charset(header) == charset


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib", "idna", "quopri", "uu", "bz2"])
@pytest.mark.parametrize("content_type", ["text/plain", "text/html"])
def test_a_charset_that_is_no_text_encoding_is_415_not_500(content_type: str, charset: str) -> None:
    _, client = make_client()
    response = client.post("/v1/articles", content=b"Shoigu met Min Aung Hlaing in Moscow.",
                           headers={"content-type": f"{content_type}; charset={charset}"})
    body = assert_error(response, 415, "unsupported_media_type")
    assert body["error"]["details"]["charset"] == charset


def test_a_deeply_nested_cursor_is_refused_not_500() -> None:
    import base64

    _, client = make_client()
    cursor = base64.urlsafe_b64encode(b"[" * 40_000).decode()  # httpx caps a URL at 64 KiB
    body = assert_error(client.get("/v1/entities", params={"cursor": cursor}), 422, "validation_error")
    assert cursor not in str(body)
    with pytest.raises(BadRequest) as caught:
        decode_cursor(cursor)
    assert len(str(caught.value.details["cursor"])) <= 64


def test_a_forged_cursor_is_not_echoed_at_length() -> None:
    import base64

    _, client = make_client()
    cursor = base64.urlsafe_b64encode(b"[" * 45).decode()  # 60 characters: under the length limit
    body = assert_error(client.get("/v1/entities", params={"cursor": cursor}), 400, "bad_request")
    assert body["error"]["details"]["cursor"] == cursor


@pytest.mark.parametrize(("params", "field"), [
    ({"title": "defence minister", "date": "2021-02-30"}, "date"),
    ({"title": "   ", "date": "2021-06-22"}, "title"),
    ({"title": "of the", "date": "2021-06-22"}, "title"),
])
def test_roles_refuse_an_impossible_day_and_a_blank_title(params: dict[str, str], field: str) -> None:
    _, client = make_client()
    body = assert_error(client.get("/v1/roles", params=params), 422, "validation_error")
    assert body["error"]["details"]["errors"][0]["loc"] == ["query", field]


@pytest.mark.parametrize(("question", "title", "state", "matches"), [
    ("defence minister", "Minister of Defence of Russia", "Russia", True),
    ("defense minister", "Minister of Defence of Russia", "Russia", True),
    ("minister of defense", "Minister of Defence", "Russia", True),
    ("defence minister", "Deputy Minister of Defence of Russia", "Russia", False),
    ("deputy defence minister", "Deputy Minister of Defence of Russia", "Russia", True),
    ("president", "President of Russia", "Russia", True),
    ("president", "Press Secretary of the President of Russia", "Russia", False),
    ("president", "Vice President of the United States", "United States", False),
    ("foreign minister", "Minister of Foreign Affairs of Russia", "Russia", True),
    ("minister", "Prime Minister of Russia", "Russia", False),
])
def test_a_role_matches_the_office_words_in_any_order(question: str, title: str, state: str, matches: bool) -> None:
    from service.queries.roles import _without_state, title_words

    words = title_words(_without_state(title, [state]))
    assert (sorted(words) == sorted(title_words(question))) is matches


def test_open_driver_keeps_server_notifications_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from neo4j import NotificationMinimumSeverity

    from service import db

    seen: list[Any] = []
    monkeypatch.setattr(db.GraphDatabase, "driver", lambda *a, **kw: seen.append(kw["notifications_min_severity"]))
    db.open_driver(make_settings())
    db.open_driver(make_settings(), notifications=True)
    assert seen == [NotificationMinimumSeverity.OFF, None]  # None: the server's own default
