"""The README's docker-compose commands are ones docker-compose.yml supports: each `docker compose`
subcommand and option is Compose's, every service it names is in the file, every variable it sets is one the
file reads, and every local address it opens is a port the file publishes (Docker cannot run here)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.unit.test_docker_compose import published

REPO = Path(__file__).resolve().parents[2]

# The Compose CLI's subcommands the README may use, with the options it may give them (from `docker compose
# <cmd> --help`, Compose v2); an option outside this table is a typo or a flag of another tool.
COMPOSE_OPTIONS: dict[str, set[str]] = {
    "up": {"-d", "--detach", "--build", "--wait", "--no-build", "--force-recreate", "--remove-orphans"},
    "down": {"-v", "--volumes", "--remove-orphans", "--rmi"},
    "logs": {"-f", "--follow", "--tail", "-t", "--timestamps"},
    "ps": {"-a", "--all", "-q", "--quiet"},
    "run": {"--rm", "-e", "--env", "--no-deps"},
    "config": {"-q", "--quiet", "--services"},
    "build": {"--pull", "--no-cache"},
    "exec": {"-T", "-e", "--env"},
    "restart": set(), "stop": set(), "start": set(), "pull": set(),
}
_ASSIGNMENT = re.compile(r"^([A-Z_][A-Z0-9_]*)=")
_LOCAL_URL = re.compile(r"https?://(?:127\.0\.0\.1|localhost):(\d+)")
_VARIABLE = re.compile(r"\$\{(\w+)(?::-[^}]*)?\}")


def _section(markdown: str, title: str) -> str:
    """The text of the ``## title`` section."""
    start = markdown.index(f"## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start:end if end != -1 else None]


def _shell_lines(section: str) -> list[str]:
    """The command lines of the section's ```bash blocks, comments dropped."""
    blocks = re.findall(r"```(?:bash|sh|console)\n(.*?)```", section, flags=re.S)
    lines = [line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line]


def compose_commands(lines: list[str]) -> list[tuple[dict[str, str], list[str]]]:
    """(variables set before it, arguments after ``docker compose``) of every compose command line."""
    commands = []
    for line in lines:
        words = shlex.split(line)
        env: dict[str, str] = {}
        while words and (match := _ASSIGNMENT.match(words[0])):
            env[match.group(1)] = words.pop(0)[match.end():]
        if words[:2] == ["docker", "compose"]:
            commands.append((env, words[2:]))
    return commands


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def section() -> str:
    return _section((REPO / "README.md").read_text(encoding="utf-8"), "docker-compose")


def test_the_readme_gives_the_three_commands_up_open_and_down(section: str) -> None:
    commands = compose_commands(_shell_lines(section))
    assert [args[0] for _, args in commands] == ["up", "down"]
    assert any(line.startswith("open ") for line in _shell_lines(section))


def test_every_readme_compose_command_is_a_compose_subcommand_with_its_options(
    section: str, compose: dict[str, Any]
) -> None:
    for _, (command, *rest) in compose_commands(_shell_lines(section)):
        assert command in COMPOSE_OPTIONS, command
        options = [word for word in rest if word.startswith("-")]
        assert set(options) <= COMPOSE_OPTIONS[command], (command, options)
        services = [word for word in rest if not word.startswith("-")]
        assert set(services) <= set(compose["services"]), (command, services)


def test_the_variables_the_readme_sets_are_ones_the_compose_file_reads(section: str) -> None:
    read = set(_VARIABLE.findall((REPO / "docker-compose.yml").read_text(encoding="utf-8")))
    for env, _ in compose_commands(_shell_lines(section)):
        assert set(env) <= read, set(env) - read
    mentioned = set(re.findall(r"`(TIESGRAPH_\w+|NEO4J_\w+)=?[^`]*`", section))
    assert mentioned <= read | {"TIESGRAPH_API_KEY"}, mentioned - read  # the key is set, never defaulted


def test_the_addresses_the_readme_opens_are_ports_the_compose_file_publishes(
    section: str, compose: dict[str, Any]
) -> None:
    ports = {host_port for host, host_port, _ in published(compose, {}) if host == "127.0.0.1"}
    opened = set(_LOCAL_URL.findall(section))
    assert opened and opened <= ports, opened - ports


def test_the_services_the_readme_names_exist(section: str, compose: dict[str, Any]) -> None:
    named = set(re.findall(r"`(\w+)` service", section)) | set(re.findall(r"one-shot `(\w+)`", section))
    assert named and named <= set(compose["services"]), named


def test_the_compose_files_own_usage_comment_is_a_supported_command(compose: dict[str, Any]) -> None:
    header = [line.lstrip("# ").strip() for line in
              (REPO / "docker-compose.yml").read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    commands = compose_commands([line for line in header if "docker compose" in line])
    read = set(_VARIABLE.findall((REPO / "docker-compose.yml").read_text(encoding="utf-8")))
    assert commands
    for env, (command, *rest) in commands:
        assert command in COMPOSE_OPTIONS and {w for w in rest if w.startswith("-")} <= COMPOSE_OPTIONS[command]
        assert set(env) <= read and {w for w in rest if not w.startswith("-")} <= set(compose["services"])


@pytest.mark.parametrize(("line", "parsed"), [
    ("NEO4J_PASSWORD=p docker compose up -d --build", ({"NEO4J_PASSWORD": "p"}, ["up", "-d", "--build"])),
    ("docker compose logs -f api", ({}, ["logs", "-f", "api"])),
])
def test_a_compose_line_is_read_as_its_variables_and_arguments(
    line: str, parsed: tuple[dict[str, str], list[str]]
) -> None:
    assert compose_commands([line]) == [parsed]


def test_a_command_naming_no_service_of_the_file_would_be_caught(compose: dict[str, Any]) -> None:
    [(_, (_, *rest))] = compose_commands(["docker compose logs -f web"])
    assert not set(rest[1:]) <= set(compose["services"])
