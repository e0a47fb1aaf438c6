"""The pipeline's assembly of the fact view: entities for every fact, withheld claims included."""

from __future__ import annotations

from datetime import date

import pytest

from graph_schema.model import EntityType
from loaders import context, pipeline
from loaders.models import ArticleRecord, Mention, Sentence
from loaders.pipeline import extract
from loaders.resolve import build_entities, registry_entities
from loaders.text import PhraseIndex, SentenceView, view
from tests import factories


def _extract(text: str, lang: str = "en") -> tuple[set[str], list[tuple[str, str, str]]]:
    view = extract(ArticleRecord(source="test", language=lang, published="2021-06-24", text=text))
    return {e.id for e in view.entities}, [(f.subject, f.relation.value, f.object) for f in view.withheld]


def test_withheld_claims_have_their_actors_among_the_entities() -> None:
    # the capital in the object slot stands for its state, which the article never names itself
    ids, withheld = _extract("Indonesia did not supply weapons to Moscow.")
    assert withheld == [("IDN", "SUPPLIES_ARMS_TO", "RUS")]
    assert {"IDN", "RUS"} <= ids


def test_registry_entities_carry_the_dated_roles_like_named_ones() -> None:
    ctx = factories.context(factories.article("Prabowo.", "en"))  # published 2023-03-15
    assert ctx.published == date(2023, 3, 15)
    mention = Mention(sentence_index=0, start=0, end=7, surface="Prabowo", entity_id="per:prabowo-subianto",
                      entity_type=EntityType.PERSON, how="alias")
    named = build_entities(ctx, [mention], [])[0]
    unnamed = registry_entities(ctx, ["per:prabowo-subianto", "org:nowhere"])
    assert len(unnamed) == 1 and unnamed[0].roles
    assert unnamed[0].model_dump(exclude={"aliases", "mentions"}) == named.model_dump(exclude={"aliases", "mentions"})


def test_entities_count_the_mentions_resolved_to_them() -> None:
    view = extract(ArticleRecord(source="test", language="en", published="2021-06-24",
                                 text="The US envoy told us that the US would not supply weapons to Moscow."))
    counts = {e.id: e.mentions for e in view.entities}
    assert counts["USA"] == 2  # "us" is no mention of the United States
    assert counts["RUS"] == 0  # only the withheld claim implies Russia (Moscow stays the city)
    assert counts["plc:moscow"] == 1


def test_each_sentence_is_folded_and_tokenised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    folded: list[int] = []

    def counting_view(sentence: Sentence, index: PhraseIndex | None = None) -> SentenceView:
        folded.append(sentence.index)
        return view(sentence, index)

    monkeypatch.setattr(context, "view", counting_view)
    text = "Wang Yi met Retno Marsudi in Jakarta. China sells weapons to Pakistan."
    pipeline.extract(ArticleRecord(source="test", language="en", published="2021-06-24", text=text))
    assert folded == [0, 1]
