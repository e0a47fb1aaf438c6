"""A title and one name ("Verteidigungsminister N", "el ministro de Defensa N") is the registry person with
that surname who held that office on the article's day (`loaders.surnames.titled_surnames`); a title that
fits no such person, or an undated article, leaves the person discovered.

The people are the imported registry's (loaders/data/actors/generated/), in office on 2021-06-01."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples

DAY = "2021-06-01"


@pytest.mark.parametrize(("lang", "text", "person", "state"), [
    ("es", "El ministro de Defensa Prokurica recibió a la delegación en Santiago.", "per:baldo-prokurica", "CHL"),
    ("de", "Verteidigungsminister Kaikkonen traf am Montag in Helsinki seine Amtskollegen.",
     "per:antti-kaikkonen", "FIN"),
    ("en", "Foreign Minister Omamo said Kenya would attend the summit.", "per:raychelle-omamo", "KEN"),
    ("fr", "Le ministre des Affaires étrangères Haavisto est arrivé à Paris.", "per:pekka-haavisto", "FIN"),
    ("id", "Menteri Pertahanan Giang mengunjungi Jakarta pada Senin.", "per:phan-van-giang", "VNM"),
    ("en", "Vice President Ruto spoke to reporters in Nairobi.", "per:william-ruto", "KEN"),
])
def test_a_title_and_a_surname_is_the_holder_of_that_office(lang: str, text: str, person: str, state: str) -> None:
    ex = extract_text(text, lang, DAY)
    assert (person, "HOLDS_ROLE", state) in triples(ex)
    assert not any(e.id.startswith("per:") and e.id != person for e in ex.entities)


def test_every_mention_the_title_made_is_that_person() -> None:
    ex = extract_text("Defence Minister Kaikkonen arrived in Oslo.\nKaikkonen met Norwegian officers.", "en", DAY)
    people = {e.id for e in ex.entities if e.type.value == "Person"}
    assert people == {"per:antti-kaikkonen"}
    assert ("per:antti-kaikkonen", "VISITED", "NOR") in triples(ex)


@pytest.mark.parametrize(("text", "published"), [
    ("Vice President Kenyatta spoke to reporters in Nairobi.", DAY),  # he was President, not Vice President
    ("Defence Minister Omamo spoke to reporters in Nairobi.", DAY),  # she held Foreign Affairs that day
    ("Defence Minister Kaikkonen arrived in Oslo.", None),  # an undated article asserts no registry role
])
def test_a_title_that_fits_no_holder_leaves_the_person_discovered(text: str, published: str | None) -> None:
    ex = extract_text(text, "en", published)
    people = [e for e in ex.entities if e.type.value == "Person"]
    assert len(people) == 1 and people[0].source == "discovered", people
