"""The one place that opens a Neo4j driver from `Settings`."""

from __future__ import annotations

from neo4j import Driver, GraphDatabase

from service.settings import Settings


def open_driver(settings: Settings) -> Driver:
    """Open (but do not verify) a driver for the configured server; the caller owns and closes it."""
    return GraphDatabase.driver(
        settings.bolt_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        user_agent="tiesgraph/0.1",
    )
