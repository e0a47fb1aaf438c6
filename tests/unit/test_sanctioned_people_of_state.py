"""A sanction on a person or firm of a state ("a former Paraguayan official", "un general paraguayo") is no
sanction of the state: a demonym beside a person or firm noun names where they are from (invented sentences;
the gold conventions make such state facts optional at most)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("The United States sanctioned a former Paraguayan official for corruption.", "en"),
    ("Norway blacklisted two Paraguayan companies.", "en"),
    ("Estados Unidos sancionó a un exfuncionario paraguayo por corrupción.", "es"),
    ("Les États-Unis ont sanctionné un ancien responsable paraguayen.", "fr"),
    ("Die USA verhängten Sanktionen gegen einen paraguayischen General.", "de"),
])
def test_a_sanctioned_person_of_a_state_is_not_the_state(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "SANCTIONED" and t[2] == "PRY"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The United States imposed sanctions on Paraguay.", "en"),
    ("The United States imposed new sanctions on Paraguayan exports.", "en"),
    ("Estados Unidos impuso sanciones a Paraguay.", "es"),
])
def test_a_sanctioned_state_stays(text: str, lang: str) -> None:
    assert ("USA", "SANCTIONED", "PRY") in triples(extract_text(text, lang))


def test_trainees_of_a_state_still_make_it_the_trainee() -> None:
    assert ("NOR", "TRAINS", "GHA") in triples(extract_text("Norway trained Ghanaian officers.", "en"))
