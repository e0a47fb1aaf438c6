"""The CLI's read path refuses what the API refuses: a published date before year 1, with a sign, or in
the future is a per-file error (the files beside it still load); and a local file's identity is its path."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from loaders import load
from loaders.clean import clean
from loaders.load import LoadResult
from loaders.models import CleanArticle
from loaders.read import ReadFailure, read_source, read_sources

TEXT = "Ilse Varga met Tomas Brandt in Vienna on 3 May 2021."


def _record(folder: Path, name: str, published: object) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"url": f"https://example.org/{name}", "language": "en",
                                "published": published, "text": TEXT}))
    return path


@pytest.mark.parametrize("published", ["2999-01-01", "2999", "2999-03", "1 January 2999", 2999, "-1",
                                       "-0001-01-01", "0000-01-01", "+2021-06-24"])
def test_an_implausible_published_date_is_a_per_file_error(tmp_path: Path, published: object) -> None:
    _record(tmp_path, "bad", published)
    _record(tmp_path, "good", "2021-06-24")
    results = list(read_sources([str(tmp_path)]))
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.source for f in failures] == [str(tmp_path / "bad.json")]
    assert failures[0].code == "invalid_input" and "published" in failures[0].message
    assert [r.published for r in results if not isinstance(r, ReadFailure)] == ["2021-06-24"]


@pytest.mark.parametrize("published", ["2021-06-24", "2021", "0001-06", "24 June 2021", "2021-06-24T12:20:00+07:00"])
def test_a_plausible_published_date_is_kept(tmp_path: Path, published: str) -> None:
    [record] = read_source(str(_record(tmp_path, "a", published)))
    assert record.published == published


def test_tomorrow_is_allowed_for_time_zones_but_not_the_day_after(tmp_path: Path) -> None:
    tomorrow, after = date.today() + timedelta(days=1), date.today() + timedelta(days=2)
    assert read_source(str(_record(tmp_path, "t", tomorrow.isoformat())))
    with pytest.raises(Exception, match="future"):
        read_source(str(_record(tmp_path, "u", after.isoformat())))


def test_a_dateline_in_the_future_fails_that_file_in_a_load(tmp_path: Path) -> None:
    (tmp_path / "future.txt").write_text(f"Kompas.com - 24/06/2999, 12:20 WIB\n\n{TEXT}\n")
    (tmp_path / "fine.txt").write_text(f"Kompas.com - 24/06/2021, 12:20 WIB\n\n{TEXT}\n")
    selected = load._select([str(tmp_path)], shard=None)
    failed = [s for s in selected if isinstance(s, LoadResult)]
    assert [f.source for f in failed] == [str(tmp_path / "future.txt")] and "future" in (failed[0].error or "")
    assert [a.published for a in selected if isinstance(a, CleanArticle)] == ["2021-06-24T12:20:00+07:00"]


def test_a_local_file_is_identified_by_its_resolved_path_not_its_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(TEXT)
    [first] = read_source(str(path))
    path.write_text(TEXT + " Austria agreed to train Slovak pilots.")
    [edited] = read_source(str(tmp_path / "." / "note.txt"))
    assert first.identity == edited.identity == f"file:{path.resolve()}"
    assert clean(first).id == clean(edited).id
    twin = tmp_path / "copy.txt"
    twin.write_text(TEXT)
    [copy] = read_source(str(twin))
    assert clean(copy).id != clean(first).id and clean(copy).content_hash == clean(first).content_hash


def test_a_url_still_identifies_a_record_and_jsonl_lines_keep_their_text_identity(tmp_path: Path) -> None:
    [with_url] = read_source(str(_record(tmp_path, "u", "2021-06-24")))
    assert clean(with_url).id == clean(with_url.model_copy(update={"identity": None})).id
    lines = tmp_path / "batch.jsonl"
    lines.write_text(json.dumps({"language": "en", "text": TEXT}) + "\n")
    [line] = read_source(str(lines))
    assert line.identity is None


def test_a_record_cannot_set_its_own_identity(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"language": "en", "text": TEXT, "identity": "file:/etc/passwd"}))
    [record] = read_source(str(path))
    assert record.identity == f"file:{path.resolve()}"
