"""Sentence splitting with exact offsets."""

from __future__ import annotations

import pytest

from loaders.sentences import split_sentences


def _texts(text: str, lang: str) -> list[str]:
    sentences = split_sentences(text, lang)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.index for s in sentences] == list(range(len(sentences)))
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Jend. Andika hadir. Dia pulang.", "id", ["Jend. Andika hadir.", "Dia pulang."]),
        ("Mr. Smith met the U.S. envoy. They spoke.", "en", ["Mr. Smith met the U.S. envoy.", "They spoke."]),
        ("It costs 6.5 billion. Really.", "en", ["It costs 6.5 billion.", "Really."]),
        ("Resolution No. 5 passed. Good.", "en", ["Resolution No. 5 passed.", "Good."]),
        ('"We agree," he said. Then he left.', "en", ['"We agree," he said.', "Then he left."]),
        ("He said: „Wir helfen.“ Dann ging er.", "de", ["He said: „Wir helfen.“", "Dann ging er."]),
        ("Is it true? Yes! Fine.", "en", ["Is it true?", "Yes!", "Fine."]),
        ("John F. Kennedy spoke. Done.", "en", ["John F. Kennedy spoke.", "Done."]),
        ("«Мы готовы», — сказал он. Потом ушёл.", "ru", ["«Мы готовы», — сказал он.", "Потом ушёл."]),
        # an abbreviation closed by a quote or bracket ends its sentence
        ("He said “no.” Then he left.", "en", ["He said “no.”", "Then he left."]),
        # after an abbreviation or acronym, a sentence starter of the language opens a new sentence
        ("He lives in the U.S. The president agreed.", "en", ["He lives in the U.S.", "The president agreed."]),
        ("They met at 5 p.m. The next day they left.", "en", ["They met at 5 p.m.", "The next day they left."]),
        ("Reunión en EE.UU. El presidente llegó.", "es", ["Reunión en EE.UU.", "El presidente llegó."]),
        ("Встреча в 2021 г. В Москве прошла.", "ru", ["Встреча в 2021 г.", "В Москве прошла."]),
        # … but a name, or another initial, does not
        ("M. Le Drian est arrivé. Il parle.", "fr", ["M. Le Drian est arrivé.", "Il parle."]),
        ("В. В. Путин прибыл. Потом ушёл.", "ru", ["В. В. Путин прибыл.", "Потом ушёл."]),
    ],
)
def test_splits_sentences(text: str, lang: str, expected: list[str]) -> None:
    assert _texts(text, lang) == expected


def test_a_newline_ends_a_sentence_and_offsets_span_paragraphs() -> None:
    text = "Headline without stop\n\nFirst sentence here. Second one.\nThird line"
    assert _texts(text, "en") == ["Headline without stop", "First sentence here.", "Second one.", "Third line"]


def test_lowercase_after_period_does_not_split() -> None:
    assert _texts("The ships arrived at 5 p.m. and left later.", "en") == [
        "The ships arrived at 5 p.m. and left later."
    ]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("  \n\n ", "en") == []
