"""Events discovered in the text: after an attendance trigger, an event noun ("konferensi keamanan",
"the signing ceremony") or a capitalised name holding one ("the Andean Security Forum 2024"); after a
name cue, a quoted name ("an exercise codenamed "Blue Shield"").

A discovered event's aliases are its name and, when a determiner precedes it, the name as written with
that determiner ("the signing ceremony"): both are the text's own surface forms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.facts.args import FactsCtx
from loaders.facts.specs import EV
from loaders.models import Entity, EntitySource, Mention, MentionHow
from loaders.text import SentenceView, Token, slug

_EVENT_LEAD = 2  # words between an attendance trigger and an event's name ("the", "au", "an der")
_EVENT_WORDS = 8  # the longest capitalised event name
_HEAD_FINAL_WORDS = 3  # modifiers before a lower-case event noun ("the signing ceremony")
_TAIL_WORDS = 4  # lower-case words after a capitalised name up to its event noun ("SCO defence ministers meeting")
_NAME_GAPS = (" ", "-")
_ELIDED_LETTERS = 4  # the longest elided word before an apostrophe inside a name ("l'", "dell'")
_POSSESSIVE_MARKS = ("'", "’")
_QUOTED = re.compile(r"\s*[\"“«„]([^\"”»“]{2,60})[\"”»“]")


def _event(surface: str, ctx: FactsCtx, when: str | None, written: str | None) -> Entity:
    """A discovered event; its id carries the year of `when` (else of the publication) unless its name does."""
    year = (when or "")[:4] or (str(ctx.published.year) if ctx.published else "")
    ent_id = f"evt:{slug(surface)}-{year}" if year and not surface.endswith(year) else f"evt:{slug(surface)}"
    aliases = [surface, *([written] if written and written != surface else [])]
    return Entity(id=ent_id, type=EV, name=surface, aliases=aliases, source=EntitySource.DISCOVERED, mentions=1)


def _is_event_noun(sv: SentenceView, ctx: FactsCtx, tok: Token) -> bool:
    """Whether a word is an event noun, or ends in one of a compounding language's (``event_compounds``:
    "Waffenschau")."""
    if ctx.rules.phrases["event_nouns"].find([tok], sv.sentence.text, sv.start):
        return True
    return any(len(tok.text) > len(noun) + 2 and tok.text.endswith(noun)
               for noun in ctx.rules.words.get("event_compounds", frozenset()))


def _is_link(ctx: FactsCtx, tok: Token) -> bool:
    """Whether a small word may join two capitalised words of an event's name ("of", "for", "und")."""
    return any(ctx.rules.has(kind, tok.text) for kind in ("title_links", "event_links", "conjunctions"))


def _lead(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token]) -> int:
    """How many small lower-case words ("the", "au", "an der") open the text after the trigger."""
    rl = ctx.rules
    small = rl.words.get("determiners", frozenset()) | rl.words.get("locative_preps", frozenset())
    i = 0
    while i < min(_EVENT_LEAD, len(toks)) and (toks[i].text in small or toks[i].text in rl.stopwords) \
            and not sv.raw(toks[i].start, toks[i].end)[:1].isupper():
        i += 1
    return i


def _written(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token], first: int, end: int) -> str | None:
    """The name with the determiner right before it, as written ("the signing ceremony"), if there is one."""
    if first and toks[first - 1].text in ctx.rules.words.get("determiners", frozenset()):
        return sv.raw(toks[first - 1].start, end)
    return None


def event_after(sv: SentenceView, ctx: FactsCtx, pos: int, when: str | None) -> Entity | None:
    """A conference/forum/exercise named right after an attendance trigger, as a discovered event.

    Its id carries the year of `when` (the fact's date), else of the publication: the security
    conference of 2021 is not that of 2023 (`evt:konferensi-keamanan-2021`).
    """
    toks = [t for t in sv.tokens if t.start >= pos]
    if not toks or sv.raw(pos, toks[0].start).strip():
        return None
    lead = _lead(sv, ctx, toks)
    if lead < len(toks) and _is_event_noun(sv, ctx, toks[lead]) \
            and not sv.raw(toks[lead].start, toks[lead].end)[:1].isupper():
        return _noun_first(sv, ctx, toks, lead, when)
    return _named_event(sv, ctx, toks, lead, when) or _head_final(sv, ctx, toks, lead, when)


def _noun_first(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token], first: int,
                when: str | None) -> Entity:
    """An event noun and the words after it up to a break: "konferensi keamanan", "salon Eurosatory"."""
    named = _named_event(sv, ctx, toks, first, when)
    if named is not None:
        return named
    rl = ctx.rules
    end = toks[first].end
    stop = rl.words.get("locative_preps", frozenset()) | rl.words.get("conjunctions", frozenset())
    for i in range(first, min(first + 5, len(toks))):
        t = toks[i]
        # "la cérémonie de signature": a link word joins the noun to a lower-case complement
        link = rl.has("event_links", t.text) and i + 1 < len(toks) and toks[i + 1].text not in stop \
            and not sv.raw(toks[i + 1].start, toks[i + 1].end)[:1].isupper()
        gap = sv.raw(toks[i - 1].end, t.start)
        # an elided article or preposition: "sommet de l'OTAN", "salon d'Abou Dhabi", "vertice dell'ASEAN"
        elided = gap in _POSSESSIVE_MARKS and len(toks[i - 1].text) <= _ELIDED_LETTERS \
            and sv.raw(toks[i - 1].start, toks[i - 1].end).islower()
        if i > first and ((gap.strip() and not elided) or ((t.text in stop or t.text in rl.stopwords) and not link)
                          or (t.text.isdigit() and len(t.text) != 4)):
            break
        end = t.end
    return _event(sv.raw(toks[first].start, end), ctx, when, _written(sv, ctx, toks, first, end))


def _head_final(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token], first: int,
                when: str | None) -> Entity | None:
    """A lower-case event noun after at most three plain modifiers: "the signing ceremony"."""
    rl = ctx.rules
    stop = rl.words.get("locative_preps", frozenset()) | rl.words.get("conjunctions", frozenset())
    for k in range(first, min(first + _HEAD_FINAL_WORDS + 1, len(toks))):
        t = toks[k]
        if (k > first and sv.raw(toks[k - 1].end, t.start) not in _NAME_GAPS) or t.text in stop \
                or (t.text in rl.stopwords and not _is_event_noun(sv, ctx, t)):
            return None
        if _is_event_noun(sv, ctx, t):
            return _event(sv.raw(toks[first].start, t.end), ctx, when, _written(sv, ctx, toks, first, t.end))
    return None


def _span_gap_ok(sv: SentenceView, ctx: FactsCtx, prev: Token, tok: Token) -> bool:
    """Whether `tok` continues a name after `prev`: a space or hyphen, a possessive ("Ministers’",
    "Institute's"), or a truncated compound's link ("Luft- und Waffenschau")."""
    gap = sv.raw(prev.end, tok.start)
    if gap in _NAME_GAPS:
        return True
    if gap in _POSSESSIVE_MARKS and tok.text == "s":
        return True
    if gap.rstrip() in _POSSESSIVE_MARKS and gap.endswith(" "):
        return True
    return gap == "- " and ctx.rules.has("conjunctions", tok.text)


def _named_event(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token], lead: int,
                 when: str | None) -> Entity | None:
    """A capitalised event name after an attendance trigger, past at most two small words: "attended the
    Andean Security Forum 2024", "participé au salon Eurosatory", "nahm an der Pacific Defence Expo teil".

    The name runs over capitalised words, years and link words (``title_links``) followed by a
    capitalised word; it must hold an event noun (``event_nouns``, any case), else end in lower-case
    words up to one ("SCO defence ministers meeting", "the Institute's 17th annual conference").
    """
    span: list[Token] = []
    for k in range(lead, min(lead + _EVENT_WORDS, len(toks))):
        t = toks[k]
        if span and not _span_gap_ok(sv, ctx, span[-1], t):
            break
        if t.text in ctx.rules.calendar_words:
            break  # "… Security Forum on Monday": a weekday or month ends the name
        raw = sv.raw(t.start, t.end)
        nxt_cap = k + 1 < len(toks) and sv.raw(toks[k + 1].start, toks[k + 1].end)[:1].isupper()
        if raw[:1].isupper() or (raw.isdigit() and len(raw) == 4 and span) or (span and t.text == "s") \
                or (span and _is_link(ctx, t) and nxt_cap) \
                or (not span and _is_event_noun(sv, ctx, t) and nxt_cap):
            span.append(t)
        else:
            break
    # (a link word joined by a hyphen is part of a word: "Shangri-La", not the article "la")
    while span and (_is_link(ctx, span[-1]) or span[-1].text == "s") \
            and not (len(span) > 1 and sv.raw(span[-2].end, span[-1].start) == "-"):
        span.pop()
    if not any(sv.raw(t.start, t.end)[:1].isupper() for t in span):
        return None
    if len(span) == 1 and ctx.rules.lowercase_name_words and _is_event_noun(sv, ctx, span[0]):
        span = _romance_name(sv, ctx, toks, span)
    if not any(_is_event_noun(sv, ctx, t) for t in span):
        span = _lowercase_tail(sv, ctx, toks, span)
        if not span:
            return None
    end = span[-1].end
    return _event(sv.raw(span[0].start, end), ctx, when, _written(sv, ctx, toks, toks.index(span[0]), end))


def _romance_name(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token], span: list[Token]) -> list[Token]:
    """A capitalised event noun and the lower-case words naming it after it, where the language writes them
    so (``lowercase_name_words``): "Forum économique d'Accra", "Salon international de la défense de Nairobi",
    "Feria internacional de defensa". Adjectives and link words, then at most a capitalised place with its
    links; a stopword, locative word, conjunction, date word or punctuation ends it."""
    rl = ctx.rules
    stop = rl.words.get("locative_preps", frozenset()) | rl.words.get("conjunctions", frozenset())
    out = list(span)
    proper = False  # a capitalised word came: only capitalised words (and links before them) follow
    k = toks.index(span[-1]) + 1
    for t in toks[k : k - 1 + _EVENT_WORDS]:
        gap = sv.raw(out[-1].end, t.start)
        link = rl.has("title_links", t.text) and not sv.raw(t.start, t.end)[:1].isupper()
        elided = gap in _POSSESSIVE_MARKS and len(out[-1].text) <= _ELIDED_LETTERS \
            and rl.has("title_links", out[-1].text)
        if (gap not in _NAME_GAPS and not elided) or t.text in rl.calendar_words or t.text.isdigit() \
                or (t.text in stop and not link):
            break
        if link:
            out.append(t)  # "de la", "d'": a link word, kept only when a name word follows it
            continue
        if sv.raw(t.start, t.end)[:1].isupper():
            proper = True
        elif proper or t.text in rl.stopwords:
            break
        out.append(t)
    while len(out) > 1 and rl.has("title_links", out[-1].text):
        out.pop()
    return out


def _lowercase_tail(sv: SentenceView, ctx: FactsCtx, toks: Sequence[Token], span: list[Token]) -> list[Token]:
    """The capitalised span extended over lower-case words up to an event noun ("SCO defence ministers
    meeting"), or [] when none comes within a few words."""
    rl = ctx.rules
    k = toks.index(span[-1]) + 1
    stop = rl.words.get("locative_preps", frozenset()) | rl.words.get("conjunctions", frozenset())
    out = list(span)
    if k < len(toks) and toks[k].text == "s" and sv.raw(out[-1].end, toks[k].start) in _POSSESSIVE_MARKS:
        out.append(toks[k])
        k += 1
    for t in toks[k: k + _TAIL_WORDS]:
        if not _span_gap_ok(sv, ctx, out[-1], t) or t.text in stop or sv.raw(t.start, t.end)[:1].isupper():
            return []
        out.append(t)
        if _is_event_noun(sv, ctx, t):
            return out
        if t.text in rl.stopwords:
            return []
    return []


def quoted_event(sv: SentenceView, ctx: FactsCtx, pos: int, when: str | None) -> tuple[Entity, int] | None:
    """An event named in quotes right after a name cue (``event_name_cues``: "codenamed", "bertajuk",
    "под названием", "baptisé") at or after `pos`; the event and where its name ends."""
    toks = [t for t in sv.tokens if t.start >= pos][:4]
    for t in toks:
        if not ctx.rules.has("event_name_cues", t.text):
            continue
        m = _QUOTED.match(sv.raw(t.end, sv.sentence.end))
        if m is None:
            return None
        name = m.group(1).strip()
        return _event(name, ctx, when, None), t.end + m.end()
    return None


def in_event_name(sv: SentenceView, ctx: FactsCtx, m: Mention) -> bool:
    """Whether a title naming nobody ("Defence Ministers") heads an event's name: "the Defence Ministers'
    Informal Meeting" names a meeting, not its holder."""
    if m.how != MentionHow.ROLE_HOLDER:
        return False
    after = [t for t in sv.tokens if t.start >= m.end][:_TAIL_WORDS]
    prev_end = m.end
    for t in after:
        gap = sv.raw(prev_end, t.start)
        if gap not in _NAME_GAPS and gap.rstrip() not in _POSSESSIVE_MARKS:
            return False
        if not sv.raw(t.start, t.end)[:1].isupper():
            return False
        if _is_event_noun(sv, ctx, t):
            return True
        prev_end = t.end
    return False
