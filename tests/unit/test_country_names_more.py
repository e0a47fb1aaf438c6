"""Names found missing on invented sentences: the Malay "Perancis" is France (a translated inverted name of
another state, "Perancis, Wilayah Bagian Selatan", no longer makes it ambiguous; "Congo" stays ambiguous), and
the European Union's Italian and Malay names."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


def test_malay_perancis_is_france() -> None:
    assert ("FRA", "SUPPLIES_ARMS_TO", "MYS") in triples(extract_text("Malaysia membeli kapal dari Perancis.", "ms"))


def test_congo_alone_names_no_state() -> None:
    assert not [e for e in extract_text("Congo signed a deal with Norway.", "en").entities if e.id in ("COG", "COD")]


@pytest.mark.parametrize(("text", "lang"), [
    ("L'Unione europea ha imposto sanzioni contro la Bielorussia.", "it"),
    ("Kesatuan Eropah mengenakan sekatan terhadap Belarus.", "ms"),
])
def test_the_european_union_in_italian_and_malay(text: str, lang: str) -> None:
    assert "org:eu" in {e.id for e in extract_text(text, lang).entities}
