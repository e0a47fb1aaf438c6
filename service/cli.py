"""The `tiesgraph` command: one typer app composed of the sub-commands each module registers."""

from __future__ import annotations

import sys

import typer
from pydantic import ValidationError

from service import cli_api, cli_export, cli_feeds, cli_loaders, cli_neo4j, cli_registry, cli_schema

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
cli_feeds.register(app)
cli_registry.register(app)


def settings_error_line(exc: ValidationError) -> str:
    """One line naming each refused setting and why, never its value (it may be a password or a key)."""
    parts = []
    for error in exc.errors(include_input=False, include_url=False, include_context=False):
        name = ".".join(str(p) for p in error["loc"])
        msg = error["msg"].removeprefix("Value error, ")
        parts.append(f"{name}: {msg}" if name else msg)
    return "refused settings: " + "; ".join(parts)


def main() -> None:
    """The console script: the typer app, with refused settings as one line on stderr and exit code 2."""
    try:
        app()
    except ValidationError as exc:
        if exc.title != "Settings":
            raise
        print(f"error: {settings_error_line(exc)}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
