"""Refused settings: the CLI prints one line naming the setting, no traceback, no secret value."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PASSWORD, KEY = "hunter2-Pa55word", "k3y-that-must-not-leak"


@pytest.mark.parametrize("command", [["serve"], ["load", "nothing.txt"], ["schema", "apply"]])
@pytest.mark.parametrize(("env", "named"), [
    ({"TIESGRAPH_ENV": "production", "NEO4J_PASSWORD": PASSWORD, "TIESGRAPH_API_KEY": ""}, "TIESGRAPH_API_KEY"),
    ({"TIESGRAPH_ENV": "production", "NEO4J_PASSWORD": PASSWORD, "TIESGRAPH_API_KEY": KEY,
      "TIESGRAPH_API_PORT": f"{PASSWORD}{KEY}"}, "TIESGRAPH_API_PORT"),
])
def test_refused_settings_are_one_line_without_traceback_or_secret(
    command: list[str], env: dict[str, str], named: str
) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "TIESGRAPH_"))}
    result = subprocess.run([sys.executable, "-m", "service.cli", *command], env={**clean, **env}, cwd=REPO,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: refused settings:") and named in lines[0]
    assert PASSWORD not in result.stderr + result.stdout and KEY not in result.stderr + result.stdout
