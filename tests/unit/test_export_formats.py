"""Export writers without a database: what they write reads back in networkx and csv, whatever the names hold."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from service.export_formats import EVENT_COLUMNS, chunked, events_csv, gexf, graphml

NODES = [{"id": "XKX", "name": 'Ko & "Vo" <\x01x>', "type": "Country", "country": "XKX"},
         {"id": "per:ana-lima", "name": "Ana Lima", "type": "Person", "country": None}]
EDGES = [{"key": "MET_WITH|XKX|per:ana-lima", "relation": "MET_WITH", "source": "XKX", "target": "per:ana-lima",
          "support": 3, "articles": 2, "confidence": 0.9, "first_date": "2020", "last_date": None},
         {"key": "CRITICIZED|per:ana-lima|XKX", "relation": "CRITICIZED", "source": "per:ana-lima",
          "target": "XKX", "support": 1, "articles": 1, "confidence": None, "first_date": None,
          "last_date": None}]


def _rows(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    return iter([dict(r) for r in rows])


@pytest.mark.parametrize(("writer", "reader"), [
    (graphml, lambda p: nx.read_graphml(p, force_multigraph=True)),
    (gexf, lambda p: nx.read_gexf(p, version="1.3")),
])
def test_ties_read_back_with_names_escaped_and_control_characters_dropped(writer: Any, reader: Any,
                                                                         tmp_path: Path) -> None:
    path = tmp_path / "g.xml"
    path.write_text("".join(writer(_rows(NODES), lambda: _rows(EDGES))), encoding="utf-8")
    graph = reader(path)
    assert set(graph.nodes) == {"XKX", "per:ana-lima"} and graph.number_of_edges() == 2
    name = graph.nodes["XKX"].get("name") or graph.nodes["XKX"]["label"]
    assert name == 'Ko & "Vo" <x>'
    relations = {d["relation"]: d for _, _, d in graph.edges(data=True)}
    assert relations["MET_WITH"]["plover"] == "CONSULT" and relations["CRITICIZED"]["plover"] == "ACCUSE"
    assert relations["MET_WITH"]["symmetric"] is True and relations["CRITICIZED"]["symmetric"] is False
    assert relations["CRITICIZED"]["plover_mode"] == "disapprove" and relations["CRITICIZED"]["cameo"] == "11"
    assert relations["MET_WITH"]["cameo"] == "04"


def test_events_csv_flattens_the_place_and_leaves_missing_values_empty() -> None:
    row = {"event_id": "evt:1", "date": "2020-05", "type": "Visit", "plover": "CONSULT", "support": 2,
           "place": {"id": "plc:lima", "name": "Lima, Peru"}, "source_id": "per:ana-lima"}
    parsed = list(csv.DictReader(io.StringIO("".join(events_csv(iter([row, {"event_id": "evt:2"}]))))))
    assert tuple(parsed[0]) == EVENT_COLUMNS
    assert parsed[0]["place_name"] == "Lima, Peru" and parsed[0]["support"] == "2"
    assert parsed[1]["event_id"] == "evt:2" and parsed[1]["plover"] == "" and parsed[1]["place_id"] == ""


def test_chunked_keeps_every_character_in_fewer_pieces() -> None:
    parts = [f"line {i}\n" for i in range(1000)]
    chunks = list(chunked(parts, size=500))
    assert "".join(chunks) == "".join(parts) and 1 < len(chunks) < len(parts)


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_events_csv_defuses_text_a_spreadsheet_would_run_as_a_formula(name: str) -> None:
    row = {"event_id": "evt:1", "name": name, "support": 3, "place": {"id": "plc:x", "name": name}}
    [parsed] = list(csv.DictReader(io.StringIO("".join(events_csv(iter([row]))))))
    assert parsed["name"] == "'" + name and parsed["place_name"] == "'" + name
    assert parsed["support"] == "3" and parsed["event_id"] == "evt:1"


def test_events_csv_leaves_numbers_and_plain_text_alone() -> None:
    row = {"event_id": "evt:1", "name": "Visit: Peru → Chile", "support": -1}
    [parsed] = list(csv.DictReader(io.StringIO("".join(events_csv(iter([row]))))))
    assert parsed["name"] == "Visit: Peru → Chile" and parsed["support"] == "-1"


def _counted(n: int, read: list[int], *, nodes: bool = False) -> Iterator[dict[str, Any]]:
    """n event (or node) rows, counting in `read` how many the writer has pulled so far."""
    for i in range(n):
        read[0] += 1
        yield {"id": f"n{i}", "name": f"N {i}", "type": "Country", "country": None} if nodes else \
            {"id": f"evt:{i}", "type": "MET_WITH", "date": "2020-01-01", "place": None}


@pytest.mark.parametrize("writer", ["events", "graphml", "gexf"])
def test_writers_stream_rows_as_they_come_not_the_whole_graph_first(writer: str) -> None:
    """A large export is written while its rows are read: after the first chunks, only the rows those
    chunks hold have been pulled from the database cursor, not all of them."""
    read = [0]
    total = 50_000
    if writer == "events":
        parts = events_csv(_counted(total, read))
    else:
        parts = (graphml if writer == "graphml" else gexf)(_counted(total, read, nodes=True), lambda: iter(()))
    stream = chunked(parts)
    first = next(stream)
    assert first and read[0] < total // 10, read[0]
    rest = "".join(stream)
    assert read[0] == total and len(first) + len(rest) > total * 10
