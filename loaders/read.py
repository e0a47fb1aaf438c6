"""Read stage: paths, folders and URLs become `ArticleRecord`s.

Accepted inputs: `.txt` (plain text; the clean stage reads the dateline at its top), `.html`
/ `.htm` (a whole page), `.json` (one article record), `.jsonl` (one record per line), folders (read
recursively in sorted order, files of those extensions only) and `http(s)` URLs (fetched with httpx).

A batch never stops at a bad input: `read_sources` yields a `ReadFailure` (the source and the
`InputError` / `FetchError`) in place of the record it could not make and goes on. For a `.jsonl` file
each line is its own source, `path#L<n>`, so one bad line costs that line only.

Identity: a record from a local `.txt`, `.html` or `.json` file carries the file's resolved path as its
`identity`, so when it has no URL its article id comes from where it lives, not from its text: loading
an edited file again replaces its earlier version instead of storing a second article beside it. A
`.jsonl` line has no such place (inserting a line would shift every later one), so a record there without
a URL is identified by its text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from loaders.dates import normalize_published
from loaders.errors import FetchError, InputError
from loaders.models import ArticleRecord

EXTENSIONS = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
MAX_BYTES = 5_000_000
TIMEOUT_S = 20.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_JSON_TYPES = ("application/json", "application/ld+json")
USER_AGENT = "tiesgraph/0.1 (+news article loader)"


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read: where it came from and why."""

    source: str
    error: InputError

    @property
    def code(self) -> str:
        """Stable error code (`invalid_input` or `fetch_failed`)."""
        return self.error.code

    @property
    def message(self) -> str:
        """Human-readable reason."""
        return str(self.error)


ReadResult = ArticleRecord | ReadFailure


def read_sources(
    sources: Iterable[str],
    *,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[ReadResult]:
    """Yield one record (or one failure) per article of each source, in order, never stopping early."""
    own_client: httpx.Client | None = None
    try:
        for source in sources:
            if source.startswith(("http://", "https://")):
                if client is None and own_client is None:
                    own_client = make_client()
                http = client if client is not None else own_client
                assert http is not None
                yield _read_url(source, http, max_bytes)
            else:
                yield from _read_path(source, max_bytes)
    finally:
        if own_client is not None:
            own_client.close()


def read_source(source: str, *, client: httpx.Client | None = None) -> list[ArticleRecord]:
    """All records of one source; raises the `InputError` of the first record that fails."""
    records: list[ArticleRecord] = []
    for item in read_sources([source], client=client):
        if isinstance(item, ReadFailure):
            raise item.error
        records.append(item)
    return records


def make_client(*, timeout: float = TIMEOUT_S) -> httpx.Client:
    """An httpx client with the loader's timeout, redirects followed, and a user agent."""
    return httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})


def _read_path(source: str, max_bytes: int) -> Iterator[ReadResult]:
    """Records of a file or folder."""
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)
        for file in files:
            yield from _read_file(file, str(file), max_bytes)
        return
    if not path.is_file():
        yield ReadFailure(source, InputError(f"{source}: no such file or folder"))
        return
    if path.suffix.lower() not in EXTENSIONS:
        yield ReadFailure(source, InputError(f"{source}: unsupported extension {path.suffix!r}"))
        return
    yield from _read_file(path, source, max_bytes)


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[ReadResult]:
    """Records of one file, by extension."""
    try:
        if path.stat().st_size > max_bytes:
            raise InputError(f"{source}: larger than {max_bytes} bytes")
        content = _decode(path.read_bytes(), source)
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _read_jsonl(content, source)
            return
        if suffix == ".json":
            record = record_from_json(_load_json(content, source), source)
        elif suffix in (".html", ".htm"):
            record = _record_from_html(content, source)
        else:
            record = record_from_text(content, source)
        yield record.model_copy(update={"identity": file_identity(path)})
    except InputError as exc:
        yield ReadFailure(source, exc)
    except OSError as exc:
        yield ReadFailure(source, InputError(f"{source}: {exc.strerror or exc}"))


def file_identity(path: Path) -> str:
    """A local file's identity: ``file:`` and its absolute path, symbolic links resolved."""
    return f"file:{path.resolve()}"


def _read_jsonl(content: str, path_source: str) -> Iterator[ReadResult]:
    """One record per non-blank line; a bad line fails alone."""
    for n, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path_source}#L{n}"
        try:
            yield record_from_json(_load_json(line, source), source)
        except InputError as exc:
            yield ReadFailure(source, exc)


def _decode(raw: bytes, source: str) -> str:
    """UTF-8 text (a byte-order mark is dropped)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def _load_json(content: str, source: str) -> Any:
    """Parsed JSON, or an `InputError` saying where it broke."""
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from exc
    except RecursionError as exc:  # '[[[[…' thousands deep: the stdlib parser recurses per level
        raise InputError(f"{source}: JSON nested too deeply to be an article record") from exc


def record_from_json(obj: Any, source: str) -> ArticleRecord:
    """An article record from a parsed JSON object (extra keys ignored; `text` or `html` required)."""
    if not isinstance(obj, dict):
        raise InputError(f"{source}: an article record must be a JSON object")
    fields = {k: v for k, v in obj.items() if k not in ("source", "identity")}
    if isinstance(fields.get("published"), int | float):
        fields["published"] = str(fields["published"])
    try:
        record = ArticleRecord.model_validate({**fields, "source": source})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{source}: invalid article record ({where}: {first['msg']})") from exc
    if not (record.text and record.text.strip()) and not (record.html and record.html.strip()):
        raise InputError(f"{source}: the record has neither text nor html")
    if record.published is not None:
        check_published(record.published, source)
    return record


_SIGNED_YEAR = re.compile(r"^\s*[+-]")


def check_published(value: str, source: str) -> None:
    """`InputError` unless ``value`` is a date from year 1 to tomorrow (as the API checks it).

    A signed year ("-0001-01-01", which Python's ISO parser would read as year 1) and a date after
    tomorrow (an article is not published in the future) are refused, never stored.
    """
    if _SIGNED_YEAR.match(value):
        raise InputError(f"{source}: published {value!r} is not a date from year 1 on")
    try:
        normal = normalize_published(value)
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from exc
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    day = (normal or "")[:10]
    if day > tomorrow[: len(day)]:
        raise InputError(f"{source}: published {value!r} is in the future")


def record_from_text(text: str, source: str, *, url: str | None = None) -> ArticleRecord:
    """A record from plain text (outlet and publication date come from its dateline, in the clean stage)."""
    if not text.strip():
        raise InputError(f"{source}: empty text")
    return ArticleRecord(source=source, url=url, text=text)


def _record_from_html(html: str, source: str, *, url: str | None = None) -> ArticleRecord:
    """A record from a whole HTML page (cleaned later)."""
    if not html.strip():
        raise InputError(f"{source}: empty page")
    return ArticleRecord(source=source, url=url, html=html)


def capped_chunks(response: httpx.Response, url: str, max_bytes: int) -> Iterator[bytes]:
    """The body's chunks as they arrive; `FetchError` once more than ``max_bytes`` arrived (or are declared)."""
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: larger than {max_bytes} bytes")
    seen = 0
    for chunk in response.iter_bytes():
        seen += len(chunk)
        if seen > max_bytes:
            raise FetchError(f"{url}: larger than {max_bytes} bytes")
        yield chunk


def capped_body(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    """The response body, refused past ``max_bytes`` (declared or counted)."""
    return b"".join(capped_chunks(response, url, max_bytes))


def _read_url(url: str, client: httpx.Client, max_bytes: int) -> ReadResult:
    """Fetch one URL: size-limited, content type checked."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if not ctype.startswith(_HTML_TYPES + _TEXT_TYPES + _JSON_TYPES):
                raise FetchError(f"{url}: unsupported content type {ctype or 'none'!r}")
            body = capped_body(response, url, max_bytes)
            encoding = response.encoding or "utf-8"
        final_url = str(response.url)
        try:
            content = bytes(body).decode(encoding)
        except (LookupError, UnicodeDecodeError):
            content = bytes(body).decode("utf-8", errors="replace")
        if ctype.startswith(_JSON_TYPES):
            record = record_from_json(_load_json(content, url), url)
            return record if record.url else record.model_copy(update={"url": final_url})
        if ctype.startswith(_TEXT_TYPES):
            return record_from_text(content, url, url=final_url)
        return _record_from_html(content, url, url=final_url)
    except InputError as exc:
        return ReadFailure(url, exc)
    except httpx.HTTPError as exc:
        return ReadFailure(url, FetchError(f"{url}: {type(exc).__name__}: {exc}"))
