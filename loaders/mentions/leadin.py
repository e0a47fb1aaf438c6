"""A lead-in's place ("LUXEMBURG (dpa-AFX) -", "MOSCOW:", "Lima (Reuters) –") names where the report was
filed: the mention is kept (the dateline city) but is no actor of the sentence (a descriptor)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph_schema.model import EntityType
from loaders.mentions.items import Item
from loaders.text import SentenceView

_AFTER = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?[-\u2013\u2014:]\s")
_AGENCY_AFTER = re.compile(r"^\s*\([^()]{1,40}\)\s*[-\u2013\u2014:]\s")
_HEAD = 30  # characters before a lead-in's place at most
_PLACES = (EntityType.COUNTRY, EntityType.PLACE)


def mark_lead_in(sv: SentenceView, items: Sequence[Item]) -> None:
    """The place opening a sentence as a lead-in (in capitals, or before "(Agency) -") is a descriptor."""
    first = next((x for x in items if x.kind == "entity"), None)
    if first is None or first.etype not in _PLACES or first.start - sv.start > _HEAD:
        return
    at_start = not sv.raw(sv.start, first.start).strip()
    after = sv.raw(first.end, sv.sentence.end)
    letters = [c for c in first.surface if c.isalpha()]
    capitals = len(letters) > 3 and all(c.isupper() for c in letters)
    # a line's head may carry a date before the lead-in ("2021-06-21 LIMA (Reuters) -")
    if (capitals and _AGENCY_AFTER.match(after)) or (at_start and ((capitals and _AFTER.match(after))
                                                                    or _AGENCY_AFTER.match(after))):
        first.descriptor = True
