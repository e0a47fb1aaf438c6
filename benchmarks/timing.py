"""Timing that stays meaningful on a busy machine: interleaved rounds, medians with their spread, and
ratios taken round by round against a baseline measured in the same round.

A ratio of two medians measured minutes apart mixes in whatever else the machine did meanwhile; a ratio
per round, with the case and its baseline run back to back in alternating order, cancels most of it.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping, Sequence

Clock = Callable[[], float]
Summary = dict[str, float | int]


def summary(samples: Sequence[float]) -> Summary:
    """Median, quartiles, min, max and count of samples (the report's 'median and spread')."""
    ordered = sorted(samples)
    if len(ordered) >= 2:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        q1 = q3 = ordered[0]
    return {"median": statistics.median(ordered), "p25": q1, "p75": q3, "min": ordered[0],
            "max": ordered[-1], "n": len(ordered)}


def interleaved(cases: Mapping[str, Callable[[], object]], *, rounds: int,
                clock: Clock = time.perf_counter) -> dict[str, list[float]]:
    """Seconds per call of every case, `rounds` times; each round runs all cases, in rotated order."""
    names = list(cases)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            start = clock()
            cases[name]()
            samples[name].append(clock() - start)
    return samples


def ratios(numerator: Sequence[float], denominator: Sequence[float]) -> list[float]:
    """Round-by-round ratios of two equally long sample lists."""
    return [n / d for n, d in zip(numerator, denominator, strict=True) if d > 0]


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0 < q < 100) of samples, nearest-rank."""
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]
