"""A month or weekday word that is a given name ("Jan", "June") stays in a name in apposition after a title
("The defence minister of Poland, Jan Kowalski, …"); before, the title fell back to the registry's holder, a
different person. Invented names."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


@pytest.mark.parametrize(("text", "lang", "person"), [
    ("The defence minister of Ghana, Jan Mensah, visited Oslo on Tuesday.", "en", "per:jan-mensah"),
    ("The defence minister of Ghana, June Mensah, visited Oslo.", "en", "per:june-mensah"),
    ("Le ministre de la Défense du Ghana, Jan Mensah, a visité Oslo.", "fr", "per:jan-mensah"),
])
def test_a_calendar_given_name_stays_in_the_apposition(text: str, lang: str, person: str) -> None:
    ex = extract_text(text, lang, "2024-03-01")
    assert [(f.subject, f.object) for f in ex.facts if f.relation.value == "VISITED"] == [(person, "NOR")]


def test_a_date_after_a_comma_is_no_name() -> None:
    ex = extract_text("Ghana's defence minister visited Oslo on Monday, March 4.", "en", "2024-03-10")
    assert not [e for e in ex.entities if e.id.startswith("per:march")]
