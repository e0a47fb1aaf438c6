"""The parameter grammar without a database: states, actors, role titles and search text."""

from __future__ import annotations

import pytest
from fastapi.exceptions import RequestValidationError

from service.params import (
    one_typo_away,
    resolve_actor,
    resolve_state,
    resolve_title,
    search_fallback,
    search_text,
)


@pytest.mark.parametrize(("value", "iso"), [
    ("MMR", "MMR"), ("mmr", "MMR"), ("Mmr", "MMR"), ("Myanmar", "MMR"), ("Birmanie", "MMR"), ("burma", "MMR"),
    ("Rusia", "RUS"), ("Russland", "RUS"), ("Россия", "RUS"), ("  chile ", "CHL"), ("Noruega", "NOR"),
    ("Allemagne", "DEU"), ("Côte d'Ivoire", "CIV"),
])
def test_a_state_is_its_code_in_any_case_or_a_name_in_any_language(value: str, iso: str) -> None:
    assert resolve_state("country", value) == iso


@pytest.mark.parametrize("value", ["Atlantis", "XYZ", "Myanmr", "Myanmar!", "M%MR", "per:sergei-shoigu"])
def test_what_names_no_state_is_a_422_at_the_parameter(value: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        resolve_state("country", value)
    [error] = caught.value.errors()
    assert error["loc"] == ("query", "country") and "not a state" in error["msg"]


def test_no_state_given_stays_none() -> None:
    assert resolve_state("country", None) is None


@pytest.mark.parametrize(("value", "resolved"), [
    ("per:ana-lima", "per:ana-lima"), ("org:nato", "org:nato"), ("rus", "RUS"), ("Rusia", "RUS"),
    ("Somebody Unknown", "Somebody Unknown"),
])
def test_an_actor_is_an_id_as_given_or_a_state_as_its_code(value: str, resolved: str) -> None:
    assert resolve_actor(value) == resolved


@pytest.mark.parametrize(("title", "english", "state"), [
    ("Menteri Pertahanan", "Minister of Defence", None),
    ("menteri pertahanan", "Minister of Defence", None),
    ("ministre de la Défense", "Minister of Defence", None),
    ("Verteidigungsminister", "Minister of Defence", None),
    ("Menteri Luar Negeri Chile", "Minister of Foreign Affairs", "CHL"),
    ("defence minister", "Minister of Defence", None),
    ("minister defence", "minister defence", None),
    ("President of Peru", "President of", "PER"),
])
def test_a_role_title_in_any_supported_language_is_its_english_title(
    title: str, english: str, state: str | None
) -> None:
    assert resolve_title(title) == (english, state)


@pytest.mark.parametrize(("q", "text"), [("MMR", "Myanmar"), ("CHL", "Chile"), ("ind", "ind"), ("Shoigu", "Shoigu")])
def test_an_upper_case_code_searches_for_its_state(q: str, text: str) -> None:
    assert search_text(q) == text


@pytest.mark.parametrize(("q", "corrected"), [
    ("Myanmr", "myanmar"), ("Myanamr", "myanmar"), ("Indonesai", "indonesia"), ("Argentinna", "argentina"),
    ("Myanmar", None), ("Xqzvvy", None), ("Chle", None),
])
def test_one_typo_is_corrected_to_the_one_name_it_is_away_from(q: str, corrected: str | None) -> None:
    assert one_typo_away(q) == corrected


@pytest.mark.parametrize(("q", "fallback"), [("mmr", "Myanmar"), ("Chl", "Chile"), ("Myanmr", "myanmar"),
                                             ("xyz", None), ("Shoigu", None)])
def test_a_search_that_found_nothing_retries_a_code_in_any_case_or_one_typo(q: str, fallback: str | None) -> None:
    assert search_fallback(q) == fallback


@pytest.mark.parametrize(("value", "place"), [
    ("Kyiv", "plc:kyiv"), ("Kiev", "plc:kyiv"), ("Київ", "plc:kyiv"), ("Киев", "plc:kyiv"), ("kyjiw", "plc:kyiv"),
    ("Moskwa", "plc:moscow"), ("Москва", "plc:moscow"), ("Moscow", "plc:moscow"), ("Accra", "plc:accra"),
])
def test_a_capitals_name_in_any_spelling_is_its_place(value: str, place: str) -> None:
    assert resolve_actor(value) == place


@pytest.mark.parametrize(("value", "iso"), [("Mexico", "MEX"), ("Panama", "PAN"), ("Singapore", "SGP")])
def test_a_name_a_state_and_its_capital_share_is_the_state(value: str, iso: str) -> None:
    assert resolve_actor(value) == iso


@pytest.mark.parametrize(("value", "state"), [("Kyiv", "UKR"), ("Київ", "UKR"), ("Moskwa", "RUS")])
def test_a_capital_where_a_state_is_expected_is_a_422_naming_its_state(value: str, state: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        resolve_state("country", value)
    [error] = caught.value.errors()
    assert error["loc"] == ("query", "country") and "not a state" in error["msg"] and state in error["msg"]
