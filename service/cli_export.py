"""`tiesgraph export`: ties as GraphML/GEXF, events as CSV, claims as JSONL, to a file or stdout."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from fastapi.exceptions import RequestValidationError
from neo4j.exceptions import DriverError, Neo4jError

from graph_schema.model import Relation
from service.cli_common import fail, open_graph
from service.code_params import codes_kept
from service.deps import DATE_PATTERN, real_date
from service.export_formats import ExportFormat, export_chunks
from service.params import resolve_state
from service.queries.export import ExportFilter
from service.settings import Settings

_DATE = re.compile(DATE_PATTERN)


def _codes(plover: str | None, cameo: str | None) -> tuple[Relation, ...] | None:
    """The relations the --plover/--cameo options keep; an unknown code is a message and exit code 1."""
    try:
        return codes_kept(plover, cameo).relations
    except RequestValidationError as exc:
        raise fail(f"--{exc.errors()[0]['loc'][-1]}: {exc.errors()[0]['msg']}") from None


def _filter(since: str | None, until: str | None, relation: Relation | None, country: str | None) -> ExportFilter:
    """The export filter from the options; a malformed option is a message and exit code 1."""
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _DATE.match(value):
            raise fail(f"{name} {value!r}: expected 2021, 2021-06 or 2021-06-22")
        try:
            real_date(value)
        except ValueError as exc:
            raise fail(f"{name} {exc}: give a real year, month or day (2021, 2021-06, 2021-06-22)") from None
    if since and until and since[: min(len(since), len(until))] > until[: min(len(since), len(until))]:
        raise fail(f"--since {since} is after --until {until}")
    try:
        iso = resolve_state("country", country)
    except RequestValidationError as exc:
        raise fail(f"--country {country!r}: {exc.errors()[0]['msg']}") from None
    return ExportFilter(since=since, until=until, relation=relation, country=iso)


def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="graphml|gexf: ties; csv: events, one row each; jsonl: claims with evidence.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    since: Annotated[str | None, typer.Option(help="From date: 2021, 2021-06 or 2021-06-22.")] = None,
    until: Annotated[str | None, typer.Option(help="To date: 2021, 2021-06 or 2021-06-22.")] = None,
    relation: Annotated[Relation | None, typer.Option(help="Only this relation.")] = None,
    country: Annotated[str | None, typer.Option(
        help="Only what touches this state (ISO alpha-3 in any case, or its name).")] = None,
    plover: Annotated[str | None, typer.Option(help="Only this PLOVER category (CONSULT, AID …).")] = None,
    cameo: Annotated[str | None, typer.Option(help="Only this CAMEO root code (04, 16 …).")] = None,
) -> None:
    """Export the graph for Gephi, Cytoscape, pandas or R, streamed from Neo4j as it is written."""
    where = _filter(since, until, relation, country).model_copy(update={"relations": _codes(plover, cameo)})
    settings = Settings()
    partial = output.with_name(output.name + ".part") if output else None
    with open_graph(settings) as driver:
        try:
            if partial is None:
                for chunk in export_chunks(fmt, driver=driver, database=settings.neo4j_database, where=where):
                    sys.stdout.write(chunk)
                sys.stdout.flush()
                return
            with partial.open("w", encoding="utf-8", newline="") as handle:
                for chunk in export_chunks(fmt, driver=driver, database=settings.neo4j_database, where=where):
                    handle.write(chunk)
        except (Neo4jError, DriverError, OSError) as exc:
            if partial is not None:
                partial.unlink(missing_ok=True)
            raise fail(f"export failed: {exc}") from None
    # Renamed only when complete: a failed export never leaves a truncated file under the asked name.
    assert output is not None
    partial.replace(output)
    typer.echo(f"wrote {output}", err=True)


def register(app: typer.Typer) -> None:
    """Add `export` to the main app."""
    app.command("export")(export_cmd)
