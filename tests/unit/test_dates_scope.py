"""Which date a fact takes when its sentence holds several, or none of its own (invented sentences):
an event anaphora ("The contract was signed by …") takes the date of the sentence before that named it; a
coup counted from ("since the coup") and an apposition ("A, an ally of B since 2015, …") are dated only by
their own words; a publication stamp opening a line ("16.09.2023 Author, Outlet …") dates no event."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.dates import find_dates, is_stamp
from tests.factories import extract_text

PUB = "2023-03-15"


def _dates(text: str, lang: str, published: str | None = PUB) -> dict[tuple[str, str], str | None]:
    """Relation and subject of each fact (its object left out: names in other scripts get other ids) -> date."""
    return {(f.relation.value, f.subject): f.date for f in extract_text(text, lang, published).facts
            if f.relation.value != "HOLDS_ROLE"}


def _relation_dates(text: str, lang: str, relation: str) -> list[str | None]:
    return [d for (rel, _), d in _dates(text, lang).items() if rel == relation]


# --- event anaphora ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Kenya and Ghana signed a maritime agreement in Accra on 2 March.\n"
     "The agreement was signed as Kenyan President William Ruto met Ghanaian President Nana Akufo-Addo.", "en"),
    ("Kenya dan Ghana menandatangani kontrak pembelian kapal patroli pada Kamis (2/3/2023).\n"
     "Kontrak tersebut diteken saat Presiden Kenya William Ruto bertemu Presiden Ghana Nana Akufo-Addo di Nairobi.",
     "id"),
    ("Chile und Peru haben am 2. März ein Abkommen über die Küstenwache unterzeichnet.\n"
     "Das Abkommen wurde unterzeichnet, als Chiles Verteidigungsministerin Maya Fernández ihren peruanischen "
     "Amtskollegen Walter Astudillo traf.", "de"),
    ("Le Chili et le Pérou ont signé un accord de patrouille le 2 mars.\n"
     "L'accord a été signé lors de la rencontre entre la ministre chilienne de la Défense Maya Fernández et son "
     "homologue péruvien Walter Astudillo.", "fr"),
    ("Chile y Perú firmaron un acuerdo de patrullaje el 2 de marzo.\n"
     "El acuerdo fue firmado cuando la ministra chilena de Defensa, Maya Fernández, se reunió con su homólogo "
     "peruano Walter Astudillo.", "es"),
])
def test_an_event_anaphora_takes_the_date_of_the_sentence_that_named_the_event(text: str, lang: str) -> None:
    assert _relation_dates(text, lang, "MET_WITH") == ["2023-03-02"]


def test_an_anaphora_whose_noun_the_sentence_before_does_not_name_takes_no_date() -> None:
    text = ("Kenya and Ghana held talks on 2 March.\n"
            "The agreement was signed as Kenyan President William Ruto met Ghanaian President Nana Akufo-Addo.")
    assert _relation_dates(text, "en", "MET_WITH") == [None]


def test_a_date_of_the_anaphora_sentence_itself_wins() -> None:
    text = ("Kenya and Ghana signed a maritime agreement in Accra on 2 March.\n"
            "The agreement was signed on 4 March as Kenyan President William Ruto met Ghanaian President Nana "
            "Akufo-Addo.")
    assert _relation_dates(text, "en", "MET_WITH") == ["2023-03-04"]


def test_a_relative_clause_of_the_anaphora_sentence_is_another_event() -> None:
    text = ("Kenya and Ghana signed a maritime agreement on 2 March.\n"
            "The agreement was hailed by Norway, which signed a similar deal with Ghana.")
    assert _dates(text, "en")[("SIGNED_AGREEMENT_WITH", "NOR")] is None


# --- a coup counted from -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("The Gabonese military, which has ruled Gabon since the coup that toppled President Ali Bongo, expelled "
     "French advisers on Tuesday.", "en"),
    ("Les militaires gabonais, au pouvoir depuis le coup d'État ayant renversé Ali Bongo, ont expulsé mardi des "
     "conseillers français.", "fr"),
    ("Los militares gaboneses, que gobiernan Gabón desde el golpe de Estado que derrocó a Ali Bongo, expulsaron "
     "el martes a asesores franceses.", "es"),
])
def test_a_coup_counted_from_takes_no_date_of_the_main_clause(text: str, lang: str) -> None:
    assert _relation_dates(text, lang, "SEIZED_POWER_IN") == [None]


def test_a_coup_counted_from_keeps_a_date_of_its_own_phrase() -> None:
    text = ("The Gabonese military, which has ruled Gabon since the August 2022 coup that toppled President Ali "
            "Bongo, expelled French advisers on Tuesday.")
    assert _relation_dates(text, "en", "SEIZED_POWER_IN") == ["2022-08"]


# --- an apposition -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Kenya, a long-time ally of Ghana, bought patrol boats from Norway in 2019.", "en"),
    ("Kenia, ein langjähriger Verbündeter Ghanas, kaufte 2019 Patrouillenboote von Norwegen.", "de"),
    ("Le Kenya, allié de longue date du Ghana, a acheté des patrouilleurs à la Norvège en 2019.", "fr"),
])
def test_an_apposition_tie_takes_no_date_of_the_main_clause(text: str, lang: str) -> None:
    assert _dates(text, lang)[("COOPERATES_WITH", "KEN")] is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Kenya, an ally of Ghana since 2015, bought patrol boats from Norway in 2019.", "en"),
    ("Kenia, aliado de Ghana desde 2015, compró lanchas patrulleras a Noruega en 2019.", "es"),
])
def test_an_apposition_keeps_its_own_date(text: str, lang: str) -> None:
    assert _dates(text, lang)[("COOPERATES_WITH", "KEN")] == "2015"


def test_the_main_clause_does_not_take_the_date_of_an_apposition() -> None:
    dated = _dates("Kenya, an ally of Ghana since 2015, bought patrol boats from Norway.", "en")
    assert dated[("SUPPLIES_ARMS_TO", "NOR")] is None
    dated = _dates("Kenya, an ally of Ghana since 2015, bought patrol boats from Norway in 2019.", "en")
    assert dated[("SUPPLIES_ARMS_TO", "NOR")] == "2019"


# --- a publication stamp -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("15.03.2023 Ivan Petrov, Channel Five Kenyan President William Ruto met Ghanaian President Nana Akufo-Addo "
     "in Accra.", "en"),
    ("15.03.2023 Иван Петров, телеканал «Пятый» В Аккре состоялась встреча президента Кении Уильяма Руто с "
     "президентом Ганы Наной Акуфо-Аддо.", "ru"),
    ("15.03.2023 Von Ivan Petrov Der kenianische Präsident William Ruto traf in Accra den ghanaischen Präsidenten "
     "Nana Akufo-Addo.", "de"),
])
def test_a_publication_stamp_opening_a_line_dates_no_event(text: str, lang: str) -> None:
    assert _relation_dates(text, lang, "MET_WITH") == [None]


def test_a_date_at_a_line_start_other_than_the_publication_day_is_a_date() -> None:
    text = ("02.03.2023 Ivan Petrov, Channel Five Kenyan President William Ruto met Ghanaian President Nana "
            "Akufo-Addo in Accra.")
    assert _relation_dates(text, "en", "MET_WITH") == ["2023-03-02"]


@pytest.mark.parametrize(("text", "stamp"), [
    ("15.03.2023 Ivan Petrov\nRuto met Akufo-Addo.", True),
    ("Intro.\n  15.03.2023 Ivan Petrov", True),
    ("Ruto met Akufo-Addo on 15.03.2023.", False),  # inside a sentence: what happened that day
    ("15 March 2023 Ruto met Akufo-Addo.", False),  # written in words: a date the sentence states
])
def test_is_stamp(text: str, stamp: bool) -> None:
    (found,) = find_dates(text, "en", date(2023, 3, 15))
    assert is_stamp(text, found, date(2023, 3, 15)) is stamp
    assert is_stamp(text, found, None) is False
