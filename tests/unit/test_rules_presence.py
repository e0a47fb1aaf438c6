"""People a presence cue lists ("also present at the meeting were A and B") attended a meeting; they
are not its partners. The same people meeting each other still meet. Invented sentences."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from tests.factories import extract_text


def met(text: str, lang: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in extract_text(text, lang).facts if f.relation == Relation.MET_WITH}


@pytest.mark.parametrize(
    ("present", "meeting", "lang"),
    [
        ("Also present at the meeting were Kenyan Defence Minister Amos Wekesa and Ghanaian Defence Minister "
         "Kofi Boateng.",
         "Kenyan Defence Minister Amos Wekesa met Ghanaian Defence Minister Kofi Boateng.", "en"),
        ("Также на встрече присутствовали министр обороны Кении Амос Векеса и министр обороны Ганы Кофи Боатенг.",
         "Министр обороны Кении Амос Векеса встретился с министром обороны Ганы Кофи Боатенг.", "ru"),
    ],
)
def test_people_present_at_a_meeting_are_not_its_partners(present: str, meeting: str, lang: str) -> None:
    assert met(meeting, lang)  # the same people, meeting each other
    assert not met(present, lang)


def test_a_presence_cue_in_a_later_sentence_keeps_the_meeting() -> None:
    text = ("Kenyan Defence Minister Amos Wekesa met Ghanaian Defence Minister Kofi Boateng in Accra. "
            "Also present were their deputies.")
    assert met(text, "en")
