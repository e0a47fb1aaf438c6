"""Export formats: ties as GraphML or GEXF (Gephi, Cytoscape, networkx), events as CSV, claims as JSONL.

Each writer is a generator of text chunks over row iterators (from `service.queries.export`), so the
CLI writes a file and the API streams a response without holding the graph in memory.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Any, TypeVar

from neo4j import Driver

from graph_schema.codes import code_fields
from graph_schema.model import SYMMETRIC_RELATIONS, Relation
from service.queries import export as q

T = TypeVar("T")

Rows = Iterator[dict[str, Any]]


class ExportFormat(StrEnum):
    """What `--format` / `format=` accepts; the format decides what is exported."""

    GRAPHML = "graphml"  # ties: actors as nodes, derived ties as edges
    GEXF = "gexf"  # the same, for Gephi
    CSV = "csv"  # events, one row each
    JSONL = "jsonl"  # claims with their evidence, one JSON object each

    @property
    def media_type(self) -> str:
        """The HTTP content type of this format."""
        return _MEDIA[self]

    @property
    def filename(self) -> str:
        """A download name saying what the file holds."""
        return _FILENAME[self]


_MEDIA = {ExportFormat.GRAPHML: "application/graphml+xml", ExportFormat.GEXF: "application/gexf+xml",
          ExportFormat.CSV: "text/csv; charset=utf-8", ExportFormat.JSONL: "application/x-ndjson"}
_FILENAME = {ExportFormat.GRAPHML: "tiesgraph-ties.graphml", ExportFormat.GEXF: "tiesgraph-ties.gexf",
             ExportFormat.CSV: "tiesgraph-events.csv", ExportFormat.JSONL: "tiesgraph-claims.jsonl"}

EVENT_COLUMNS = ("event_id", "date", "type", "plover", "plover_mode", "cameo", "status", "name", "source_id",
                 "source_name", "source_state", "target_id", "target_name", "target_state", "place_id", "place_name",
                 "support", "first_evidence_url")
"""Columns of the events CSV, in order."""

# (key, GraphML attr.type, GEXF type) of node and edge attributes.
NODE_ATTRS = (("name", "string", "string"), ("type", "string", "string"), ("country", "string", "string"))
EDGE_ATTRS = (("relation", "string", "string"), ("plover", "string", "string"), ("plover_mode", "string", "string"),
              ("cameo", "string", "string"),
              ("symmetric", "boolean", "boolean"), ("support", "int", "integer"), ("articles", "int", "integer"),
              ("confidence", "double", "double"), ("first_date", "string", "string"),
              ("last_date", "string", "string"))

# Characters XML 1.0 cannot carry at all (control characters an article's text may hold).
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_CHUNK = 64 * 1024


def _esc(value: object) -> str:
    """Text safe inside an XML attribute or element (escaped, impossible characters dropped)."""
    text = _NOT_XML.sub("", value if isinstance(value, str) else _scalar(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _scalar(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _edge_values(edge: dict[str, Any]) -> dict[str, Any]:
    """An edge row with its PLOVER category and mode, CAMEO root and symmetry added from the schema."""
    relation = Relation(edge["relation"])
    return {**edge, **code_fields(relation), "symmetric": relation in SYMMETRIC_RELATIONS}


def _eager(rows: Iterator[T]) -> Iterator[T]:
    """Fetch the first row now, so an unreachable database fails before any output is written."""
    first = list(itertools.islice(rows, 1))
    return itertools.chain(first, rows)


def chunked(parts: Iterable[str], size: int = _CHUNK) -> Iterator[str]:
    """Join small pieces into chunks of about `size` characters (fewer writes, same bytes)."""
    buffer: list[str] = []
    length = 0
    for part in parts:
        buffer.append(part)
        length += len(part)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def graphml(nodes: Rows, edges: Callable[[], Rows]) -> Iterator[str]:
    """Ties as GraphML: keys, then every node, then every edge (edges are read after the nodes)."""
    nodes = _eager(nodes)
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, kind, _ in NODE_ATTRS:
        yield f'  <key id="{key}" for="node" attr.name="{key}" attr.type="{kind}"/>\n'
    for key, kind, _ in EDGE_ATTRS:
        yield f'  <key id="{key}" for="edge" attr.name="{key}" attr.type="{kind}"/>\n'
    yield '  <graph id="ties" edgedefault="directed">\n'
    for node in nodes:
        yield f'    <node id="{_esc(node["id"])}">{_graphml_data(node, NODE_ATTRS)}</node>\n'
    for row in edges():
        edge = _edge_values(row)
        yield (f'    <edge id="{_esc(edge["key"])}" source="{_esc(edge["source"])}" '
               f'target="{_esc(edge["target"])}">{_graphml_data(edge, EDGE_ATTRS)}</edge>\n')
    yield "  </graph>\n</graphml>\n"


def _graphml_data(row: dict[str, Any], attrs: tuple[tuple[str, str, str], ...]) -> str:
    return "".join(f'<data key="{key}">{_esc(row[key])}</data>' for key, _, _ in attrs if row.get(key) is not None)


def gexf(nodes: Rows, edges: Callable[[], Rows]) -> Iterator[str]:
    """Ties as GEXF 1.3 (Gephi's format): attribute declarations, nodes, then edges weighted by support."""
    nodes = _eager(nodes)
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
           '  <meta><creator>tiesgraph</creator><description>ties between actors</description></meta>\n'
           '  <graph defaultedgetype="directed" mode="static">\n')
    for cls, attrs in (("node", NODE_ATTRS[1:]), ("edge", EDGE_ATTRS)):
        yield f'    <attributes class="{cls}">\n'
        for key, _, kind in attrs:
            yield f'      <attribute id="{key}" title="{key}" type="{kind}"/>\n'
        yield "    </attributes>\n"
    yield "    <nodes>\n"
    for node in nodes:
        yield (f'      <node id="{_esc(node["id"])}" label="{_esc(node.get("name") or node["id"])}">'
               f'{_gexf_values(node, NODE_ATTRS[1:])}</node>\n')
    yield "    </nodes>\n    <edges>\n"
    for row in edges():
        edge = _edge_values(row)
        yield (f'      <edge id="{_esc(edge["key"])}" source="{_esc(edge["source"])}" '
               f'target="{_esc(edge["target"])}" label="{_esc(edge["relation"])}" '
               f'weight="{edge.get("support") or 1}">{_gexf_values(edge, EDGE_ATTRS)}</edge>\n')
    yield "    </edges>\n  </graph>\n</gexf>\n"


def _gexf_values(row: dict[str, Any], attrs: tuple[tuple[str, str, str], ...]) -> str:
    values = "".join(f'<attvalue for="{key}" value="{_esc(row[key])}"/>'
                     for key, _, _ in attrs if row.get(key) is not None)
    return f"<attvalues>{values}</attvalues>" if values else ""


def events_csv(rows: Rows) -> Iterator[str]:
    """Events as CSV with a header row, one row per event (the place flattened to id and name, the codes
    derived from the event type)."""
    rows = _eager(rows)
    yield _csv_line(EVENT_COLUMNS)
    for row in rows:
        place = row.get("place") or {}
        flat = {**row, **code_fields(row.get("type")), "place_id": place.get("id"), "place_name": place.get("name")}
        yield _csv_line([csv_cell(flat.get(c)) for c in EVENT_COLUMNS])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's CSV injection list)."""


def csv_cell(value: object) -> str:
    """One CSV cell: empty for None; a text that a spreadsheet would run as a formula gets a leading '."""
    if value is None:
        return ""
    text = _scalar(value)
    if not isinstance(value, int | float) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _csv_line(values: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)  # RFC 4180; a lone \r in a cell is then quoted
    return buffer.getvalue()


def claims_jsonl(rows: Rows) -> Iterator[str]:
    """Claims as JSON Lines: the evidence fields, PLOVER category and mode, CAMEO root, both actors and the
    linked ids."""
    for row in _eager(rows):
        record = {**row["evidence"], **{k: v for k, v in row.items() if k != "evidence"}}
        record.update(code_fields(record.get("relation")))
        yield json.dumps(record, ensure_ascii=False) + "\n"


def export_chunks(fmt: ExportFormat, *, driver: Driver, database: str, where: q.ExportFilter) -> Iterator[str]:
    """The whole export as text chunks, read from the graph as it is written."""
    common: dict[str, Any] = {"driver": driver, "database": database, "where": where}
    parts: Iterator[str]
    if fmt is ExportFormat.GRAPHML:
        parts = graphml(q.tie_nodes(**common), lambda: q.tie_edges(**common))
    elif fmt is ExportFormat.GEXF:
        parts = gexf(q.tie_nodes(**common), lambda: q.tie_edges(**common))
    elif fmt is ExportFormat.CSV:
        parts = events_csv(q.events(**common))
    else:
        parts = claims_jsonl(q.claims(**common))
    return chunked(parts)
