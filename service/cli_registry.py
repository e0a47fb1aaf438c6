"""`tiesgraph registry import|stats`: build the generated registry data from public snapshots; count it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from loaders.errors import LoaderError
from loaders.registry import load_registry
from loaders.registry_import import GENERATED_FILE, build, dumps
from loaders.registry_stats import registry_stats
from service.cli_common import fail

out = Console(soft_wrap=True)
registry_app = typer.Typer(help="The actor registry: import public cabinet tables, count what it holds.",
                           no_args_is_help=True)


@registry_app.command("import")
def import_cmd(
    sources: Annotated[list[Path], typer.Argument(help="Mirror git directories (…/<owner>+<name>/repo).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The generated JSON file.")] = GENERATED_FILE,
) -> None:
    """Read the snapshots, keep defence and diplomatic offices, write the generated data file."""
    try:
        data = build(sources)
    except LoaderError as exc:
        raise fail(str(exc)) from exc
    text = dumps(data)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(output)
    out.print(f"{len(data.persons)} persons from {len(data.sources)} sources -> {output}")


@registry_app.command("stats")
def stats_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of a table.")] = False,
) -> None:
    """Counts of states, persons, dated roles, organisations, names per language, and the sources."""
    try:
        stats = registry_stats(load_registry())
    except LoaderError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        print(stats.model_dump_json(indent=2))
        return
    table = Table("what", "count")
    for key, value in stats.model_dump(exclude={"sources", "state_names_per_language",
                                                "person_spellings_per_language"}).items():
        table.add_row(key, str(value))
    for lang, n in stats.state_names_per_language.items():
        table.add_row(f"state names ({lang})", str(n))
    for lang, n in stats.person_spellings_per_language.items():
        table.add_row(f"person spellings ({lang})", str(n))
    table.add_row("sources", str(len(stats.sources)))
    out.print(table)


def register(app: typer.Typer) -> None:
    """Add `registry` to the tiesgraph app."""
    app.add_typer(registry_app, name="registry")
