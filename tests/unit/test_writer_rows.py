"""The writer's pure row builders: ids are deterministic, rows are deduplicated, labels come from enums."""

from __future__ import annotations

import hashlib
import json

import pytest

from graph_schema.model import EntityType, EventType, Label, Modality, Relation
from loaders.errors import WriteError
from loaders.models import ArticleExtraction, ArticleMeta, Entity, Fact
from loaders.write.ids import claim_id, event_id, parse_tie_key, tie_key
from loaders.write.rows import (
    Row,
    claim_rows,
    labelled_entity_rows,
    labelled_event_rows,
    labelled_tie_rows,
    mention_rows,
    plan_write,
)
from loaders.write.transactions import unchanged_ties

TEXT = "Sergei Shoigu met Min Aung Hlaing in Moscow. Shoigu said Russia backs Myanmar."


def _fact(subject: str, relation: Relation, obj: str, **kw: object) -> Fact:
    base: dict[str, object] = {
        "subject": subject, "relation": relation, "object": obj, "evidence": TEXT[:44],
        "sentence_index": 0, "start": 0, "end": 44, "confidence": 0.8, "extractor": "rules.v1",
    }
    base.update(kw)
    return Fact.model_validate(base)


def _extraction(facts: list[Fact] | None = None, entities: list[Entity] | None = None) -> ArticleExtraction:
    return ArticleExtraction(
        source="test",
        article=ArticleMeta(id="art:1", url="https://example.org/a", outlet="Example", language="en",
                            published="2021-06-24", title="t", content_hash="h1"),
        text=TEXT,
        entities=entities if entities is not None else [
            Entity(id="RUS", type=EntityType.COUNTRY, name="Russia", aliases=["Russia"], known_aliases=["Rusia"]),
            Entity(id="MMR", type=EntityType.COUNTRY, name="Myanmar", aliases=["Myanmar"]),
            Entity(id="per:sergei-shoigu", type=EntityType.PERSON, name="Sergei Shoigu",
                   aliases=["Sergei Shoigu", "Shoigu"], role="Minister of Defence", country="RUS"),
            Entity(id="per:min-aung-hlaing", type=EntityType.PERSON, name="Min Aung Hlaing",
                   aliases=["Min Aung Hlaing"], country="MMR"),
            Entity(id="plc:moscow", type=EntityType.PLACE, name="Moscow", aliases=["Moscow"], country="RUS"),
        ],
        facts=facts if facts is not None else [
            _fact("per:sergei-shoigu", Relation.MET_WITH, "per:min-aung-hlaing", date="2021-06-22",
                  place="plc:moscow", event_type=EventType.MEETING),
            _fact("RUS", Relation.SUPPORTS, "MMR", sentence_index=1, start=45, end=len(TEXT),
                  evidence=TEXT[45:], status=Modality.ANNOUNCED),
        ],
    )


@pytest.mark.parametrize(
    ("relation", "subject", "obj", "expected"),
    [
        (Relation.MET_WITH, "per:b", "per:a", "MET_WITH|per:a|per:b"),
        (Relation.MET_WITH, "per:a", "per:b", "MET_WITH|per:a|per:b"),
        (Relation.SUPPLIES_ARMS_TO, "RUS", "MMR", "SUPPLIES_ARMS_TO|RUS|MMR"),
        (Relation.COOPERATES_WITH, "RUS", "MMR", "COOPERATES_WITH|MMR|RUS"),
    ],
)
def test_tie_key_orders_symmetric_relations_only(relation: Relation, subject: str, obj: str, expected: str) -> None:
    assert tie_key(relation, subject, obj) == expected
    ref = parse_tie_key(expected)
    assert (ref.relation, ref.key) == (relation, expected)


def test_tie_key_refuses_ids_containing_the_separator() -> None:
    with pytest.raises(WriteError):
        tie_key(Relation.MET_WITH, "per:a|b", "per:c")


def test_claim_id_is_the_documented_hash_of_its_statement() -> None:
    # The recipe, recomputed here: an id that depended on the process (hash seed, object identity) fails.
    expected = "clm:" + hashlib.sha1(b"art:1|MET_WITH|a|b|3", usedforsecurity=False).hexdigest()[:16]
    assert claim_id("art:1", Relation.MET_WITH, "a", "b", 3) == expected


@pytest.mark.parametrize(
    "changed",
    [("art:2", Relation.MET_WITH, "a", "b", 3), ("art:1", Relation.VISITED, "a", "b", 3),
     ("art:1", Relation.MET_WITH, "b", "a", 3), ("art:1", Relation.MET_WITH, "a", "c", 3),
     ("art:1", Relation.MET_WITH, "a", "b", 4)],
)
def test_claim_id_changes_with_every_part_of_the_statement(changed: tuple[str, Relation, str, str, int]) -> None:
    assert claim_id(*changed) != claim_id("art:1", Relation.MET_WITH, "a", "b", 3)


def test_event_ids_ignore_participant_order() -> None:
    first = event_id(EventType.MEETING, ["b", "a"], "2021-06-22")
    assert first == event_id(EventType.MEETING, ["a", "b"], "2021-06-22")
    assert first != event_id(EventType.MEETING, ["a", "b"], None)
    assert first.startswith("evt:Meeting:") and len(first) == len("evt:Meeting:") + 12


def _of_label(rows: list[Row], label: Label) -> list[Row]:
    return [row for row in rows if row["label"] == label.value]


def test_entity_rows_carry_their_label_and_the_registry_names_folded() -> None:
    rows = labelled_entity_rows(_extraction())
    assert [r["label"] for r in rows] == ["Country", "Country", "Person", "Person", "Place"]
    russia = next(r for r in rows if r["id"] == "RUS")
    assert russia["known_aliases"] == ["Russia", "Rusia"]
    assert russia["known_folded"] == ["russia", "rusia"]
    assert russia["alpha2"] == "RU"
    people = _of_label(rows, Label.PERSON)
    assert [r["id"] for r in people] == ["per:min-aung-hlaing", "per:sergei-shoigu"]
    # What one article says of an entity (its role, its state, the forms it used) is on its mention.
    assert "role" not in people[1] and "country" not in people[1]


def test_the_same_entity_listed_twice_becomes_one_row_with_all_names() -> None:
    entities = [
        Entity(id="RUS", type=EntityType.COUNTRY, name="Russia", aliases=["Russia"]),
        Entity(id="RUS", type=EntityType.COUNTRY, name="Russia", aliases=["Rusia"], qid="Q159"),
    ]
    extraction = _extraction(facts=[], entities=entities)
    rows = labelled_entity_rows(extraction)
    assert len(rows) == 1
    assert rows[0]["qid"] == "Q159"
    assert [m["surface"] for m in mention_rows(extraction)] == [["Russia", "Rusia"]]


def test_search_fold_strips_case_and_accents() -> None:
    from graph_schema.text import search_fold

    assert search_fold("  São  Tomé ") == "sao tome"


def test_mention_rows_carry_what_the_article_says_of_each_entity() -> None:
    extraction = _extraction()
    for entity in extraction.entities:
        entity.mentions = 2 if entity.id == "per:sergei-shoigu" else 0
    rows = {r["id"]: r for r in mention_rows(extraction)}
    shoigu = rows["per:sergei-shoigu"]
    assert (shoigu["count"], shoigu["surface"], shoigu["folded"]) == (2, ["Sergei Shoigu", "Shoigu"],
                                                                     ["sergei shoigu", "shoigu"])
    assert (shoigu["role"], shoigu["country"]) == ("Minister of Defence", "RUS")
    assert rows["RUS"]["count"] == 0


def test_claim_rows_carry_evidence_tie_key_and_event() -> None:
    rows = claim_rows(_extraction())
    assert len(rows) == 2
    meeting = rows[0]["props"]
    assert meeting["tie_key"] == "MET_WITH|per:min-aung-hlaing|per:sergei-shoigu"
    assert meeting["event_id"] == event_id(EventType.MEETING, ["per:sergei-shoigu", "per:min-aung-hlaing"],
                                           "2021-06-22")
    assert (meeting["sentence"], meeting["start"], meeting["end"]) == (TEXT[:44], 0, 44)
    assert (meeting["plover"], meeting["plover_mode"], meeting["cameo"]) == ("CONSULT", None, "04")
    assert meeting["article_id"] == "art:1"
    assert rows[1]["props"]["event_id"] is None
    assert rows[1]["props"]["status"] == "announced"


def test_the_same_statement_twice_is_one_claim_at_its_highest_confidence() -> None:
    facts = [_fact("RUS", Relation.SUPPORTS, "MMR", confidence=c) for c in (0.4, 0.9, 0.6)]
    rows = claim_rows(_extraction(facts=facts))
    assert len(rows) == 1
    assert rows[0]["props"]["confidence"] == 0.9


def test_a_fact_about_an_unlisted_entity_is_refused() -> None:
    with pytest.raises(WriteError, match="not among"):
        claim_rows(_extraction(facts=[_fact("RUS", Relation.SUPPORTS, "CHN")]))


def test_event_rows_carry_their_type_as_label_and_are_named() -> None:
    (row,) = labelled_event_rows(_extraction())
    assert (row["label"], row["type"]) == ("Meeting", "Meeting")
    assert row["title"] == "Meeting: Min Aung Hlaing – Sergei Shoigu"


@pytest.mark.parametrize(
    ("date_a", "date_b", "same"),
    [
        ("2021-06-21", "2021-06-22", True),  # two outlets, a day apart: one meeting
        ("2021-06-22", "2021-06", True),
        ("2021-06-30", "2021-07-01", False),  # month buckets: a trade-off, documented in event_period
        ("2021-06-22", "2022-06-22", False),
        (None, None, True),
        ("2021-06-22", None, False),
    ],
)
def test_events_of_the_same_participants_meet_within_a_month(date_a: str | None, date_b: str | None,
                                                            same: bool) -> None:
    a = event_id(EventType.MEETING, ["per:x", "per:y"], date_a)
    b = event_id(EventType.MEETING, ["per:y", "per:x"], date_b)
    assert (a == b) is same


def test_tie_rows_are_unique_in_key_order_with_their_relation() -> None:
    rows = labelled_tie_rows(["SUPPORTS|RUS|MMR", "MET_WITH|a|b", "MET_WITH|a|b"])
    assert rows == [
        {"key": "MET_WITH|a|b", "source": "a", "target": "b", "relation": "MET_WITH"},
        {"key": "SUPPORTS|RUS|MMR", "source": "RUS", "target": "MMR", "relation": "SUPPORTS"},
    ]


def test_plan_records_the_extractor_and_a_fingerprint_of_every_row() -> None:
    plan = plan_write(_extraction())
    assert plan.article["extractor"] == "rules.v1"
    assert plan.article["fingerprint"] == plan_write(_extraction()).article["fingerprint"]
    redated = _extraction()
    redated.article.published = "2021-06-25"  # same text, corrected metadata: the article is rewritten
    assert plan_write(redated).article["fingerprint"] != plan.article["fingerprint"]


def test_a_new_writer_version_changes_every_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    import loaders.write.rows

    before = plan_write(_extraction()).article["fingerprint"]
    monkeypatch.setattr(loaders.write.rows, "WRITER_VERSION", "writer.test")
    assert plan_write(_extraction()).article["fingerprint"] != before


def test_a_discovered_entity_has_no_registry_names() -> None:
    extraction = _extraction()
    person = next(e for e in extraction.entities if e.type is EntityType.PERSON)
    person.source = "discovered"
    rows = [r for r in labelled_entity_rows(extraction) if r["id"] == person.id]
    assert (rows[0]["known_aliases"], rows[0]["known_folded"]) == ([], [])


def test_dated_roles_are_stored_as_json_and_absent_roles_as_null() -> None:
    from loaders.models import RoleSpan

    extraction = _extraction()
    shoigu = next(e for e in extraction.entities if e.id == "per:sergei-shoigu")
    shoigu.roles = [RoleSpan(title="Minister of Defence of Russia", country="RUS", start="2012-11-06",
                             end="2024-05-12")]
    rows = {r["id"]: r for r in _of_label(labelled_entity_rows(extraction), Label.PERSON)}
    assert json.loads(rows["per:sergei-shoigu"]["roles_json"]) == [
        {"title": "Minister of Defence of Russia", "org": None, "country": "RUS", "start": "2012-11-06",
         "end": "2024-05-12"}
    ]
    assert rows["per:min-aung-hlaing"]["roles_json"] is None


def test_labelled_entity_rows_are_in_id_order_with_their_label_and_only_their_labels_fields() -> None:
    rows = labelled_entity_rows(_extraction())
    assert [(r["label"], r["id"]) for r in rows] == [
        ("Country", "MMR"), ("Country", "RUS"), ("Person", "per:min-aung-hlaing"), ("Person", "per:sergei-shoigu"),
        ("Place", "plc:moscow")]
    by_id = {r["id"]: r for r in rows}
    assert (by_id["RUS"]["alpha2"], by_id["RUS"]["roles_json"]) == ("RU", None)
    assert by_id["per:sergei-shoigu"]["alpha2"] is None


def test_only_ties_whose_claims_are_identical_count_as_unchanged() -> None:
    old = [row["props"] for row in claim_rows(_extraction())]
    assert unchanged_ties(old, old) == {"MET_WITH|per:min-aung-hlaing|per:sergei-shoigu", "SUPPORTS|RUS|MMR"}
    new = [{**old[0], "confidence": 0.5}, old[1]]
    assert unchanged_ties(old, new) == {"SUPPORTS|RUS|MMR"}
    assert unchanged_ties(old, [old[1], {**old[1], "id": "clm:other"}]) == set()
    assert unchanged_ties([], old) == set()


@pytest.mark.parametrize(("subject", "relation", "obj", "event_type", "title"), [
    ("RUS", Relation.SANCTIONED, "MMR", EventType.SANCTION, "Sanction: Russia → Myanmar"),
    ("MMR", Relation.SANCTIONED, "RUS", EventType.SANCTION, "Sanction: Myanmar → Russia"),
    ("RUS", Relation.SUPPLIES_ARMS_TO, "MMR", EventType.ARMS_TRANSFER, "ArmsTransfer: Russia → Myanmar"),
    ("MMR", Relation.MET_WITH, "RUS", EventType.MEETING, "Meeting: Myanmar – Russia"),
])
def test_an_event_name_keeps_the_direction_of_a_directed_relation(
    subject: str, relation: Relation, obj: str, event_type: EventType, title: str
) -> None:
    facts = [_fact(subject, relation, obj, event_type=event_type, date="2021-06-22")]
    (row,) = labelled_event_rows(_extraction(facts=facts))
    assert row["title"] == title
