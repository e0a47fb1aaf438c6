"""API errors and the one place that turns every error into an HTTP answer.

Every error body has the same shape: ``{"error": {"code", "message", "details"}}``.

    ServiceError                root of the API's errors
    └── ApiError                an error the API raises on purpose (status + stable code)
        ├── BadRequest           400  a request that is well-formed but makes no sense (same from and to …)
        ├── Unauthorized         401  a missing or wrong X-API-Key
        ├── NotFound             404  an id that names nothing in the graph
        ├── Conflict             409  a write that collides with a concurrent one
        ├── PayloadTooLarge      413  a body over settings.max_upload_bytes
        ├── UnsupportedMediaType 415  a POST body that is neither JSON nor HTML, or in an unknown charset
        └── Unavailable          503  Neo4j cannot be reached, or the schema is not migrated
            └── SchemaNotApplied 503  a query needs an index or constraint that `tiesgraph schema apply` makes

Errors raised elsewhere are mapped here too: FastAPI's request validation (422), Starlette's HTTP errors
(404 for unknown routes, 405 …), `loaders.errors.LoaderError` (400/404/409/422/500 by subclass), the driver's
ServiceUnavailable / SessionExpired / connection-pool timeouts (503), authentication refused by Neo4j (503
`neo4j_auth_failed`: the server's credentials are wrong, nothing the client can fix) and constraint
violations (409); any other Neo4j error, and anything else, is a logged 500 that never echoes the driver's
text.

The CLI's local Neo4j manager has its own root, `service.neo4j_local.Neo4jLocalError`, so that it does not
import FastAPI.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import (
    AuthError,
    ConnectionPoolError,
    ConstraintError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from starlette.exceptions import HTTPException as StarletteHTTPException

from loaders.errors import ArticleNotFound, DuplicateTextError, ExtractionError, InputError, LoaderError

log = logging.getLogger("tiesgraph.api")


class ServiceError(Exception):
    """Root of every error the service package raises on purpose."""


class ApiError(ServiceError):
    """Root of the errors the API raises on purpose; carries an HTTP status and a stable code."""

    status_code = 500
    code = "internal_error"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, Any] = details or {}


class BadRequest(ApiError):
    """Raised when a request is well-formed but cannot be answered as asked."""

    status_code = 400
    code = "bad_request"


class Unauthorized(ApiError):
    """Raised when X-API-Key is missing or wrong."""

    status_code = 401
    code = "unauthorized"


class NotFound(ApiError):
    """Raised when an id names no node of the expected kind."""

    status_code = 404
    code = "not_found"


class Conflict(ApiError):
    """Raised when a write collides with a concurrent write."""

    status_code = 409
    code = "conflict"


class PayloadTooLarge(ApiError):
    """Raised when a request body exceeds settings.max_upload_bytes."""

    status_code = 413
    code = "payload_too_large"


class UnsupportedMediaType(ApiError):
    """Raised when a POST body is neither JSON nor HTML."""

    status_code = 415
    code = "unsupported_media_type"


class Unavailable(ApiError):
    """Raised when Neo4j cannot be reached or the schema migrations are not applied."""

    status_code = 503
    code = "unavailable"


class SchemaNotApplied(Unavailable):
    """Raised when the graph lacks the schema's migrations (so its indexes): `tiesgraph schema apply`."""

    code = "schema_not_applied"


def is_auth_error(exc: BaseException | None) -> bool:
    """Whether Neo4j refused the service's credentials (wrong password, rate-limited after failures …)."""
    if isinstance(exc, AuthError):
        return True
    return isinstance(exc, Neo4jError) and (exc.code or "").startswith("Neo.ClientError.Security.")


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The stable error shape."""
    return {"error": {"code": code, "message": message, "details": jsonable_encoder(details or {})}}


def _respond(status: int, code: str, message: str, details: Any = None,
             headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content=error_body(code, message, details),
                        headers=dict(headers) if headers else None)


_HTTP_CODES: dict[int, str] = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
    422: "validation_error", 503: "unavailable",
}

_LOADER_STATUS: tuple[tuple[type[LoaderError], int], ...] = (
    (ArticleNotFound, 404),
    (DuplicateTextError, 409),
    (InputError, 400),
    (ExtractionError, 422),
    (LoaderError, 500),
)


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"Retry-After": "5"} if exc.status_code == 503 else None
    return _respond(exc.status_code, exc.code, exc.message, exc.details, headers=headers)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    return _respond(422, "validation_error", "The request's parameters or body are invalid.",
                    {"errors": errors})


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return _respond(exc.status_code, code, message, headers=exc.headers)


async def _loader_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, LoaderError)
    # The writer wraps driver errors: an unreachable database is still a 503, a collision a 409.
    cause = exc.__cause__
    if isinstance(cause, ServiceUnavailable | SessionExpired | ConnectionPoolError):
        return await _neo4j_unavailable(_, cause)
    if is_auth_error(cause):
        return await _neo4j_auth_failed(_, cause)  # type: ignore[arg-type]
    if isinstance(cause, ConstraintError | TransientError):
        return await _neo4j_conflict(_, cause)
    status = next(s for cls, s in _LOADER_STATUS if isinstance(exc, cls))
    if status >= 500:  # the message may carry the driver's text: log it, answer the stable one
        log.error("loader failed: %s", exc, exc_info=exc)
        return _respond(status, exc.code, "The article could not be written.")
    return _respond(status, exc.code, str(exc) or exc.code)


async def _neo4j_unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.warning("Neo4j unavailable: %s", exc)
    return _respond(503, "neo4j_unavailable", "The graph database is unavailable; retry later.",
                    headers={"Retry-After": "5"})


async def _neo4j_auth_failed(_: Request, exc: Exception) -> JSONResponse:
    log.error("Neo4j refused the service's credentials (%s); check NEO4J_USER / NEO4J_PASSWORD",
              getattr(exc, "code", None) or type(exc).__name__)
    return _respond(503, "neo4j_auth_failed", "The graph database refused the service's credentials; retry later.",
                    headers={"Retry-After": "30"})


async def _neo4j_error(request: Request, exc: Exception) -> JSONResponse:
    """Any other Neo4j error: an auth refusal is a 503, the rest a 500 without the server's text."""
    if is_auth_error(exc):
        return await _neo4j_auth_failed(request, exc)
    log.error("Neo4j error %s", getattr(exc, "code", None), exc_info=exc)
    return _respond(500, "internal_error", "An unexpected error occurred.")


async def _neo4j_conflict(_: Request, exc: Exception) -> JSONResponse:
    log.warning("write conflict: %s", exc)
    return _respond(409, "conflict", "The write collided with another one; retry.")


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error", exc_info=exc)
    return _respond(500, "internal_error", "An unexpected error occurred.")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the stable shape and the right status."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(LoaderError, _loader_error)
    app.add_exception_handler(ServiceUnavailable, _neo4j_unavailable)
    app.add_exception_handler(SessionExpired, _neo4j_unavailable)
    app.add_exception_handler(ConnectionPoolError, _neo4j_unavailable)
    app.add_exception_handler(Neo4jError, _neo4j_error)
    app.add_exception_handler(ConstraintError, _neo4j_conflict)
    app.add_exception_handler(Exception, _unexpected)
