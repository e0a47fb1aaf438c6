"""Sanctions: asset freezes and embargo forms in several languages; lifting or easing sanctions asserts none;
a supply noun an embargo governs ("embargo on arms deliveries to B") is no supply. Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("en", "Norway froze the assets of Ghana's Defence Minister Kofi Mensah.",
     ("NOR", "SANCTIONED", "per:kofi-mensah")),
    ("id", "Norwegia memberlakukan embargo senjata terhadap Ghana.", ("NOR", "SANCTIONED", "GHA")),
    ("es", "Noruega congeló los activos de Ghana.", ("NOR", "SANCTIONED", "GHA")),
])
def test_sanction_forms(lang: str, text: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway lifted sanctions on Ghana."),
    ("es", "Noruega levantó las sanciones contra Ghana."),
    ("ru", "Норвегия сняла санкции с Ганы."),
])
def test_lifting_sanctions_asserts_none(lang: str, text: str) -> None:
    assert not any(rel == "SANCTIONED" for _, rel, _ in triples(extract_text(text, lang)))


def test_an_embargoed_supply_is_no_supply() -> None:
    got = triples(extract_text("Норвегия ввела эмбарго на поставки оружия в Гану.", "ru"))
    assert ("NOR", "SANCTIONED", "GHA") in got
    assert not any(rel == "SUPPLIES_ARMS_TO" for _, rel, _ in got)


@pytest.mark.parametrize("text", [
    "Despite sanctions, Norway supplied drones to Ghana.",
    "Norway imposed sanctions on Togo and delivered drones to Ghana.",
])
def test_a_supply_after_a_sanction_in_another_clause_stays(text: str) -> None:
    assert ("NOR", "SUPPLIES_ARMS_TO", "GHA") in triples(extract_text(text, "en"))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ghana is under Norwegian sanctions."),
    ("en", "Ghana has been under a Norwegian arms embargo since 2019."),
    ("fr", "Le Ghana est sous sanctions norvégiennes."),
    ("es", "Ghana está bajo sanciones noruegas."),
])
def test_under_an_origin_adjectives_sanctions(lang: str, text: str) -> None:
    got = triples(extract_text(text, lang))
    assert ("NOR", "SANCTIONED", "GHA") in got
    assert ("GHA", "SANCTIONED", "NOR") not in got


def test_under_pressure_is_no_sanction_of_the_subject() -> None:
    assert triples(extract_text("Under Norwegian pressure, Ghana sanctioned Togo.", "en")) \
        == {("GHA", "SANCTIONED", "TGO")}
