"""Agent nouns after a possessive with a copula ("A is B's closest ally", "Katars engster Verbündeter"),
receiving a visitor as a meeting, a title's name spelt nearly as a registry person's, and targets listed
after a group noun ("two Chinese companies, A and B"). Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "rel"), [
    ("Turkey is Qatar's closest military ally.", "en", "COOPERATES_WITH"),
    ("Turkey remains Qatar's most important arms supplier.", "en", "SUPPLIES_ARMS_TO"),
    ("Die Türkei ist Katars engster Verbündeter.", "de", "COOPERATES_WITH"),
    ("Die Türkei bleibt Katars wichtigster Waffenlieferant.", "de", "SUPPLIES_ARMS_TO"),
    ("La Turquie est le principal allié du Qatar.", "fr", "COOPERATES_WITH"),
    ("Turki adalah sekutu terdekat Qatar.", "id", "COOPERATES_WITH"),
])
def test_the_copulas_subject_holds_the_agent_noun(text: str, lang: str, rel: str) -> None:
    assert ("TUR", rel, "QAT") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Egyptian President Abdel Fattah el-Sisi received Saudi Defence Minister Khalid bin Salman in Cairo.", "en"),
    ("Presiden Mesir Abdel Fattah el-Sisi menerima Menteri Pertahanan Saudi Khalid bin Salman di Kairo.", "id"),
    ("Le président égyptien Abdel Fattah el-Sisi a accueilli Khalid bin Salman au Caire.", "fr"),
])
def test_receiving_a_visitor_is_meeting_him(text: str, lang: str) -> None:
    assert ("per:abdel-fattah-el-sisi", "MET_WITH", "per:khalid-bin-salman") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [("Egypt received two frigates from Italy.", "en"),
                                            ("Mesir menerima dua fregat dari Italia.", "id")])
def test_receiving_goods_is_no_meeting(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "MET_WITH"]


def test_a_titled_name_spelt_nearly_as_a_registry_persons_is_that_person() -> None:
    ex = extract_text("Egyptian President Abdel Fattah al-Sisi arrived in Riyadh.", "en")
    assert "per:abdel-fattah-el-sisi" in {e.id for e in ex.entities}


@pytest.mark.parametrize(("text", "lang", "targets"), [
    ("The United States blacklisted two Chinese companies, Alpha Tech Ltd and Beta Aero Co.", "en",
     {"org:alpha-tech-ltd", "org:beta-aero-co"}),
    ("Les États-Unis ont sanctionné deux entreprises chinoises, Alpha Tech Ltd et Beta Aero Co.", "fr",
     {"org:alpha-tech-ltd", "org:beta-aero-co"}),
    ("Amerika Serikat menjatuhkan sanksi terhadap dua perusahaan Tiongkok, PT Alfa Teknik dan PT Beta Aero.", "id",
     {"org:pt-alfa-teknik", "org:pt-beta-aero"}),
])
def test_targets_listed_after_a_group_noun_are_sanctioned_not_their_state(text: str, lang: str,
                                                                            targets: set[str]) -> None:
    sanctioned = {o for _, r, o in triples(extract_text(text, lang)) if r == "SANCTIONED"}
    assert sanctioned == targets
