"""Batch loading: read → clean (once) → extract → write, article by article, never stopping at one
article's failure; and retraction by id, URL or the local file an article came from.

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
from pathlib import Path
from typing import Literal

from neo4j import Driver
from pydantic import BaseModel, ConfigDict
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from loaders.clean import clean
from loaders.errors import ArticleNotFound, InputError, LoaderError
from loaders.models import ArticleExtraction, CleanArticle
from loaders.pipeline import extract_cleaned
from loaders.read import ReadFailure, ReadResult, read_source, read_sources
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
    try:
        extraction = extractor(article)
    except Exception as exc:  # the extractor is pluggable: one article's bug must not stop a batch
        return _failed(article.source, exc)
    article_id = extraction.article.id
    try:
        summary = write_article(driver, extraction, database=database)
    except LoaderError as exc:
        return _failed(article.source, exc, article_id)
    return LoadResult(source=article.source, article_id=article_id, status=summary.status, summary=summary)


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
) -> list[LoadResult]:
    """Read, extract and write every article of ``sources`` (this shard's only); one result per article.

    ``extractor`` defaults to `loaders.pipeline.extract_cleaned`; ``progress`` draws a progress bar on stderr;
    ``reader`` turns the sources into records (`loaders.read.read_sources` unless given).
    """
    selected = _select(sources, shard, reader)
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
