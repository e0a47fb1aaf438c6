"""`tiesgraph serve` (the REST API under uvicorn) and `tiesgraph browser` (Neo4j Browser's URL)."""

from __future__ import annotations

import copy
import webbrowser
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

import typer

from service.settings import Settings


def browser_connect_url(settings: Settings) -> str:
    """Neo4j Browser's URL with the connection form filled in (server, user, database)."""
    if settings.managed:
        scheme, hostport = "neo4j", f"{settings.neo4j_host}:{settings.neo4j_bolt_port}"
    else:
        parts = urlsplit(settings.bolt_uri)
        scheme, hostport = parts.scheme or "neo4j", parts.netloc.rsplit("@", 1)[-1]
    dbms = f"{scheme}://{quote(settings.neo4j_user, safe='')}@{hostport}"
    return (f"{settings.browser_url}?dbms={quote(dbms, safe=':/@')}&db={quote(settings.neo4j_database, safe='')}"
            "&preselectAuthMethod=NATIVE")


def _log_config() -> dict[str, Any]:
    """uvicorn's logging setup plus the API's request log (uvicorn's own access log is replaced by it)."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["tiesgraph"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def register(app: typer.Typer) -> None:
    """Add `serve` and `browser` to the main app."""

    @app.command()
    def serve(
        host: Annotated[str | None, typer.Option(help="interface to bind (default TIESGRAPH_API_HOST)")] = None,
        port: Annotated[int | None, typer.Option(help="port (default TIESGRAPH_API_PORT)")] = None,
        reload: Annotated[bool, typer.Option(help="restart on code changes (development)")] = False,
    ) -> None:
        """Serve the REST API (OpenAPI docs at /docs)."""
        import uvicorn

        settings = Settings()
        bind_host = host or settings.api_host
        bind_port = port or settings.api_port
        shown = settings.model_copy(update={"api_host": bind_host, "api_port": bind_port})
        typer.echo(f"API docs:      {shown.api_url}/docs")
        if settings.managed:
            typer.echo(f"Neo4j Browser: {browser_connect_url(settings)}")
        uvicorn.run("service.app:create_app", factory=True, host=bind_host, port=bind_port, reload=reload,
                    access_log=False, log_config=_log_config())

    @app.command()
    def browser(
        open_: Annotated[bool, typer.Option("--open", help="open it in the default web browser")] = False,
    ) -> None:
        """Print Neo4j Browser's URL with the connection (server, user, database) filled in."""
        url = browser_connect_url(Settings())
        typer.echo(url)
        if open_:
            webbrowser.open(url)
