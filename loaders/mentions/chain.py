"""Long titles running up to a rank ("Komandan Pangkalan Utama TNI AL (Danlantamal) V Surabaya Laksamana …")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from graph_schema.model import EntityType
from loaders.mentions.items import Item
from loaders.text import SentenceView

_CHAIN_STOP = re.compile(r"[,;:\"“”«»]|\s[\u2013\u2014-]\s")
_PAREN = re.compile(r"\s*\([^()]{0,40}\)")
_START = attrgetter("start")


def title_chain(sv: SentenceView, items: list[Item], pos: int, max_words: int = 16
                 ) -> tuple[list[Item], int] | None:
    """A long title running up to a rank: "Komandan Pangkalan Utama TNI AL (Danlantamal) V Surabaya
    Laksamana Pertama TNI <name>" — unit names, numbers, bracketed abbreviations and ranks between a
    title and its name are skipped.

    From `pos`, words may be capitalised, numbers, bracketed, or states/organisations/places/ranks;
    a lower-case word, a comma or a person ends the chain. The name follows the chain's last rank
    (after brackets and a branch such as "TNI" right after it). Returns the states/organisations
    before that rank and the offset where the name starts, or None without a rank.

    `items` are in text order (as `find_mentions` keeps them): the items and words read are found by
    bisection, so a title costs its few words, not a scan of a long sentence.
    """
    first = sv.token_index_at(pos)
    words = sv.tokens[first : first + max_words]
    if not words:
        return None
    lo, hi = bisect_left(items, pos, key=_START), bisect_right(items, words[-1].start, key=_START)
    ents = [x for x in items[lo:hi] if x.kind in ("entity", "rank")]  # what the words may be part of
    last_rank: Item | None = None
    inside: list[Item] = []
    prev_end = pos
    for t in words:
        if _CHAIN_STOP.search(sv.raw(prev_end, t.start)):
            break
        raw = sv.raw(t.start, t.end)
        at = next((x for x in ents if x.start <= t.start < x.end), None)
        bracketed = sv.raw(pos, t.start).count("(") > sv.raw(pos, t.start).count(")")
        if at is not None and at.kind == "rank":
            last_rank = at
        elif at is not None and at.etype == EntityType.PERSON:
            break
        elif at is not None:
            if at not in inside and at.etype in (EntityType.ORGANIZATION, EntityType.COUNTRY) \
                    and (last_rank is None or at.start < last_rank.start):
                inside.append(at)
        elif not (bracketed or raw[:1].isupper() or raw.isdigit()):
            break
        prev_end = t.end
    if last_rank is None:
        return None
    start = last_rank.end
    while True:
        paren = _PAREN.match(sv.sentence.text, start - sv.start)
        branch = _branch_after(sv, items, start)
        if paren:
            start = sv.start + paren.end()
        elif branch is not None:
            start = branch.end
        else:
            break
    inside = [x for x in inside if x.start < last_rank.start]
    return inside, start


def _branch_after(sv: SentenceView, items: list[Item], start: int) -> Item | None:
    """The first organisation after `start` with only white space before it (a branch such as "TNI")."""
    for x in items[bisect_right(items, start, key=_START):]:
        if sv.raw(start, x.start).strip():
            return None  # items are in text order: every later one has this gap too
        if x.kind == "entity" and x.etype == EntityType.ORGANIZATION:
            return x
    return None
