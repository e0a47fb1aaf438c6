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


# --- a capitalised institution name with its abbreviation after it ------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "org"),
    [
        ("The Economic Community of Andean States (Ecoand) has condemned the coup in Bolivia.", "en",
         "org:economic-community-of-andean-states"),
        ("Le Conseil militaire de transition (CMT) a condamné le coup d'État en Bolivie.", "fr",
         "org:conseil-militaire-de-transition"),
        ("La Comunidad Andina de Defensa (CoAnD) condenó el golpe de Estado en Bolivia.", "es",
         "org:comunidad-andina-de-defensa"),
    ],
)
def test_a_name_before_its_abbreviation_is_an_institution_critic(text: str, lang: str, org: str) -> None:
    ex = extract_text(text, lang)
    assert {s for s, o in of(ex, Relation.CRITICIZED) if o.startswith("evt:coup")} == {org}
    names = next(({e.name, *e.aliases} for e in ex.entities if e.id == org), set())
    assert len(names) == 2  # the name and its abbreviation


def test_an_agreement_name_before_its_abbreviation_is_no_institution() -> None:
    assert not orgs(extract_text("Chile and Peru signed the Visiting Forces Agreement (VFA) in 2014.", "en"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le Chili, l'Équateur et le Pérou condamnent le coup d'État.", "fr"),
        ("Chile, Ecuador and Peru condemned the coup.", "en"),
        ("Chile, Ecuador y Perú condenaron el golpe de Estado.", "es"),
    ],
)
def test_an_elided_article_keeps_a_list_of_critics(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert {s for s, o in of(ex, Relation.CRITICIZED) if o.startswith("evt:coup")} == {"CHL", "ECU", "PER"}


# --- a subject pronoun opening a sentence: the person who opened the sentence before -----------------
# (one sentence a line: `extract_text`; a blank line opens a paragraph)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile's Defence Minister Ana Reyes arrived in Lima on Monday.\nShe also met Peru's Defence Minister "
         "Luis Soto.", "en"),
        ("Der chilenische Verteidigungsminister Ana Reyes kam am Montag in Lima an.\nEr traf auch den "
         "peruanischen Verteidigungsminister Luis Soto.", "de"),
        ("Menteri Pertahanan Chile Ana Reyes tiba di Lima pada Senin.\nIa juga bertemu Menteri Pertahanan Peru "
         "Luis Soto.", "id"),
        ("La ministre chilienne de la Défense Ana Reyes est arrivée à Lima lundi.\nElle a aussi rencontré le "
         "ministre péruvien de la Défense Luis Soto.", "fr"),
    ],
)
def test_a_pronoun_is_the_person_opening_the_sentence_before(text: str, lang: str) -> None:
    assert of(extract_text(text, lang), Relation.MET_WITH) == {("per:ana-reyes", "per:luis-soto")}


@pytest.mark.parametrize(
    "text",
    [
        # another paragraph
        "Chile's Defence Minister Ana Reyes arrived in Lima on Monday.\n\nShe also met Luis Soto.",
        # the sentence before opened with a state, not a person
        "Chile sent Defence Minister Ana Reyes to Lima on Monday.\nShe also met Luis Soto.",
        # two sentences back
        "Chile's Defence Minister Ana Reyes arrived in Lima on Monday.\nTalks lasted long.\nShe also met "
        "Luis Soto.",
    ],
)
def test_a_pronoun_without_a_person_opening_the_sentence_before_names_nobody(text: str) -> None:
    assert not of(extract_text(text, "en"), Relation.MET_WITH)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Canada's Foreign Minister Mark Lane referred to the attempted coup in Bolivia.", "en"),
        ("La ministre canadienne Marie Lane a évoqué le récent coup d'État en Bolivie.", "fr"),
        ("Kanadas Außenminister Mark Lane sprach über den gescheiterten Putsch in Bolivien.", "de"),
    ],
)
def test_who_names_a_modified_coup_seized_no_power(text: str, lang: str) -> None:
    assert not of(extract_text(text, lang), Relation.SEIZED_POWER_IN)
