"""`tiesgraph schema apply|show`: the graph model's constraints, indexes and migrations."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from neo4j import RoutingControl
from rich.console import Console
from rich.table import Table

from graph_schema import ddl
from graph_schema.errors import SchemaError
from graph_schema.migrations import MIGRATIONS, applied_migrations, apply_migrations, wait_for_indexes
from graph_schema.model import MODEL
from service.db import open_driver
from service.settings import Settings

schema_app = typer.Typer(help="The graph model: apply its migrations, show it.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)

_SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name"
_SHOW_INDEXES = (
    "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state "
    "WHERE type <> 'LOOKUP' RETURN * ORDER BY name"
)


@schema_app.command("apply")
def apply_cmd() -> None:
    """Apply the numbered migrations not yet recorded in the graph (idempotent) and wait for indexes."""
    settings = Settings()
    driver = open_driver(settings)
    try:
        applied = apply_migrations(driver, database=settings.neo4j_database)
        wait_for_indexes(driver, database=settings.neo4j_database)
    except SchemaError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    except Exception as exc:  # connection problems: say what to do, no traceback
        err.print(f"[red]error:[/red] cannot apply the schema at {settings.bolt_uri}: {exc}")
        err.print("Is Neo4j running? Start the local one with `tiesgraph neo4j start` or set NEO4J_URI.")
        raise typer.Exit(1) from exc
    finally:
        driver.close()
    if applied:
        console.print(f"applied migrations: {', '.join(applied)}")
    else:
        console.print("schema up to date (no migration to apply)")


@schema_app.command("show")
def show_cmd(
    live: Annotated[bool, typer.Option("--live", help="Also show what the database holds now.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the model as JSON.")] = False,
) -> None:
    """Show the graph model: labels, relationship types, properties, and the DDL it renders."""
    if as_json:
        typer.echo(json.dumps(MODEL.model_dump(mode="json"), indent=2))
        return
    nodes = Table(title=f"Node labels (model v{MODEL.version})")
    for col in ("label", "properties", "description"):
        nodes.add_column(col)
    for spec in MODEL.nodes:
        props = ", ".join(p.name + ("!" if p.unique else "*" if p.indexed else "") for p in spec.properties)
        nodes.add_row(spec.label.value, props, spec.description)
    console.print(nodes)
    console.print("[dim]! unique   * indexed[/dim]")
    rels = Table(title="Relationship types")
    for col in ("type", "from → to", "properties"):
        rels.add_column(col)
    for rel in MODEL.relationships:
        ends = f"{'|'.join(s.value for s in rel.source)} → {'|'.join(t.value for t in rel.target)}"
        rels.add_row(rel.type, ends, ", ".join(p.name for p in rel.properties))
    console.print(rels)
    console.print("[bold]Migrations[/bold]")
    for migration in MIGRATIONS:
        console.print(f"  {migration.id}  {migration.name}  ({len(migration.statements)} statements)")
    console.print("[bold]DDL[/bold]")
    for statement in ddl.render():
        console.print(f"  {statement}", highlight=False, soft_wrap=True)
    if live:
        _show_live()


def _show_live() -> None:
    settings = Settings()
    driver = open_driver(settings)
    try:
        db = settings.neo4j_database
        done = applied_migrations(driver, database=db)
        console.print(f"[bold]Applied in {settings.bolt_uri} ({db})[/bold]: {', '.join(sorted(done)) or 'none'}")
        for query in (_SHOW_CONSTRAINTS, _SHOW_INDEXES):
            records, _, _ = driver.execute_query(query, database_=db, routing_=RoutingControl.READ)
            for record in records:
                console.print("  " + json.dumps(dict(record), default=str), highlight=False)
    except Exception as exc:
        err.print(f"[red]error:[/red] cannot read the schema at {settings.bolt_uri}: {exc}")
        raise typer.Exit(1) from exc
    finally:
        driver.close()


def register(app: typer.Typer) -> None:
    """Add `schema` to the main app."""
    app.add_typer(schema_app, name="schema")
