"""`tiesgraph watch` helpers: the interval grammar and the one line a round prints."""

from __future__ import annotations

import re

import pytest

from loaders.load import LoadResult
from service.cli_feeds import parse_interval, round_line


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900.0), ("30s", 30.0), ("1h", 3600.0), ("1d", 86400.0),
                                               ("45", 45.0), ("0.5s", 0.5), (" 2M ", 120.0)])
def test_an_interval_is_a_number_with_an_optional_unit(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15 minutes", "-5m", "0s", "1w", "m15"])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="--every"):
        parse_interval(text)


def test_a_round_is_one_line_with_its_number_time_counts_and_duration() -> None:
    results = [LoadResult(source="a", status="created"), LoadResult(source="b", status="unchanged"),
               LoadResult(source="c", status="failed", error="x", error_code="fetch_failed")]
    line = round_line(4, results, 2.345)
    assert "\n" not in line
    assert re.fullmatch(r"round 4 at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: 3 articles: 1 created, 0 replaced, "
                        r"1 unchanged, 1 failed \(2\.3 s\)", line), line
