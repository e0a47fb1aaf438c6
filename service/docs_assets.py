"""Offline API docs: /docs (Swagger UI) and /redoc (ReDoc) load their JavaScript and CSS from the package.

FastAPI's default pages pull Swagger UI and ReDoc from a CDN, so they are blank on an offline laptop. This
follows FastAPI's "self-hosting JavaScript and CSS for docs" recipe: the app is built with docs_url=None and
redoc_url=None, the assets shipped in the `fastapi-offline` wheel (Swagger UI 5, ReDoc 2) are mounted
as static files, and the two pages point at them. `GET /` redirects to /docs.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
"""Where the Swagger UI and ReDoc files are served."""

ASSETS_PACKAGE = ("fastapi_offline", "static")
"""(package, folder) holding swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js and favicon.png."""


def install_docs(app: FastAPI, *, docs_url: str = "/docs", redoc_url: str = "/redoc") -> None:
    """Mount the packaged assets and add /docs, its OAuth2 redirect, /redoc and the / redirect to `app`."""
    app.mount(ASSETS_URL, StaticFiles(packages=[ASSETS_PACKAGE]), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"
    oauth2_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get(docs_url, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = _root(request)
        return get_swagger_ui_html(
            openapi_url=root + openapi_url, title=f"{app.title} - Swagger UI", oauth2_redirect_url=oauth2_url,
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            swagger_ui_parameters=app.swagger_ui_parameters,
        )

    @app.get(oauth2_url, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get(redoc_url, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = _root(request)
        return get_redoc_html(
            openapi_url=root + openapi_url, title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png", with_google_fonts=False,
        )

    @app.get("/", include_in_schema=False)
    async def root_redirect(request: Request) -> RedirectResponse:
        return RedirectResponse(_root(request) + docs_url, status_code=307)


def _root(request: Request) -> str:
    """The ASGI root_path (set behind a reverse proxy), so asset URLs stay right under a prefix."""
    return str(request.scope.get("root_path", "")).rstrip("/")
