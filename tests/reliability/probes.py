"""The load probes: a loader killed with SIGKILL mid-batch, and several loaders at once over overlapping
articles, each compared with a clean sequential load of the same files, node for node and relationship
for relationship. Loaders are real `tiesgraph load` processes against the real Neo4j."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from neo4j import Driver, RoutingControl
from pydantic import BaseModel

from service.settings import Settings
from tests.reliability.graph import GraphDump, article_shapes, dump, duplicate_relationships, partial_articles, wipe

REPO = Path(__file__).resolve().parents[2]
STATES = ("Indonesia", "India", "France", "Germany", "Brazil", "Kenya", "Vietnam", "Norway", "Peru", "Chile")


def _text(i: int) -> str:
    """An invented report about three states; articles ``i`` and ``i + 10`` support the same ties."""
    a, b, c = STATES[i % 10], STATES[(i * 3 + 1) % 10], STATES[(i * 7 + 2) % 10]
    b = b if b != a else STATES[(i + 5) % 10]
    c = c if c not in (a, b) else STATES[(i + 4) % 10]
    day = 1 + i % 27
    return (f"{a} signed a defence agreement with {b} in Jakarta on {day} March 2022. "
            f"{a} agreed to supply arms to {c}, officials said on {day} March 2022. "
            f"{b} and {c} held joint military exercises in May 2022. Report number {i}.")


def _record(i: int) -> dict[str, str]:
    return {"url": f"https://example.org/probe/{i}", "outlet": "Probe Wire", "language": "en",
            "published": "2022-06-01", "text": _text(i)}


def write_corpus(folder: Path, count: int) -> Path:
    """``count`` articles as .json files in ``folder`` (returned)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"probe-{i:04d}.json").write_text(json.dumps(_record(i)), encoding="utf-8")
    return folder


def write_overlapping(folder: Path, count: int, loaders: int) -> list[Path]:
    """One folder per loader, each holding about half the corpus, in turn as .json files or as one .jsonl
    (the same records in another form): every article is in several loaders' folders."""
    folders = []
    for k in range(loaders):
        mine = [i for i in range(count) if (i + k) % 4 < 2 or i % loaders == k]
        target = folder / f"loader-{k}"
        target.mkdir(parents=True, exist_ok=True)
        if k % 2:
            (target / "batch.jsonl").write_text("".join(json.dumps(_record(i)) + "\n" for i in mine))
        else:
            for i in mine:
                (target / f"probe-{i:04d}.json").write_text(json.dumps(_record(i)), encoding="utf-8")
        folders.append(target)
    return folders


def cli_env(settings: Settings) -> dict[str, str]:
    """The environment of a `tiesgraph` process talking to ``settings``' Neo4j."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "TIESGRAPH_"))}
    env.update({"NEO4J_URI": settings.bolt_uri, "NEO4J_USER": settings.neo4j_user,
                "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
                "NEO4J_DATABASE": settings.neo4j_database, "TIESGRAPH_ENV": "test"})
    return env


def start_load(settings: Settings, *sources: Path, batch_size: int | None = None) -> subprocess.Popen[bytes]:
    """A `tiesgraph load` process (no progress bar), with its default batch size unless one is given."""
    batch = [] if batch_size is None else ["--batch-size", str(batch_size)]
    return subprocess.Popen([sys.executable, "-m", "service.cli", "load", "--no-progress", *batch, *map(str, sources)],
                            env=cli_env(settings), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_load(settings: Settings, *sources: Path, timeout: float = 600) -> None:
    """Load to completion; `AssertionError` with its stderr when it fails."""
    process = start_load(settings, *sources)
    _, stderr = process.communicate(timeout=timeout)
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]


def _article_count(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=database,
                                         routing_=RoutingControl.READ)
    return int(records[0]["n"])


class Reference(BaseModel):
    """A clean sequential load of the corpus: the whole graph and each article's shape."""

    graph: GraphDump
    shapes: dict[str, tuple[frozenset[str], frozenset[str]]]
    seconds: float


def reference_load(driver: Driver, settings: Settings, corpus: Path) -> Reference:
    """Wipe, load ``corpus`` in one process, and record the graph."""
    db = settings.neo4j_database
    wipe(driver, db)
    started = time.monotonic()
    run_load(settings, corpus)
    seconds = time.monotonic() - started
    return Reference(graph=dump(driver, db), shapes=article_shapes(driver, db), seconds=seconds)


class KillTrial(BaseModel):
    """One SIGKILL: when, how many articles were in, what was partial, and whether a rerun gave the reference."""

    killed_at_articles: int
    partial: list[str]
    differences_after_rerun: list[str]


def kill_trial(driver: Driver, settings: Settings, corpus: Path, reference: Reference, rng: random.Random,
               batch_size: int) -> KillTrial:
    """Start a load writing ``batch_size`` articles a transaction, SIGKILL it once a random number of articles
    is in, check, rerun (with the default batch size), compare."""
    db = settings.neo4j_database
    wipe(driver, db)
    target = rng.randint(1, max(1, len(reference.shapes) - 2))
    process = start_load(settings, corpus, batch_size=batch_size)
    try:
        while process.poll() is None and _article_count(driver, db) < target:
            time.sleep(rng.uniform(0.001, 0.03))
        time.sleep(rng.uniform(0, 0.05))  # land anywhere inside the next article's transaction
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()
    killed_at = _article_count(driver, db)
    partial = partial_articles(driver, db, reference.shapes)
    run_load(settings, corpus)
    return KillTrial(killed_at_articles=killed_at, partial=partial,
                     differences_after_rerun=dump(driver, db).difference(reference.graph))


class ConcurrentRun(BaseModel):
    """Several loaders at once: seconds taken, duplicate relationships, and differences from the reference."""

    loaders: int
    seconds: float
    duplicates: int
    differences: list[str]


def concurrent_run(driver: Driver, settings: Settings, folders: list[Path], reference: Reference) -> ConcurrentRun:
    """Wipe, start one loader per folder at once, wait for all, compare with the reference."""
    db = settings.neo4j_database
    wipe(driver, db)
    started = time.monotonic()
    processes = [start_load(settings, folder) for folder in folders]
    failures = []
    for process in processes:
        _, stderr = process.communicate(timeout=900)
        if process.returncode != 0:
            failures.append(stderr.decode(errors="replace")[-500:])
    assert not failures, failures
    return ConcurrentRun(loaders=len(folders), seconds=time.monotonic() - started,
                         duplicates=duplicate_relationships(driver, db),
                         differences=dump(driver, db).difference(reference.graph))
