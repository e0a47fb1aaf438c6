"""The seed article, as .txt and as .json, against its gold file (through the project's scorer)."""

from __future__ import annotations

import json
import timeit
from pathlib import Path

import pytest

from loaders.errors import InputError
from loaders.eval import score_article
from loaders.models import ArticleExtraction, ArticleRecord
from loaders.pipeline import extract
from loaders.read import read_source

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "articles" / "kompas-2021-06-24-rusia-myanmar"
# The seed's expected facts ship with the project (a copy of the team corpus' seed gold), so this test
# runs wherever the project does, CI's clean clone included.
GOLD = ROOT / "data" / "gold" / "kompas-2021-06-24-rusia-myanmar.json"


def _gold() -> dict[str, object]:
    data: dict[str, object] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module", params=[".txt", ".json"])
def seed(request: pytest.FixtureRequest) -> ArticleExtraction:
    [record] = read_source(str(SEED.with_suffix(request.param)))
    return extract(record)


def test_seed_scores_all_required_facts_and_nothing_forbidden(seed: ArticleExtraction) -> None:
    score = score_article(seed, _gold())
    assert score.missed == [], score.missed
    assert score.forbidden_facts == []
    assert score.recall == 1.0 and score.precision >= 0.9
    assert score.date_agreement == 1.0


def _fact(ex: ArticleExtraction, subject: str, relation: str, obj: str) -> tuple[str | None, str | None]:
    for f in ex.facts:
        if f.relation.value == relation and {f.subject, f.object} == {subject, obj}:
            return f.date, f.place
    raise AssertionError(f"no {subject} {relation} {obj}")


def test_seed_dates_and_places(seed: ArticleExtraction) -> None:
    assert _fact(seed, "per:sergei-shoigu", "MET_WITH", "per:min-aung-hlaing") == ("2021-06-22", "plc:moscow")
    assert _fact(seed, "per:min-aung-hlaing", "VISITED", "RUS") == ("2021-06-20", "plc:moscow")
    assert _fact(seed, "per:min-aung-hlaing", "MET_WITH", "per:nikolai-patrushev") == (None, "plc:moscow")
    assert _fact(seed, "org:armed-forces-mmr", "SEIZED_POWER_IN", "MMR")[0] == "2021-02-01"
    assert _fact(seed, "RUS", "COOPERATES_WITH", "MMR")[0] == "2021-06-22"


def test_seed_forbidden_and_duplicates(seed: ArticleExtraction) -> None:
    assert not any(f.relation.value == "MET_WITH" and "per:vladimir-putin" in (f.subject, f.object)
                   for f in seed.facts)
    assert any(f.subject == "per:vladimir-putin" and f.status.value == "denied" for f in seed.withheld)
    assert not any(f.subject == "org:eu" for f in seed.facts)
    assert not any("Baca juga" in f.evidence for f in seed.facts)
    keys = [(f.subject, f.relation, f.object) for f in seed.facts]
    assert len(keys) == len(set(keys))


def test_seed_entities(seed: ArticleExtraction) -> None:
    ents = {e.id: e for e in seed.entities}
    assert {"Rusia", "Moskwa", "Negeri Beruang Putih"} <= set(ents["RUS"].aliases)
    assert "Min Aung Hlain" in ents["per:min-aung-hlaing"].aliases
    assert ents["per:sergei-shoigu"].role == "Minister of Defence of Russia"
    assert ents["per:vladimir-putin"].qid == "Q7747"
    assert ents["org:kremlin"].type.value == "Organization"


def test_seed_extraction_takes_milliseconds() -> None:
    [record] = read_source(str(SEED.with_suffix(".txt")))
    extract(record)  # warm the caches (registry, rules, language data)
    per_article = min(timeit.repeat(lambda: extract(record), number=5, repeat=3)) / 5
    assert per_article < 0.05, f"{per_article * 1000:.1f} ms per article"


def test_extract_refuses_a_record_without_text_with_an_input_error() -> None:
    with pytest.raises(InputError):
        extract(ArticleRecord(source="empty.json", text="   "))
