""""A met his Uruguayan counterpart N in Lima": the counterpart named after its noun is the one met, whatever
the sentence names after the name (a place, a date); the registry's holder of the office is no second
counterpart (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Kenya's defence minister Tomás Reyes met his Uruguayan counterpart Martín Cabrera in Lima.", "en"),
    ("Kenya's defence minister Tomás Reyes met his Uruguayan counterpart, Martín Cabrera, in Lima.", "en"),
    ("El ministro de Defensa de Kenia, Tomás Reyes, se reunió con su homólogo uruguayo, Martín Cabrera, en Lima.",
     "es"),
    ("Le ministre kényan de la Défense, Tomás Reyes, a rencontré son homologue uruguayen Martín Cabrera à Lima.",
     "fr"),
    ("Il ministro della Difesa del Kenya, Tomás Reyes, ha incontrato il suo omologo uruguaiano Martín Cabrera a "
     "Lima.", "it"),
])
def test_the_counterpart_named_before_a_place_is_the_one_met(text: str, lang: str) -> None:
    meetings = {t for t in triples(extract_text(text, lang)) if t[1] == "MET_WITH"}
    assert meetings == {("per:tomas-reyes", "MET_WITH", "per:martin-cabrera")}
