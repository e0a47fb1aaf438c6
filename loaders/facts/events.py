"""Events discovered after an attendance trigger: an event noun ("konferensi keamanan") or a capitalised
name holding one ("the Andean Security Forum 2024")."""

from __future__ import annotations

from collections.abc import Sequence

from loaders.facts.args import FactsCtx
from loaders.facts.specs import EV
from loaders.models import Entity, EntitySource
from loaders.text import SentenceView, Token, slug


def _event(surface: str, ctx: FactsCtx, when: str | None) -> Entity:
    """A discovered event; its id carries the year of `when` (else of the publication) unless its name does."""
    year = (when or "")[:4] or (str(ctx.published.year) if ctx.published else "")
    ent_id = f"evt:{slug(surface)}-{year}" if year and not surface.endswith(year) else f"evt:{slug(surface)}"
    return Entity(id=ent_id, type=EV, name=surface, aliases=[surface], source=EntitySource.DISCOVERED, mentions=1)


def event_after(sv: SentenceView, ctx: FactsCtx, pos: int, when: str | None) -> Entity | None:
    """A conference/forum/exercise named right after an attendance trigger, as a discovered event.

    Its id carries the year of `when` (the fact's date), else of the publication: the security
    conference of 2021 is not that of 2023 (`evt:konferensi-keamanan-2021`).
    """
    toks = [t for t in sv.tokens if t.start >= pos]
    if not toks or sv.raw(pos, toks[0].start).strip():
        return None
    hits = [h for h in ctx.rules.phrases["event_nouns"].find(toks[:3], sv.sentence.text, sv.start)
            if h.first == 0]
    if not hits:
        return _named_event(sv, ctx, toks, when)
    end = toks[0].end
    stop = ctx.rules.words.get("locative_preps", frozenset()) | ctx.rules.words.get("conjunctions", frozenset())
    for i, t in enumerate(toks[:5]):
        if i and (sv.raw(toks[i - 1].end, t.start).strip() or t.text in stop or t.text in ctx.rules.stopwords
                  or (t.text.isdigit() and len(t.text) != 4)):
            break
        end = t.end
    return _event(sv.raw(toks[0].start, end), ctx, when)


_EVENT_LEAD = 2  # words between an attendance trigger and an event's name ("the", "au", "an der")


_EVENT_WORDS = 8


def _named_event(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token], when: str | None) -> Entity | None:
    """A capitalised event name after an attendance trigger, past at most two small words: "attended the
    Andean Security Forum 2024", "participé au salon Eurosatory", "nahm an der Pacific Defence Expo teil".

    The name runs over capitalised words, years and link words (``title_links``) followed by a
    capitalised word; it must hold an event noun (``event_nouns``, any case).
    """
    rl = ctx.rules
    small = rl.words.get("determiners", frozenset()) | rl.words.get("locative_preps", frozenset())
    i = 0
    while i < min(_EVENT_LEAD, len(toks)) and (toks[i].text in small or toks[i].text in rl.stopwords) \
            and not sv.raw(toks[i].start, toks[i].end)[:1].isupper():
        i += 1
    span: list[Token] = []
    for k in range(i, min(i + _EVENT_WORDS, len(toks))):
        t = toks[k]
        if span and sv.raw(span[-1].end, t.start) not in (" ", "-", "'s ", "’s "):
            break
        raw = sv.raw(t.start, t.end)
        nxt_cap = k + 1 < len(toks) and sv.raw(toks[k + 1].start, toks[k + 1].end)[:1].isupper()
        if raw[:1].isupper() or (raw.isdigit() and len(raw) == 4 and span) \
                or (span and rl.has("title_links", t.text) and nxt_cap) \
                or (not span and rl.phrases["event_nouns"].find([t], sv.sentence.text, sv.start) and nxt_cap):
            span.append(t)
        else:
            break
    while span and rl.has("title_links", span[-1].text):
        span.pop()
    if not any(sv.raw(t.start, t.end)[:1].isupper() for t in span) or \
            not rl.phrases["event_nouns"].find(span, sv.sentence.text, sv.start):
        return None
    return _event(sv.raw(span[0].start, span[-1].end), ctx, when)
