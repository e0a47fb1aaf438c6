"""An actor before "selon" / "according to" is no speaker (the source follows the word); a destination is not
who attends ("A sent soldiers to B to take part in X"); an event before or after the one an anaphora refers
to keeps no anaphora date ("The visit comes weeks after N travelled to …") (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "trainee"), [
    ("Des instructeurs russes forment désormais les soldats burkinabè, selon plusieurs sources.", "fr", "BFA"),
    ("Russian instructors are training Malian soldiers, according to several sources.", "en", "MLI"),
    ("Instructores rusos entrenan a los soldados malienses, según varias fuentes.", "es", "MLI"),
])
def test_an_actor_before_an_attribution_word_is_an_argument(text: str, lang: str, trainee: str) -> None:
    assert ("RUS", "TRAINS", trainee) in triples(extract_text(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("TNI Angkatan Darat mengirim 200 prajurit ke Australia untuk mengikuti latihan bersama Wirra Jaya 2024.", "id"),
    ("The Indonesian Army sent 200 soldiers to Australia to take part in the Wirra Jaya 2024 exercise.", "en"),
])
def test_a_destination_is_not_the_attendee(text: str, lang: str) -> None:
    attendees = {s for s, r, _ in triples(extract_text(text, lang)) if r == "ATTENDED"}
    assert attendees == {"org:army-idn"}


def test_an_event_after_another_keeps_no_anaphora_date() -> None:
    text = ("Two Chinese warships arrived in Colombo on Saturday for a three-day visit.\n"
            "The visit comes weeks after Indian Navy Chief Admiral Dinesh Tripathi travelled to Sri Lanka.")
    dated = {(f.subject, f.relation.value): f.date for f in extract_text(text, "en", "2024-08-10").facts}
    assert dated[("per:dinesh-tripathi", "VISITED")] is None
    assert dated[("org:navy-chn", "VISITED")] == "2024-08-10"
