"""Liveness (no database) and readiness (Neo4j reachable, schema migrated)."""

from __future__ import annotations

from importlib.metadata import version

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from neo4j.exceptions import DriverError, Neo4jError

from service.deps import DriverDep, SettingsDep
from service.errors import Unavailable
from service.queries import health
from service.schemas import ErrorResponse, Health, Ready

router = APIRouter(tags=["health"])

VERSION = version("tiesgraph")


@router.get("/health", response_model=Health)
def get_health() -> Health:
    """Liveness: the process answers (the database is not asked)."""
    return Health(version=VERSION)


@router.get("/ready", response_model=Ready, responses={503: {"model": ErrorResponse}})
async def get_ready(driver: DriverDep, settings: SettingsDep) -> Ready:
    """Readiness: Neo4j answers and every schema migration is applied; 503 otherwise."""
    try:
        applied, missing = await run_in_threadpool(
            health.missing_migrations, driver=driver, database=settings.neo4j_database
        )
    except (DriverError, Neo4jError) as exc:
        raise Unavailable("Neo4j is not reachable.", details={"reason": type(exc).__name__}) from exc
    if missing:
        raise Unavailable("Schema migrations are not applied (run `tiesgraph schema apply`).",
                          details={"missing": missing})
    return Ready(database=settings.neo4j_database, migrations=applied)
