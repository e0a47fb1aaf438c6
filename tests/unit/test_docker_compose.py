"""docker-compose.yml and the Dockerfile agree with the project (Docker itself cannot run here)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.settings import NEO4J_VERSION, Settings

REPO = Path(__file__).resolve().parents[2]
SETTINGS_ALIASES = {field.alias for field in Settings.model_fields.values() if field.alias}
_VARIABLE = re.compile(r"\$\{(\w+):-([^}]*)\}")


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's `${NAME:-default}` substitution (the only form the file uses)."""
    return _VARIABLE.sub(lambda m: env.get(m.group(1)) or m.group(2), value)


def published(compose: dict[str, Any], env: dict[str, str]) -> list[tuple[str, str, str]]:
    """(host address, host port, container port) of every published port, after substitution."""
    rows = []
    for service in compose["services"].values():
        for port in service.get("ports", ()):
            host, host_port, container = interpolate(port, env).rsplit(":", 2)
            rows.append((host, host_port, container))
    return rows


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    assert isinstance(data, dict)
    return data


def test_services_are_neo4j_the_api_and_the_one_shot_load(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"neo4j", "api", "load"}


def test_neo4j_image_is_the_pinned_community_version(compose: dict[str, Any]) -> None:
    match = re.fullmatch(r"neo4j:(\d+\.\d+\.\d+)-community", compose["services"]["neo4j"]["image"])
    assert match is not None
    assert match.group(1) == NEO4J_VERSION


def test_neo4j_publishes_bolt_and_http_keeps_data_in_a_named_volume(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert {(p, p) for p in ("7474", "7687")} <= {(h, c) for _, h, c in published({"services": {"n": neo4j}}, {})}
    volume, _, target = neo4j["volumes"][0].partition(":")
    assert target == "/data"
    assert volume in compose["volumes"]
    assert "test" in neo4j["healthcheck"]


def test_neo4j_password_comes_from_neo4j_password(compose: dict[str, Any]) -> None:
    auth = compose["services"]["neo4j"]["environment"]["NEO4J_AUTH"]
    assert auth.startswith("neo4j/${NEO4J_PASSWORD")


@pytest.mark.parametrize("service", ["api", "load"])
def test_tiesgraph_env_names_are_settings_aliases(compose: dict[str, Any], service: str) -> None:
    env = compose["services"][service]["environment"]
    assert set(env) <= SETTINGS_ALIASES
    assert {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"} <= set(env)
    assert env["NEO4J_URI"] == "neo4j://neo4j:7687"


def test_every_port_binds_to_localhost_unless_configured(compose: dict[str, Any]) -> None:
    ports = published(compose, {})
    assert {(h, c) for _, h, c in ports} == {("7474", "7474"), ("7687", "7687"), ("8000", "8000")}
    assert {host for host, _, _ in ports} == {"127.0.0.1"}
    assert {host for host, _, _ in published(compose, {"TIESGRAPH_BIND_HOST": "0.0.0.0"})} == {"0.0.0.0"}


def test_api_is_healthy_only_when_ready(compose: dict[str, Any]) -> None:
    check = compose["services"]["api"]["healthcheck"]
    command = " ".join(check["test"])
    assert check["test"][0] == "CMD" and "http://127.0.0.1:8000/v1/ready" in command
    assert check["retries"] >= 1 and check["interval"]


def test_load_runs_once_on_the_sample_articles_after_the_api_is_healthy(compose: dict[str, Any]) -> None:
    load = compose["services"]["load"]
    assert load["depends_on"]["api"]["condition"] == "service_healthy"
    assert load["restart"] == "no" and "ports" not in load
    command = load["command"]
    assert command[:2] == ["tiesgraph", "load"] and (REPO / command[-1]).is_dir()
    assert any((REPO / command[-1]).iterdir())
    assert "COPY data ./data" in (REPO / "Dockerfile").read_text()


def test_api_waits_for_a_healthy_neo4j_and_serves_on_all_interfaces(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert [(h, c) for _, h, c in published({"services": {"api": api}}, {})] == [("8000", "8000")]
    assert "tiesgraph serve --host 0.0.0.0" in " ".join(api["command"])


def test_dockerfile_builds_the_api_on_python_311() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.MULTILINE)
    assert "pip install ." in dockerfile
    assert 'CMD ["tiesgraph", "serve", "--host", "0.0.0.0"]' in dockerfile
