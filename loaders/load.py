"""Batch loading: read → clean (once) → extract → write, article by article, never stopping at one
article's failure; and retraction by id, URL or the local file an article came from.

Failure policy: a source that cannot be read, an article that cannot be cleaned or extracted, and an
article whose write was rolled back each become one failed `LoadResult` (with the error's stable code)
and the batch goes on. Articles are written ``batch_size`` to a transaction (`loaders.write.batch`); a
transaction that fails is rolled back whole and halved, each half written again, until the article at
fault is written alone: it alone fails, the others commit. So a failure never leaves part of an article
in the graph, and re-running the batch redoes only what changed. When Neo4j cannot be
reached, `loaders.load_faults` decides: an article whose commit was cut off is checked in the graph
("stored", "failed" or "unconfirmed"), and the batch stops once Neo4j has been unreachable for a few
articles in a row (the rest are "skipped", each saying why), so a dead database costs seconds.

Sharding (``shard=(i, n)``) keeps the articles whose id hashes to ``i`` modulo ``n`` (a source that could
not be read at all is assigned by its own name), so ``n`` processes or machines can load one corpus at
once without two of them writing the same article.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Literal

from neo4j import Driver
from pydantic import BaseModel, ConfigDict
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from loaders.clean import clean
from loaders.errors import ArticleNotFound, InputError, LoaderError
from loaders.load_faults import CutOff, FailurePolicy, commit_lost, stored_as_planned, unavailable
from loaders.load_pool import Extracted, extract_one, ordered_extractions
from loaders.models import ArticleExtraction, CleanArticle
from loaders.pipeline import extract_cleaned
from loaders.read import ReadFailure, ReadResult, check_published, read_source, read_sources
from loaders.write import RetractSummary, WriteSummary, retract_article_id, write_article
from loaders.write.batch import BatchBuilder, write_batch

Extractor = Callable[[CleanArticle], ArticleExtraction]
"""A fact-view extractor over a cleaned article (`loaders.pipeline.extract_cleaned` unless replaced)."""

DEFAULT_BATCH_SIZE = 100
"""Articles per write transaction of a batch load (`tiesgraph load --batch-size`)."""

Reader = Callable[[Iterable[str]], Iterable[ReadResult]]
"""Sources to records (`loaders.read.read_sources` unless replaced, e.g. by `loaders.feeds.feed_reader`)."""


class LoadResult(BaseModel):
    """The outcome for one article (or one source that could not be read)."""

    model_config = ConfigDict(frozen=True)

    source: str
    article_id: str | None = None
    status: Literal["created", "replaced", "unchanged", "stored", "failed", "unconfirmed", "skipped"]
    """``stored``: the connection was lost while committing and the graph holds this version;
    ``unconfirmed``: it was lost and Neo4j could not be asked; ``skipped``: not tried (the batch stopped)."""
    summary: WriteSummary | None = None
    error: str | None = None
    error_code: str | None = None

    @property
    def ok(self) -> bool:
        """True when the article is in the graph as extracted."""
        return self.status in ("created", "replaced", "unchanged", "stored")


def parse_shard(text: str) -> tuple[int, int]:
    """``"i/n"`` → ``(i, n)`` with ``0 <= i < n``."""
    try:
        index_text, count_text = text.split("/")
        index, count = int(index_text), int(count_text)
    except ValueError as exc:
        raise InputError(f"--shard must look like i/n (e.g. 0/4), not {text!r}") from exc
    if count < 1 or not 0 <= index < count:
        raise InputError(f"--shard {text!r}: need 0 <= i < n")
    return index, count


def in_shard(key: str, shard: tuple[int, int] | None) -> bool:
    """Whether ``key`` (an article id) belongs to ``shard``; stable across processes and machines."""
    if shard is None:
        return True
    index, count = shard
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:16], 16) % count == index


def default_extractor() -> Extractor:
    """`loaders.pipeline.extract_cleaned` (the CLI's and the batch's default)."""
    return extract_cleaned


def _failed(source: str, error: Exception, article_id: str | None = None) -> LoadResult:
    code = error.code if isinstance(error, LoaderError) else "extraction_failed"
    message = str(error) if isinstance(error, LoaderError) else f"{type(error).__name__}: {error}"
    return LoadResult(source=source, article_id=article_id, status="failed", error=message, error_code=code)


def load_record(
    driver: Driver, article: CleanArticle, *, database: str, extractor: Extractor
) -> LoadResult:
    """Extract and write one cleaned article; any failure becomes a failed result."""
    return _write_one(driver, article, extract_one(extractor, article), database=database)[0]


def _write_one(
    driver: Driver, article: CleanArticle, extracted: Extracted, *, database: str
) -> tuple[LoadResult, LoaderError | None]:
    """The result, and the write error behind it (what the cut-off looks at) when the write failed."""
    if isinstance(extracted, Exception):
        return _failed(article.source, extracted), None
    article_id = extracted.article.id
    try:
        summary = write_article(driver, extracted, database=database)
    except LoaderError as exc:
        if not commit_lost(exc):
            return _failed(article.source, exc, article_id), exc
        return _after_lost(driver, article, extracted, exc, database=database)
    return LoadResult(source=article.source, article_id=article_id, status=summary.status,
                      summary=summary), None


def _after_lost(
    driver: Driver, article: CleanArticle, extraction: ArticleExtraction, error: LoaderError, *, database: str
) -> tuple[LoadResult, LoaderError | None]:
    """`_after_lost_commit`, with the error that counts for the cut-off (none when it is stored)."""
    result = _after_lost_commit(driver, article.source, extraction, error, database=database)
    return result, None if result.status == "stored" else error


def _after_lost_commit(
    driver: Driver, source: str, extraction: ArticleExtraction, error: LoaderError, *, database: str
) -> LoadResult:
    """The truth about an article whose commit lost its connection: stored, rolled back, or unknown."""
    article_id = extraction.article.id
    try:
        if stored_as_planned(driver, extraction, database=database):
            return LoadResult(source=source, article_id=article_id, status="stored")
    except LoaderError as unknown:
        return LoadResult(source=source, article_id=article_id, status="unconfirmed", error=str(unknown),
                          error_code=unknown.code)
    return _failed(source, error, article_id)


def _select(
    sources: Iterable[str], shard: tuple[int, int] | None, reader: Reader = read_sources
) -> list[CleanArticle | LoadResult]:
    # Read and clean everything first (cheap next to extraction) so the progress bar has a total; a shard
    # keeps its articles by id, which needs the clean text (url or text hash). Each article is cleaned
    # here once and handed on cleaned.
    selected: list[CleanArticle | LoadResult] = []
    for item in reader(sources):
        if isinstance(item, ReadFailure):
            if in_shard(item.source, shard):
                selected.append(LoadResult(source=item.source, status="failed", error=item.message,
                                           error_code=item.code))
            continue
        try:
            article = clean(item)
            if article.published is not None:  # a dateline or a page's metadata may give it too
                check_published(article.published, item.source)
        except LoaderError as exc:
            if in_shard(item.source, shard):
                selected.append(_failed(item.source, exc))
            continue
        if in_shard(article.id, shard):
            selected.append(article)
    return selected


def load_sources(
    driver: Driver,
    sources: Sequence[str],
    *,
    database: str,
    extractor: Extractor = extract_cleaned,
    progress: bool = True,
    shard: tuple[int, int] | None = None,
    reader: Reader = read_sources,
    policy: FailurePolicy | None = None,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[LoadResult]:
    """Read, extract and write every article of ``sources`` (this shard's only); one result per article.

    ``extractor`` defaults to `loaders.pipeline.extract_cleaned`; ``progress`` draws a progress bar on
    stderr; ``reader`` turns the sources into records (`loaders.read.read_sources` unless given);
    ``policy`` says when an unreachable Neo4j stops the batch (the articles left are "skipped");
    ``workers`` > 1 extracts in that many processes (`loaders.load_pool`) while this process alone
    writes, in input order, so the results are those of ``workers=1``; ``batch_size`` articles are
    written per transaction (`loaders.write.batch`; 1: each in its own), with the same graph whatever it is.
    """
    if workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}")
    if batch_size < 1:
        raise InputError(f"batch_size must be at least 1, not {batch_size}")
    selected = _select(sources, shard, reader)
    articles = [item for item in selected if isinstance(item, CleanArticle)]
    outcomes: Generator[Extracted, None, None] = (
        ordered_extractions(articles, extractor, workers=workers) if workers > 1
        else (extract_one(extractor, article) for article in articles))
    with closing(outcomes), _progress_bar(progress) as bar:
        return _write_in_order(driver, selected, outcomes, bar, database=database,
                               cut_off=CutOff(policy or FailurePolicy()), batch_size=batch_size)


def _progress_bar(progress: bool) -> Progress:
    """The batch's progress bar on stderr (drawn only when ``progress``)."""
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
        console=Console(stderr=True), disable=not progress, transient=False,
    )


def _write_in_order(
    driver: Driver, selected: list[CleanArticle | LoadResult], outcomes: Iterator[Extracted],
    bar: Progress, *, database: str, cut_off: CutOff, batch_size: int,
) -> list[LoadResult]:
    """Write each article's outcome (``outcomes`` holds one per article of ``selected``, in order), up to
    ``batch_size`` articles per transaction; results in input order."""
    results: list[LoadResult | None] = [None] * len(selected)
    task = bar.add_task("loading", total=len(selected), current="")
    pending: list[tuple[int, CleanArticle, ArticleExtraction]] = []
    builder = BatchBuilder()

    def flush() -> None:
        nonlocal builder
        started = time.monotonic()
        written = _write_many(driver, [(article, extraction) for _, article, extraction in pending],
                              database=database)
        cut_off.record_many([error for _, error in written], started)
        for (position, _, _), (result, _) in zip(pending, written, strict=True):
            results[position] = result
        bar.advance(task, len(pending))
        pending.clear()
        builder = BatchBuilder()

    for position, item in enumerate(selected):
        if cut_off.reason is not None:
            break
        if isinstance(item, LoadResult):
            results[position] = item
            bar.advance(task)
            continue
        bar.update(task, current=item.source[-60:])
        extracted = next(outcomes)
        if isinstance(extracted, Exception):
            results[position] = _failed(item.source, extracted)
            bar.advance(task)
            continue
        if not builder.fits(extracted):
            flush()
        builder.add(extracted)
        pending.append((position, item, extracted))
        if len(pending) >= batch_size:
            flush()
    if pending and cut_off.reason is None:
        flush()
    return _with_skipped(selected, results, cut_off.reason or "")


def _with_skipped(selected: list[CleanArticle | LoadResult], results: list[LoadResult | None],
                  reason: str) -> list[LoadResult]:
    """The results, each article not tried (the batch stopped) reported "skipped" with ``reason``."""
    return [result if result is not None else _skipped([selected[position]], reason)[0]
            for position, result in enumerate(results)]


def _write_many(
    driver: Driver, items: Sequence[tuple[CleanArticle, ArticleExtraction]], *, database: str
) -> list[tuple[LoadResult, LoaderError | None]]:
    """Each article's result and write error, the articles written in one transaction.

    A batch that fails is halved, and each half written, until the article at fault is written alone and
    its failure is its own; a batch that lost Neo4j is not (each article is failed, or, when the commit
    itself was cut off, checked in the graph).
    """
    if len(items) == 1:
        article, extraction = items[0]
        return [_write_one(driver, article, extraction, database=database)]
    try:
        summaries = write_batch(driver, [extraction for _, extraction in items], database=database)
    except LoaderError as exc:
        if commit_lost(exc):
            return [_after_lost(driver, article, extraction, exc, database=database) for article, extraction in items]
        if unavailable(exc):
            return [(_failed(article.source, exc, extraction.article.id), exc) for article, extraction in items]
        half = len(items) // 2
        return (_write_many(driver, items[:half], database=database)
                + _write_many(driver, items[half:], database=database))
    return [(LoadResult(source=article.source, article_id=summary.article_id, status=summary.status,
                        summary=summary), None) for (article, _), summary in zip(items, summaries, strict=True)]


def _skipped(items: Sequence[CleanArticle | LoadResult], reason: str) -> list[LoadResult]:
    """The articles a stopped batch did not try (sources that failed before stay as they were)."""
    message = f"not attempted: the load stopped, {reason}"
    return [item if isinstance(item, LoadResult) else
            LoadResult(source=item.source, article_id=item.id, status="skipped", error=message,
                       error_code="load_stopped")
            for item in items]


def article_ids_of_path(path: str) -> list[str]:
    """The article ids a local file (or folder) holds, as the loader computes them (read, then clean)."""
    return [clean(record).id for record in read_source(path)]


def retract_article(driver: Driver, ref: str, *, database: str) -> RetractSummary:
    """Remove an article (by id, URL or local file) and exactly what only it supported."""
    if not ref.startswith(("http://", "https://")) and Path(ref).exists():
        ids = article_ids_of_path(ref)
        if len(ids) != 1:
            raise InputError(f"{ref} holds {len(ids)} articles; retract them one at a time by id: {ids}")
        try:
            return retract_article_id(driver, ids[0], database=database)
        except ArticleNotFound as exc:
            raise ArticleNotFound(f"{ref}: its article {ids[0]} is not in the graph") from exc
    return retract_article_id(driver, ref, database=database)
