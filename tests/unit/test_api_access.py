"""Access settings without a database: reads that require a key need one configured (else the process
refuses to start), keys are compared in constant time, and CORS answers only the configured origins."""

from __future__ import annotations

import hmac
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from service import deps
from tests.unit.test_api_errors import KEY, make_client, make_settings

REPO = Path(__file__).resolve().parents[2]
ALLOWED, OTHER = "https://analysts.example.org", "https://evil.example.net"


def test_read_key_required_without_a_key_is_refused() -> None:
    with pytest.raises(ValidationError, match="TIESGRAPH_READ_KEY_REQUIRED is true but TIESGRAPH_API_KEY"):
        make_settings(TIESGRAPH_READ_KEY_REQUIRED="true")
    assert make_settings(TIESGRAPH_READ_KEY_REQUIRED="true", TIESGRAPH_API_KEY=KEY).api_read_key_required


def test_serve_with_read_key_required_and_no_key_is_one_line_and_exit_2() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "TIESGRAPH_"))}
    env["TIESGRAPH_READ_KEY_REQUIRED"] = "true"
    result = subprocess.run([sys.executable, "-m", "service.cli", "serve"], env=env, cwd=REPO,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "TIESGRAPH_READ_KEY_REQUIRED" in lines[0], result.stderr


def test_keys_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(deps.hmac, "compare_digest", spy)
    _, client = make_client(make_settings(TIESGRAPH_API_KEY=KEY, TIESGRAPH_READ_KEY_REQUIRED="true"))
    assert client.get("/v1/entities", headers={"X-API-Key": "almost-" + KEY}).status_code == 401
    assert compared == [(("almost-" + KEY).encode(), KEY.encode())]


def _preflight(origin: str, settings_cors: str | None) -> dict[str, str]:
    overrides = {} if settings_cors is None else {"TIESGRAPH_CORS_ORIGINS": settings_cors}
    _, client = make_client(make_settings(**overrides))
    response = client.options("/v1/entities", headers={"Origin": origin, "Access-Control-Request-Method": "GET",
                                                       "Access-Control-Request-Headers": "X-API-Key"})
    return {k.lower(): v for k, v in response.headers.items()}


def test_cors_allows_only_the_configured_origins() -> None:
    allowed = _preflight(ALLOWED, f"{ALLOWED}, https://other.example.org")
    assert allowed["access-control-allow-origin"] == ALLOWED
    assert "x-api-key" in allowed["access-control-allow-headers"].lower()
    assert "access-control-allow-origin" not in _preflight(OTHER, ALLOWED)
    assert "access-control-allow-origin" not in _preflight(ALLOWED, None)  # none configured: no CORS at all


def test_cors_leaves_the_browser_assets_public() -> None:
    _, client = make_client(make_settings(TIESGRAPH_CORS_ORIGINS=ALLOWED))
    response = client.get("/browser/style.grass", headers={"Origin": OTHER})
    assert response.status_code == 200 and response.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize("bad", ["example.org", "https://example.org/path", "javascript:alert(1)"])
def test_a_cors_origin_must_be_an_origin(bad: str) -> None:
    with pytest.raises(ValidationError, match="TIESGRAPH_CORS_ORIGINS"):
        make_settings(TIESGRAPH_CORS_ORIGINS=bad)
