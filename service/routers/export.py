"""/v1/export: the graph in formats analysts' tools open (GraphML, GEXF, CSV, JSONL), streamed."""

from __future__ import annotations

import itertools
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from graph_schema.model import Relation
from service.code_params import CodesDep
from service.deps import DriverDep, SettingsDep, Since, Until, check_date_range
from service.export_formats import ExportFormat, export_chunks
from service.params import StateQuery
from service.queries.export import ExportFilter
from service.schemas import ErrorResponse

router = APIRouter(prefix="/export", tags=["export"])

_FORMATS = "graphml or gexf: ties (actors, derived ties); csv: events, one row each; jsonl: claims with evidence"


@router.get("", response_class=StreamingResponse, responses={
    200: {"description": "the export, streamed", "content": {f.media_type: {} for f in ExportFormat}},
    400: {"model": ErrorResponse}})
def export(
    driver: DriverDep,
    settings: SettingsDep,
    format: Annotated[ExportFormat, Query(description=_FORMATS)],
    codes: CodesDep,
    since: Since = None,
    until: Until = None,
    relation: Annotated[Relation | None, Query(description="only this relation")] = None,
    country: StateQuery = None,
) -> StreamingResponse:
    """Ties as GraphML/GEXF, events as CSV, or claims as JSON Lines, filtered by date, relation, PLOVER
    category or CAMEO root, and state."""
    check_date_range(since, until)
    where = ExportFilter(since=since, until=until, relation=relation, country=country, relations=codes.relations)
    chunks = export_chunks(format, driver=driver, database=settings.neo4j_database, where=where)
    # The first chunk is read here, so an unreachable database is a 503 rather than a cut-off download.
    first = list(itertools.islice(chunks, 1))
    return StreamingResponse(itertools.chain(first, chunks), media_type=format.media_type,
                             headers={"Content-Disposition": f'attachment; filename="{format.filename}"'})
