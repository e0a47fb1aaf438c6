""""despite the criticism of B", "a pesar de las críticas de B", "malgré les critiques du B", "trotz der Kritik
aus B" (``concessive_preps``): like a causal phrase, a concessive one holds no subject of its clause, and the
criticism noun heading it has its holder inside it or none: no criticism by the main clause's subject, nor of
B (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "main"), [
    ("Chile compró fragatas a Noruega a pesar de las críticas de Perú.", "es", ("NOR", "SUPPLIES_ARMS_TO", "CHL")),
    ("Chile firmó un acuerdo con Uruguay pese a las críticas de Perú.", "es", ("CHL", "SIGNED_AGREEMENT_WITH", "URY")),
    ("A pesar de las críticas de Perú, Chile compró fragatas a Noruega.", "es", ("NOR", "SUPPLIES_ARMS_TO", "CHL")),
    ("Chile bought frigates from Norway despite the criticism of Peru.", "en", ("NOR", "SUPPLIES_ARMS_TO", "CHL")),
    ("Le Chili a acheté des frégates à la Norvège malgré les critiques du Pérou.", "fr",
     ("NOR", "SUPPLIES_ARMS_TO", "CHL")),
    ("Malgré les critiques du Pérou, le Chili a signé un accord avec l'Uruguay.", "fr",
     ("CHL", "SIGNED_AGREEMENT_WITH", "URY")),
    ("O Chile comprou fragatas da Noruega apesar das críticas do Peru.", "pt", ("NOR", "SUPPLIES_ARMS_TO", "CHL")),
    ("Trotz der Kritik aus Peru unterzeichnete Chile ein Abkommen mit Uruguay.", "de",
     ("CHL", "SIGNED_AGREEMENT_WITH", "URY")),
])
def test_a_criticism_noun_in_a_concessive_phrase_is_no_fact_of_the_clause(
        text: str, lang: str, main: tuple[str, str, str]) -> None:
    assert triples(extract_text(text, lang)) == {main}


def test_a_holder_inside_the_phrase_criticises() -> None:
    facts = triples(extract_text("Despite Peru's criticism of Chile, Norway sold frigates to Chile.", "en"))
    assert facts == {("PER", "CRITICIZED", "CHL"), ("NOR", "SUPPLIES_ARMS_TO", "CHL")}
