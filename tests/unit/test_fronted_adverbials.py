""""Laut dem kenianischen Verteidigungsministerium kaufte Kenia Drohnen von der Türkei": a demonym before a
bare institution noun the registry gives to one state names the demonym's state's institution; an actor after
an attribution word ("laut", "según", "selon": ``attribution_words``) is the sentence's source, no subject;
German puts the subject right after the finite verb an adverbial precedes (purchases too), and a clause-final
purchase has its seller before it ("hat Drohnen von der Türkei gekauft") (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "office"), [
    ("Das kenianische Verteidigungsministerium teilte mit, Kenia habe Drohnen gekauft.", "org:defence-ministry-ken"),
    ("Laut dem kenianischen Verteidigungsministerium kaufte Kenia Drohnen.", "org:defence-ministry-ken"),
])
def test_a_demonym_before_a_bare_ministry_names_its_state_s_ministry(text: str, office: str) -> None:
    ids = [e.id for e in extract_text(text, "de").entities]
    assert office in ids
    assert "org:defence-ministry-deu" not in ids


@pytest.mark.parametrize(("text", "lang"), [
    ("Laut dem kenianischen Verteidigungsministerium kaufte Kenia Drohnen von der Türkei.", "de"),
    ("Nach Angaben des Verteidigungsministeriums kaufte Kenia Drohnen von der Türkei.", "de"),
    ("Laut dem kenianischen Verteidigungsministerium hat Kenia Drohnen von der Türkei gekauft.", "de"),
    ("Im Jahr 2019 kaufte Kenia Drohnen von der Türkei.", "de"),
    ("Kenia hat im Mai Drohnen aus der Türkei erworben.", "de"),
    ("Laut Reuters lieferte die Türkei Drohnen an Kenia.", "de"),
    ("Selon le Ghana la Turquie a livré des drones au Kenya.", "fr"),
    ("Según Ghana Turquía entregó drones a Kenia.", "es"),
])
def test_the_supply_has_its_buyer_and_seller_not_the_source(text: str, lang: str) -> None:
    assert triples(extract_text(text, lang)) == {("TUR", "SUPPLIES_ARMS_TO", "KEN")}
