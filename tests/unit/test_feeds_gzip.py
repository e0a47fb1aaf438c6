"""Gzipped sitemaps ("sitemap.xml.gz", served as a gzip type or as an octet stream named .gz) are unzipped
within the size cap, also as children of a sitemap index; a gzip bomb and broken gzip are clear failures,
not memory (through httpx.MockTransport: no network). Gzip is known by its magic bytes whatever the name or
content type; a stream of several members is read whole; a truncated one is a clear failure."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import httpx
import pytest

from loaders.errors import FetchError, LoaderError
from loaders.feeds import FetchPolicy, gunzip, read_with_feeds
from loaders.models import ArticleRecord
from loaders.read import ReadFailure

BASE = "http://news.example"
PAGE = b"<html><head><title>t</title></head><body><article><p>Story {n}.</p></article></body></html>"


def _sitemap(paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{BASE}{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def _client(docs: dict[str, tuple[str, bytes]]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path not in docs:
            return httpx.Response(404)
        ctype, body = docs[request.url.path]
        return httpx.Response(200, headers={"content-type": ctype}, content=body)

    return httpx.Client(transport=httpx.MockTransport(handler))


def _pages(n: int) -> dict[str, tuple[str, bytes]]:
    return {f"/p{i}.html": ("text/html", PAGE.replace(b"{n}", str(i).encode())) for i in range(n)}


@pytest.mark.parametrize(("ctype", "path"), [("application/gzip", "/sitemap.xml.gz"),
                                             ("application/x-gzip", "/sm"),
                                             ("application/octet-stream", "/sitemap.xml.gz")])
def test_a_gzipped_sitemap_becomes_its_pages(ctype: str, path: str) -> None:
    client = _client({**_pages(3), path: (ctype, gzip.compress(_sitemap(["/p2.html", "/p0.html"])))})
    got = list(read_with_feeds([BASE + path], client=client))
    assert [r.url for r in got if isinstance(r, ArticleRecord)] == [f"{BASE}/p2.html", f"{BASE}/p0.html"]


def test_a_sitemap_index_lists_gzipped_children() -> None:
    index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{BASE}/a.xml.gz</loc></sitemap></sitemapindex>").encode()
    client = _client({**_pages(2), "/index.xml": ("application/xml", index),
                      "/a.xml.gz": ("application/gzip", gzip.compress(_sitemap(["/p1.html"])))})
    got = list(read_with_feeds([f"{BASE}/index.xml"], client=client))
    assert [r.url for r in got if isinstance(r, ArticleRecord)] == [f"{BASE}/p1.html"]


def test_a_gzip_bomb_is_a_failure_within_the_cap() -> None:
    bomb = gzip.compress(b"<" + b" " * 5_000_000)  # 5 MB unzipped, a few KB on the wire
    assert len(bomb) < 50_000
    client = _client({"/big.xml.gz": ("application/gzip", bomb)})
    got = list(read_with_feeds([f"{BASE}/big.xml.gz"], client=client, policy=FetchPolicy(max_bytes=100_000)))
    assert len(got) == 1 and isinstance(got[0], ReadFailure)
    assert "once unzipped" in str(got[0].error)


def test_broken_gzip_is_a_clear_failure() -> None:
    client = _client({"/bad.xml.gz": ("application/gzip", b"\x1f\x8b\x08\x00garbage-not-deflate")})
    got = list(read_with_feeds([f"{BASE}/bad.xml.gz"], client=client))
    assert len(got) == 1 and isinstance(got[0], ReadFailure)
    assert "gzip" in str(got[0].error)


@pytest.mark.parametrize(("ctype", "path"), [("", "/sitemap"), ("application/octet-stream", "/sitemap"),
                                             ("application/xml", "/sitemap.xml"), ("text/plain", "/sm.gz")])
def test_gzip_is_known_by_its_magic_bytes_whatever_the_name_or_type(ctype: str, path: str) -> None:
    client = _client({**_pages(2), path: (ctype, gzip.compress(_sitemap(["/p1.html"])))})
    got = list(read_with_feeds([BASE + path], client=client))
    assert [r.url for r in got if isinstance(r, ArticleRecord)] == [f"{BASE}/p1.html"]


def test_a_stream_of_several_gzip_members_is_read_whole() -> None:
    xml = _sitemap(["/p0.html", "/p1.html", "/p2.html"])
    members = b"".join(gzip.compress(xml[i:i + 40]) for i in range(0, len(xml), 40)) + b"\x00" * 8
    client = _client({**_pages(3), "/sitemap.xml.gz": ("application/gzip", members)})
    got = list(read_with_feeds([f"{BASE}/sitemap.xml.gz"], client=client))
    assert [r.url for r in got if isinstance(r, ArticleRecord)] == [f"{BASE}/p{i}.html" for i in range(3)]


@pytest.mark.parametrize("cut", [12, 30, -4])
def test_a_truncated_gzip_stream_is_a_clear_failure(cut: int) -> None:
    whole = gzip.compress(_sitemap([f"/p{i}.html" for i in range(20)]))
    client = _client({"/cut.xml.gz": ("application/gzip", whole[:cut])})
    got = list(read_with_feeds([f"{BASE}/cut.xml.gz"], client=client))
    assert len(got) == 1 and isinstance(got[0], ReadFailure)
    assert isinstance(got[0].error, LoaderError) and "truncated gzip" in str(got[0].error)


def test_data_after_a_gzip_member_that_is_no_member_is_a_failure() -> None:
    client = _client({"/x.xml.gz": ("application/gzip", gzip.compress(_sitemap(["/p0.html"])) + b"junk")})
    got = list(read_with_feeds([f"{BASE}/x.xml.gz"], client=client))
    assert len(got) == 1 and isinstance(got[0], ReadFailure) and "gzip" in str(got[0].error)


def _chunks_counted(data: bytes, size: int, seen: list[int]) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        seen.append(start + size)
        yield data[start:start + size]


def test_the_cap_stops_unzipping_a_bomb_before_its_end() -> None:
    bomb = gzip.compress(b"<" + b" " * 50_000_000)  # 50 MB unzipped
    seen: list[int] = []
    with pytest.raises(FetchError, match="once unzipped"):
        gunzip(_chunks_counted(bomb, 1024, seen), "http://x/bomb.gz", 100_000)
    assert seen[-1] < len(bomb) // 10  # stopped after the first few chunks, not after reading it all


def test_many_gzip_members_unzip_to_their_concatenation() -> None:
    parts = [f"<part{i}/>".encode() for i in range(50)]
    stream = b"".join(gzip.compress(p) for p in parts)
    assert gunzip(_chunks_counted(stream, 7, []), "http://x/a.gz", 10_000) == b"".join(parts)


def test_a_gzipped_page_that_is_no_xml_goes_to_the_read_stage_as_is() -> None:
    client = _client({"/blob": ("application/octet-stream", gzip.compress(b"just text, no markup"))})
    got = list(read_with_feeds([f"{BASE}/blob"], client=client))
    assert len(got) == 1 and isinstance(got[0], ReadFailure) and "content type" in str(got[0].error)
