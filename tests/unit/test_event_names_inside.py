"""The name of an event after an attendance phrase is found before the sentence's triggers run: an actor
inside it ("NATO" in "am Rande des NATO-Gipfels") is no party of a meeting; an elided article or preposition
stays inside an event's name ("sommet de l'OTAN", "vertice dell'ASEAN"). Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


def _names(text: str, lang: str) -> tuple[set[tuple[str, str, str]], set[str]]:
    ex = extract_text(text, lang)
    names = {e.id: e.name for e in ex.entities}
    return {(f.subject, f.relation.value, f.object) for f in ex.facts}, \
        {names[f.object] for f in ex.facts if f.relation.value == "ATTENDED"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Der ghanaische Präsident traf sich am Rande des NATO-Gipfels mit dem norwegischen Ministerpräsidenten.", "de"),
    ("On the sidelines of the ASEAN summit, the Ghanaian president met the Norwegian prime minister.", "en"),
])
def test_an_organisation_inside_an_event_name_is_no_meeting_party(text: str, lang: str) -> None:
    facts, events = _names(text, lang)
    assert not [t for t in facts if t[1] == "MET_WITH" and t[2] in ("org:nato", "org:asean")]
    assert events


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Le président ghanéen a participé au sommet de l'Union africaine à Addis-Abeba.", "fr",
     "sommet de l'Union africaine"),
    ("Il presidente ghanese ha partecipato al vertice dell'ASEAN a Giacarta.", "it", "vertice dell'ASEAN"),
    ("Le ministre ghanéen de la Défense a participé au salon d'Abou Dhabi.", "fr", "salon d'Abou Dhabi"),
])
def test_an_elided_article_stays_inside_the_event_name(text: str, lang: str, event: str) -> None:
    assert _names(text, lang)[1] == {event}
