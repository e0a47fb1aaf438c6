"""Errors raised by graph_schema (one root).

    SchemaError                 root
    └── MigrationError          a migration failed, or an applied migration's checksum changed
"""

from __future__ import annotations


class SchemaError(Exception):
    """Root of every graph_schema error."""

    code = "schema_error"


class MigrationError(SchemaError):
    """Raised when a migration fails or an applied one was edited afterwards."""

    code = "migration_error"
