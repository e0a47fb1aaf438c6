""""HANOI, May 8 (Newswire) - A and B signed … on Tuesday": the publication day in a dateline (a place, a comma,
the day, an agency in parentheses or not, a dash) dates the page, not what the sentence says happened
(invented articles)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


@pytest.mark.parametrize(("text", "lang"), [
    ("HANOI, May 8 (Newswire) - Vietnam and Mongolia signed a memorandum of understanding on defence cooperation "
     "on Tuesday, officials said.", "en"),
    ("ACCRA, 8 mai (Agence) - Le Ghana et le Kenya ont signé un accord de coopération en matière de défense et de "
     "formation mardi.", "fr"),
    ("SANTIAGO, 8 de mayo (Agencia) - Chile y Uruguay firmaron un acuerdo de cooperación en materia de defensa y "
     "ciberseguridad el martes.", "es"),
])
def test_the_dateline_day_dates_no_fact(text: str, lang: str) -> None:
    ex = extract_text(text, lang, published="2024-05-08")
    assert [f.date for f in ex.facts if f.relation.value == "SIGNED_AGREEMENT_WITH"] == ["2024-05-07"]


def test_a_dateline_alone_still_dates_an_undated_sentence_by_nothing() -> None:
    ex = extract_text("OSLO, May 8 - Norway sold frigates to Chile.", "en", published="2024-05-08")
    assert [f.date for f in ex.facts] == [None]


def test_a_day_stated_in_a_sentence_still_dates_it() -> None:
    ex = extract_text("Norway and Chile signed a defence agreement on May 8.", "en", published="2024-05-08")
    assert [f.date for f in ex.facts if f.relation.value == "SIGNED_AGREEMENT_WITH"] == ["2024-05-08"]
