"""Imported registry people in invented sentences: spellings of other languages, surnames alone, dates.

The people are the imported ones (loaders/data/actors/generated/), not corpus actors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import loaders
from loaders.models import ArticleExtraction
from loaders.registry import load_registry
from loaders.registry_stats import registry_stats
from loaders.surnames import surname_index
from tests.factories import extract_text


def _people(ex: ArticleExtraction) -> dict[str, str | None]:
    return {e.id: e.role for e in ex.entities if e.type.value == "Person"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Russian interior minister Vladimir Rushailo visited Minsk.", "en"),
    ("Der russische Innenminister Wladimir Ruschailo besuchte Minsk.", "de"),
    ("Le ministre russe Vladimir Rouchaïlo s'est rendu à Minsk.", "fr"),
])
def test_a_russian_name_spelt_the_german_or_french_way_is_the_same_person(text: str, lang: str) -> None:
    assert load_registry().get("per:vladimir-rushailo") is not None  # imported, not hand-curated
    assert "per:vladimir-rushailo" in _people(extract_text(text, lang, published="2000-06-01"))


def test_a_surname_alone_is_the_one_registry_person_in_office_that_day() -> None:
    ex = extract_text("Kolokolzew sprach am Montag in Minsk.", "de", published="2015-03-02")
    assert "per:vladimir-kolokoltsev" in _people(ex)


def test_a_surname_alone_in_an_undated_article_stays_unresolved() -> None:
    ex = extract_text("Kolokolzew sprach am Montag in Minsk.", "de", published=None)
    assert "per:vladimir-kolokoltsev" not in _people(ex)


def test_a_surname_two_officials_share_stays_unresolved() -> None:
    """In 2003 Sergei Ivanov was Russia's defence minister and Igor Ivanov its foreign minister."""
    holders = [p for p in surname_index(load_registry())["ivanov"]
               if p in ("per:sergei-ivanov", "per:igor-ivanov")]
    assert len(holders) == 2
    ex = extract_text("Ivanov said the talks in Minsk went well.", "en", published="2003-06-02")
    assert not {"per:sergei-ivanov", "per:igor-ivanov"} & set(_people(ex))


def test_a_surname_resolves_to_the_namesake_named_in_full_in_the_article() -> None:
    ex = extract_text("Sergei Ivanov arrived in Minsk.\nIvanov said the talks went well.", "en",
                      published="2003-06-02")
    ids = [e.id for e in ex.entities if e.id.endswith("ivanov")]
    assert ids == ["per:sergei-ivanov"]
    assert next(e for e in ex.entities if e.id == "per:sergei-ivanov").mentions == 2


def test_a_registry_role_is_asserted_only_for_a_dated_article() -> None:
    text = "Vladimir Kolokoltsev arrived in Minsk."
    assert _people(extract_text(text, "en", published="2015-03-02"))["per:vladimir-kolokoltsev"] == \
        "Minister of the Interior of Russia"
    assert _people(extract_text(text, "en", published=None))["per:vladimir-kolokoltsev"] is None


def test_an_open_title_is_filled_by_the_imported_holder_of_that_day() -> None:
    ex = extract_text("The Brazilian defence minister visited Moscow.", "en", published="2020-01-10")
    assert "per:fernando-azevedo-e-silva" in _people(ex)


@pytest.mark.parametrize(("alias", "iso"), [("Rússia", "RUS"), ("Noruega", "NOR"), ("Norwegia", "NOR"),
                                            ("Nuova Zelanda", "NZL"), ("Selandia Baru", "NZL")])
def test_cldr_state_names_are_aliases(alias: str, iso: str) -> None:
    """CLDR names (loaders/data/countries/cldr.yaml) of the project's languages name their states."""
    actor = load_registry().get(iso)
    assert actor is not None and alias in actor.aliases


def test_registry_stats_cover_the_world() -> None:
    stats = registry_stats(load_registry())
    assert stats.states_with_officials >= 150 and stats.persons_with_dated_roles >= 5000
    languages = {p.parent.name for p in (Path(loaders.__file__).parent / "data" / "lang").glob("*/language.yaml")}
    assert {"de", "en", "es", "fr", "id", "ru"} <= languages  # (the glob finds the language folders)
    assert set(stats.state_names_per_language) == languages
    assert all(n >= 200 for n in stats.state_names_per_language.values())
    assert stats.sources and all(len(s.commit) == 40 for s in stats.sources)


@pytest.mark.parametrize(("text", "lang"), [("Russian Interior Minister Kolokoltsev said the talks went well.", "en"),
                                            ("Le ministre Kolokoltsev a déclaré que tout allait bien.", "fr")])
def test_a_surname_after_a_title_is_still_alone(text: str, lang: str) -> None:
    assert "per:vladimir-kolokoltsev" in _people(extract_text(text, lang, published="2015-03-02"))


def test_a_surname_inside_an_unknown_full_name_is_not_the_registry_person() -> None:
    ex = extract_text("Peter Kolokoltsev said the talks went well.", "en", published="2015-03-02")
    assert "per:vladimir-kolokoltsev" not in _people(ex)


@pytest.mark.parametrize(("text", "lang"), [
    ("Ralda Moreno visitó Taipéi el lunes.", "es"),
    ("Ralda Moreno s'est rendu à Taipei lundi.", "fr"),
    ("Ralda Moreno arrived in Taipei on Monday.", "en"),
])
def test_a_double_surname_alone_is_the_one_registry_person_in_office(text: str, lang: str) -> None:
    """Spanish and Portuguese names carry two surnames; the pair alone names the person (Guatemala's
    defence minister of 2017-2019 here), where "Moreno" alone is shared by many."""
    assert len(surname_index(load_registry())["moreno"]) > 1
    assert "per:luis-miguel-ralda-moreno" in _people(extract_text(text, lang, published="2018-05-07"))


def test_a_double_surname_resolves_to_the_person_named_in_full_even_undated() -> None:
    ex = extract_text("Jorge Castañeda Gutman llegó a Lima.\nCastañeda Gutman dijo que la visita fue un éxito.",
                      "es", published=None)
    person = next(e for e in ex.entities if e.id == "per:jorge-castaneda-gutman")
    assert person.mentions == 2


def test_a_double_surname_inside_a_longer_unknown_name_is_not_the_registry_person() -> None:
    ex = extract_text("Pedro Ralda Moreno dijo que la visita fue un éxito.", "es", published="2018-05-07")
    assert "per:luis-miguel-ralda-moreno" not in _people(ex)
