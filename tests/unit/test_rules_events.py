"""Named events and attendance, references across the article, coups in passing and everyday vocabulary
(rules.v1, issue #9), on sentences written for these tests with invented actors."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from loaders.models import ArticleExtraction
from tests.factories import extract_text


def of(ex: ArticleExtraction, rel: Relation) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in ex.facts if f.relation == rel}


def event_names(ex: ArticleExtraction) -> dict[str, set[str]]:
    """Discovered event id (its year dropped) -> its name and aliases."""
    return {e.id.rsplit("-", 1)[0]: {e.name, *e.aliases} for e in ex.entities if e.id.startswith("evt:")}


def attended(ex: ArticleExtraction) -> set[tuple[str, str]]:
    return {(s, o.rsplit("-", 1)[0]) for s, o in of(ex, Relation.ATTENDED)}


# --- event names: lower-case heads, tails after a capitalised name, possessives, compounds ----------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a capitalised name ending in lower-case words up to its event noun
        ("Chile's Defence Minister Ana Reyes met Peru's Defence Minister Luis Soto on the sidelines of "
         "APEC defence ministers meeting.", "en", ("per:ana-reyes", "evt:apec-defence-ministers-meeting")),
        # a possessive inside the name, then an ordinal and a modifier before the event noun
        ("Chile's Defence Minister Ana Reyes spoke during the Andean Institute for Strategy's 12th annual "
         "conference in Lima.", "en",
         ("per:ana-reyes", "evt:andean-institute-for-strategy-s-12th-annual-conference")),
        # a plural possessive ("Ministers’") inside a capitalised name
        ("Chile's Defence Minister Ana Reyes spoke on the sidelines of the Andean Defence Ministers’ "
         "Informal Meeting.", "en", ("per:ana-reyes", "evt:andean-defence-ministers-informal-meeting")),
        # a lower-case head noun with its modifier, after a determiner
        ("Chile attended the signing ceremony in Lima.", "en", ("CHL", "evt:signing-ceremony")),
        # German: a compound ending in an event noun, a truncated compound joined by "und"
        ("Chile sprach am Rande einer Luft- und Waffenschau in Lima.", "de",
         ("CHL", "evt:luft-und-waffenschau")),
        # Spanish: a demonstrative before the name
        ("Chile llegó a Lima para participar en dichos Juegos Andinos Internacionales.", "es",
         ("CHL", "evt:juegos-andinos-internacionales")),
        # French: a meeting noun after "en marge de"
        ("Le Chili a signé un accord avec le Pérou en marge de la réunion des ministres andins.", "fr",
         ("CHL", "evt:reunion-des-ministres-andins")),
    ],
)
def test_event_names_after_attendance_cues(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in attended(extract_text(text, lang))


def test_the_name_as_written_with_its_determiner_is_an_alias() -> None:
    names = event_names(extract_text("Chile attended the signing ceremony in Lima.", "en"))
    assert names["evt:signing-ceremony"] == {"signing ceremony", "the signing ceremony"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile and Peru attended the signing ceremony in Lima.", "en"),
        ("Le Chili et le Pérou ont assisté à la cérémonie de signature à Lima.", "fr"),
    ],
)
def test_a_trigger_inside_an_event_name_is_no_trigger(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert {s for s, _ in of(ex, Relation.ATTENDED)} == {"CHL", "PER"}
    assert not of(ex, Relation.SIGNED_AGREEMENT_WITH)


def test_every_party_between_and_attends() -> None:
    ex = extract_text("The deal was signed in Lima between Chile's Defence Minister Ana Reyes and Peru's Defence "
                      "Minister Luis Soto on the sidelines of the Andean Security Forum.", "en")
    assert attended(ex) == {("per:ana-reyes", "evt:andean-security-forum"),
                            ("per:luis-soto", "evt:andean-security-forum")}


def test_a_state_and_an_unknown_title_before_a_name_keep_a_coordination() -> None:
    # "US Secretary of War" is no title the rules know; the state still qualifies the person
    ex = extract_text("The pact was exchanged between Chile’s Defence Minister Ana Reyes and US Under "
                      "Secretary of War Luis Soto on the sidelines of the Andean Security Forum.", "en")
    assert {s for s, _ in attended(ex)} >= {"per:ana-reyes"}
    assert len(attended(ex)) == len({s for s, _ in attended(ex)})


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile's Defence Minister Ana Reyes spoke on the sidelines of the Andean Defence Ministers Meeting.", "en"),
        ("Chile's Defence Minister Ana Reyes spoke on the sidelines of the Pacific Foreign Ministers Forum.", "en"),
    ],
)
def test_a_meeting_noun_names_an_event_never_a_person(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    people = {e.id for e in ex.entities if e.type.value == "Person"}
    assert people == {"per:ana-reyes"}
    assert {s for s, _ in attended(ex)} == {"per:ana-reyes"}


# --- a joint exercise named after a name cue, between two parties ---------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "event"),
    [
        ('A joint military exercise codenamed "Blue Shield" between Chile and Peru started on Monday.', "en",
         "evt:blue-shield"),
        ("Un exercice conjoint baptisé « Bouclier Andin » entre le Chili et le Pérou a commencé lundi.", "fr",
         "evt:bouclier-andin"),
        ('Latihan militer gabungan bertajuk "Perisai Andes" antara Chili dan Peru dimulai pada Senin.', "id",
         "evt:perisai-andes"),
    ],
)
def test_a_named_joint_exercise_between_two_parties(text: str, lang: str, event: str) -> None:
    ex = extract_text(text, lang)
    assert attended(ex) == {("CHL", event), ("PER", event)}
    assert of(ex, Relation.COOPERATES_WITH) == {("CHL", "PER")}
