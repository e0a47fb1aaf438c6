"""The `tiesgraph` command: one typer app composed of the sub-commands each module registers."""

from __future__ import annotations

import typer

from service import cli_api, cli_export, cli_loaders, cli_neo4j, cli_schema

app = typer.Typer(
    name="tiesgraph",
    help="A knowledge graph of diplomatic and military ties between states, from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

cli_neo4j.register(app)
cli_schema.register(app)
cli_loaders.register(app)
cli_api.register(app)
cli_export.register(app)


if __name__ == "__main__":
    app()
