"""A coup named in passing, by no agent, dated or counted from ("the 2021 coup in Guinea", "le coup d'État
de 2020 au Mali", "после переворота 2021 года в Мьянме"): that state's armed forces seized power there
(`loaders.facts.triggers._coup_in_passing`). A failed, attempted or undated hypothetical coup is none; an
agent inside a relative clause takes no object after the clause."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "iso"), [
    ("en", "After the 2021 coup in Guinea, Russia sent advisers.", "GIN"),
    ("en", "The coup in Chad in 2021 was condemned by Nigeria.", "TCD"),
    ("fr", "Depuis le coup d'État de 2020 au Mali, la junte s'est tournée vers la Russie.", "MLI"),
    ("es", "Tras el golpe de Estado de 2021 en Guinea, Rusia envió asesores.", "GIN"),
    ("de", "Seit dem Putsch in Mali 2020 hat sich die Junta Russland zugewandt.", "MLI"),
    ("id", "Sejak kudeta 2021 di Myanmar, junta mendekati Rusia.", "MMR"),
    ("ru", "После переворота 2021 года в Мьянме военные обратились к России.", "MMR"),
])
def test_a_coup_in_passing_is_its_states_armed_forces_seizing_power(lang: str, text: str, iso: str) -> None:
    assert (f"org:armed-forces-{iso.lower()}", "SEIZED_POWER_IN", iso) in triples(extract_text(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia warned against a coup in Armenia."),
    ("en", "The failed 2021 coup in Guinea was condemned by Nigeria."),
    ("fr", "La tentative de coup d'État de 2021 au Niger a échoué."),
    ("es", "El intento de golpe de Estado de 2022 en Perú fracasó."),
])
def test_no_seizure_of_power_from_a_failed_or_hypothetical_coup(lang: str, text: str) -> None:
    assert not any(f.relation.value == "SEIZED_POWER_IN" for f in extract_text(text, lang).facts)


def test_a_relative_clause_takes_no_object_after_it() -> None:
    got = triples(extract_text("Guinea's junta, which seized power in 2021, met Russian officials.", "en"))
    assert ("org:armed-forces-gin", "SEIZED_POWER_IN", "GIN") in got
    assert not any(r == "SEIZED_POWER_IN" and o == "RUS" for _, r, o in got)
