"""Property-based tests (hypothesis, bounded): clean → extract over arbitrary Unicode never raises
anything but a clear `LoaderError`, every offset lies inside the text, every evidence is the text's own
substring at those offsets, and every sentence indexes the clean text.

`TIESGRAPH_HYPOTHESIS_EXAMPLES` sets the number of examples per property (200 in `make test`, more in
`make reliability`)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.clean import clean
from loaders.errors import LoaderError
from loaders.lang import available_languages
from loaders.models import ArticleRecord, CleanArticle
from loaders.pipeline import extract_cleaned
from tests.reliability.report import ProbeResult, record

EXAMPLES = int(os.environ.get("TIESGRAPH_HYPOTHESIS_EXAMPLES", "200"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=3),
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Sentences shaped like the ones the rules read (two states and a trigger), with arbitrary Unicode
# glued into them, so the properties are tried where the rules fire, not only on noise.
STATES = ("Indonesia", "India", "France", "Germany", "Brazil", "Kenya", "Vietnam", "Norway", "Peru", "Chile",
          "Rusia", "Россия", "Allemagne", "Jerman")
TRIGGERS = ("signed a defence agreement with", "met officials of", "agreed to supply arms to",
            "held joint military exercises with", "menandatangani perjanjian pertahanan dengan",
            "a signé un accord de défense avec", "did not sign an agreement with", "will visit",
            "se reunió con", "traf sich mit")
NOISE = st.text(max_size=8)
WORD = st.one_of(st.sampled_from(("Minister", "President", "General", "Dr.", "U.S.", "on", "in", "22 June 2021",
                                  "Monday", "2021-06-22", "«", "»", "\"", "(", ")", "\u200b", "ﬁ", "İ", "ß")),
                 st.text(min_size=1, max_size=12))
SHAPED = st.builds(lambda a, noise, verb, b, tail: f"{a}{noise} {verb} {b} {tail}.",
                   st.sampled_from(STATES), NOISE, st.sampled_from(TRIGGERS), st.sampled_from(STATES), NOISE)
FREE = st.lists(WORD, min_size=1, max_size=20).map(lambda words: " ".join(words) + ".")
TEXT = st.lists(st.one_of(SHAPED, FREE), min_size=1, max_size=12).flatmap(
    lambda sentences: st.sampled_from((" ", "\n", "\n\n")).map(lambda glue: glue.join(sentences)))
LANGUAGE = st.one_of(st.none(), st.sampled_from(sorted(available_languages())))


TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    record(ProbeResult(probe="property-based clean → extract", tried=sum(TRIED.values()), lost=0,
                       what="hypothesis: arbitrary Unicode and rule-shaped sentences in every language; "
                            "no exception but a LoaderError, offsets inside the text, evidence = text[start:end]",
                       notes=f"examples with facts: {TRIED['facts']}; refused with a LoaderError: {TRIED['refused']}"))


def _cleaned(text: str, language: str | None) -> CleanArticle | None:
    try:
        return clean(ArticleRecord(source="hypothesis", language=language, published="2021-06-24", text=text))
    except LoaderError:
        TRIED["refused"] += 1
        return None  # a clear refusal (nothing left after boilerplate, …) is an allowed answer


@BOUNDED
@given(text=TEXT, language=LANGUAGE)
def test_clean_then_extract_never_raises_and_offsets_stay_inside_the_text(text: str, language: str | None) -> None:
    article = _cleaned(text, language)
    if article is None:
        return
    for sentence in article.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(article.text)
        assert article.text[sentence.start:sentence.end] == sentence.text
    extraction = extract_cleaned(article)
    TRIED["facts" if extraction.facts else "no facts"] += 1
    assert extraction.text == article.text
    for fact in [*extraction.facts, *extraction.withheld]:
        assert 0 <= fact.start <= fact.end <= len(article.text)
        assert fact.evidence and fact.evidence in article.text
        assert article.text[fact.start:fact.end] == fact.evidence
        assert 0 <= fact.sentence_index < len(article.sentences)
    ids = {entity.id for entity in extraction.entities}
    assert all(fact.subject in ids and fact.object in ids for fact in extraction.facts)


@BOUNDED
@given(text=st.text(min_size=1, max_size=400), language=LANGUAGE)
def test_arbitrary_unicode_never_raises_beyond_a_loader_error(text: str, language: str | None) -> None:
    article = _cleaned(text, language)
    if article is not None:
        extraction = extract_cleaned(article)
        TRIED["facts" if extraction.facts else "no facts"] += 1
        assert all(article.text[f.start:f.end] == f.evidence for f in extraction.facts)
