"""The local Neo4j manager's lifecycle, on an instance folder and ports of its own.

Ports come from TIESGRAPH_TEST_MANAGER_BOLT_PORT / TIESGRAPH_TEST_MANAGER_HTTP_PORT (17690 / 17480), so
this module never touches the session's test server nor a developer's instance. The tests run in file
order: start, use, stop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.neo4j_local import LocalNeo4j
from service.settings import Settings

PASSWORD = "manager-test-pw"
TIESGRAPH = Path(sys.executable).parent / "tiesgraph"


@pytest.fixture(scope="module")
def instance_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment describing this module's own instance (as a user would set it for the CLI)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "TIESGRAPH_"))}
    if "TIESGRAPH_HOME" in os.environ:  # share the machine's jar cache
        env["TIESGRAPH_HOME"] = os.environ["TIESGRAPH_HOME"]
    env.update(
        TIESGRAPH_NEO4J_DATA=str(tmp_path_factory.mktemp("manager") / "neo4j"),
        TIESGRAPH_NEO4J_BOLT_PORT=os.environ.get("TIESGRAPH_TEST_MANAGER_BOLT_PORT", "17690"),
        TIESGRAPH_NEO4J_HTTP_PORT=os.environ.get("TIESGRAPH_TEST_MANAGER_HTTP_PORT", "17480"),
        TIESGRAPH_NEO4J_HEAP="256m",
        TIESGRAPH_NEO4J_PAGECACHE="128m",
        NEO4J_PASSWORD=PASSWORD,
    )
    return env


@pytest.fixture(scope="module")
def manager(instance_env: dict[str, str]) -> Iterator[LocalNeo4j]:
    """A manager for this module's instance; whatever happens, the instance is stopped at the end."""
    settings = Settings(**{k: v for k, v in instance_env.items() if k.startswith(("NEO4J_", "TIESGRAPH_"))})
    mgr = LocalNeo4j(settings)
    try:
        yield mgr
    finally:
        mgr.stop()


def tiesgraph(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed `tiesgraph` command with `env`."""
    return subprocess.run(
        [str(TIESGRAPH), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def processes_naming(folder: Path) -> list[str]:
    """Command lines of live processes that mention `folder` (zombies excluded)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[-1].split()[0]
        except OSError:
            continue
        if str(folder) in cmd and state != "Z":
            found.append(cmd)
    return found


def test_start_via_cli_reports_bolt_and_browser(manager: LocalNeo4j, instance_env: dict[str, str]) -> None:
    result = tiesgraph(instance_env, "neo4j", "start")
    assert result.returncode == 0, result.stderr + result.stdout
    assert manager.settings.bolt_uri in result.stdout
    assert manager.settings.browser_url in result.stdout


def test_status_is_running(manager: LocalNeo4j) -> None:
    status = manager.status()
    assert status.running
    assert status.pid is not None
    assert status.data_dir == manager.home


def test_cypher_cli_prints_one_json_object_per_row(instance_env: dict[str, str]) -> None:
    result = tiesgraph(instance_env, "cypher", "RETURN 1 AS one")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '{"one": 1}'


def test_cypher_cli_passes_params_and_converts_temporal_values(instance_env: dict[str, str]) -> None:
    result = tiesgraph(
        instance_env, "cypher", "UNWIND $xs AS x RETURN x, date($d) AS d", "--param", "xs=[1,2]",
        "--param", "d=2021-06-24",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [{"x": 1, "d": "2021-06-24"}, {"x": 2, "d": "2021-06-24"}]


def test_cypher_cli_reports_a_syntax_error_without_traceback(instance_env: dict[str, str]) -> None:
    result = tiesgraph(instance_env, "cypher", "RETURN RETURN")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_second_start_is_a_noop(manager: LocalNeo4j) -> None:
    pid = manager.status().pid
    assert manager.start() is False
    assert manager.status().pid == pid


def test_browser_is_served(manager: LocalNeo4j) -> None:
    with urllib.request.urlopen(manager.settings.browser_url, timeout=10) as response:
        assert response.status == 200
        assert "text/html" in response.headers["Content-Type"]
        assert "<html" in response.read().decode(errors="replace").lower()


def test_stop_leaves_no_jvm_and_a_second_stop_is_a_noop(
    manager: LocalNeo4j, instance_env: dict[str, str]
) -> None:
    result = tiesgraph(instance_env, "neo4j", "stop")
    assert result.returncode == 0, result.stderr
    assert "Stopped" in result.stdout
    assert not manager.status().running
    assert processes_naming(manager.home) == []
    again = tiesgraph(instance_env, "neo4j", "stop")
    assert again.returncode == 0
    assert "not running" in again.stdout
