"""An unnamed counterpart named by its state ("his Indian counterpart") is the holder, that day, of the
speaker's office in that state (registry roles; invented sentences, imported office holders)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples

_MET = ("per:sergei-shoigu", "MET_WITH", "per:rajnath-singh")


@pytest.mark.parametrize(("text", "lang"), [
    ("Sergei Shoigu met his Indian counterpart in New Delhi on Monday.", "en"),
    ("Sergueï Choïgou a rencontré son homologue indien à New Delhi.", "fr"),
    ("Sergei Shoigu bertemu dengan mitranya dari India di New Delhi.", "id"),
    ("Sergei Schoigu traf seinen indischen Amtskollegen in Neu-Delhi.", "de"),
])
def test_an_unnamed_counterpart_is_the_holder_of_the_same_office_there(text: str, lang: str) -> None:
    assert _MET in triples(extract_text(text, lang, "2023-03-15"))


def test_an_undated_article_names_no_counterpart() -> None:
    assert _MET not in triples(extract_text("Sergei Shoigu met his Indian counterpart.", "en", None))


def test_a_counterpart_without_a_state_names_nobody() -> None:
    found = triples(extract_text("Sergei Shoigu met his counterpart in New Delhi.", "en", "2023-03-15"))
    assert not [t for t in found if t[1] == "MET_WITH"]


def test_on_another_day_the_office_has_another_holder() -> None:
    """Shoigu and Singh both held their offices in 2020 too, but in 2010 Shoigu was no defence minister."""
    assert _MET not in triples(extract_text("Sergei Shoigu met his Indian counterpart.", "en", "2010-03-15"))


def test_the_office_may_come_from_the_title_the_text_gives() -> None:
    """A person the registry lacks, titled Ghana's foreign minister by the text: the Norwegian counterpart
    is Norway's foreign minister of that day (Ine Eriksen Søreide in June 2021, in the imported tables)."""
    ex = extract_text("The Ghanaian foreign minister Kwame Osei Mensah met his Norwegian counterpart in Oslo.",
                      "en", "2021-06-01")
    assert ("per:kwame-osei-mensah", "MET_WITH", "per:ine-marie-eriksen-søreide") in triples(ex)


@pytest.mark.parametrize(("text", "lang"), [
    ("Norway's foreign minister held talks with his Kenyan counterpart in Oslo.", "en"),
    ("La ministre norvégienne des Affaires étrangères s'est entretenue avec son homologue kényane à Oslo.", "fr"),
    ("La ministra de Asuntos Exteriores de Noruega se reunió con su homóloga keniana en Oslo.", "es"),
    ("Menteri Luar Negeri Norwegia bertemu dengan mitranya dari Kenya di Oslo.", "id"),
])
def test_the_office_may_come_from_a_title_naming_nobody(text: str, lang: str) -> None:
    """"Norway's foreign minister" names nobody in the text: filled with that day's holder (Ine Eriksen
    Søreide in June 2021), whose Kenyan counterpart is Kenya's foreign minister (Raychelle Omamo)."""
    ex = extract_text(text, lang, "2021-06-01")
    assert ("per:ine-marie-eriksen-søreide", "MET_WITH", "per:raychelle-omamo") in triples(ex)
