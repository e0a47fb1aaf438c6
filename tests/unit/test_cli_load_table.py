"""The load table: the stored article's id and duplicate_of, and a compact layout on narrow terminals."""

from __future__ import annotations

import pytest
from rich.console import Console

from loaders.load import LoadResult
from loaders.write import WriteSummary
from service.cli_loaders import COMPACT_BELOW, results_table

RESULTS = [
    LoadResult(source="/data/a.txt", article_id="art:aaa", status="created",
               summary=WriteSummary(article_id="art:aaa", status="created", entities=4, claims=3, events=2, ties=1)),
    LoadResult(source="/data/a.json", article_id="art:bbb", status="unchanged",
               summary=WriteSummary(article_id="art:bbb", status="unchanged", duplicate_of="art:aaa")),
    LoadResult(source="http://news.example/x", status="failed", error="HTTP 404", error_code="fetch_failed"),
]


def _render(width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    console.print(results_table(RESULTS, width=width))
    return console.export_text().splitlines()


def _row(lines: list[str], source: str) -> str:
    [line] = [line for line in lines if source in line]
    return line


def test_the_wide_table_shows_the_stored_id_duplicate_of_and_counts() -> None:
    lines = _render(160)
    header = next(line for line in lines if "source" in line)
    assert all(word in header for word in ("article", "duplicate_of", "status", "entities", "ties"))
    cells = [cell.strip() for cell in _row(lines, "a.json").split("│")]
    assert cells[2:4] == ["art:aaa", "art:aaa"]  # the stored twin, not the id the .json would have had
    created = _row(lines, "a.txt")
    assert "art:aaa" in created and [c.strip() for c in created.split("│")[-5:-1]] == ["4", "3", "2", "1"]


@pytest.mark.parametrize("width", [60, COMPACT_BELOW - 1])
def test_a_narrow_terminal_gets_the_compact_layout_within_its_width(width: int) -> None:
    lines = _render(width)
    assert all(len(line) <= width for line in lines)
    assert not any("entities" in line for line in lines if "│" in line)
    assert "4/3/2/1" in _row(lines, "a.txt")
    duplicate = lines.index(_row(lines, "a.json"))
    assert "art:aaa" in lines[duplicate] and "(duplicate)" in " ".join(lines[duplicate:duplicate + 2])
    assert "written: entities/claims/events/ties" in "\n".join(lines)
