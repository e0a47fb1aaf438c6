"""Extraction in worker processes for a batch load: articles go out in input order, results come back in it.

`ordered_extractions` runs the extractor over cleaned articles in a `ProcessPoolExecutor` (``spawn``
start method, so a worker never inherits the parent's driver threads), keeping at most a few articles per
worker in flight so memory stays bounded and a stopped batch wastes little; each worker loads the
registry and every language's rules once, at start (`warm_caches`). Results are yielded in input order,
whatever order the workers finish in, so the single writer in the parent writes exactly what a
one-process load writes, in the same order.

Error mapping: an exception raised by the extractor in a worker comes back as that article's exception
(the caller turns it into a failed result, as for one process); a worker that dies (the pool is broken)
fails the articles it had not returned, with `WorkerFailed`.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from loaders.errors import ExtractionError, InputError
from loaders.lang import available_languages, lang_data, load_rules
from loaders.models import ArticleExtraction, CleanArticle
from loaders.registry import load_registry

IN_FLIGHT_PER_WORKER = 4
"""Articles submitted ahead per worker: enough to keep every worker busy while the parent writes."""

Extracted = ArticleExtraction | Exception
"""An article's fact view, or the exception its extraction raised."""


class WorkerFailed(ExtractionError):
    """Raised (as an article's outcome) when the worker process extracting it died."""

    code = "extraction_worker_failed"


def warm_caches() -> None:
    """Load the registry and every language's data and compiled rules (a worker's initializer)."""
    load_registry()
    for code in available_languages():
        lang_data(code)
        load_rules(code)


def check_picklable(extractor: Callable[[CleanArticle], ArticleExtraction]) -> None:
    """`InputError` unless ``extractor`` can be sent to a worker process (a module-level function can)."""
    try:
        pickle.dumps(extractor)
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise InputError(f"workers > 1 need a module-level extractor function, not {extractor!r}") from exc


def extract_one(extractor: Callable[[CleanArticle], ArticleExtraction], article: CleanArticle) -> Extracted:
    """Run in a worker: the fact view, or the exception (returned, so it reaches the parent as a value)."""
    try:
        return extractor(article)
    except Exception as exc:  # the extractor is pluggable: one article's bug is that article's failure
        return exc


def _outcome(future: Future[Extracted]) -> Extracted:
    """What a finished future holds; a dead worker or an unpicklable result becomes a `WorkerFailed`."""
    try:
        return future.result()
    except Exception as exc:  # BrokenProcessPool, or a result or exception that could not be pickled
        return WorkerFailed(f"the extraction worker failed: {type(exc).__name__}: {exc}")


def _submit(pool: ProcessPoolExecutor, extractor: Callable[[CleanArticle], ArticleExtraction],
            article: CleanArticle) -> Future[Extracted]:
    """The article's future; once a dead worker has broken the pool, a future holding that failure."""
    try:
        return pool.submit(extract_one, extractor, article)
    except BrokenProcessPool as exc:
        failed: Future[Extracted] = Future()
        failed.set_exception(exc)
        return failed


def ordered_extractions(
    articles: Sequence[CleanArticle],
    extractor: Callable[[CleanArticle], ArticleExtraction],
    *,
    workers: int,
    warm: Callable[[], None] = warm_caches,
) -> Generator[Extracted, None, None]:
    """One outcome per article of ``articles``, in their order, extracted by ``workers`` processes.

    ``warm`` runs once in each worker before its first article (`warm_caches` unless given).

    Closing the iterator early (the batch stopped) cancels what was not started and shuts the pool down.
    """
    check_picklable(extractor)
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[Extracted]] = deque()
    upcoming = iter(articles)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm) as pool:
        try:
            while True:
                while len(pending) < workers * IN_FLIGHT_PER_WORKER:
                    article = next(upcoming, None)
                    if article is None:
                        break
                    pending.append(_submit(pool, extractor, article))
                if not pending:
                    return
                yield _outcome(pending.popleft())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
