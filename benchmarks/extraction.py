"""Extraction speed on generated 500-word articles, against a bare tokenise-and-look-up pass.

The baseline is the cheapest thing any extractor must do with the same text: one regex tokenisation of
the folded text and a dictionary look-up of every token and bigram in the registry's folded alias set.
Both sides are timed in CPU seconds of this process (`time.process_time`), so other processes on a
shared machine do not count against either; rounds alternate the two.
"""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from benchmarks.corpus import articles
from benchmarks.timing import interleaved, ratios, summary
from loaders.clean import clean
from loaders.pipeline import extract
from loaders.registry import load_registry
from loaders.text import fold

_TOKEN = re.compile(r"\w+")


def _alias_set() -> set[str]:
    registry = load_registry()
    return {fold(name).lower() for actor in registry.actors.values() for name in (actor.name, *actor.aliases)}


def _baseline_pass(texts: list[str], aliases: set[str]) -> int:
    hits = 0
    for text in texts:
        tokens = _TOKEN.findall(fold(text).lower())
        hits += sum(t in aliases for t in tokens)
        hits += sum(f"{a} {b}" in aliases for a, b in itertools.pairwise(tokens))
    return hits


def run(*, count: int, rounds: int, words: int = 500, seed: int = 12) -> dict[str, Any]:
    """Time `extract` and the baseline over `count` articles of ~`words` words, `rounds` interleaved rounds."""
    records = list(articles(count, seed=seed + 1, words=words))  # not the graph's corpus: no warm caches of it
    start = time.perf_counter()
    extract(records[0])  # registry, rules and language data load once per process
    startup_s = time.perf_counter() - start
    aliases = _alias_set()
    texts = [clean(r).text for r in records]
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    samples = interleaved({
        "extract": lambda: [extract(r) for r in records],
        "baseline": lambda: _baseline_pass(texts, aliases),
    }, rounds=rounds, clock=time.process_time)
    per_article = {k: [s / count for s in v] for k, v in samples.items()}
    rate = summary([1 / s for s in per_article["extract"]])
    base_rate = summary([1 / s for s in per_article["baseline"]])
    return {
        "articles": count, "rounds": rounds, "words_per_article": round(mean_words, 1),
        "startup_s": startup_s,
        "ms_per_article": summary([s * 1000 for s in per_article["extract"]]),
        "baseline_ms_per_article": summary([s * 1000 for s in per_article["baseline"]]),
        "articles_per_s_per_core": rate["median"],
        "articles_per_s_per_core_spread": rate,
        "baseline_articles_per_s_per_core": base_rate["median"],
        # rate over the baseline's rate = baseline time over extraction time, round by round
        "ratio_vs_baseline": summary(ratios(per_article["baseline"], per_article["extract"]))["median"],
        "ratio_vs_baseline_spread": summary(ratios(per_article["baseline"], per_article["extract"])),
    }
