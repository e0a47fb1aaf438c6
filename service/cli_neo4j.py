"""`tiesgraph neo4j install|start|stop|status|logs` and `tiesgraph cypher`."""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer
from neo4j import Query
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time
from rich.console import Console
from rich.table import Table

from service.db import open_driver
from service.neo4j_local import LocalNeo4j, Neo4jLocalError, NotManagedError
from service.settings import Settings

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

neo4j_app = typer.Typer(
    name="neo4j",
    help=(
        "Manage the local Neo4j server that tiesgraph assembles from Maven Central "
        "(needs Java 17+ and Maven). Not needed when NEO4J_URI points at a server of your own."
    ),
    no_args_is_help=True,
)

T = TypeVar("T")


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code=1)


@contextmanager
def _expected_errors() -> Iterator[None]:
    """Turn the manager's and driver's expected failures into a message and exit code 1."""
    try:
        yield
    except NotManagedError as exc:
        err.print(f"[yellow]{exc}[/]", highlight=False)
        raise typer.Exit(code=1) from None
    except (Neo4jLocalError, Neo4jError, DriverError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from None


def _manager() -> LocalNeo4j:
    return LocalNeo4j(Settings())


def _run(action: Callable[[LocalNeo4j], T]) -> T:
    with _expected_errors():
        return action(_manager())


@neo4j_app.command("install")
def install() -> None:
    """Download Neo4j's jars with Maven into the shared per-user cache (once per version)."""
    mgr = _manager()
    if mgr.settings.managed and not mgr.installed():
        err.print(f"Assembling Neo4j into {mgr.cache_dir} with Maven (once per machine)…")
    downloaded = _run(lambda m: m.install())
    out.print(("Installed" if downloaded else "Already installed") + f": {mgr.lib_dir}", highlight=False)


@neo4j_app.command("start")
def start() -> None:
    """Start the local Neo4j (installing it first if needed) and wait until it accepts connections."""
    mgr = _manager()
    if mgr.settings.managed and not mgr.installed():
        err.print(f"Assembling Neo4j into {mgr.cache_dir} with Maven (once per machine)…")
    started = _run(lambda m: m.start())
    st = _run(lambda m: m.status())
    verb = "Started" if started else "Already running"
    out.print(f"[green]{verb}[/] Neo4j {st.version} (pid {st.pid})", highlight=False)
    out.print(f"  Bolt URI:    {st.bolt_uri}", highlight=False)
    out.print(f"  Browser URL: {st.browser_url}", highlight=False)
    out.print(f"  Data folder: {st.data_dir}", highlight=False)


@neo4j_app.command("stop")
def stop() -> None:
    """Stop the local Neo4j (the launcher and its server JVM); nothing to do if it is not running."""
    stopped = _run(lambda m: m.stop())
    out.print("Stopped Neo4j." if stopped else "Neo4j is not running; nothing to stop.")


@neo4j_app.command("status")
def status() -> None:
    """Show whether the local Neo4j runs, its version, addresses and data folder."""
    st = _run(lambda m: m.status())
    table = Table(show_header=False, box=None)
    table.add_row("state", "[green]running[/]" if st.running else "[yellow]stopped[/]")
    table.add_row("pid", str(st.pid) if st.pid else "-")
    table.add_row("version", st.version)
    table.add_row("bolt", st.bolt_uri)
    table.add_row("browser", st.browser_url)
    table.add_row("data", str(st.data_dir))
    out.print(table)


@neo4j_app.command("logs")
def logs(
    lines: Annotated[int, typer.Option("--lines", "-n", help="How many lines from the end to show.")] = 50,
) -> None:
    """Print the last lines of the local Neo4j's console log."""
    text = _run(lambda m: m.logs(lines))
    typer.echo(text if text else "(no log yet: the server has not been started)")


# ------------------------------------------------------------------------------------------------ cypher


def to_jsonable(value: Any) -> Any:
    """Convert a value returned by the driver into plain JSON types."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Node):
        return {
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: to_jsonable(v) for k, v in value.items()},
        }
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node is not None else None,
            "end": value.end_node.element_id if value.end_node is not None else None,
            "properties": {k: to_jsonable(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {
            "nodes": [to_jsonable(n) for n in value.nodes],
            "relationships": [to_jsonable(r) for r in value.relationships],
        }
    if isinstance(value, Date | DateTime | Time | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Duration):
        return value.iso_format()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    return str(value)


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """`k=v` pairs into query parameters: each value is JSON if it decodes, else the raw string."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--param expects key=value, got {pair!r}")
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


def cypher(
    query: Annotated[str, typer.Argument(help="The Cypher query, e.g. \"MATCH (c:Country) RETURN c.name\".")],
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p",
            help="A query parameter as key=value (repeatable); the value is JSON if it parses, else a string.",
        ),
    ] = None,
) -> None:
    """Run a Cypher query against the configured Neo4j and print each row as one JSON object (JSON Lines)."""
    settings = Settings()
    # The pool logs an unreachable server itself; the error below says it once, with a hint.
    logging.getLogger("neo4j.pool").setLevel(logging.CRITICAL)
    with _expected_errors():
        params = parse_params(param or [])
        with open_driver(settings, notifications=True) as driver:
            try:
                driver.verify_connectivity()  # fail fast instead of retrying a query for half a minute
            except (ServiceUnavailable, SessionExpired) as exc:
                hint = " (start it with `tiesgraph neo4j start`)" if settings.managed else ""
                raise _fail(f"cannot reach Neo4j at {settings.bolt_uri}{hint}: {exc}") from None
            # Ad-hoc queries typed by the user are the point of this command, hence the cast to Query.
            records, _, _ = driver.execute_query(
                Query(query),
                params,
                database_=settings.neo4j_database,
            )
    for record in records:
        # Iterating a Record yields its values, in the order of keys().
        row = {key: to_jsonable(value) for key, value in zip(record.keys(), record, strict=True)}
        typer.echo(json.dumps(row, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    """Add the `neo4j` sub-app and the `cypher` command to the main app."""
    app.add_typer(neo4j_app, name="neo4j")
    app.command("cypher")(cypher)
