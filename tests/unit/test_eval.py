"""The scorer, on small hand-made extractions and gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph_schema.model import EntityType, Relation
from loaders.eval import (
    date_agrees,
    load_gold,
    normalize_name,
    render_report,
    report_json,
    score,
    score_article,
)
from loaders.models import ArticleExtraction, ArticleMeta, Entity, Fact

ENTITIES = {
    "ru": Entity(id="RUS", type=EntityType.COUNTRY, name="Russia", known_aliases=["Rusia", "Россия"]),
    "mm": Entity(id="MMR", type=EntityType.COUNTRY, name="Myanmar"),
    "mil": Entity(id="org:mm-mil", type=EntityType.ORGANIZATION, name="Tatmadaw", aliases=["militer Myanmar"]),
    "sh": Entity(id="per:shoigu", type=EntityType.PERSON, name="Sergei Shoigu", aliases=["Shoigu"]),
    "mah": Entity(id="per:mah", type=EntityType.PERSON, name="Min Aung Hláing"),
    "pu": Entity(id="per:putin", type=EntityType.PERSON, name="Vladimir Putin"),
    "eu": Entity(id="org:eu", type=EntityType.ORGANIZATION, name="European Union"),
}

GOLD: dict[str, Any] = {
    "entities": [
        {"name": "Russia", "type": "Country", "aliases_in_text": ["Rusia", "Moskwa"]},
        {"name": "Myanmar military", "type": "Organization", "aliases_in_text": ["militer  Myanmar"]},
        {"name": "Min Aung Hlaing", "type": "Person", "aliases_in_text": ["Min Aung Hlaing"]},
    ],
    "facts": [
        {"subject": "Sergei Shoigu", "relation": "MET_WITH", "object": "Min Aung Hlaing", "date": "2021-06-22"},
        {"subject": "Russia", "relation": "SUPPLIES_ARMS_TO", "object": ["Myanmar", "Myanmar military"],
         "date": None},
        {"subject": "Myanmar military", "relation": "SEIZED_POWER_IN", "object": "Myanmar", "date": "2021-02"},
        {"subject": "Russia", "relation": "TRAINS", "object": "Myanmar military", "date": None,
         "optional": True},
    ],
    "forbidden": [
        {"subject": "Vladimir Putin", "relation": "MET_WITH", "object": "Min Aung Hlaing"},
        {"subject": "European Union", "relation": "SANCTIONED", "object": "*"},
        {"subject": "*", "relation": "*", "object": "*", "evidence_contains": "Baca juga"},
    ],
}  # fmt: skip


def fact(subj: str, rel: Relation, obj: str, date: str | None = None, evidence: str = "A sentence.") -> Fact:
    return Fact(
        subject=ENTITIES[subj].id,
        relation=rel,
        object=ENTITIES[obj].id,
        date=date,
        evidence=evidence,
        sentence_index=0,
        start=0,
        end=len(evidence),
        confidence=0.9,
        extractor="test.v1",
    )


def extraction(*facts: Fact, source: str = "data/x/seed.txt") -> ArticleExtraction:
    return ArticleExtraction(
        source=source,
        article=ArticleMeta(
            id="art:1", url=None, outlet=None, language="id", published=None, title=None, content_hash="0"
        ),
        entities=list(ENTITIES.values()),
        facts=list(facts),
    )


PERFECT = [
    fact("sh", Relation.MET_WITH, "mah", "2021-06-22"),
    fact("ru", Relation.SUPPLIES_ARMS_TO, "mm"),
    fact("mil", Relation.SEIZED_POWER_IN, "mm", "2021-02-01"),
]


def test_perfect_extraction() -> None:
    s = score_article(extraction(*PERFECT), GOLD)
    assert (s.gold, s.produced, s.matched, s.date_agreed, s.forbidden) == (3, 3, 3, 3, 0)
    assert (s.precision, s.recall, s.date_agreement) == (1.0, 1.0, 1.0)
    assert s.missed == [] and s.wrong == []


def test_missing_fact_lowers_recall_only() -> None:
    s = score_article(extraction(*PERFECT[:2]), GOLD)
    assert (s.matched, s.precision, s.recall) == (2, 1.0, pytest.approx(2 / 3))
    assert [m.relation for m in s.missed] == ["SEIZED_POWER_IN"]


def test_nothing_produced() -> None:
    s = score_article(None, GOLD)
    assert (s.produced, s.matched, s.precision, s.recall) == (0, 0, 1.0, 0.0)


def test_symmetric_relation_matches_in_either_order() -> None:
    s = score_article(extraction(fact("mah", Relation.MET_WITH, "sh", "2021-06-22")), GOLD)
    assert s.matched == 1


def test_directed_relation_does_not_match_reversed() -> None:
    s = score_article(extraction(fact("mm", Relation.SUPPLIES_ARMS_TO, "ru")), GOLD)
    assert (s.matched, s.produced) == (0, 1)


@pytest.mark.parametrize("obj", ["mm", "mil"])
def test_list_valued_gold_object_accepts_any_one(obj: str) -> None:
    s = score_article(extraction(fact("ru", Relation.SUPPLIES_ARMS_TO, obj)), GOLD)
    assert s.matched == 1


def test_each_gold_fact_matches_once() -> None:
    twice = [fact("ru", Relation.SUPPLIES_ARMS_TO, "mm"), fact("ru", Relation.SUPPLIES_ARMS_TO, "mil")]
    s = score_article(extraction(*twice), GOLD)
    assert (s.matched, s.produced, s.precision) == (1, 2, 0.5)


def test_optional_fact_is_neither_counted_nor_an_error() -> None:
    s = score_article(extraction(*PERFECT, fact("ru", Relation.TRAINS, "mil")), GOLD)
    assert (s.produced, s.matched, s.optional_matched, s.precision, s.recall) == (3, 3, 1, 1.0, 1.0)


@pytest.mark.parametrize(
    "bad",
    [
        fact("pu", Relation.MET_WITH, "mah"),
        fact("mah", Relation.MET_WITH, "pu"),
        fact("eu", Relation.SANCTIONED, "mil"),
        fact("ru", Relation.TRAINS, "mil", evidence="Baca juga: Rusia latih militer Myanmar"),
    ],
)
def test_forbidden_facts_are_counted_as_errors(bad: Fact) -> None:
    s = score_article(extraction(*PERFECT, bad), GOLD)
    assert (s.forbidden, s.produced, s.matched) == (1, 4, 3)
    assert s.precision == pytest.approx(0.75)
    assert len(s.forbidden_facts) == 1


def test_date_agreement_at_gold_precision() -> None:
    wrong_day = [fact("sh", Relation.MET_WITH, "mah", "2021-06-20"), fact("mil", Relation.SEIZED_POWER_IN, "mm")]
    s = score_article(extraction(*wrong_day), GOLD)
    assert (s.matched, s.date_agreed, s.date_agreement) == (2, 0, 0.0)
    assert {(m.relation, m.date, m.gold_date) for m in s.misdated} == {
        ("MET_WITH", "2021-06-20", "2021-06-22"), ("SEIZED_POWER_IN", None, "2021-02")}


@pytest.mark.parametrize(
    ("produced", "gold", "agrees"),
    [
        ("2021-06-22", "2021-06-22", True),
        ("2021-06-22", "2021-06", True),
        ("2021-06", "2021-06-22", False),
        ("2021-06-22", "2021", True),
        (None, None, True),
        ("2021", None, False),
        (None, "2021", False),
    ],
)
def test_date_agrees(produced: str | None, gold: str | None, agrees: bool) -> None:
    assert date_agrees(produced, gold) is agrees


def test_names_match_after_case_accent_and_space_folding() -> None:
    assert normalize_name("  Min Aung  HLÁING ") == normalize_name("min aung hlaing")
    # "militer  Myanmar" (gold alias, double space) matches the produced alias "militer Myanmar"
    s = score_article(extraction(fact("mil", Relation.SEIZED_POWER_IN, "mm", "2021-02-01")), GOLD)
    assert s.matched == 1


def test_corpus_score_maps_gold_by_stem_and_totals(tmp_path: Path) -> None:
    (tmp_path / "seed.json").write_text(json.dumps(GOLD))
    (tmp_path / "other.json").write_text(json.dumps({"facts": [GOLD["facts"][0]]}))
    gold = load_gold(tmp_path)
    report = score([extraction(*PERFECT), extraction(source="elsewhere/unknown.json"),
                    extraction(fact("sh", Relation.MET_WITH, "mah"), source="other.txt")], gold)
    assert [a.article for a in report.articles] == ["other", "seed"]
    assert report.unscored == ["elsewhere/unknown.json"]
    assert (report.total.gold, report.total.matched, report.total.produced) == (4, 4, 4)
    assert json.loads(report_json(report))["total"]["recall"] == pytest.approx(1.0)
    table = render_report(report)
    assert table.row_count == 3


def test_a_gold_file_whose_article_was_not_given_is_listed_not_scored(tmp_path: Path) -> None:
    (tmp_path / "seed.json").write_text(json.dumps(GOLD))
    (tmp_path / "other.json").write_text(json.dumps({"facts": [GOLD["facts"][0]]}))
    report = score([extraction(*PERFECT)], load_gold(tmp_path))
    assert [a.article for a in report.articles] == ["seed"] and report.not_given == ["other"]
    assert report.total.recall == 1.0 and report.total.gold == 3


def test_an_article_given_that_failed_to_extract_scores_as_producing_nothing(tmp_path: Path) -> None:
    (tmp_path / "seed.json").write_text(json.dumps(GOLD))
    (tmp_path / "other.json").write_text(json.dumps({"facts": [GOLD["facts"][0]]}))
    report = score([extraction(*PERFECT)], load_gold(tmp_path), failed=["corpus/other.json"])
    assert [a.article for a in report.articles] == ["other", "seed"] and report.not_given == []
    assert report.total.recall == pytest.approx(0.75)


@pytest.mark.parametrize(("min_precision", "min_recall", "missed"), [
    (None, None, []),
    (0.5, 0.6, []),
    (0.5, 0.7, ["recall"]),
    (0.9, None, ["precision"]),
    (0.9, 0.9, ["precision", "recall"]),
])
def test_shortfalls_name_each_target_the_total_misses(min_precision: float | None, min_recall: float | None,
                                                      missed: list[str]) -> None:
    # 2 of 3 gold facts matched out of 3 produced: precision 0.667, recall 0.667.
    produced = [*PERFECT[:2], fact("pu", Relation.VISITED, "mm")]
    report = score([extraction(*produced)], {"seed": GOLD})
    shortfalls = report.shortfalls(min_precision=min_precision, min_recall=min_recall)
    assert [m.split()[0] for m in shortfalls] == missed


def test_a_target_with_nothing_scored_is_missed() -> None:
    report = score([extraction(*PERFECT, source="unknown.txt")], {"seed": GOLD})
    assert report.articles == [] and report.not_given == ["seed"]
    assert report.shortfalls(min_precision=None, min_recall=0.1) and not report.shortfalls(min_precision=None,
                                                                                           min_recall=None)


def test_every_form_of_an_article_is_scored_on_its_own(tmp_path: Path) -> None:
    (tmp_path / "seed.json").write_text(json.dumps(GOLD))
    forms = [extraction(*PERFECT, source="data/seed.txt"), extraction(source="data/seed.json")]
    report = score(forms, load_gold(tmp_path))
    assert [a.article for a in report.articles] == ["seed.txt", "seed.json"]
    assert report.total.gold == 2 * report.articles[0].gold
    assert report.articles[0].recall == 1.0 and report.articles[1].recall < 1.0
