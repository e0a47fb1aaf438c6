"""A counterpart described by an origin ("mitranya dari Peru, N", "her counterpart from Peru, N") is a person
and the meeting's partner (invented sentences; its attendance on the sidelines of an event:
test_rules_sidelines_names.py)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Menteri Pertahanan Chile Maya Fernández bertemu dengan mitranya dari Peru, Walter Astudillo.", "id"),
    ("Menteri Pertahanan Chile Maya Fernández bertemu rakan sejawatnya dari Peru, Walter Astudillo.", "ms"),
    ("Chilean Defence Minister Maya Fernández met her counterpart from Peru, Walter Astudillo.", "en"),
])
def test_a_counterpart_described_by_its_origin_is_a_meeting_partner(text: str, lang: str) -> None:
    facts = triples(extract_text(text, lang))
    assert ("per:maya-fernandez", "MET_WITH", "per:walter-astudillo") in facts
    assert not [t for t in facts if t[0] == "PER" or t[2] == "PER"]
