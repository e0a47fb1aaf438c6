"""A list of targets after "Betroffen sind" / "Those affected include" (``list_markers``) is sanctioned by the
actor of the sanctions before it (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "target"), [
    ("Norwegen hat am Montag Sanktionen gegen Chile verhängt.\n"
     "Betroffen sind unter anderem der chilenische Verteidigungsminister Ricardo Soto und die Firma Andes Defensa.",
     "de", "per:ricardo-soto"),
    ("Norwegen hat am Montag Sanktionen gegen Chile verhängt.\n"
     "Betroffen sind der chilenische Armeechef Ricardo Soto und die Firma Andes Defensa.", "de",
     "org:andes-defensa"),
    ("Norway imposed sanctions on Chile on Monday.\n"
     "Those affected include Chilean army chief Ricardo Soto and the firm Andes Defensa Ltd.", "en",
     "per:ricardo-soto"),
])
def test_the_affected_listed_after_sanctions_are_sanctioned(text: str, lang: str, target: str) -> None:
    assert ("NOR", "SANCTIONED", target) in triples(extract_text(text, lang, "2024-06-24"))


def test_an_affected_list_without_sanctions_before_sanctions_nobody() -> None:
    text = ("Heftige Regenfälle trafen Chile.\n"
            "Betroffen sind der Bürgermeister Ricardo Soto und die Firma Andes Defensa.")
    assert not [t for t in triples(extract_text(text, "de", "2024-06-24")) if t[1] == "SANCTIONED"]
