"""docker-compose.yml is a valid Compose file: by `docker compose config` when that CLI is installed, and
always by the Compose Specification's JSON schema (vendored from compose-spec/compose-spec, Apache-2.0,
tests/fixtures/compose/compose-spec.json), before and after `${VAR:-default}` substitution."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.unit.test_docker_compose import interpolate

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "tests" / "fixtures" / "compose" / "compose-spec.json").read_text(encoding="utf-8"))


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _substituted(node: Any) -> Any:
    """The file as Compose reads it with an empty environment: every `${VAR:-default}` its default."""
    if isinstance(node, str):
        return interpolate(node, {})
    if isinstance(node, list):
        return [_substituted(item) for item in node]
    if isinstance(node, dict):
        return {key: _substituted(value) for key, value in node.items()}
    return node


def _errors(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.mark.parametrize("substitute", [False, True], ids=["as-written", "substituted"])
def test_the_compose_file_matches_the_compose_schema(substitute: bool) -> None:
    document = _compose()
    assert _errors(_substituted(document) if substitute else document) == []


@pytest.mark.parametrize(("path", "value"), [
    (("services", "api", "healthcheck", "intervall"), "5s"),
    (("services", "api", "ports"), {"8000": "8000"}),
    (("services", "api", "depends_on", "neo4j", "condition"), "service_ready_soon"),
    (("services", "load", "restart_policy"), "no"),
])
def test_the_schema_check_catches_a_broken_compose_file(path: tuple[str, ...], value: object) -> None:
    document = copy.deepcopy(_compose())
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert _errors(document), f"{'/'.join(path)} = {value!r} passed the schema"


def _compose_cli() -> list[str] | None:
    """`docker compose` (the plugin) or `docker-compose`, when one of them runs here."""
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True, timeout=30).returncode == 0:
        return [docker, "compose"]
    standalone = shutil.which("docker-compose")
    return [standalone] if standalone else None


@pytest.mark.skipif(_compose_cli() is None, reason="no docker compose CLI here: the schema test stands in")
def test_docker_compose_config_accepts_the_file() -> None:
    cli = _compose_cli()
    assert cli is not None
    result = subprocess.run([*cli, "-f", str(REPO / "docker-compose.yml"), "config", "--quiet"],
                            capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
