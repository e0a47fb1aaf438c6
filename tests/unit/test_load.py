"""Batch selection: every article is read and cleaned once, and shards split a corpus without overlap."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import load
from loaders.models import ArticleRecord, CleanArticle

SEED_DIR = Path(__file__).resolve().parents[2] / "data" / "articles"


def test_select_cleans_each_record_once_and_hands_on_the_clean_article(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_clean = load.clean

    def counting_clean(record: ArticleRecord) -> CleanArticle:
        calls.append(record.source)
        return real_clean(record)

    monkeypatch.setattr(load, "clean", counting_clean)
    selected = load._select([str(SEED_DIR)], shard=(0, 1))
    assert selected and all(isinstance(item, CleanArticle) for item in selected)
    assert sorted(calls) == sorted(item.source for item in selected if isinstance(item, CleanArticle))


def test_shards_partition_the_articles() -> None:
    whole = {a.id for a in load._select([str(SEED_DIR)], shard=None) if isinstance(a, CleanArticle)}
    parts = [{a.id for a in load._select([str(SEED_DIR)], shard=(i, 3)) if isinstance(a, CleanArticle)}
             for i in range(3)]
    assert set().union(*parts) == whole and sum(len(p) for p in parts) == len(whole)
