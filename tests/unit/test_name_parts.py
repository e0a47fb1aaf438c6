"""A word of a person named in full, standing alone later, is that person (loaders/surnames.py
`name_part_mentions`); invented people and sentences in three languages."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples

_FULL = {
    "en": "The Ghanaian foreign minister Kwame Osei Mensah arrived in Oslo.",
    "de": "Der Außenminister Ghanas, Kwame Osei Mensah, traf in Oslo ein.",
    "id": "Menteri Luar Negeri Ghana Kwame Osei Mensah tiba di Oslo.",
}
_SHORT = {
    "en": "{w} met Norwegian Prime Minister Jonas Gahr Store on Monday.",
    "de": "Am Montag traf {w} den norwegischen Ministerpräsidenten Jonas Gahr Støre.",
    "id": "{w} bertemu dengan Perdana Menteri Norwegia Jonas Gahr Store pada hari Senin.",
}


@pytest.mark.parametrize("lang", sorted(_FULL))
@pytest.mark.parametrize("word", ["Osei", "Kwame"])
def test_a_word_of_a_full_name_alone_is_that_person(lang: str, word: str) -> None:
    ex = extract_text(f"{_FULL[lang]}\n{_SHORT[lang].format(w=word)}", lang)
    met = {(s, o) for s, r, o in triples(ex) if r == "MET_WITH"}
    assert any(s == "per:kwame-osei-mensah" and o.startswith("per:jonas-gahr-st") for s, o in met), met


def test_a_word_two_people_of_the_article_share_names_neither() -> None:
    text = ("The Ghanaian foreign minister Kwame Osei Mensah arrived in Oslo.\n"
            "The Ghanaian defence minister Kwame Boateng Asante joined him.\n"
            "Kwame met Norwegian Prime Minister Jonas Gahr Store on Monday.")
    ex = extract_text(text, "en")
    assert not [t for t in triples(ex) if t[1] == "MET_WITH"]


def test_a_title_filled_with_its_holder_lends_no_name_words() -> None:
    """"the Norwegian prime minister" names nobody in full: "Prime" or "Norwegian" alone are no person."""
    ex = extract_text("The Norwegian Prime Minister arrived in Accra.\nPrime seats were sold out.", "en")
    people = [e for e in ex.entities if e.type.value == "Person"]
    assert all(e.mentions <= 1 for e in people)
