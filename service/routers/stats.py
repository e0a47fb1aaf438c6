"""/v1/stats: counts by label and relation type, last load time."""

from __future__ import annotations

from fastapi import APIRouter

from service.deps import DriverDep, SettingsDep
from service.queries import stats
from service.schemas import Stats

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("", response_model=Stats)
def get_stats(driver: DriverDep, settings: SettingsDep) -> Stats:
    """Counts by label and relationship type, and max(Article.loaded_at)."""
    return stats.stats(driver=driver, database=settings.neo4j_database)
