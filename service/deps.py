"""Request dependencies: settings and driver from the app, API keys, pages and cursors, date filters.

The dependencies are `async def` because they only read the request and compute: FastAPI runs a plain
`def` dependency in its thread pool, a thread hop (~0.2 ms of CPU) per dependency per request.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import re
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from neo4j import Driver
from pydantic import AfterValidator, BaseModel, ConfigDict

from service.errors import BadRequest, Unauthorized
from service.settings import Settings

log = logging.getLogger("tiesgraph.api")

T = TypeVar("T")

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
"""A date at the graph's precisions: 2021, 2021-06 or 2021-06-22."""

_DATE_RE = re.compile(DATE_PATTERN)


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_driver(request: Request) -> Driver:
    """The one driver the app's lifespan opened."""
    driver: Driver = request.app.state.driver
    return driver


async def in_thread(function: Callable[..., T], /, **kwargs: Any) -> T:
    """`function(**kwargs)` in the thread pool: what an `async def` route calls a blocking query through.

    FastAPI runs a plain `def` route in the pool and then, for such a route, validates its return value
    in the pool once more; an `async def` route that sends only its query there hops once per request."""
    return await run_in_threadpool(partial(function, **kwargs))


SettingsDep = Annotated[Settings, Depends(get_settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]


def _key_matches(given: str | None, settings: Settings) -> bool:
    if settings.api_key is None:
        return True
    if not given:  # an empty header never passes, whatever is configured
        return False
    return hmac.compare_digest(given.encode(), settings.api_key.get_secret_value().encode())


async def require_write_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="API key for write endpoints")] = None,
) -> None:
    """Writes need X-API-Key equal to settings.api_key (allowed with a warning when none is configured)."""
    if settings.api_key is None:
        log.warning("write allowed without an API key: TIESGRAPH_API_KEY is not set (%s)", settings.environment)
        return
    if not _key_matches(x_api_key, settings):
        raise Unauthorized("A valid X-API-Key header is required for this endpoint.")


async def require_read_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="API key (only when reads require one)")] = None,
) -> None:
    """Reads are open unless settings.api_read_key_required."""
    if settings.api_read_key_required and not _key_matches(x_api_key, settings):
        raise Unauthorized("A valid X-API-Key header is required for this endpoint.")


class Page(BaseModel):
    """Where a page starts and how long it is (decoded from limit and cursor)."""

    model_config = ConfigDict(frozen=True)

    offset: int
    limit: int

    def next_cursor(self, fetched: int) -> str | None:
        """The cursor of the next page, when limit + 1 rows were fetched."""
        return encode_cursor(self.offset + self.limit) if fetched > self.limit else None


def encode_cursor(offset: int) -> str:
    """Opaque cursor for an offset."""
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


MAX_OFFSET = 2**31
"""Largest offset a cursor may carry (far beyond any real page; keeps SKIP inside Neo4j's integers)."""

MAX_CURSOR_LENGTH = 64
"""Longest cursor accepted (encode_cursor(MAX_OFFSET) is far shorter); also caps what an error echoes."""


def decode_cursor(cursor: str) -> int:
    """Offset of an opaque cursor; BadRequest when it was not made by encode_cursor."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        offset = json.loads(raw)["o"]
    # RecursionError: deeply nested JSON such as '[[[[…'.
    except (binascii.Error, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise BadRequest("Invalid cursor.", details={"cursor": cursor[:MAX_CURSOR_LENGTH]}) from exc
    # bool is an int in Python, and Neo4j integers are 64-bit: refuse both rather than fail later.
    if type(offset) is not int or not 0 <= offset <= MAX_OFFSET:
        raise BadRequest("Invalid cursor.", details={"cursor": cursor[:MAX_CURSOR_LENGTH]})
    return offset


async def get_page(
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, description="page size (capped at the server's max page size)")] = 50,
    cursor: Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH,
                                        description="next_cursor of the previous page")] = None,
) -> Page:
    """Page from limit and cursor, the size capped at settings.max_page_size."""
    offset = decode_cursor(cursor) if cursor else 0
    return Page(offset=offset, limit=min(limit, settings.max_page_size))


PageDep = Annotated[Page, Depends(get_page)]


def real_date(value: str | None) -> str | None:
    """The value, when it names a real year, month or day (the pattern alone lets 2021-13-45 through)."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError as exc:
        raise ValueError(f"{value} is not a calendar date") from exc
    return value


Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="from date: 2021, 2021-06, 2021-06-22"),
                  AfterValidator(real_date)]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="to date: 2021, 2021-06, 2021-06-22"),
                  AfterValidator(real_date)]


def check_date_range(since: str | None, until: str | None) -> None:
    """BadRequest when since is after until (compared at the shorter precision)."""
    if since and until:
        n = min(len(since), len(until))
        if since[:n] > until[:n]:
            raise BadRequest("since is after until.", details={"since": since, "until": until})
