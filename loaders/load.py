"""Batch loading: read → clean (once) → extract → write, article by article, never stopping at one
article's failure; and retraction by id, URL or the local file an article came from.

Failure policy: a source that cannot be read, an article that cannot be cleaned or extracted, and an
article whose write was rolled back each become one failed `LoadResult` (with the error's stable code)
and the batch goes on. Each article is written in its own transaction, so a failure never leaves part
of an article in the graph, and re-running the batch redoes only what changed. When Neo4j cannot be
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
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

from neo4j import Driver
from pydantic import BaseModel, ConfigDict
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from loaders.clean import clean
from loaders.errors import ArticleNotFound, InputError, LoaderError
from loaders.load_faults import CutOff, FailurePolicy, commit_lost, stored_as_planned
from loaders.models import ArticleExtraction, CleanArticle
from loaders.pipeline import extract_cleaned
from loaders.read import ReadFailure, ReadResult, check_published, read_source, read_sources
from loaders.write import RetractSummary, WriteSummary, retract_article_id, write_article

Extractor = Callable[[CleanArticle], ArticleExtraction]
"""A fact-view extractor over a cleaned article (`loaders.pipeline.extract_cleaned` unless replaced)."""

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
    return _load_one(driver, article, database=database, extractor=extractor)[0]


def _load_one(
    driver: Driver, article: CleanArticle, *, database: str, extractor: Extractor
) -> tuple[LoadResult, LoaderError | None]:
    """The result, and the write error behind it (what the cut-off looks at) when the write failed."""
    try:
        extraction = extractor(article)
    except Exception as exc:  # the extractor is pluggable: one article's bug must not stop a batch
        return _failed(article.source, exc), None
    article_id = extraction.article.id
    try:
        summary = write_article(driver, extraction, database=database)
    except LoaderError as exc:
        if not commit_lost(exc):
            return _failed(article.source, exc, article_id), exc
        result = _after_lost_commit(driver, article.source, extraction, exc, database=database)
        return result, None if result.status == "stored" else exc
    return LoadResult(source=article.source, article_id=article_id, status=summary.status,
                      summary=summary), None


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
) -> list[LoadResult]:
    """Read, extract and write every article of ``sources`` (this shard's only); one result per article.

    ``extractor`` defaults to `loaders.pipeline.extract_cleaned`; ``progress`` draws a progress bar on
    stderr; ``reader`` turns the sources into records (`loaders.read.read_sources` unless given);
    ``policy`` says when an unreachable Neo4j stops the batch (the articles left are "skipped").
    """
    selected = _select(sources, shard, reader)
    cut_off = CutOff(policy or FailurePolicy())
    results: list[LoadResult] = []
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
        console=Console(stderr=True), disable=not progress, transient=False,
    ) as bar:
        task = bar.add_task("loading", total=len(selected), current="")
        for position, item in enumerate(selected):
            if isinstance(item, LoadResult):
                results.append(item)
            elif (reason := cut_off.reason) is not None:
                results.extend(_skipped(selected[position:], reason))
                break
            else:
                bar.update(task, current=item.source[-60:])
                started = time.monotonic()
                result, write_error = _load_one(driver, item, database=database, extractor=extractor)
                cut_off.record(write_error, started)
                results.append(result)
            bar.advance(task)
    return results


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
