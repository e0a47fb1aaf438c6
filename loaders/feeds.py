"""Feed stage: RSS/Atom feeds and sitemaps become the article pages they list, fetched politely.

A source is a feed or a sitemap when its server says so (an XML content type) and its body parses as one
(feedparser for RSS/Atom/RDF; a sitemap's ``<urlset>``/``<sitemapindex>``); the URL's name does not
matter. Every other source goes to `loaders.read.read_sources` unchanged (a page URL is asked for twice:
once here, where only its headers are read, and once by the read stage).

Politeness: one `FetchPolicy` holds the timeout, the size cap (feeds and pages alike), the user agent,
how many requests may run at once to one host and in all. Entry pages are fetched concurrently under
those limits and yielded in the feed's order, so a batch reads the same on every run.

Failures follow the read stage's policy: a feed that cannot be fetched or parsed is one `ReadFailure`
(`fetch_failed` or `invalid_input`), an entry page that fails is one `ReadFailure`, and the batch goes on.
"""

from __future__ import annotations

import itertools
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx
from lxml import etree
from pydantic import BaseModel, ConfigDict, Field

from loaders.errors import FetchError, InputError
from loaders.read import MAX_BYTES, TIMEOUT_S, USER_AGENT, ReadFailure, ReadResult, capped_chunks, read_sources

_XML_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/x-rss+xml")
_GZIP_TYPES = ("application/gzip", "application/x-gzip", "application/gzip-compressed", "application/x-gunzip")
_GZIP_MAGIC = b"\x1f\x8b"
_OCTET = "application/octet-stream"  # what many servers say of a .xml.gz sitemap
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_SITEMAP_DEPTH = 2
"""A sitemap index may list sitemaps that list pages; deeper nesting is not followed."""


class FetchPolicy(BaseModel):
    """How politely feeds and their pages are fetched."""

    model_config = ConfigDict(frozen=True)

    timeout_s: float = Field(TIMEOUT_S, gt=0)
    max_bytes: int = Field(MAX_BYTES, gt=0)
    user_agent: str = USER_AGENT
    per_host: int = Field(2, ge=1, description="requests at once to one host")
    workers: int = Field(8, ge=1, description="requests at once in all")
    max_entries: int = Field(1000, ge=1, description="pages read from one feed or sitemap")

    def client(self) -> httpx.Client:
        """An httpx client with this policy's timeout and user agent, redirects followed."""
        return httpx.Client(timeout=self.timeout_s, follow_redirects=True, headers={"User-Agent": self.user_agent})


class FeedEntries(BaseModel):
    """The page URLs one feed or sitemap lists, in its order, without repeats."""

    model_config = ConfigDict(frozen=True)

    source: str
    urls: list[str]


def is_http(source: str) -> bool:
    """Whether a source is an http(s) URL."""
    return source.startswith(("http://", "https://"))


def probe(url: str, client: httpx.Client, policy: FetchPolicy) -> bytes | None:
    """The body of ``url`` when it is served as XML (a feed or sitemap candidate), or as gzip holding XML,
    unzipped; None for anything else, whose body is not read (beyond its first bytes when it may be gzip).

    Gzip is known by its magic bytes (``\\x1f\\x8b``) in a body served as XML, as a gzip type, as an octet
    stream, with no content type, or under a name ending in ``.gz``; a stream of several gzip members is
    read whole. Raises `FetchError` for an HTTP error, a transport failure, a body or an unzipped body over
    the policy's size cap (counted while unzipping), or a broken or truncated gzip stream."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            is_xml = ctype in _XML_TYPES or ctype.endswith("+xml")
            if not (is_xml or ctype in (*_GZIP_TYPES, _OCTET, "") or urlsplit(url).path.endswith(".gz")):
                return None
            head, chunks = _peek(capped_chunks(response, url, policy.max_bytes), len(_GZIP_MAGIC))
            if head.startswith(_GZIP_MAGIC):
                return _xml_in_gzip(chunks, url, policy.max_bytes)
            return b"".join(chunks) if is_xml else None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc


def _peek(chunks: Iterator[bytes], size: int) -> tuple[bytes, Iterator[bytes]]:
    """The first ``size`` bytes (fewer when the body is shorter) and every chunk, those bytes included."""
    head = bytearray()
    for chunk in chunks:
        head.extend(chunk)
        if len(head) >= size:
            break
    return bytes(head[:size]), itertools.chain([bytes(head)], chunks)


def gunzip(chunks: Iterable[bytes], url: str, max_bytes: int) -> bytes:
    """The unzipped bytes of a gzip stream of one or more members (zero padding after a member allowed, as
    gzip(1) does); the size cap is enforced at every step, so a small bomb cannot fill memory. Raises
    `FetchError` for broken data, data after a member that is no gzip member, or a truncated stream."""
    out = bytearray()
    unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
    in_member = False
    for chunk in chunks:
        data = chunk if in_member else chunk.lstrip(b"\x00")
        while data:
            in_member = True
            try:
                out.extend(unzip.decompress(data, max_bytes + 1 - len(out)))
            except zlib.error as exc:
                raise FetchError(f"{url}: broken gzip data: {exc}") from exc
            if len(out) > max_bytes:
                raise FetchError(f"{url}: larger than {max_bytes} bytes once unzipped")
            if not unzip.eof:
                data = unzip.unconsumed_tail
                continue
            data, in_member = unzip.unused_data.lstrip(b"\x00"), False
            unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
    if in_member:
        raise FetchError(f"{url}: truncated gzip data (the stream ends inside a member)")
    return bytes(out)


def _xml_in_gzip(chunks: Iterable[bytes], url: str, max_bytes: int) -> bytes | None:
    """The unzipped body when it is XML, None when it holds something else (see `gunzip`)."""
    xml = gunzip(chunks, url, max_bytes)
    return xml if xml.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else None


def _sitemap_locs(body: bytes, url: str) -> tuple[str, list[str]] | None:
    """(root kind, its <loc> URLs) of a sitemap (`urlset` or `sitemapindex`), or None when it is not one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None
    kind = str(root.tag).removeprefix(_SITEMAP_NS)
    if kind not in ("urlset", "sitemapindex"):
        return None
    locs = [str(loc.text).strip() for loc in root.iter(f"{_SITEMAP_NS}loc", "loc") if loc.text]
    return kind, [urljoin(url, loc) for loc in locs]


def _feed_links(body: bytes, url: str) -> list[str] | None:
    """The entry links of an RSS/Atom/RDF feed, or None when the body is not a feed."""
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        return None
    links = [str(entry.get("link") or "").strip() for entry in parsed.entries]
    return [urljoin(url, link) for link in links if link]


def _unique_http(urls: Iterable[str], limit: int) -> list[str]:
    """http(s) URLs in first-seen order, at most ``limit``."""
    seen: dict[str, None] = {}
    for candidate in urls:
        if is_http(candidate) and candidate not in seen:
            seen[candidate] = None
            if len(seen) == limit:
                break
    return list(seen)


def feed_entries(url: str, body: bytes, client: httpx.Client, policy: FetchPolicy, *, depth: int = 0) -> FeedEntries:
    """The pages a feed or sitemap body lists (a sitemap index is followed); `InputError` when it is neither."""
    sitemap = _sitemap_locs(body, url)
    if sitemap is not None:
        kind, locs = sitemap
        if kind == "urlset":
            return FeedEntries(source=url, urls=_unique_http(locs, policy.max_entries))
        if depth >= MAX_SITEMAP_DEPTH:
            raise InputError(f"{url}: sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH}")
        pages: list[str] = []
        for child in _unique_http(locs, policy.max_entries):
            child_body = probe(child, client, policy)
            if child_body is None:
                raise InputError(f"{child}: listed by the sitemap index {url} but not served as XML")
            pages.extend(feed_entries(child, child_body, client, policy, depth=depth + 1).urls)
        return FeedEntries(source=url, urls=_unique_http(pages, policy.max_entries))
    links = _feed_links(body, url)
    if links is None:
        raise InputError(f"{url}: served as XML but neither an RSS/Atom feed nor a sitemap")
    return FeedEntries(source=url, urls=_unique_http(links, policy.max_entries))


class _HostLimits:
    """One semaphore per host, so at most ``per_host`` requests run against any one server."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}

    def slot(self, url: str) -> threading.Semaphore:
        """The semaphore of ``url``'s host."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self._per_host))


def fetch_pages(urls: list[str], client: httpx.Client, policy: FetchPolicy) -> Iterator[ReadResult]:
    """One record (or failure) per page URL, fetched concurrently within the policy, yielded in order."""
    limits = _HostLimits(policy.per_host)

    def fetch(url: str) -> ReadResult:
        with limits.slot(url):
            return next(iter(read_sources([url], client=client, max_bytes=policy.max_bytes)))

    with ThreadPoolExecutor(max_workers=policy.workers, thread_name_prefix="feed-fetch") as pool:
        yield from pool.map(fetch, urls)


def read_with_feeds(
    sources: Iterable[str],
    *,
    policy: FetchPolicy | None = None,
    skip: Callable[[str], bool] | None = None,
    client: httpx.Client | None = None,
) -> Iterator[ReadResult]:
    """`read_sources`, with each feed or sitemap URL replaced by the pages it lists (``skip``ped ones left out)."""
    policy = policy or FetchPolicy()
    http = client or policy.client()
    try:
        for source in sources:
            if not is_http(source):
                yield from read_sources([source], max_bytes=policy.max_bytes)
                continue
            try:
                body = probe(source, http, policy)
                if body is None:
                    yield from read_sources([source], client=http, max_bytes=policy.max_bytes)
                    continue
                entries = feed_entries(source, body, http, policy)
            except InputError as exc:
                yield ReadFailure(source, exc)
                continue
            pages = [url for url in entries.urls if skip is None or not skip(url)]
            yield from fetch_pages(pages, http, policy)
    finally:
        if client is None:
            http.close()


def feed_reader(
    policy: FetchPolicy | None = None, *, skip: Callable[[str], bool] | None = None
) -> Callable[[Iterable[str]], Iterator[ReadResult]]:
    """A reader for `loaders.load.load_sources` that expands feeds and sitemaps under ``policy``."""

    def reader(sources: Iterable[str]) -> Iterator[ReadResult]:
        return read_with_feeds(sources, policy=policy, skip=skip)

    return reader
