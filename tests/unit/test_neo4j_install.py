"""Assembling the local Neo4j's lib/ with Maven: no server, no database, but minutes on a cold cache."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from service.neo4j_local import LocalNeo4j
from service.settings import NEO4J_BROWSER_VERSION, NEO4J_VERSION, Settings

pytestmark = pytest.mark.slow


def test_concurrent_installs_leave_one_complete_cache(tmp_path: Path) -> None:
    settings = Settings(NEO4J_URI=None, TIESGRAPH_HOME=tmp_path / "home", TIESGRAPH_NEO4J_DATA=tmp_path / "i")
    managers = [LocalNeo4j(settings) for _ in range(2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        downloaded = list(pool.map(lambda m: m.install(), managers))
    assert sorted(downloaded) == [False, True]  # exactly one rename wins
    assert managers[0].installed()
    jars = {p.name for p in managers[0].lib_dir.glob("*.jar")}
    assert f"neo4j-server-{NEO4J_VERSION}.jar" in jars
    assert f"neo4j-browser-{NEO4J_BROWSER_VERSION}.jar" in jars
    assert [p.name for p in (tmp_path / "home").iterdir()] == [f"neo4j-{NEO4J_VERSION}"]  # no temp dirs left
    assert managers[1].install() is False
