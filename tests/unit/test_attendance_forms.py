"""Attendance: "addressed the X", "sent a delegation to the X", "intervino en el X", "выступил на X";
"Speaking at the X, N said …" (the speaker opening the main clause attends); a hyphen-joined link word stays in
an event's name ("Shangri-La"). Invented sentences and events."""

from __future__ import annotations

import pytest

from tests.factories import extract_text


def attended(text: str, lang: str) -> set[tuple[str, str]]:
    ex = extract_text(text, lang)
    names = {e.id: e.name for e in ex.entities}
    return {(f.subject, names.get(f.object, f.object)) for f in ex.facts if f.relation.value == "ATTENDED"}


@pytest.mark.parametrize(("lang", "text", "who", "event"), [
    ("en", "Ghana's Defence Minister Kofi Mensah addressed the Gulf of Guinea Security Forum on Monday.",
     "per:kofi-mensah", "Gulf of Guinea Security Forum"),
    ("en", "Ghana sent a delegation to the Volta Defence Expo in Accra.", "GHA", "Volta Defence Expo"),
    ("es", "La ministra de Defensa de Chile, Ana Rojas, intervino en el Foro Andino de Seguridad.",
     "per:ana-rojas", "Foro Andino de Seguridad"),
    ("fr", "S'exprimant au Forum de Lomé, le ministre ghanéen de la Défense Kofi Mensah a salué la coopération.",
     "per:kofi-mensah", "Forum de Lomé"),
    ("en", "Speaking at the Volta Security Forum, Ghana's Defence Minister Kofi Mensah said the region was calm.",
     "per:kofi-mensah", "Volta Security Forum"),
])
def test_attendance_forms(lang: str, text: str, who: str, event: str) -> None:
    assert (who, event) in attended(text, lang)


def test_a_hyphen_joined_link_word_stays_in_the_events_name() -> None:
    got = attended("La ministre ghanéenne Ama Mensah a participé au Forum de Port-La Nouvelle.", "fr")
    assert any(name.endswith("Port-La Nouvelle") or name.endswith("Port-La") for _, name in got)


def test_addressing_concerns_is_no_attendance() -> None:
    assert not attended("Ghana's Defence Minister Kofi Mensah addressed concerns about the budget.", "en")
