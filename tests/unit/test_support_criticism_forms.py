"""Everyday support and criticism verbs: "sided with", "threw its weight behind", "blasted", "hit out at",
"seine Unterstützung", "arremetió contra". Invented sentences."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "rel"), [
    ("en", "Norway sided with Ghana in the dispute.", "SUPPORTS"),
    ("en", "Norway threw its weight behind Ghana.", "SUPPORTS"),
    ("en", "Norway blasted Ghana over the arrests.", "CRITICIZED"),
    ("en", "Norway hit out at Ghana on Tuesday.", "CRITICIZED"),
    ("de", "Norwegen sicherte Ghana seine Unterstützung zu.", "SUPPORTS"),
    ("es", "Noruega arremetió contra Ghana.", "CRITICIZED"),
])
def test_support_and_criticism_verbs(lang: str, text: str, rel: str) -> None:
    assert ("NOR", rel, "GHA") in triples(extract_text(text, lang))


def test_standing_by_a_decision_supports_nobody() -> None:
    assert not triples(extract_text("Norway stood by its decision.", "en"))
