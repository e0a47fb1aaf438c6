"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright, and the API in a thread.

Chromium comes from the distribution (`scripts/install-chromium.sh`), never from `playwright install`.
The tests skip only when /usr/bin/chromium is missing and that script cannot install it.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from neo4j import Driver

from service.settings import Settings

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
INSTALL_SCRIPT = REPO / "scripts" / "install-chromium.sh"
ARTIFACTS = REPO / "test-artifacts"
SEED_ARTICLE = REPO / "data" / "articles" / "kompas-2021-06-24-rusia-myanmar.txt"

CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Without these, Chromium calls Google's hosts at start, which this machine's closed network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Path of Debian's Chromium, installed by scripts/install-chromium.sh when missing (else skip)."""
    if not CHROMIUM.exists():
        result = subprocess.run(["bash", str(INSTALL_SCRIPT)], capture_output=True, text=True, check=False)
        if result.returncode != 0 or not CHROMIUM.exists():
            pytest.skip(
                f"{CHROMIUM} is missing and scripts/install-chromium.sh could not install it: "
                + (result.stderr.strip().splitlines() or ["(no output)"])[-1]
            )
    return CHROMIUM


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class RunningApi:
    """The API serving in a background thread; `settings.api_url` is where it answers."""

    def __init__(self, settings: Settings, *, at_configured_url: bool) -> None:
        self.settings = settings
        self.at_configured_url = at_configured_url
        """True when it runs where the test Neo4j's post_connect_cmd points (so that command is exercised)."""

    @property
    def url(self) -> str:
        """Base URL of the running API."""
        return self.settings.api_url


@pytest.fixture(scope="session")
def running_api(neo4j_settings: Settings) -> Iterator[RunningApi]:
    """create_app(settings) under uvicorn in a thread, at the URL the test Neo4j's conf names when free."""
    from service.app import create_app

    host = "127.0.0.1"
    configured = neo4j_settings.api_port
    at_configured = neo4j_settings.api_url == f"http://{host}:{configured}" and _port_free(host, configured)
    port = configured if at_configured else _free_port(host)
    settings = neo4j_settings.model_copy(update={"api_host": host, "api_port": port, "api_public_url": None})
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="tiesgraph-api", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail(f"the API did not start on {host}:{port}")
        time.sleep(0.05)
    try:
        yield RunningApi(settings, at_configured_url=at_configured)
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="module")
def seed_graph(driver: Driver, schema_applied: list[str], neo4j_settings: Settings) -> Driver:
    """The graph holding exactly the bundled seed article, loaded by the project's loader (once per module)."""
    from loaders.load import load_sources

    database = neo4j_settings.neo4j_database
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=database)
    results = load_sources(driver, [str(SEED_ARTICLE)], database=database, progress=False)
    assert [r.status for r in results] == ["created"], results
    return driver


@pytest.fixture
def user_data_dir() -> Iterator[Path]:
    """A fresh, empty Chromium profile per test (no stored Browser credentials or styles)."""
    path = Path(tempfile.mkdtemp(prefix="tiesgraph-chromium-"))
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(path, ignore_errors=True)
