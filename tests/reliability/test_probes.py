"""Loads that are killed or run side by side lose nothing: every article wholly present or absent after a
SIGKILL mid-batch, a rerun gives the clean load's graph node for node and relationship for relationship,
and concurrent loaders over overlapping articles give the graph of one sequential load.

Bounded here (3 kills, 4 loaders); `make reliability` runs 20 kills and 8 loaders and records them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from neo4j import Driver

from service.settings import Settings
from tests.reliability.probes import (
    Reference,
    concurrent_run,
    kill_trial,
    reference_load,
    write_corpus,
    write_overlapping,
)
from tests.reliability.report import ProbeResult, count, record

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("schema_applied")]

ARTICLES = count("probe_articles", 60)
KILL_BATCH_SIZES = (1, 7)
"""The killed loader writes one article a transaction, then 7 (the batched writer, with batches small enough
for 60 articles to take several, so a kill can land between and inside them). The rerun and the concurrent
loaders use the default batch size."""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The probe corpus: invented reports about ten states, ties shared between articles."""
    return write_corpus(tmp_path_factory.mktemp("probe") / "corpus", ARTICLES)


@pytest.fixture(scope="module")
def reference(driver: Driver, neo4j_settings: Settings, corpus: Path) -> Reference:
    """A clean sequential load of the corpus."""
    ref = reference_load(driver, neo4j_settings, corpus)
    assert len(ref.shapes) == ARTICLES and ref.graph.relationships
    return ref


@pytest.mark.parametrize("batch_size", KILL_BATCH_SIZES)
def test_a_loader_killed_mid_batch_leaves_every_article_whole_or_absent(
    driver: Driver, neo4j_settings: Settings, corpus: Path, reference: Reference, batch_size: int
) -> None:
    kills, rng = count("kills", 3), random.Random(11)
    trials = [kill_trial(driver, neo4j_settings, corpus, reference, rng, batch_size) for _ in range(kills)]
    partial = [p for t in trials for p in t.partial]
    different = [d for t in trials for d in t.differences_after_rerun]
    record(ProbeResult(
        probe=f"SIGKILL of a loader mid-batch ({batch_size} article{'s' if batch_size > 1 else ''} a transaction)",
        tried=kills, lost=len(partial) + len(different),
        what=f"`tiesgraph load` of {ARTICLES} articles killed (SIGKILL) after a random number of articles "
             f"({', '.join(str(t.killed_at_articles) for t in trials)} were in); then every article checked "
             "whole or absent, the load rerun and the graph compared with a clean load",
        notes="partial articles: 0; differences after rerun: 0" if not partial + different else "; ".join(
            (partial + different)[:5])))
    assert not partial, partial[:5]
    assert not different, different[:5]
    assert any(0 < t.killed_at_articles < ARTICLES for t in trials)  # the kills did land mid-batch


def test_concurrent_loaders_over_overlapping_articles_give_one_sequential_load(
    driver: Driver, neo4j_settings: Settings, corpus: Path, reference: Reference, tmp_path: Path
) -> None:
    loaders = count("loaders", 4)
    run = concurrent_run(driver, neo4j_settings, write_overlapping(tmp_path, ARTICLES, loaders), reference)
    record(ProbeResult(
        probe="concurrent loaders", tried=loaders, lost=run.duplicates + len(run.differences),
        what=f"{loaders} `tiesgraph load` processes at once, each over about half of the {ARTICLES} articles "
             "(every article in several loaders, as .json files or as one .jsonl), compared with one "
             "sequential load node for node and relationship for relationship",
        bound_s=None, worst_s=round(run.seconds, 1),
        notes=f"duplicate relationships: {run.duplicates}; differences: {len(run.differences)}; "
              f"sequential load: {reference.seconds:.1f} s"))
    assert run.duplicates == 0
    assert not run.differences, run.differences
