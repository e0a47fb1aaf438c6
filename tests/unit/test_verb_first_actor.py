"""A verb-first trigger with no actor before it takes the actor a marker word names after it, past what comes
between (Tagalog "Bumisita sa Maynila si N": the destination first, then the visitor; invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize("text", [
    "Bumisita sa Maynila si Richard Marles.",
    "Bumisita si Richard Marles sa Maynila.",
    "Bumisita sa Maynila ang Kalihim ng Depensa ng Australia na si Richard Marles.",
])
def test_the_marked_actor_after_the_destination_visits(text: str) -> None:
    facts = triples(extract_text(text, "tl", "2024-05-01"))
    assert ("per:richard-marles", "VISITED", "PHL") in facts


def test_the_marked_actor_after_the_partner_meets() -> None:
    facts = triples(extract_text("Nakipagpulong kay Marcos si Richard Marles.", "tl", "2024-05-01"))
    assert ("per:richard-marles", "MET_WITH", "per:ferdinand-marcos-jr") in facts or \
        ("per:ferdinand-marcos-jr", "MET_WITH", "per:richard-marles") in facts
