""""le ministère kényan de la Défense", "el Ministerio de Defensa keniano", "il ministero della Difesa
keniota", "o Ministério da Defesa queniano", "le ministère de la Défense du Kenya": a state institution named
by its noun (``institution_nouns``) and a state's demonym inside, after or before it, or the state after a
link word, is that state's institution of that kind, one mention (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "office"), [
    ("Le ministère kényan de la Défense a signé un accord avec la Norvège.", "fr", "org:defence-ministry-ken"),
    ("Le ministère de la Défense du Kenya a signé un accord avec la Norvège.", "fr", "org:defence-ministry-ken"),
    ("Le ministère ghanéen des Affaires étrangères a signé un accord avec la Norvège.", "fr",
     "org:foreign-ministry-gha"),
    ("El Ministerio de Defensa keniano firmó un acuerdo con Noruega.", "es", "org:defence-ministry-ken"),
    ("El Ministerio de Relaciones Exteriores peruano firmó un acuerdo con Noruega.", "es",
     "org:foreign-ministry-per"),
    ("Il ministero della Difesa keniota ha firmato un accordo con la Norvegia.", "it", "org:defence-ministry-ken"),
    ("Il ministero della Difesa del Kenya ha firmato un accordo con la Norvegia.", "it", "org:defence-ministry-ken"),
    ("O Ministério da Defesa do Quénia assinou um acordo com a Noruega.", "pt", "org:defence-ministry-ken"),
    ("O Ministério da Defesa chileno assinou um acordo com a Noruega.", "pt", "org:defence-ministry-chl"),
])
def test_a_ministry_noun_with_a_demonym_or_state_is_that_state_s_ministry(text: str, lang: str,
                                                                           office: str) -> None:
    ex = extract_text(text, lang)
    assert office in {e.id for e in ex.entities}
    assert (office, "SIGNED_AGREEMENT_WITH", "NOR") in triples(ex)


@pytest.mark.parametrize(("text", "lang"), [
    ("Selon le ministère kényan de la Défense, la Turquie a livré des drones au Kenya.", "fr"),
    ("Según el Ministerio de Defensa keniano, Turquía entregó drones a Kenia.", "es"),
    ("Secondo il ministero della Difesa keniota, la Turchia ha consegnato droni al Kenya.", "it"),
])
def test_the_ministry_as_a_source_is_no_party(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert "org:defence-ministry-ken" in {e.id for e in ex.entities}
    assert triples(ex) == {("TUR", "SUPPLIES_ARMS_TO", "KEN")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministère de la Défense a signé un accord avec la Norvège.", "fr"),
    ("El Ministerio de Defensa firmó un acuerdo con Noruega.", "es"),
])
def test_a_ministry_noun_without_a_state_names_no_ministry(text: str, lang: str) -> None:
    ids = {e.id for e in extract_text(text, lang).entities}
    assert not any(i.startswith("org:defence-ministry") for i in ids)
