"""Probe results for docs/reliability.md: each probe appends one JSON line to the file named by
`TIESGRAPH_RELIABILITY_REPORT` (nothing is written when it is unset, as in `make test`);
`scripts/reliability.py` renders the lines as the report."""

from __future__ import annotations

import json
import os

from pydantic import BaseModel


class ProbeResult(BaseModel):
    """One probe: what was tried, how often, what was lost, and the time bound it had to hold."""

    probe: str
    what: str
    tried: int
    lost: int
    bound_s: float | None = None
    worst_s: float | None = None
    notes: str = ""


def record(result: ProbeResult) -> None:
    """Append ``result`` to the report file, if one is configured."""
    path = os.environ.get("TIESGRAPH_RELIABILITY_REPORT")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(result.model_dump()) + "\n")


def count(name: str, default: int) -> int:
    """A probe's repetition count: ``TIESGRAPH_<NAME>`` (set by `make reliability`) or the bounded default."""
    return int(os.environ.get(f"TIESGRAPH_{name.upper()}", str(default)))
