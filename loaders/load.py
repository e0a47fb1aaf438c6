"""Batch loading: read → extract → write, article by article, never stopping at one article's failure.

Failure policy: a source that cannot be read, an article that cannot be cleaned or extracted, and an
article whose write was rolled back each become one failed `LoadResult` (with the error's stable code)
and the batch goes on. Each article is written in its own transaction, so a failure never leaves part
of an article in the graph, and re-running the batch redoes only what changed.

Sharding (``shard=(i, n)``) keeps the articles whose id hashes to ``i`` modulo ``n`` (a source that could
not be read at all is assigned by its own name), so ``n`` processes or machines can load one corpus at
once without two of them writing the same article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

from neo4j import Driver
from pydantic import BaseModel, ConfigDict
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from loaders.clean import clean
from loaders.errors import InputError, LoaderError
from loaders.models import ArticleExtraction, ArticleRecord
from loaders.pipeline import extract
from loaders.read import ReadFailure, read_sources
from loaders.writer import WriteSummary, write_article

Extractor = Callable[[ArticleRecord], ArticleExtraction]


class LoadResult(BaseModel):
    """The outcome for one article (or one source that could not be read)."""

    model_config = ConfigDict(frozen=True)

    source: str
    article_id: str | None = None
    status: Literal["created", "replaced", "unchanged", "failed"]
    summary: WriteSummary | None = None
    error: str | None = None
    error_code: str | None = None

    @property
    def ok(self) -> bool:
        """True unless this article failed."""
        return self.status != "failed"


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
    """`loaders.pipeline.extract` (the CLI's and the batch's default)."""
    return extract


def _failed(source: str, error: Exception, article_id: str | None = None) -> LoadResult:
    code = error.code if isinstance(error, LoaderError) else "extraction_failed"
    message = str(error) if isinstance(error, LoaderError) else f"{type(error).__name__}: {error}"
    return LoadResult(source=source, article_id=article_id, status="failed", error=message, error_code=code)


def load_record(
    driver: Driver, record: ArticleRecord, *, database: str, extractor: Extractor
) -> LoadResult:
    """Extract and write one record; any failure becomes a failed result."""
    article_id: str | None = None
    try:
        extraction = extractor(record)
        article_id = extraction.article.id
    except Exception as exc:  # the extractor is pluggable: one article's bug must not stop a batch
        return _failed(record.source, exc)
    try:
        summary = write_article(driver, extraction, database=database)
    except LoaderError as exc:
        return _failed(record.source, exc, article_id)
    return LoadResult(source=record.source, article_id=article_id, status=summary.status, summary=summary)


def _select(
    sources: Iterable[str], shard: tuple[int, int] | None
) -> list[ArticleRecord | LoadResult]:
    # Read everything first (cheap next to extraction) so the progress bar has a total; a shard keeps
    # its records by article id, which needs the clean text (url or text hash).
    selected: list[ArticleRecord | LoadResult] = []
    for item in read_sources(sources):
        if isinstance(item, ReadFailure):
            if in_shard(item.source, shard):
                selected.append(LoadResult(source=item.source, status="failed", error=item.message,
                                           error_code=item.code))
            continue
        if shard is None:
            selected.append(item)
            continue
        try:
            article_id = clean(item).id
        except LoaderError as exc:
            if in_shard(item.source, shard):
                selected.append(_failed(item.source, exc))
            continue
        if in_shard(article_id, shard):
            selected.append(item)
    return selected


def load_sources(
    driver: Driver,
    sources: Sequence[str],
    *,
    database: str,
    extractor: Extractor = extract,
    progress: bool = True,
    shard: tuple[int, int] | None = None,
) -> list[LoadResult]:
    """Read, extract and write every article of ``sources`` (this shard's only); one result per article.

    ``extractor`` defaults to `loaders.pipeline.extract`; ``progress`` draws a progress bar on stderr.
    """
    selected = _select(sources, shard)
    results: list[LoadResult] = []
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
        console=Console(stderr=True), disable=not progress, transient=False,
    ) as bar:
        task = bar.add_task("loading", total=len(selected), current="")
        for item in selected:
            if isinstance(item, LoadResult):
                results.append(item)
            else:
                bar.update(task, current=item.source[-60:])
                results.append(load_record(driver, item, database=database, extractor=extractor))
            bar.advance(task)
    return results
