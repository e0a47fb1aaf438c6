"""The pipeline's assembly of the fact view: entities for every fact, withheld claims included."""

from __future__ import annotations

from loaders.models import ArticleRecord
from loaders.pipeline import extract


def _extract(text: str, lang: str = "en") -> tuple[set[str], list[tuple[str, str, str]]]:
    view = extract(ArticleRecord(source="test", language=lang, published="2021-06-24", text=text))
    return {e.id for e in view.entities}, [(f.subject, f.relation.value, f.object) for f in view.withheld]


def test_withheld_claims_have_their_actors_among_the_entities() -> None:
    # the capital in the object slot stands for its state, which the article never names itself
    ids, withheld = _extract("Indonesia did not supply weapons to Moscow.")
    assert withheld == [("IDN", "SUPPLIES_ARMS_TO", "RUS")]
    assert {"IDN", "RUS"} <= ids
