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


# /v1/entities/{id}/relationships takes the same `Since`/`Until`, but checks its id in the (gone) database first.
DATED = ["/v1/ties?a=RUS&b=MMR&{p}={d}", "/v1/events?{p}={d}", "/v1/articles?{p}={d}"]


@pytest.mark.parametrize("template", DATED)
@pytest.mark.parametrize("param", ["since", "until"])
@pytest.mark.parametrize("bad", ["2021-13-45", "2021-02-30", "2021-00", "0000", "2021-06-31"])
def test_a_date_that_is_no_calendar_date_is_a_422_on_every_dated_endpoint(template: str, param: str,
                                                                         bad: str) -> None:
    _, client = make_client()
    assert_error(client.get(template.format(p=param, d=bad)), 422, "validation_error")


@pytest.mark.parametrize("template", DATED)
@pytest.mark.parametrize("good", ["2021", "2021-02", "2024-02-29"])
def test_a_real_date_passes_validation(template: str, good: str) -> None:
    _, client = make_client()  # the database is gone: a 503 means the parameters were accepted
    assert client.get(template.format(p="since", d=good)).status_code == 503


GOOD = {"url": "https://example.org/a", "language": "en", "text": "Ilse Varga met Tomas Brandt in Graz."}


@pytest.mark.parametrize("change", [
    {"url": "not a url"}, {"url": "javascript:alert(1)"}, {"url": "ftp://example.org/a"}, {"url": "https://"},
    {"published": "2999-01-01"}, {"published": "-0001-01-01"}, {"published": "0000-06-01"},
    {"html": "<p>Ilse Varga met Tomas Brandt.</p>"},  # beside text: which one is the article?
])
def test_a_json_record_with_a_bad_url_date_or_both_bodies_is_a_422(change: dict[str, str]) -> None:
    _, client = make_client()
    assert_error(client.post("/v1/articles", json={**GOOD, **change}), 422, "validation_error")


@pytest.mark.parametrize("params", [{"url": "javascript:alert(1)"}, {"published": "2999-01-01"},
                                    {"published": "-1"}])
@pytest.mark.parametrize("content_type", ["text/plain", "text/html"])
def test_query_metadata_of_a_text_or_html_body_is_validated_too(params: dict[str, str], content_type: str) -> None:
    _, client = make_client()
    response = client.post("/v1/articles", params=params, content=GOOD["text"],
                           headers={"content-type": content_type})
    assert_error(response, 422, "validation_error")


@pytest.mark.parametrize("change", [{}, {"published": "2021-06-22"}, {"published": "2021-06-22T10:00:00+07:00"},
                                    {"url": "http://example.org/b"}])
def test_a_plausible_record_passes_validation(change: dict[str, str]) -> None:
    _, client = make_client()  # the database is gone: a 503 means the record was accepted
    assert client.post("/v1/articles", json={**GOOD, **change}).status_code == 503


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize("body", [PNG, b"Ilse Varga met \xff\xfe Tomas Brandt.", b"caf\xe9 in Graz",
                                  b"Ilse Varga\x00met Tomas Brandt."])
def test_binary_or_invalid_utf8_as_text_plain_is_a_415(body: bytes) -> None:
    _, client = make_client()
    response = client.post("/v1/articles", content=body, headers={"content-type": "text/plain"})
    assert_error(response, 415, "unsupported_media_type")


def test_latin1_text_declared_as_latin1_passes() -> None:
    _, client = make_client()  # the database is gone: a 503 means the body was accepted
    response = client.post("/v1/articles", content="Ilse Varga était à Graz.".encode("latin-1"),
                           headers={"content-type": "text/plain; charset=latin-1"})
    assert response.status_code == 503
