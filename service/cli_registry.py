"""`tiesgraph registry import|stats`: build the generated registry data from public snapshots; count it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from loaders.errors import LoaderError
from loaders.registry import load_registry
from loaders.registry_import import GENERATED_FILE, build, dumps, repo_name
from loaders.registry_petrarch import ORGS_FILE, PETRARCH_REPO, build_petrarch, dumps_orgs
from loaders.registry_stats import registry_stats
from service.cli_common import fail

out = Console(soft_wrap=True)
registry_app = typer.Typer(help="The actor registry: import public cabinet tables, count what it holds.",
                           no_args_is_help=True)


@registry_app.command("import")
def import_cmd(
    sources: Annotated[list[Path], typer.Argument(help="Mirror git directories (…/<owner>+<name>/repo).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The generated persons file.")] = GENERATED_FILE,
    orgs_output: Annotated[Path, typer.Option("--orgs-output", help="The generated organisations file "
                                              "(from an openeventdata/petrarch2 snapshot).")] = ORGS_FILE,
) -> None:
    """Read the snapshots: cabinet tables give people with dated defence and diplomatic offices; a PETRARCH2
    snapshot gives intergovernmental organisations. Each writes its generated data file."""
    try:
        petrarch = [s for s in sources if repo_name(s) == PETRARCH_REPO]
        cabinets = [s for s in sources if s not in petrarch]
        if cabinets:
            data = build(cabinets)
            _write(output, dumps(data))
            out.print(f"{len(data.persons)} persons from {len(data.sources)} sources -> {output}")
        for snapshot in petrarch:
            source, orgs = build_petrarch(snapshot)
            _write(orgs_output, dumps_orgs(source, orgs))
            out.print(f"{len(orgs)} organisations from {source.repo}@{source.commit[:12]} -> {orgs_output}")
    except LoaderError as exc:
        raise fail(str(exc)) from exc


def _write(path: Path, text: str) -> None:
    """Write through a partial file, so a failed run leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


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
