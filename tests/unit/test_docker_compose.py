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


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    assert isinstance(data, dict)
    return data


def test_services_are_neo4j_and_the_api(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"neo4j", "api"}


def test_neo4j_image_is_the_pinned_community_version(compose: dict[str, Any]) -> None:
    match = re.fullmatch(r"neo4j:(\d+\.\d+\.\d+)-community", compose["services"]["neo4j"]["image"])
    assert match is not None
    assert match.group(1) == NEO4J_VERSION


def test_neo4j_publishes_bolt_and_http_keeps_data_in_a_named_volume(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert {"7474:7474", "7687:7687"} <= set(neo4j["ports"])
    volume, _, target = neo4j["volumes"][0].partition(":")
    assert target == "/data"
    assert volume in compose["volumes"]
    assert "test" in neo4j["healthcheck"]


def test_neo4j_password_comes_from_neo4j_password(compose: dict[str, Any]) -> None:
    auth = compose["services"]["neo4j"]["environment"]["NEO4J_AUTH"]
    assert auth.startswith("neo4j/${NEO4J_PASSWORD")


def test_api_env_names_are_settings_aliases(compose: dict[str, Any]) -> None:
    env = compose["services"]["api"]["environment"]
    assert set(env) <= SETTINGS_ALIASES
    assert {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"} <= set(env)
    assert env["NEO4J_URI"] == "neo4j://neo4j:7687"


def test_api_waits_for_a_healthy_neo4j_and_serves_on_all_interfaces(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert "8000:8000" in api["ports"]
    assert "tiesgraph serve --host 0.0.0.0" in " ".join(api["command"])


def test_dockerfile_builds_the_api_on_python_311() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.MULTILINE)
    assert "pip install ." in dockerfile
    assert 'CMD ["tiesgraph", "serve", "--host", "0.0.0.0"]' in dockerfile
