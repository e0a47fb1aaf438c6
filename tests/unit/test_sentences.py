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


_PROSE = {
    "en": "Mr. Smith met the U.S. envoy in Oslo. They spoke at 5 p.m. The next day! Really? ",
    "de": "Dr. Weber traf den Gesandten in Graz. „Wir helfen.“ Dann ging er. ",
    "ru": "В. В. Петров прибыл в Тверь. Потом ушёл! ",
}


@pytest.mark.parametrize("lang", sorted(_PROSE))
def test_a_300_kb_single_line_splits_in_linear_time_and_as_its_parts_do(lang: str) -> None:
    import time

    unit = _PROSE[lang]
    copies = 300_000 // len(unit)
    started = time.perf_counter()
    sentences = _texts(unit * copies, lang)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"{elapsed:.1f} s for {len(unit) * copies} characters"
    assert sentences == _texts(unit, lang) * copies


@pytest.mark.parametrize("run", [".", "?!", "…", ".”"])
def test_a_300_kb_run_of_punctuation_splits_in_bounded_time(run: str) -> None:
    import time

    text = "Start " + run * (300_000 // len(run)) + "x end. Next one."
    started = time.perf_counter()
    sentences = _texts(text, "en")
    assert time.perf_counter() - started < 2.0
    assert sentences[-1] == "Next one."
