"""Facts (rules.v1): argument rules, negation and modality, related links, de-duplication."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph_schema.model import Modality, Relation
from loaders.facts import EXTRACTOR, dedupe, extract_facts
from loaders.mentions import find_mentions
from loaders.models import ArticleExtraction, Fact
from loaders.registry import load_registry
from tests.factories import article, context, extract_text, triples


def run(text: str, lang: str = "id") -> ArticleExtraction:
    """This module's sentences are in 'id' unless they say otherwise."""
    return extract_text(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Wang Yi bertemu dengan Retno Marsudi di Jakarta.", "id",
         ("per:wang-yi", "MET_WITH", "per:retno-marsudi")),
        ("Lloyd Austin met Rajnath Singh in New Delhi.", "en",
         ("per:lloyd-austin", "MET_WITH", "per:rajnath-singh")),
        ("Beijing juga menjual senjata ke militer Kamboja.", "id", ("CHN", "SUPPLIES_ARMS_TO", "org:armed-forces-khm")),
        ("China sells weapons to Pakistan.", "en", ("CHN", "SUPPLIES_ARMS_TO", "PAK")),
        ("Pakistan bought J-10C jets from China.", "en", ("CHN", "SUPPLIES_ARMS_TO", "PAK")),
        ("Hubungan pertahanan antara Vietnam dan India berkembang.", "id", ("VNM", "COOPERATES_WITH", "IND")),
        ("The European Union imposed sanctions on Iran.", "en", ("org:eu", "SANCTIONED", "IRN")),
        ("Turkey condemned Israel.", "en", ("TUR", "CRITICIZED", "ISR")),
        ("India memberikan pelatihan kepada tentara Vietnam.", "id", ("IND", "TRAINS", "org:armed-forces-vnm")),
    ],
)
def test_relation_and_arguments(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run(text, lang))


def test_visit_to_a_city_is_a_visit_to_its_state_with_the_city_as_place() -> None:
    ex = run("Rajnath Singh berkunjung ke Jakarta pada Senin (13/3/2023).")
    visit = next(f for f in ex.facts if f.relation == Relation.VISITED)
    assert (visit.object, visit.place, visit.date) == ("IDN", "plc:jakarta", "2023-03-13")


def test_coordinated_subjects_hold_talks() -> None:
    ex = run("Lloyd Austin and Rajnath Singh held talks in New Delhi on Monday.", "en")
    met = [f for f in ex.facts if f.relation == Relation.MET_WITH]
    assert len(met) == 1 and {met[0].subject, met[0].object} == {"per:lloyd-austin", "per:rajnath-singh"}
    assert met[0].place == "plc:new-delhi" and met[0].date == "2023-03-13"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Presiden Tiongkok Xi Jinping tidak berencana untuk bertemu dengan Hun Manet.", "id"),
        ("Chinese President Xi Jinping does not plan to meet Hun Manet.", "en"),
        ("Xi Jinping denied he met Hun Manet.", "en"),
    ],
)
def test_negated_meeting_is_withheld(text: str, lang: str) -> None:
    ex = run(text, lang)
    assert not [f for f in ex.facts if f.relation == Relation.MET_WITH]
    assert [f.status for f in ex.withheld] == [Modality.DENIED]


def test_planned_visit_is_withheld_but_planned_cooperation_is_a_fact() -> None:
    ex = run("Xi Jinping will visit Cambodia. China plans cooperation with Cambodia.", "en")
    ex2 = run("Xi Jinping will visit Cambodia.\nChina plans cooperation with Cambodia.", "en")
    for e in (ex, ex2):
        assert not [f for f in e.facts if f.relation == Relation.VISITED]
    assert ("CHN", "COOPERATES_WITH", "KHM") in triples(ex2)


def test_related_article_links_state_nothing() -> None:
    text = "Baca juga: Uni Eropa Jatuhkan Sanksi terhadap Iran\nRead more: Turkey condemned Israel"
    ex = run(text)
    assert ex.facts == [] and ex.entities == []


def test_holds_role_from_title_and_entities_of_the_fact_view() -> None:
    ex = run("Menteri Pertahanan India Rajnath Singh tiba di Jakarta.")
    role = next(f for f in ex.facts if f.relation == Relation.HOLDS_ROLE)
    # a minister's role is one of the state's (the ministry stays the role's organisation)
    assert (role.subject, role.object, role.extractor) == ("per:rajnath-singh", "IND", EXTRACTOR)
    names = {e.id: e for e in ex.entities}
    assert names["per:rajnath-singh"].role == "Minister of Defence of India"


def test_named_organisation_of_a_title_is_the_role_object() -> None:
    ex = run("Jens Stoltenberg, Secretary General of NATO, met Rajnath Singh.", "en")
    role = next(f for f in ex.facts if f.relation == Relation.HOLDS_ROLE)
    assert (role.subject, role.object) == ("per:jens-stoltenberg", "org:nato")


def _fact(subject: str, obj: str, date: str | None, evidence: str) -> Fact:
    return Fact(subject=subject, relation=Relation.MET_WITH, object=obj, date=date, evidence=evidence,
                sentence_index=0, start=0, end=1, confidence=0.9, extractor=EXTRACTOR)


def test_dedupe_symmetric_keeps_first_evidence_and_best_date() -> None:
    facts = dedupe([_fact("a", "b", None, "first"), _fact("b", "a", "2021-06-22", "second")])
    assert len(facts) == 1 and facts[0].evidence == "first" and facts[0].date == "2021-06-22"


@pytest.mark.parametrize(
    ("text", "event_id"),
    [
        ("Prabowo Subianto menghadiri konferensi keamanan pada 20 Juni 2021.", "evt:konferensi-keamanan-2021"),
        ("Prabowo Subianto menghadiri konferensi keamanan.", "evt:konferensi-keamanan-2023"),  # published
    ],
)
def test_a_discovered_event_is_keyed_by_its_name_and_year(text: str, event_id: str) -> None:
    ex = run(text)
    assert ("per:prabowo-subianto", "ATTENDED", event_id) in triples(ex)
    event = next(e for e in ex.entities if e.id == event_id)
    assert event.name == "konferensi keamanan" and event.source == "discovered"


def test_the_state_office_flag_decides_whether_a_minister_holds_a_role_of_the_state() -> None:
    art = article("Menteri Pertahanan India Rajnath Singh tiba di Jakarta.")
    reg = load_registry()
    ministry = reg.actors["org:defence-ministry-ind"]
    unflagged = replace(reg, actors={**reg.actors, ministry.id: ministry.model_copy(update={"state_office": False})})
    for registry, target in ((reg, "IND"), (unflagged, ministry.id)):
        ctx = context(art, registry=registry)
        facts = extract_facts(ctx, find_mentions(ctx)).facts
        assert [(f.subject, f.object) for f in facts if f.relation == Relation.HOLDS_ROLE] == [
            ("per:rajnath-singh", target)]
