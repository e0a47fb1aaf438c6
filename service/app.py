"""The REST API: `create_app(settings)` builds a stateless FastAPI app (any number of replicas).

The lifespan opens the one Neo4j driver and closes it, and plans every read once in the background
(`service.warmup`); routes reach it through `service.deps.DriverDep`.
Every route lives under /v1 in one router per resource; every error is shaped by `service.errors`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qsl, urlencode

from fastapi import Depends, FastAPI, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from neo4j.exceptions import DriverError, Neo4jError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.db import open_driver
from service.deps import require_read_key
from service.docs_assets import install_docs
from service.errors import error_body, install_error_handlers
from service.routers import articles, browser, entities, events, export, health, paths, roles, stats, ties
from service.routers.health import VERSION
from service.schemas import ErrorResponse
from service.settings import Settings
from service.warmup import Warming

log = logging.getLogger("tiesgraph.api")

API_PREFIX = "/v1"
WARMING_STOP_S = 10.0
"""How long shutting down waits for the warm-up's read in flight before closing the driver anyway."""

DESCRIPTION = """
A knowledge graph of diplomatic and military ties between states, built from news articles.

Every list answers `{"data": [...], "next_cursor": ...}`; pass `cursor=<next_cursor>` for the next page.
Every error answers `{"error": {"code", "message", "details"}}`. Write endpoints need `X-API-Key`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the API for these settings (read from the environment when not given)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = open_driver(settings)
        try:
            await run_in_threadpool(driver.verify_connectivity)
        except (DriverError, Neo4jError, OSError) as exc:
            # Start anyway: /v1/ready reports 503 until Neo4j answers, and the driver reconnects by itself.
            log.error("Neo4j at %s is not reachable yet: %s", settings.bolt_uri, exc)
        if settings.api_key is None:
            log.warning("TIESGRAPH_API_KEY is not set: write endpoints are open (%s)", settings.environment)
        app.state.driver = driver
        app.state.warming = None
        if settings.warm_plans:
            app.state.warming = Warming(driver, settings.neo4j_database)
            app.state.warming.start()
        try:
            yield
        finally:
            if app.state.warming is not None:
                await run_in_threadpool(app.state.warming.finish, WARMING_STOP_S)
            await run_in_threadpool(driver.close)

    app = FastAPI(
        title="tiesgraph",
        version=VERSION,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by install_docs from packaged assets (no CDN)
        redoc_url=None,
        openapi_url="/openapi.json",
        responses={400: {"model": ErrorResponse, "description": "a bad request, e.g. an invalid cursor"},
                   422: {"model": ErrorResponse, "description": "invalid parameters or body"},
                   503: {"model": ErrorResponse, "description": "Neo4j unavailable"}},
    )
    app.state.settings = settings
    install_error_handlers(app)
    install_docs(app)
    _install_middleware(app, settings)
    if settings.cors_origin_list:
        # Only the configured origins may call the API from a web page; no cookies are involved (the key
        # travels in X-API-Key), so credentials stay off.
        app.add_middleware(_ApiCors, allow_origins=settings.cors_origin_list, allow_credentials=False,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["X-API-Key", "Content-Type"],
                           expose_headers=["Retry-After"])

    reads = [Depends(require_read_key)]
    app.include_router(health.router, prefix=API_PREFIX)
    for module in (entities, paths, ties, events, articles, roles, stats, export):
        app.include_router(module.router, prefix=API_PREFIX, dependencies=reads)
    app.include_router(browser.router)
    return app


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    """Request log lines, and the body-size limit checked before a body is read."""
    app.add_middleware(_LogAndLimit, max_upload_bytes=settings.max_upload_bytes)


class _LogAndLimit:
    """One log line per request (method, path, hidden secrets, status, ms, client), and a 413 before the
    body of a request whose Content-Length exceeds the limit is read. A plain ASGI middleware: Starlette's
    `@app.middleware("http")` runs every request through a task and memory streams of its own (~0.3 ms)."""

    def __init__(self, app: ASGIApp, *, max_upload_bytes: int) -> None:
        self.app = app
        self.max_upload_bytes = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the server answers when the app fails before starting a response

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        length = Headers(scope=scope).get("content-length")
        try:
            if length is not None and length.isdigit() and int(length) > self.max_upload_bytes:
                await _json(413, error_body("payload_too_large", f"The body exceeds {self.max_upload_bytes} bytes.",
                                            {"max_bytes": self.max_upload_bytes}))(scope, receive, send_status)
            else:
                await self.app(scope, receive, send_status)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            raw_query = scope.get("query_string", b"").decode("latin-1")
            query = f"?{loggable_query(raw_query)}" if raw_query else ""
            client = scope.get("client")
            log.info("%s %s%s -> %d (%.1f ms) from %s", scope["method"], scope["path"], query, status, elapsed_ms,
                     client[0] if client else "-")


_SECRET_PARAM = re.compile(r"key|token|secret|passw|auth|session|cookie", re.IGNORECASE)


def loggable_query(query: str) -> str:
    """The query string with the value of every parameter that may carry a secret (api_key …) hidden."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "***" if _SECRET_PARAM.search(k) else v) for k, v in pairs], safe="*")


class _ApiCors(CORSMiddleware):
    """CORS for the /v1 API only: the Browser assets answer their own (public) CORS requests."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and str(scope.get("path", "")).startswith(API_PREFIX + "/"):
            await super().__call__(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def _json(status: int, body: dict[str, object]) -> Response:
    return JSONResponse(status_code=status, content=body)
