"""What every database command shares: the consoles, a one-line failure, and an open, verified driver.

Expected failures print one message on stderr and exit with code 1, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.markup import escape

from graph_schema.migrations import applied_migrations, pending_migrations
from service.db import open_driver
from service.settings import Settings

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(message: str) -> typer.Exit:
    """Print ``message`` as an error on stderr; the exit (code 1) to raise."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code=1)


@contextmanager
def open_graph(settings: Settings) -> Iterator[Driver]:
    """An open, verified driver to a migrated database; an unreachable server is a message and exit code 1."""
    driver = open_driver(settings)
    try:
        try:
            driver.verify_connectivity()
        except (Neo4jError, DriverError, OSError) as exc:
            raise fail(
                f"cannot reach Neo4j at {settings.bolt_uri}: {exc}\n"
                "Start the local one with `tiesgraph neo4j start`, or set NEO4J_URI."
            ) from None
        require_schema(driver, settings)
        yield driver
    finally:
        driver.close()


def require_schema(driver: Driver, settings: Settings) -> None:
    """Exit 1 with one line when the schema's migrations are not applied: without its uniqueness
    constraints, concurrent loaders could duplicate nodes, and searches would lack their index."""
    try:
        missing = pending_migrations(applied_migrations(driver, database=settings.neo4j_database))
    except (Neo4jError, DriverError) as exc:
        raise fail(f"cannot read the schema's migrations from Neo4j: {type(exc).__name__}") from None
    if missing:
        raise fail(f"the schema of database {settings.neo4j_database!r} is not applied (migrations "
                   f"{', '.join(missing)} pending): run `tiesgraph schema apply` first")
