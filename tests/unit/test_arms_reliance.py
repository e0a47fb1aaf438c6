""""A relies on B for its weapons": a reliance cue (data per language) makes the actor right after it the
supplier, only when an arms word stands in the clause. Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("en", "Ghana has long relied on China for weapons.", ("CHN", "SUPPLIES_ARMS_TO", "GHA")),
    ("en", "Kenya depends on India for most of its arms.", ("IND", "SUPPLIES_ARMS_TO", "KEN")),
    ("fr", "Le Niger dépend de la Turquie pour ses armes.", ("TUR", "SUPPLIES_ARMS_TO", "NER")),
    ("de", "Chile ist bei Waffen abhängig von Brasilien.", ("BRA", "SUPPLIES_ARMS_TO", "CHL")),
    ("es", "Bolivia depende de China para sus armas.", ("CHN", "SUPPLIES_ARMS_TO", "BOL")),
    ("id", "Laos bergantung pada Vietnam untuk pasokan senjata.", ("VNM", "SUPPLIES_ARMS_TO", "LAO")),
    ("ru", "Лаос зависит от Вьетнама в поставках оружия.", ("VNM", "SUPPLIES_ARMS_TO", "LAO")),
])
def test_reliance_for_arms_names_the_supplier(lang: str, text: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ghana relies on China for its oil imports."),
    ("fr", "Le Niger dépend de la Turquie pour son blé."),
    ("id", "Laos bergantung pada Vietnam untuk pasokan listrik."),
])
def test_reliance_for_anything_else_is_no_supply(lang: str, text: str) -> None:
    assert not any(rel == "SUPPLIES_ARMS_TO" for _, rel, _ in triples(extract_text(text, lang)))
