"""A tie's party past the trigger's first words comes after a preposition that takes a partner ("with",
"between", "from", "including"); a state in an adverbial or a genitive is none; officials of an institution
who travel are not the institution travelling (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


def _ties(text: str, lang: str) -> set[tuple[str, str, str]]:
    return {t for t in triples(extract_text(text, lang)) if t[1] in ("SIGNED_AGREEMENT_WITH", "COOPERATES_WITH")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile signed a contract in 2022 for 12 frigates amid a naval build-up after Peru's border dispute.", "en"),
    ("Chile firmó en 2022 un contrato de 12 fragatas en medio del rearme tras la disputa fronteriza peruana.", "es"),
    ("Chile unterzeichnete 2022 einen Vertrag über zwölf Fregatten inmitten der Aufrüstung nach dem Streit Perus.",
     "de"),
])
def test_a_state_in_an_adverbial_is_no_party(text: str, lang: str) -> None:
    assert not _ties(text, lang)


@pytest.mark.parametrize(("text", "lang", "partner"), [
    ("Indonesia signed a contract for 42 jets from France.", "en", "FRA"),
    ("Chile works in close cooperation with foreign partners, including Peru.", "en", "PER"),
    ("Chile trabaja en estrecha cooperación con socios extranjeros, incluido Perú.", "es", "PER"),
    ("Japan signed the access agreement with the Philippines on Monday.", "en", "PHL"),
])
def test_a_party_after_a_partner_preposition_is_kept(text: str, lang: str, partner: str) -> None:
    assert any(o == partner or s == partner for s, _, o in _ties(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Officials of the Thai military visited Moscow on Thursday.", "en"),
    ("Pejabat militer Thailand mengunjungi Moskow pada Kamis.", "id"),
])
def test_officials_of_an_institution_visiting_are_not_the_institution(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "VISITED"]
