"""The one place that opens a Neo4j driver from `Settings`."""

from __future__ import annotations

from importlib.metadata import version

from neo4j import Driver, GraphDatabase, NotificationMinimumSeverity

from service.settings import Settings


def open_driver(settings: Settings, *, notifications: bool = False) -> Driver:
    """Open (but do not verify) a driver for the configured server; the caller owns and closes it.

    `notifications` keeps the server's query hints (the `cypher` command, whose user writes the query).
    """
    return GraphDatabase.driver(
        settings.bolt_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        user_agent=f"tiesgraph/{version('tiesgraph')}",
        connection_timeout=settings.neo4j_connection_timeout,
        connection_acquisition_timeout=settings.neo4j_acquisition_timeout,
        max_transaction_retry_time=settings.neo4j_retry_time,
        # The server's query hints ("property key does not exist" on a fresh database …) are for query
        # authors, not for users reading the CLI's or the API's log.
        notifications_min_severity=None if notifications else NotificationMinimumSeverity.OFF,
    )
