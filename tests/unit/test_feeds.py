"""Feeds and sitemaps expanded into their pages (through httpx.MockTransport: no network)."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from loaders.feeds import FetchPolicy, read_with_feeds
from loaders.models import ArticleRecord
from loaders.read import ReadFailure, ReadResult

BASE = "http://news.example"
PAGE = "<html><head><title>{n}</title></head><body><article><p>Story number {n}.</p></article></body></html>"
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
{entries}</feed>"""
SITEMAP = """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>"""
INDEX = """<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sm-1.xml</loc></sitemap><sitemap><loc>/sm-2.xml</loc></sitemap></sitemapindex>"""


def _rss(paths: list[str]) -> str:
    return RSS.format(items="".join(f"<item><title>x</title><link>{BASE}{p}</link></item>" for p in paths))


def _sitemap(paths: list[str]) -> str:
    return SITEMAP.format(urls="".join(f"<url><loc>{BASE}{p}</loc></url>" for p in paths))


def _site(docs: dict[str, tuple[str, str]], delay_s: float = 0.0) -> tuple[httpx.Client, list[str]]:
    """A client whose transport serves ``docs`` (path → (content type, body)); and the log of paths asked."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        if delay_s:
            time.sleep(delay_s)
        if request.url.path not in docs:
            return httpx.Response(404)
        ctype, body = docs[request.url.path]
        return httpx.Response(200, headers={"content-type": ctype}, text=body)

    return httpx.Client(transport=httpx.MockTransport(handler)), asked


def _pages(n: int) -> dict[str, tuple[str, str]]:
    return {f"/p{i}.html": ("text/html; charset=utf-8", PAGE.format(n=i)) for i in range(n)}


def _urls(results: list[ReadResult]) -> list[str | None]:
    return [r.url if isinstance(r, ArticleRecord) else None for r in results]


@pytest.mark.parametrize("ctype", ["application/rss+xml", "text/xml", "application/xml"])
def test_an_rss_feed_becomes_its_pages_in_feed_order(ctype: str) -> None:
    paths = [f"/p{i}.html" for i in (3, 1, 2, 1)]  # a repeated entry is read once
    client, _ = _site({**_pages(4), "/feed": (ctype, _rss(paths))})
    results = list(read_with_feeds([f"{BASE}/feed"], client=client))
    assert _urls(results) == [f"{BASE}/p3.html", f"{BASE}/p1.html", f"{BASE}/p2.html"]
    assert all(isinstance(r, ArticleRecord) and r.html and "Story number" in r.html for r in results)


def test_an_atom_feed_with_relative_links_resolves_them() -> None:
    entries = "".join(f'<entry><title>x</title><link href="/p{i}.html"/><id>{i}</id></entry>' for i in range(2))
    client, _ = _site({**_pages(2), "/atom": ("application/atom+xml", ATOM.format(entries=entries))})
    results = list(read_with_feeds([f"{BASE}/atom"], client=client))
    assert _urls(results) == [f"{BASE}/p0.html", f"{BASE}/p1.html"]


def test_a_sitemap_index_is_followed_to_its_pages() -> None:
    docs = {**_pages(3), "/index.xml": ("application/xml", INDEX),
            "/sm-1.xml": ("application/xml", _sitemap(["/p0.html", "/p1.html"])),
            "/sm-2.xml": ("text/xml", _sitemap(["/p1.html", "/p2.html"]))}
    client, _ = _site(docs)
    results = list(read_with_feeds([f"{BASE}/index.xml"], client=client))
    assert _urls(results) == [f"{BASE}/p{i}.html" for i in range(3)]


def test_a_page_url_goes_to_the_read_stage_and_a_missing_entry_fails_alone() -> None:
    client, _ = _site({**_pages(1), "/feed": ("application/rss+xml", _rss(["/p0.html", "/gone.html"]))})
    results = list(read_with_feeds([f"{BASE}/p0.html", f"{BASE}/feed"], client=client))
    assert _urls(results)[:2] == [f"{BASE}/p0.html", f"{BASE}/p0.html"]
    failure = results[2]
    assert isinstance(failure, ReadFailure) and failure.code == "fetch_failed" and "HTTP 404" in failure.message


@pytest.mark.parametrize(("body", "message"), [
    ("<?xml version='1.0'?><catalog><book/></catalog>", "neither an RSS/Atom feed nor a sitemap"),
    ("x" * 2000, "larger than 1000 bytes"),
])
def test_xml_that_is_no_feed_or_too_large_is_one_failure(body: str, message: str) -> None:
    client, _ = _site({"/feed": ("application/xml", body)})
    [failure] = list(read_with_feeds([f"{BASE}/feed"], client=client, policy=FetchPolicy(max_bytes=1000)))
    assert isinstance(failure, ReadFailure) and message in failure.message


def test_an_unreachable_feed_is_a_fetch_failure() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    client = httpx.Client(transport=httpx.MockTransport(refuse))
    [failure] = list(read_with_feeds([f"{BASE}/feed"], client=client))
    assert isinstance(failure, ReadFailure) and failure.code == "fetch_failed"


def test_skipped_entries_are_not_fetched() -> None:
    client, asked = _site({**_pages(3), "/feed": ("application/rss+xml", _rss(["/p0.html", "/p1.html", "/p2.html"]))})
    results = list(read_with_feeds([f"{BASE}/feed"], client=client, skip={f"{BASE}/p1.html"}.__contains__))
    assert _urls(results) == [f"{BASE}/p0.html", f"{BASE}/p2.html"]
    assert "/p1.html" not in asked


def test_no_more_than_per_host_requests_run_at_once_against_one_host() -> None:
    running, peak, lock = [0], [0], threading.Lock()
    pages = _pages(12)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=_rss(list(pages)))
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return httpx.Response(200, headers={"content-type": "text/html"}, text=pages[request.url.path][1])

    client = httpx.Client(transport=httpx.MockTransport(handler))
    results = list(read_with_feeds([f"{BASE}/feed"], client=client, policy=FetchPolicy(per_host=3, workers=8)))
    assert len(results) == 12 and all(isinstance(r, ArticleRecord) for r in results)
    assert peak[0] == 3


def test_the_policy_client_sends_the_user_agent_and_timeout() -> None:
    client = FetchPolicy(user_agent="probe/1", timeout_s=3.0).client()
    assert client.headers["User-Agent"] == "probe/1"
    assert client.timeout.read == 3.0
    client.close()
