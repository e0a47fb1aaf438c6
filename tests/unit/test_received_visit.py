""""A received a visit from B", "A a reçu la visite de B", "A menerima kunjungan B", "A recibió la visita de
B": B visited A's state (the visitor's own state is never the destination). Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Chile's Defence Minister Ana Rojas received a visit from Peru's Defence Minister Luis Quispe."),
    ("fr", "La ministre chilienne de la Défense Ana Rojas a reçu la visite du ministre péruvien de la Défense "
           "Luis Quispe."),
    ("id", "Menteri Pertahanan Chile Ana Rojas menerima kunjungan Menteri Pertahanan Peru Luis Quispe."),
    ("es", "La ministra de Defensa de Chile, Ana Rojas, recibió la visita del ministro de Defensa de Perú, "
           "Luis Quispe."),
])
def test_the_visitor_went_to_the_hosts_state(lang: str, text: str) -> None:
    got = triples(extract_text(text, lang))
    assert ("per:luis-quispe", "VISITED", "CHL") in got
    assert not any(rel == "VISITED" and o == "PER" for _, rel, o in got)


def test_a_visit_from_a_counterpart_in_a_city_goes_to_the_city() -> None:
    text = "Chile's Defence Minister Ana Rojas received a visit from her Peruvian counterpart Luis Quispe in Santiago."
    ex = extract_text(text, "en")
    visits = [(f.subject, f.object, f.place) for f in ex.facts if f.relation.value == "VISITED"]
    assert visits == [("per:luis-quispe", "CHL", "plc:santiago")]


def test_a_visit_by_someone_with_no_host_goes_nowhere() -> None:
    got = triples(extract_text("A visit by Peru's Defence Minister Luis Quispe began on Monday.", "en"))
    assert not any(rel == "VISITED" for _, rel, _ in got)
