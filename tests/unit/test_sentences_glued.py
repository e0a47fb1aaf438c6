"""Paragraphs glued without a space by a web page ("…the capital.The minister…") still split into their
sentences, in every script; abbreviations, acronyms, initials, host names and URLs stay whole."""

from __future__ import annotations

import pytest

from loaders.sentences import split_sentences


def texts(text: str, lang: str) -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The frigate docked in Lagos.The crew went ashore!Then it left.", "en",
         ["The frigate docked in Lagos.", "The crew went ashore!", "Then it left."]),
        ("La frégate est arrivée à Dakar.Le ministre l'a visitée.", "fr",
         ["La frégate est arrivée à Dakar.", "Le ministre l'a visitée."]),
        ("Фрегат прибыл в Луанду.Министр посетил его.", "ru", ["Фрегат прибыл в Луанду.", "Министр посетил его."]),
        ('It reached Dakar."We are proud," the captain said.', "en",
         ["It reached Dakar.", '"We are proud," the captain said.']),
    ],
)
def test_a_glued_sentence_end_splits(text: str, lang: str, want: list[str]) -> None:
    assert texts(text, lang) == want


@pytest.mark.parametrize(
    "text",
    [
        "Troops of the U.S.Army landed.",
        "She holds a Ph.D from Accra.",
        "Read it on example.com or Example.Com today.",
        "See www.example.Org/News for more.",
        "Write to press@ministry.Gov now.",
        "Version 2.5 ships with Node.js support.",
    ],
)
def test_abbreviations_hosts_and_urls_stay_whole(text: str) -> None:
    assert texts(text, "en") == [text]


def test_offsets_stay_exact() -> None:
    text = "It docked in Lagos.The crew left."
    for s in split_sentences(text, "en"):
        assert text[s.start : s.end] == s.text
