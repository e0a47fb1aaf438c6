"""Reading paths, folders, JSON/JSONL records and URLs (URLs through httpx.MockTransport)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from loaders.clean import clean
from loaders.errors import FetchError, InputError
from loaders.models import ArticleRecord
from loaders.read import ReadFailure, read_source, read_sources

SEED = Path(__file__).parents[2] / "data" / "articles" / "kompas-2021-06-24-rusia-myanmar.txt"
FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_txt_dateline_gives_outlet_and_publication_once_cleaned() -> None:
    [record] = read_source(str(SEED))
    assert record.source == str(SEED)
    assert (record.outlet, record.published) == (None, None)  # the clean stage alone parses datelines
    assert record.text is not None and record.text.startswith("Kompas.com - 24/06/2021")
    article = clean(record)
    assert article.outlet == "Kompas.com"
    assert article.published == "2021-06-24T12:20:00+07:00"
    assert not article.text.startswith("Kompas.com - 24/06/2021")


def test_html_file_is_read_whole() -> None:
    path = FIXTURES / "pages" / "harbour-visit.html"
    [record] = read_source(str(path))
    assert record.html is not None and "<article>" in record.html
    assert record.text is None


def test_json_record_ignores_extra_keys_and_keeps_its_source(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Body.", "language": "en", "source": "x", "extra": 1}))
    [record] = read_source(str(path))
    assert record == ArticleRecord(source=str(path), identity=f"file:{path.resolve()}", text="Body.", language="en")


def test_jsonl_bad_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "One."}\n{not json\n\n{"title": "no body"}\n{"html": "<p>x</p>"}\n')
    results = list(read_sources([str(path)]))
    assert [r.source for r in results] == [f"{path}#L{n}" for n in (1, 2, 4, 5)]
    assert [type(r) for r in results] == [ArticleRecord, ReadFailure, ReadFailure, ArticleRecord]
    failure = results[1]
    assert isinstance(failure, ReadFailure) and failure.code == "invalid_input"
    assert "invalid JSON" in failure.message


def test_folder_is_read_recursively_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed said so.")
    (tmp_path / "a.txt").write_text("Ay said so.")
    (tmp_path / "notes.md").write_text("ignored")
    results = list(read_sources([str(tmp_path)]))
    assert [Path(r.source).name for r in results] == ["a.txt", "z.txt"]


def test_a_batch_continues_past_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A sentence.")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("[1, 2]")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    sources = [str(tmp_path / "missing.txt"), str(bad_json), str(empty), str(binary), str(good)]
    results = list(read_sources(sources))
    assert [r.source for r in results] == sources
    assert all(isinstance(r, ReadFailure) for r in results[:4])
    assert isinstance(results[4], ArticleRecord)


def test_read_source_raises_the_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.json"))


def _client(handler: httpx.MockTransport) -> httpx.Client:
    return httpx.Client(transport=handler)


def test_url_html_page_is_fetched() -> None:
    page = (FIXTURES / "pages" / "harbour-visit.html").read_text()

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/story"
        return httpx.Response(200, text=page, headers={"content-type": "text/html; charset=utf-8"})

    with _client(httpx.MockTransport(handler)) as client:
        [record] = read_source("https://news.example.org/story", client=client)
    assert record.source == "https://news.example.org/story"
    assert record.url == "https://news.example.org/story"
    assert record.html == page


def test_url_json_record_is_parsed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"text": "Body.", "outlet": "X"})

    with _client(httpx.MockTransport(handler)) as client:
        [record] = read_source("http://api.example.org/a.json", client=client)
    assert (record.text, record.outlet, record.url) == ("Body.", "X", "http://api.example.org/a.json")


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (httpx.Response(404, text="gone"), "HTTP 404"),
        (httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}), "content type"),
        (httpx.Response(200, text="x" * 2000, headers={"content-type": "text/plain"}), "larger than"),
    ],
)
def test_url_failures_are_fetch_errors(response: httpx.Response, message: str) -> None:
    with _client(httpx.MockTransport(lambda request: response)) as client:
        [result] = read_sources(["https://news.example.org/x"], client=client, max_bytes=1000)
    assert isinstance(result, ReadFailure)
    assert isinstance(result.error, FetchError)
    assert message in result.message


def test_network_error_is_a_fetch_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    good = tmp_path / "ok.txt"
    good.write_text("Fine.")
    with _client(httpx.MockTransport(handler)) as client:
        results = list(read_sources(["https://down.example.org/", str(good)], client=client))
    assert isinstance(results[0], ReadFailure) and results[0].code == "fetch_failed"
    assert isinstance(results[1], ArticleRecord)


@pytest.mark.parametrize("nested", ["[" * 100_000 + "]" * 100_000, '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}"])
def test_deeply_nested_json_fails_alone_and_the_files_beside_it_load(tmp_path: Path, nested: str) -> None:
    (tmp_path / "a.txt").write_text("Ay said so.")
    (tmp_path / "b.json").write_text(nested)
    (tmp_path / "c.jsonl").write_text(nested + "\n" + json.dumps({"text": "Cee said so."}) + "\n")
    results = list(read_sources([str(tmp_path)]))
    failures = [r for r in results if isinstance(r, ReadFailure)]
    records = [r for r in results if isinstance(r, ArticleRecord)]
    assert [r.text for r in records] == ["Ay said so.", "Cee said so."]
    assert [Path(f.source).name for f in failures] == ["b.json", "c.jsonl#L1"]
    assert all("nested too deeply" in f.message for f in failures)
