"""People the registry does not know, named in an apposition to a title (rules.v2).

Two forms, in every language (the words come from the language's rules):

- title, comma, name, comma: "<title of X>, <Name Surname>, said ..." -- the name sits between two
  commas (or a comma and a bracket or the sentence's end) right after the title;
- name, comma, title: "<Name Surname>, the <title of X>, said ..." -- at most one determiner
  (``determiners``) between the comma and the title.

A name is a run of two to four capitalised words (lower-case ``name_particles`` allowed inside) that no
other mention covers and that holds no stopword: a single capitalised word is too often a place or a
sentence opener to be taken for a person.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from loaders.text import SentenceView, Spans, Token

_LEAD_COMMA = re.compile(r"^\s*,\s*")
_CLOSE = re.compile(r"^\s*(?:[,;:)]|\(|[.!?]?[\"\u201d\u00bb]?\s*$)")  # a comma, a bracket, the sentence's end
_NAME_GAP = (" ", "-", "\u00a0")
_OPENERS = ("", ",", "(", ";", ":", "\u2014", "\u2013", "\"", "\u201c", "\u00ab")


def _is_name_word(raw: str, folded: str, stop: frozenset[str]) -> bool:
    return raw[:1].isupper() and not raw.isdigit() and folded not in stop and len(raw) >= 2


_MAX_NAME_TOKENS = 6


def _name_run(sv: SentenceView, toks: Sequence[Token], taken: Spans, stop: frozenset[str],
              particles: frozenset[str], weak: frozenset[str] = frozenset()) -> Token | None:
    """The last name word of a name read along `toks` (in reading order, or reversed to read leftwards):
    two to four name words, particles allowed after the first; None if another mention covers a word. A
    capitalised `weak` word (a month or weekday: "Jan", "June", "Mar") counts only beside the others of a name
    ("Jan Kowalski"), never as a whole name."""
    words, strong, last = 0, 0, None
    for i, tok in enumerate(toks[:_MAX_NAME_TOKENS]):
        if i:
            left, right = sorted((toks[i - 1], tok), key=lambda t: t.start)
            if sv.raw(left.end, right.start) not in _NAME_GAP:
                break
        if taken.overlaps(tok.start, tok.end):
            return None
        raw = sv.raw(tok.start, tok.end)
        if _is_name_word(raw, tok.text, stop):
            words, strong, last = words + 1, strong + 1, tok
        elif tok.text in weak and _is_name_word(raw, tok.text, stop - weak):
            words, last = words + 1, tok
        elif not (words and tok.text in particles):
            break
    return last if 2 <= words <= 4 and strong >= words - 1 else None


def name_after_comma(sv: SentenceView, pos: int, taken: Spans, stop: frozenset[str],
                     particles: frozenset[str], ranks: Sequence[tuple[int, int]],
                     weak: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The name right after a title and a comma, closed by a comma, a bracket or the sentence's end; ranks
    (their spans in `ranks`) may stand between the comma and the name: "<title>, Gen. <Name>, …"."""
    lead = _LEAD_COMMA.match(sv.raw(pos, sv.sentence.end))
    if lead is None:
        return None
    start = pos + lead.end()
    for rank_start, rank_end in sorted(ranks):
        if rank_start == start:
            rest = sv.raw(rank_end, sv.sentence.end)
            rest = rest[1:] if rest.startswith(".") else rest
            start = sv.sentence.end - len(rest.lstrip(" "))
    toks = sv.words_after(start, _MAX_NAME_TOKENS)
    if not toks or toks[0].start != start:
        return None
    last = _name_run(sv, toks, taken, stop, particles, weak)
    if last is None or not _CLOSE.match(sv.raw(last.end, sv.sentence.end)):
        return None
    return start, last.end


def name_before_comma(sv: SentenceView, title_start: int, taken: Spans,
                      stop: frozenset[str], particles: frozenset[str],
                      determiners: frozenset[str]) -> tuple[int, int] | None:
    """The name right before ", [determiner] <title>", opening the sentence or after a comma/bracket."""
    toks = sv.tokens
    j = sv.token_index_after_end(title_start)  # toks[:j]: the words before the title
    while j and toks[j - 1].text in determiners and not sv.raw(toks[j - 1].end, title_start).strip(" "):
        title_start = toks[j - 1].start
        j -= 1
    if not j or sv.raw(toks[j - 1].end, title_start).strip() != ",":
        return None
    first = _name_run(sv, toks[max(0, j - _MAX_NAME_TOKENS) : j][::-1], taken, stop, particles)
    if first is None or sv.raw(sv.sentence.start, first.start).strip()[-1:] not in _OPENERS:
        return None
    return first.start, toks[j - 1].end


def without_span(text: str, offset: int, start: int, end: int) -> tuple[str, int]:
    """`text` (starting at article `offset`) with [start, end) and the space before it removed, and
    the article offset where the removal happened: "ministre sénégalais de la Défense" → "ministre de la
    Défense", so that a title with a demonym inside it matches its cue (loaders/mentions/found.py)."""
    cut = start - offset
    while cut > 0 and text[cut - 1] == " ":
        cut -= 1
    return text[:cut] + text[end - offset:], offset + cut


def restore(pos: int, at: int, removed: int) -> int:
    """An offset of the shortened text mapped back to the article (see `without_span`)."""
    return pos + removed if pos > at else pos
