"""Gzipped sitemaps ("sitemap.xml.gz", served as a gzip type or as an octet stream named .gz) are unzipped
within the size cap, also as children of a sitemap index; a gzip bomb and broken gzip are clear failures,
not memory (through httpx.MockTransport: no network)."""

from __future__ import annotations

import gzip

import httpx
import pytest

from loaders.feeds import FetchPolicy, read_with_feeds
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
