"""Coups by bodies the registry does not know, institutions found by their form, the junta that rules a
named state, and parties named after "between" (rules.v1, issue #9 part 2), on invented sentences."""

from __future__ import annotations

import pytest

from graph_schema.model import EntityType, Relation
from loaders.models import ArticleExtraction
from tests.factories import extract_text


def of(ex: ArticleExtraction, rel: Relation) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in ex.facts if f.relation == rel}


def orgs(ex: ArticleExtraction) -> set[str]:
    return {e.id for e in ex.entities if e.type == EntityType.ORGANIZATION}


# --- institutions by form: an abbreviation spelt out, a body in lower case --------------------------


@pytest.mark.parametrize(
    ("text", "lang", "org"),
    [
        ("Le CMRN (Comité militaire pour le renouveau national) a fermé les frontières.", "fr", "org:cmrn"),
        ("Der NRV (Nationaler Rat für Verteidigung) hat die Grenzen geschlossen.", "de", "org:nrv"),
        ("El CMS (Consejo Militar Supremo) cerró las fronteras.", "es", "org:cms"),
        ("The NDC (National Defence Council) closed the borders.", "en", "org:ndc"),
        ("The transitional council closed the borders.", "en", "org:transitional-council"),
        ("La garde républicaine a fermé les frontières.", "fr", "org:garde-republicaine"),
        ("Dewan militer menutup perbatasan.", "id", "org:dewan-militer"),
    ],
)
def test_an_institution_is_found_by_its_form(text: str, lang: str, org: str) -> None:
    assert org in orgs(extract_text(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # an abbreviation spelt out without an institution noun, or a lower-case spelling: no institution
        ("The UCAV (unmanned combat aerial vehicle) flew over the border.", "en"),
        ("Les ENR (énergies nouvelles renouvelables) progressent.", "fr"),
    ],
)
def test_a_spelt_out_abbreviation_without_an_institution_noun_is_none(text: str, lang: str) -> None:
    assert not orgs(extract_text(text, lang))


# --- coups by such bodies: the state they rule, else the one state the sentence names ---------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le CMRN (Comité militaire pour le renouveau national), qui dirige le Tchad depuis le coup d'État, "
         "a fermé les frontières.", "fr", ("org:cmrn", "TCD")),
        ("The head of Chad's presidential guard appeared on television as the leader of the transitional "
         "council that seized power on Monday.", "en", ("org:transitional-council", "TCD")),
        ("El CMS (Consejo Militar Supremo), que gobierna Bolivia desde el golpe de Estado, cerró las "
         "fronteras.", "es", ("org:cms", "BOL")),
    ],
)
def test_a_coup_by_an_unknown_body_is_in_the_state_it_rules(text: str, lang: str,
                                                           expected: tuple[str, str]) -> None:
    assert of(extract_text(text, lang), Relation.SEIZED_POWER_IN) == {expected}


def test_a_coup_by_an_unknown_body_naming_two_states_has_no_state() -> None:
    ex = extract_text("Chile and Peru said the transitional council that seized power on Monday closed the borders.",
                      "en")
    assert not of(ex, Relation.SEIZED_POWER_IN)


def test_a_title_organisation_without_a_relative_clause_is_no_coup_agent() -> None:
    ex = extract_text("The leader of the transitional council criticised the coup in Chad.", "en")
    assert not of(ex, Relation.SEIZED_POWER_IN)


# --- the junta that rules a named state, before any coup of the article ------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La junta militar que detenta el poder en Tailandia desde el golpe de Estado de 2014 arrestó a "
         "los activistas.", "es"),
        ("The junta ruling Thailand since the 2014 coup arrested the activists.", "en"),
        ("Junta militer yang berkuasa di Thailand sejak kudeta 2014 menangkap para aktivis.", "id"),
    ],
)
def test_the_junta_ruling_a_state_is_its_military(text: str, lang: str) -> None:
    assert of(extract_text(text, lang), Relation.SEIZED_POWER_IN) == {("org:armed-forces-tha", "THA")}


def test_the_junta_next_to_a_state_it_does_not_rule_names_nothing() -> None:
    ex = extract_text("The junta criticised Thailand after the coup.", "en")
    assert not of(ex, Relation.SEIZED_POWER_IN)


# --- parties after "between" in the trigger's clause ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le CMRN a dénoncé les accords de coopération conclus entre le Chili et le Pérou.", "fr"),
        ("Canada criticised the cooperation agreement signed between Chile and Peru.", "en"),
        ("Kanada kritisierte das Abkommen über die Zusammenarbeit zwischen Chile und Peru.", "de"),
        ("Canadá criticó el acuerdo de cooperación firmado entre Chile y Perú.", "es"),
    ],
)
def test_parties_after_between_are_the_agreement_parties(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    pairs = of(ex, Relation.SIGNED_AGREEMENT_WITH) | of(ex, Relation.COOPERATES_WITH)
    assert pairs and all({s, o} == {"CHL", "PER"} for s, o in pairs)
