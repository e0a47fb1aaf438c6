"""Benchmark (not a test): extraction speed per article, against a baseline run in the same process.

The baseline is the cheapest thing any extractor must do with the same text: one regex tokenisation and
a dictionary look-up of every token (and bigram) in the registry's folded alias set. The figure reported
is time_extract / time_baseline, with milliseconds per article and articles per second per core.

    python benchmarks/bench_extract.py                      # the bundled articles
    python benchmarks/bench_extract.py ../shared/corpus/dev # any folder or files

Registry and rule loading happen once per process and are measured apart (start-up cost).
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import sys
import time
from collections.abc import Callable

from loaders.clean import clean
from loaders.models import ArticleRecord
from loaders.pipeline import extract
from loaders.read import ReadFailure, read_sources
from loaders.registry import load_registry
from loaders.text import fold

_TOKEN = re.compile(r"\w+")


def _timed(fn: Callable[[], object], rounds: int) -> float:
    """Median seconds of `rounds` runs of fn."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sources", nargs="*", default=["data/articles"])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the articles per round")
    args = parser.parse_args()

    records: list[ArticleRecord] = [r for r in read_sources(args.sources) if not isinstance(r, ReadFailure)]
    if not records:
        sys.exit("no articles found")

    start = time.perf_counter()
    registry = load_registry()
    extract(records[0])
    startup = time.perf_counter() - start

    aliases = {fold(name) for actor in registry.actors.values() for name in (actor.name, *actor.aliases)}
    texts = [clean(r).text for r in records]

    def baseline() -> None:
        for _ in range(args.repeat):
            for text in texts:
                tokens = _TOKEN.findall(fold(text).lower())
                hits = sum(t in aliases for t in tokens)
                hits += sum(f"{a} {b}" in aliases for a, b in itertools.pairwise(tokens))

    def full() -> None:
        for _ in range(args.repeat):
            for record in records:
                extract(record)

    n = len(records) * args.repeat
    t_base = _timed(baseline, args.rounds) / n
    t_full = _timed(full, args.rounds) / n
    print(f"articles: {len(records)} x {args.repeat} passes x {args.rounds} rounds (median)")
    print(f"start-up (registry, rules, first article): {startup * 1000:.0f} ms, once per process")
    print(f"baseline (tokenise + alias look-ups):       {t_base * 1000:.3f} ms/article")
    print(f"extract (clean→mentions→resolve→facts):     {t_full * 1000:.3f} ms/article "
          f"= {1 / t_full:.0f} articles/s/core")
    print(f"ratio extract / baseline:                   {t_full / t_base:.1f}x")


if __name__ == "__main__":
    main()
