"""Time-scoped roles: a title naming nobody stands for whoever held that office on the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from graph_schema.model import Relation
from loaders.models import ArticleExtraction
from loaders.registry import load_registry
from tests.factories import extract_text


def met(ex: ArticleExtraction) -> set[frozenset[str]]:
    return {frozenset((f.subject, f.object)) for f in ex.facts if f.relation == Relation.MET_WITH}


@pytest.mark.parametrize(
    ("day", "holders"),
    [
        (date(2021, 6, 22), ["per:sergei-shoigu"]),
        (date(2025, 1, 10), ["per:andrei-belousov"]),
        (date(2024, 5, 13), []),  # between the two terms: nobody registered
        (None, []),  # no date, no holder
    ],
)
def test_registry_office_holders_on_a_day(day: date | None, holders: list[str]) -> None:
    assert load_registry().holders_on("Minister of Defence of Russia", day) == holders


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rajnath Singh met the Russian Defence Minister in Moscow.", "en"),
        ("Rajnath Singh held talks with Russia's defence minister.", "en"),
        ("Rajnath Singh bertemu dengan Menteri Pertahanan Rusia di Moskow.", "id"),
    ],
)
def test_a_title_without_a_name_is_its_holder_on_the_article_date(text: str, lang: str) -> None:
    then = met(extract_text(text, lang, "2021-06-22"))
    later = met(extract_text(text, lang, "2025-01-10"))
    assert frozenset({"per:rajnath-singh", "per:sergei-shoigu"}) in then
    assert frozenset({"per:rajnath-singh", "per:andrei-belousov"}) in later


def test_an_imported_term_fills_a_title_too() -> None:
    """Serdyukov (2007–2012) is in the imported registry only, not the hand-curated one."""
    ex = extract_text("Rajnath Singh met the Russian Defence Minister in Moscow.", "en", "2010-03-01")
    assert frozenset({"per:rajnath-singh", "per:anatoliy-serdyukov"}) in met(ex)


@pytest.mark.parametrize("published", ["1990-03-01", None])  # before the first imported term
def test_a_title_nobody_in_the_registry_held_gives_no_person_and_no_ministry(published: str | None) -> None:
    ex = extract_text("Rajnath Singh met the Russian Defence Minister in Moscow.", "en", published)
    assert not met(ex)
    assert not any(e.id.startswith("per:") and e.id != "per:rajnath-singh" for e in ex.entities)


def test_a_former_holder_is_not_the_current_one() -> None:
    ex = extract_text("Rajnath Singh met the former Russian Defence Minister in Moscow.", "en", "2021-06-22")
    assert not met(ex)


def test_a_shared_office_is_filled_only_by_a_holder_the_article_names() -> None:
    alone = extract_text("Rajnath Singh bertemu Wamenhan Rusia di Moskow.", "id", "2020-06-24")
    assert not met(alone)
    assert not any(f.object == "org:defence-ministry-rus" for f in alone.facts)
    named = extract_text("Rajnath Singh bertemu Wamenhan Rusia di Moskow.\n"
                "Wamenhan Rusia Alexander Fomin menyambut kunjungan itu.", "id", "2020-06-24")
    assert frozenset({"per:rajnath-singh", "per:alexander-fomin"}) in met(named)


def test_a_holder_looked_up_from_a_title_states_no_role_of_its_own() -> None:
    ex = extract_text("Rajnath Singh met the Russian Defence Minister in Moscow.", "en", "2021-06-22")
    assert not any(f.relation == Relation.HOLDS_ROLE and f.subject == "per:sergei-shoigu" for f in ex.facts)
