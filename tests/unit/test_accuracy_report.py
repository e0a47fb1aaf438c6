"""scripts/accuracy_report.py: the generated section of docs/accuracy.md (invented scores, no corpus)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests.factories import script_module

ROOT = Path(__file__).resolve().parents[2]


def _module() -> ModuleType:
    return script_module("accuracy_report")


def _row(article: str, gold: int, produced: int, matched: int, missed: list[str],
         wrong: list[str]) -> dict[str, object]:
    return {"article": article, "gold": gold, "produced": produced, "matched": matched, "date_agreed": matched,
            "forbidden": 0, "missed": [{"relation": r} for r in missed], "wrong": [{"relation": r} for r in wrong]}


ROWS = [_row("01-a", 4, 3, 3, ["VISITED"], []), _row("20-b", 6, 4, 2, ["MET_WITH"] * 3 + ["VISITED"], ["MET_WITH"] * 2)]


def test_totals_per_batch_language_relation_and_article() -> None:
    report = _module()
    text = report.render(ROWS, {"01-a": "fr", "20-b": "de"}, {"VISITED": 4, "MET_WITH": 6}, commit="abc",
                         day="2026-01-02")
    lines = text.splitlines()
    assert "| dev 01–18 | 4 | 3 | 3 | 1.00 | 0.75 | 0.86 | 3/3 | 0 |" in lines
    assert "| dev 19–20 | 6 | 4 | 2 | 0.50 | 0.33 | 0.40 | 2/2 | 0 |" in lines
    assert "| **all 2** | 10 | 7 | 5 | 0.71 | 0.50 | 0.59 | 5/5 | 0 |" in lines
    assert "| de | 6 | 4 | 2 | 0.50 | 0.33 | 0.40 | 2/2 | 0 |" in lines
    # MET_WITH: 6 gold, 3 missed -> 3 matched, 2 wrong -> 5 produced; VISITED: 4 gold, 2 missed
    assert "| MET_WITH | 6 | 5 | 3 | 0.60 | 0.50 |" in lines
    assert "| VISITED | 4 | 2 | 2 | 1.00 | 0.50 |" in lines
    assert "| 20-b (de) | 6 | 4 | 2 | 0.50 | 0.33 | 0.40 | 2/2 | 0 |" in lines


def test_splice_keeps_the_hand_written_parts() -> None:
    report = _module()
    section = report.render(ROWS, {}, {}, commit="abc", day="2026-01-02")
    doc = "# Accuracy\n\n## First sight\nkept\n"
    once = report.splice(doc, section)
    again = report.splice(once.replace("abc", "old"), section)
    assert once.startswith(doc.rstrip("\n")) and "kept" in once
    assert again == once  # the generated part is replaced, not appended twice


def test_the_speed_line_measures_the_records_given(tmp_path: Path) -> None:
    record = {"url": "https://example.org/a", "language": "en", "published": "2023-03-15",
              "text": "Chile recently delivered patrol boats to Peru.\nThe two navies met in Lima."}
    path = tmp_path / "01-a.json"
    path.write_text(__import__("json").dumps(record), encoding="utf-8")
    line = _module().extraction_speed([path], rounds=2)
    assert line.startswith("Extraction (clean + extract, no database) of the 1 records: best **")
    assert "over 2 passes" in line
