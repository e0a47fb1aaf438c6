"""neo4j.conf, the Maven pom and the small parsers of the local Neo4j manager (no database, no Java)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from service.neo4j_files import (
    JVM_ADDITIONAL,
    browser_allowlist,
    parse_java_major,
    render_neo4j_conf,
    render_pom,
    tail,
)
from service.settings import NEO4J_BROWSER_VERSION, NEO4J_VERSION, Settings

LIB = Path("/cache/tiesgraph/neo4j-x/lib")


def conf_of(settings: Settings) -> dict[str, list[str]]:
    """neo4j.conf as setting name → values (repeatable settings keep every value, in order)."""
    parsed: dict[str, list[str]] = {}
    for line in render_neo4j_conf(settings, lib_dir=LIB).splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            parsed.setdefault(key, []).append(value)
    return parsed


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        NEO4J_URI=None,
        TIESGRAPH_NEO4J_DATA=tmp_path / "inst",
        TIESGRAPH_NEO4J_BOLT_PORT=17001,
        TIESGRAPH_NEO4J_HTTP_PORT=17002,
        TIESGRAPH_NEO4J_HEAP="512m",
        TIESGRAPH_NEO4J_PAGECACHE="256m",
        TIESGRAPH_API_PORT=8123,
    )


def test_conf_takes_ports_memory_and_folders_from_settings(settings: Settings) -> None:
    conf = conf_of(settings)
    assert conf["server.bolt.listen_address"] == [":17001"]
    assert conf["server.http.listen_address"] == [":17002"]
    assert conf["server.default_listen_address"] == ["127.0.0.1"]
    assert conf["server.memory.heap.max_size"] == ["512m"]
    assert conf["server.memory.heap.initial_size"] == ["512m"]
    assert conf["server.memory.pagecache.size"] == ["256m"]
    assert conf["server.directories.lib"] == [str(LIB)]
    for name in ("data", "logs", "run", "plugins", "import"):
        assert conf[f"server.directories.{name}"] == [str(settings.data_dir / name)]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("server.https.enabled", "false"),
        ("dbms.usage_report.enabled", "false"),
        ("dbms.security.auth_enabled", "true"),
    ],
)
def test_conf_fixed_settings(settings: Settings, key: str, value: str) -> None:
    assert conf_of(settings)[key] == [value]


def test_conf_carries_the_whole_jvm_block_in_order(settings: Settings) -> None:
    assert conf_of(settings)["server.jvm.additional"] == list(JVM_ADDITIONAL)
    assert "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" in JVM_ADDITIONAL


def test_browser_may_fetch_only_from_the_api_host(settings: Settings) -> None:
    conf = conf_of(settings)
    allow = conf["browser.remote_content_hostname_whitelist"][0]
    assert "*" not in allow
    assert allow.split(",") == ["http://127.0.0.1:8123", "http://127.0.0.1"]
    assert conf["browser.post_connect_cmd"] == [
        "style http://127.0.0.1:8123/browser/style.grass; play http://127.0.0.1:8123/browser/guide.html"
    ]


def test_browser_allowlist_follows_the_public_api_url(tmp_path: Path) -> None:
    s = Settings(TIESGRAPH_NEO4J_DATA=tmp_path, TIESGRAPH_API_PUBLIC_URL="https://ties.example.org/")
    assert browser_allowlist(s.api_url) == "https://ties.example.org"
    assert "play https://ties.example.org/browser/guide.html" in conf_of(s)["browser.post_connect_cmd"][0]


def test_browser_allowlist_refuses_a_relative_url() -> None:
    with pytest.raises(ValueError):
        browser_allowlist("/browser")


def test_pom_depends_on_exactly_the_pinned_server_and_browser() -> None:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.fromstring(render_pom())
    assert root.findtext("m:packaging", namespaces=ns) == "pom"
    deps = {
        (d.findtext("m:groupId", namespaces=ns), d.findtext("m:artifactId", namespaces=ns)): d.findtext(
            "m:version", namespaces=ns
        )
        for d in root.iterfind("m:dependencies/m:dependency", ns)
    }
    assert deps == {
        ("org.neo4j", "neo4j"): NEO4J_VERSION,
        ("org.neo4j.client", "neo4j-browser"): NEO4J_BROWSER_VERSION,
    }


def test_neo4j_version_is_an_exact_526_release() -> None:
    major, minor, patch = NEO4J_VERSION.split(".")
    assert (major, minor) == ("5", "26")
    assert patch.isdigit()


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('openjdk version "21" 2023-09-19', 21),
        ('java version "1.8.0_392"', 8),
        ("no java here", None),
    ],
)
def test_parse_java_major(output: str, major: int | None) -> None:
    assert parse_java_major(output) == major


@pytest.mark.parametrize(("n", "expected"), [(2, "b\nc"), (5, "a\nb\nc"), (0, "")])
def test_tail_keeps_the_last_lines(n: int, expected: str) -> None:
    assert tail("a\nb\nc\n", n) == expected
