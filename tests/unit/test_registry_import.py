"""The registry import on a tiny invented snapshot (tests/fixtures/registry/): kept offices, titles, dates,
and the same bytes on every run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from loaders.registry_import import build, classify, dumps, load_rules

FIXTURES = Path(__file__).parent.parent / "fixtures" / "registry"
_GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2022-08-01T10:00:00+00:00",
            "GIT_COMMITTER_DATE": "2022-08-01T10:00:00+00:00"}


def _snapshot(tmp_path: Path, name: str) -> Path:
    """A git repository of one fixture folder, laid out like a mirror (<owner>+<name>/repo/.git)."""
    work = tmp_path / name / "repo"
    shutil.copytree(FIXTURES / name, work)
    env = {**os.environ, **_GIT_ENV}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", *args], cwd=work, env=env, check=True, capture_output=True)
    return work / ".git"


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    tmp = tmp_path_factory.mktemp("mirror")
    return [_snapshot(tmp, p.name) for p in sorted(FIXTURES.iterdir())]


def test_the_same_snapshots_give_the_same_bytes(snapshots: list[Path]) -> None:
    first = dumps(build(snapshots))
    again = dumps(build(list(reversed(snapshots))))
    assert first == again
    json.loads(first)  # one JSON document


def test_only_defence_and_diplomatic_offices_are_kept(snapshots: list[Path]) -> None:
    data = build(snapshots)
    names = {p.name for p in data.persons}
    assert {"Pyotr Testov", "Oleg Testov", "Mikhail Primov", "Anna Posolova", "Rita Presidenta"} <= names
    assert not names & {"Ivan Zamov", "Boris Schetov", "Tom Sportsman"}  # deputy, finance, sport
    assert "Q900000007" not in names  # a person without an English label


def test_titles_dates_and_sources(snapshots: list[Path]) -> None:
    data = build(snapshots)
    person = {p.name: p for p in data.persons}
    assert [(r.title, r.org_kind, r.start, r.end) for r in person["Pyotr Testov"].roles] == [
        ("Minister of Defence of Russia", "defence_ministry", "2001-03-28", "2007-02-15")]
    assert [r.title for r in person["Anna Posolova"].roles] == ["Ambassador of Russia to France"]
    # the duplicate row is one role; the world table's year-only copy of a fully dated role is dropped
    assert [(r.start, r.end) for r in person["Mikhail Primov"].roles] == [("2004-03-05", "2007-09-14")]
    assert person["Rita Presidenta"].roles[0].title == "President of Brazil"
    assert person["Pyotr Testov"].qid == "Q900000001" and person["Pyotr Testov"].id == "per:pyotr-testov"
    assert {s.repo for s in data.sources} == {"every-politician-scrapers/russia-cabinet",
                                               "every-politician-scrapers/world-leaders-2021"}
    assert all(len(s.commit) == 40 and s.date == "2022-08-01" for s in data.sources)
    assert data.date == "2022-08-01"


@pytest.mark.parametrize(("label", "title"), [
    ("Minister of National Defence", "Minister of Defence"),
    ("Secretary of Defense", "Minister of Defence"),
    ("Minister for Europe and Foreign Affairs", "Minister of Foreign Affairs"),
    ("Minister of External Relations", "Minister of Foreign Affairs"),
    ("Minister of Internal Affairs", "Minister of the Interior"),
    ("Premier of the State Council", "Prime Minister"),
    ("Chief of the General Staff", "Chief of the General Staff"),
    ("President of Ruritania", "President"),
    ("Deputy Minister of Defence", None),
    ("Minister for Defence Industry", None),
    ("Minister of Health", None),
    ("President of the Senate", None),
])
def test_position_labels_map_to_the_projects_roles(label: str, title: str | None) -> None:
    hit = classify(label, ["Ruritania"], load_rules())
    assert (hit[0].title if hit else None) == title
