""""A met her Peruvian counterpart B on the sidelines of X": both people of the meeting attend X, never the
demonym of the counterpart's description; a counterpart described by an origin ("mitranya dari Peru, N",
"her counterpart from Peru, N") is a person and the meeting's partner (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Chilean Defence Minister Maya Fernández met her Peruvian counterpart Walter Astudillo on the sidelines of "
     "the Andean Security Forum.", "en"),
    ("La ministre chilienne de la Défense Maya Fernández a rencontré son homologue péruvien Walter Astudillo en "
     "marge du Forum andin de sécurité.", "fr"),
    ("Chiles Verteidigungsministerin Maya Fernández traf ihren peruanischen Amtskollegen Walter Astudillo am "
     "Rande des Andinen Sicherheitsforums.", "de"),
    ("Menteri Pertahanan Chile Maya Fernández bertemu dengan mitranya dari Peru Walter Astudillo di sela-sela "
     "Forum Keamanan Andes.", "id"),
])
def test_both_people_of_a_meeting_attend_the_event_around_it(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    attendees = {s for s, r, _ in facts if r == "ATTENDED"}
    assert attendees == {"per:maya-fernandez", "per:walter-astudillo"}
    assert ("per:maya-fernandez", "MET_WITH", "per:walter-astudillo") in facts


@pytest.mark.parametrize(("text", "lang"), [
    ("Menteri Pertahanan Chile Maya Fernández bertemu dengan mitranya dari Peru, Walter Astudillo.", "id"),
    ("Menteri Pertahanan Chile Maya Fernández bertemu rakan sejawatnya dari Peru, Walter Astudillo.", "ms"),
    ("Chilean Defence Minister Maya Fernández met her counterpart from Peru, Walter Astudillo.", "en"),
])
def test_a_counterpart_described_by_its_origin_is_a_meeting_partner(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert ("per:maya-fernandez", "MET_WITH", "per:walter-astudillo") in facts
    assert not [t for t in facts if t[0] == "PER" or t[2] == "PER"]
