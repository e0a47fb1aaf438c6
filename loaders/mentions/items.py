"""What the mention finders pass between them: `Item`s of a sentence, in text order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_schema.model import EntityType
from loaders import confidence
from loaders.lang import TitleCue, inflection, possessive_endings
from loaders.models import Mention
from loaders.text import SentenceView, slug

Span = tuple[int, int]


@dataclass
class Item:
    """Something found in a sentence, in text order."""

    start: int
    end: int
    kind: str  # entity | title | rank
    entity_id: str = ""
    etype: EntityType | None = None
    how: str = ""
    surface: str = ""
    cue: TitleCue | None = None
    descriptor: bool = False
    role: str | None = None
    role_org: str | None = None
    role_country: str | None = None
    role_kind: str | None = None
    title_start: int | None = None
    confidence: float = 1.0


PAREN = re.compile(r"\([^()]{0,40}\)")


_TIGHT = re.compile(r"^[\s,]*$")


def tight(gap: str, allow_comma: bool = False) -> bool:
    """Only spaces (a parenthesis like "(Menhan)" or "(kiri)" allowed) between two items."""
    gap = PAREN.sub(" ", gap)
    for ending in possessive_endings():  # "Russia's"
        gap = gap.replace(ending, " ")
    gap = gap.replace(".", " ")  # "Gen. X"
    if allow_comma:
        return bool(_TIGHT.match(gap)) and gap.count(",") <= 1
    return not gap.strip()


def discovered_person(sv: SentenceView, span: tuple[int, int], how: str) -> Item:
    """A person the registry lacks, found by the form of the sentence."""
    name = sv.raw(*span)
    return Item(span[0], span[1], "entity", f"per:{slug(inflection().name_key(name))}", EntityType.PERSON, how, name,
                confidence=confidence.DISCOVERED_PERSON)


def to_mention(it: Item, index: int) -> Mention:
    """The stage's output model of an entity item."""
    assert it.etype is not None
    return Mention(sentence_index=index, start=it.start, end=it.end, surface=it.surface,
                   entity_id=it.entity_id, entity_type=it.etype, how=it.how, role=it.role,
                   role_org=it.role_org, role_country=it.role_country, role_kind=it.role_kind,
                   descriptor=it.descriptor,
                   title_start=it.title_start, confidence=it.confidence)
