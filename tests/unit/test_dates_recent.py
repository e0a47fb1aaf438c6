"""Recency cues ("recently", "hat nun", "is on a visit": ``recent_cues``) date an otherwise undated event at
the publication month; a date the sentence states wins (invented sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.dates import find_dates
from tests.factories import extract_text


def _dates(text: str, lang: str, published: str | None) -> dict[tuple[str, str, str], str | None]:
    return {(f.subject, f.relation.value, f.object): f.date for f in extract_text(text, lang, published).facts}


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile recently delivered patrol boats to Peru.", "en"),
    ("Chile hat nun Patrouillenboote an Peru geliefert.", "de"),
    ("Le Chili a récemment livré des patrouilleurs au Pérou.", "fr"),
    ("Chile entregó recientemente patrulleras a Perú.", "es"),
    ("Chile baru-baru ini menjual kapal patroli ke Peru.", "id"),
])
def test_a_recent_event_is_dated_at_the_publication_month(text: str, lang: str) -> None:
    assert _dates(text, lang, "2023-03-15")[("CHL", "SUPPLIES_ARMS_TO", "PER")] == "2023-03"


def test_an_ongoing_visit_is_of_the_publication_month() -> None:
    dated = _dates("Peruvian Defence Minister Walter Astudillo is on a visit to Chile.", "en", "2023-03-15")
    assert [d for (_, rel, _), d in dated.items() if rel == "VISITED"] == ["2023-03"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile recently delivered patrol boats to Peru on 2 March.", "en"),
    ("Le Chili a récemment livré des patrouilleurs au Pérou le 2 mars.", "fr"),
    ("Chile entregó recientemente patrulleras a Perú el 2 de marzo.", "es"),
])
def test_a_stated_date_wins_over_a_recency_cue(text: str, lang: str) -> None:
    assert _dates(text, lang, "2023-03-15")[("CHL", "SUPPLIES_ARMS_TO", "PER")] == "2023-03-02"


def test_an_undated_article_gets_no_date_from_a_recency_cue() -> None:
    assert _dates("Chile recently delivered patrol boats to Peru.", "en", None)[("CHL", "SUPPLIES_ARMS_TO", "PER")] \
        is None


def test_the_recency_cue_is_a_weak_date_mention() -> None:
    (found,) = find_dates("Chile recently delivered boats.", "en", date(2023, 3, 15))
    assert (found.surface, found.value, found.weak) == ("recently", "2023-03", True)
