""""au Forum économique d'Accra", "al Forum economico di Accra", "en la Feria internacional de defensa de
Santiago": where a language writes the words of a name after its capitalised event noun in lower case
(``lowercase_name_words``), the name runs over them and its link words up to a capitalised place; a stopword,
a date word or punctuation ends it (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


def _events(text: str, lang: str) -> set[str]:
    return {e.name for e in extract_text(text, lang).entities if e.type.value == "Event"}


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Le ministre kényan de la Défense, Tomás Reyes, a participé au Forum économique d'Accra.", "fr",
     "Forum économique d'Accra"),
    ("Tomás Reyes, ministre de la Défense du Kenya, a participé au Salon international de la défense de Nairobi.",
     "fr", "Salon international de la défense de Nairobi"),
    ("Tomás Reyes, ministre de la Défense du Kenya, a participé au Forum économique de Davos la semaine dernière.",
     "fr", "Forum économique de Davos"),
    ("El ministro de Defensa de Chile, Tomás Reyes, participó en la Feria internacional de defensa de Santiago.",
     "es", "Feria internacional de defensa de Santiago"),
    ("Il ministro della Difesa del Cile, Tomás Reyes, ha partecipato al Forum economico di Accra.", "it",
     "Forum economico di Accra"),
    ("O ministro da Defesa do Chile, Tomás Reyes, participou no Fórum económico de Acra em maio.", "pt",
     "Fórum económico de Acra"),
])
def test_a_capitalised_event_noun_takes_its_lower_case_words(text: str, lang: str, name: str) -> None:
    assert _events(text, lang) == {name}


def test_a_stopword_ends_the_name() -> None:
    text = "Tomás Reyes, ministre de la Défense du Kenya, a participé au Sommet pour discuter de la sécurité."
    assert _events(text, "fr") == {"Sommet"}
