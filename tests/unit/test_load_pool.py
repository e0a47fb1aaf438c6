"""Extraction in worker processes: outcomes in input order, an extractor's error as that article's outcome.

The extractors are module-level (a spawned worker imports this module to find them); they finish out of
order on purpose, so only the pool's reordering puts the outcomes back in input order.
"""

from __future__ import annotations

import os
import time

import pytest

from loaders import load_pool
from loaders.errors import InputError
from loaders.load_pool import WorkerFailed, extract_one, ordered_extractions
from loaders.models import ArticleExtraction, ArticleMeta, CleanArticle


def _article(index: int, text: str) -> CleanArticle:
    return CleanArticle(source=f"test:{index}", id=f"art:{index}", url=None, outlet=None, language="en",
                        published=None, title=None, text=text, sentences=[], content_hash=f"hash-{index}")


def slow_first_extractor(article: CleanArticle) -> ArticleExtraction:
    """Earlier articles take longer, so workers finish in reverse order; "boom" raises."""
    if "boom" in article.text:
        raise ValueError(f"no facts in {article.source}")
    time.sleep(0.02 * (8 - int(article.id.split(":")[1])))
    meta = ArticleMeta(id=article.id, url=None, outlet=None, language=article.language, published=None,
                       title=None, content_hash=article.content_hash)
    return ArticleExtraction(source=article.source, article=meta, text=article.text, entities=[], facts=[])


def dying_extractor(article: CleanArticle) -> ArticleExtraction:
    """Kills its worker process on "die" (a crash no exception handler sees)."""
    if "die" in article.text:
        os._exit(3)
    return slow_first_extractor(article)


def no_warm_up() -> None:
    """The workers' initializer here: these extractors need no registry or rules."""


ARTICLES = [_article(i, "Ministers met." if i != 4 else "boom") for i in range(8)]


def _summary(outcomes: list[ArticleExtraction | Exception]) -> list[str]:
    return [o.article.id if isinstance(o, ArticleExtraction) else f"{type(o).__name__}: {o}" for o in outcomes]


@pytest.fixture(autouse=True)
def _small_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fewer articles in flight than in the batch, so the window is refilled while results come back.
    monkeypatch.setattr(load_pool, "IN_FLIGHT_PER_WORKER", 2)


def test_workers_return_outcomes_in_input_order_as_one_process_does() -> None:
    in_process = [extract_one(slow_first_extractor, a) for a in ARTICLES]
    pooled = list(ordered_extractions(ARTICLES, slow_first_extractor, workers=2, warm=no_warm_up))
    assert _summary(pooled) == _summary(in_process)
    assert _summary(pooled)[4] == "ValueError: no facts in test:4"
    assert [o.article.id for o in pooled if isinstance(o, ArticleExtraction)] == [
        a.id for a in ARTICLES if a.text != "boom"]


def test_a_dead_worker_fails_its_article_not_the_batch() -> None:
    articles = [*ARTICLES[:2], _article(9, "die"), *ARTICLES[2:4]]
    outcomes = list(ordered_extractions(articles, dying_extractor, workers=2, warm=no_warm_up))
    assert len(outcomes) == len(articles)
    assert isinstance(outcomes[2], WorkerFailed) and outcomes[2].code == "extraction_worker_failed"


def test_an_extractor_a_worker_cannot_import_is_refused_up_front() -> None:
    with pytest.raises(InputError, match="module-level extractor"):
        list(ordered_extractions(ARTICLES, lambda a: slow_first_extractor(a), workers=2, warm=no_warm_up))
