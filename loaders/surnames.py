"""A registry person named by surname alone ("Kolokoltsev said …"), resolved only when it is unambiguous.

The rule: a capitalised word standing alone (no capitalised word right before or after it, but for a
title or rank of the language: "Interior Minister N", "Gen. N") that is the surname of registry people is
that person when

1. exactly one of them is named in full elsewhere in the article, or, failing that,
2. the article is dated and exactly one registry person with that surname held an office that day.

Otherwise (two namesakes in office, an undated article, a word already part of a mention) the word stays
what the earlier stages made of it. Surnames an entry lists as an alias of its own ("Putin") are matched
as aliases already; this stage only adds what no alias covers. A double surname (the last two words of
a name of three or more: "Ralda Moreno") counts as one surname.

A second pass (`name_part_mentions`) covers names whose short form is not the last word: any word of a
person named in full in the article ("Kwame Osei Mensah", then "Osei" or "Kwame"), standing alone, is
that person when no other person named in the article has that word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from itertools import accumulate

from graph_schema.model import EntityType
from loaders import confidence
from loaders.context import ArticleContext
from loaders.lang import Rules
from loaders.models import Mention, MentionHow
from loaders.registry import Actor, Registry
from loaders.text import SentenceView, norm

MIN_SURNAME = 3
_INDEXES: dict[int, tuple[Registry, dict[str, tuple[str, ...]]]] = {}


def surnames_of(actor: Actor) -> set[str]:
    """The folded surnames of a person: the last word of each of its names of two words or more, and
    the last two words of a name of three or more (a double surname: "Padrino López", "Sánchez Pérez";
    the names include their spellings in other languages, `loaders.translit`)."""
    out: set[str] = set()
    for words in (norm(n).split() for n in actor.aliases):
        if len(words) >= 2 and len(words[-1]) >= MIN_SURNAME:
            out.add(words[-1])
            if len(words) >= 3 and len(words[-2]) >= MIN_SURNAME:
                out.add(f"{words[-2]} {words[-1]}")
    return out


def surname_index(reg: Registry) -> dict[str, tuple[str, ...]]:
    """Folded surname -> the registry people bearing it (built once per registry)."""
    cached = _INDEXES.get(id(reg))
    if cached is not None and cached[0] is reg:
        return cached[1]
    index: dict[str, list[str]] = {}
    for actor in reg.actors.values():
        if actor.type == EntityType.PERSON:
            for surname in surnames_of(actor):
                index.setdefault(surname, []).append(actor.id)
    built = {k: tuple(sorted(v)) for k, v in index.items()}
    _INDEXES[id(reg)] = (reg, built)
    return built


_FIRSTS: dict[int, tuple[dict[str, tuple[str, ...]], frozenset[str]]] = {}


def _compound_firsts(index: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The first words of the index's double surnames (built once per index)."""
    cached = _FIRSTS.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    firsts = frozenset(k.split(" ", 1)[0] for k in index if " " in k)
    _FIRSTS[id(index)] = (index, firsts)
    return firsts


def in_office(actor: Actor, day: date) -> bool:
    """Whether the person held a dated role on `day`."""
    return any(r.start is not None and r.holds_on(day) for r in actor.roles)


def pick(candidates: Sequence[str], named: set[str], reg: Registry, day: date | None) -> str | None:
    """The one person a surname stands for (see the module), or None."""
    full = [c for c in candidates if c in named]
    if full:
        return full[0] if len(full) == 1 else None
    if day is None:
        return None
    held = [c for c in candidates if (a := reg.get(c)) is not None and in_office(a, day)]
    return held[0] if len(held) == 1 else None


def _title_ends(sv: SentenceView, rules: Rules) -> set[int]:
    """Indices of the words that end a title or rank of the language in the sentence."""
    titles = {m.last for m in rules.titles.find(sv.tokens, sv.sentence.text, sv.start)}
    return titles | {m.last for m in rules.ranks.find(sv.tokens, sv.sentence.text, sv.start)}


def _alone(sv: SentenceView, k: int, title_ends: set[int], last: int | None = None) -> bool:
    """The words k..last (default: k alone) are capitalised, joined by spaces, and no other capitalised
    word touches them (not part of a longer name); a title or rank right before them is no name."""
    last = k if last is None else last

    def capital(i: int) -> bool:
        raw = sv.raw(sv.tokens[i].start, sv.tokens[i].end)
        return raw[:1].isupper() and not raw.isupper()

    def touching(i: int, j: int) -> bool:
        return sv.raw(sv.tokens[i].end, sv.tokens[j].start).strip() == ""

    if last >= len(sv.tokens) or not all(capital(i) for i in range(k, last + 1)) \
            or not all(touching(i, i + 1) for i in range(k, last)):
        return False
    before = k > 0 and sv.raw(sv.tokens[k - 1].start, sv.tokens[k - 1].end)[:1].isupper() \
        and k - 1 not in title_ends and touching(k - 1, k)
    after = last + 1 < len(sv.tokens) and sv.raw(sv.tokens[last + 1].start, sv.tokens[last + 1].end)[:1].isupper() \
        and touching(last, last + 1)
    return not before and not after


class _Spans:
    """The mentions' spans, asked whether one overlaps [start, end) by bisection, not a scan per word."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # furthest end of the spans so far

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span starting before `end` reaches past `start`."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def surname_mentions(ctx: ArticleContext, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` plus the registry people named by surname alone (see the module), in text order."""
    registry, rules, published = ctx.registry, ctx.rules, ctx.published
    index = surname_index(registry)
    firsts = _compound_firsts(index)
    named = {m.entity_id for m in mentions if m.entity_type == EntityType.PERSON and m.entity_id in registry.actors}
    covered = _Spans(mentions)
    added: list[Mention] = []
    for sv in ctx.views:
        if not any(t.text in index or t.text in firsts for t in sv.tokens):
            continue
        title_ends = _title_ends(sv, rules)
        for k, tok in enumerate(sv.tokens):
            double = tok.text in firsts and k + 1 < len(sv.tokens)
            if not double and tok.text not in index:
                continue  # (most words: neither a surname nor the first word of a double one)
            for last, key in ((k + 1, f"{tok.text} {sv.tokens[k + 1].text}" if double else ""), (k, tok.text)):
                candidates = index.get(key)
                end = sv.tokens[last].end if candidates else tok.end
                if not candidates or covered.overlaps(tok.start, end) or (added and added[-1].end > tok.start) \
                        or not _alone(sv, k, title_ends, last):
                    continue
                person = pick(candidates, named, registry, published)
                if person is not None:
                    added.append(Mention(sentence_index=sv.sentence.index, start=tok.start, end=end,
                                         surface=sv.raw(tok.start, end), entity_id=person,
                                         entity_type=EntityType.PERSON, how=MentionHow.SURNAME,
                                         confidence=confidence.REGISTRY_SURNAME))
                    break  # (the mentions added come in text order: only the last can overlap a word)
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else list(mentions)


def _title_fits(reg: Registry, person: str, m: Mention, day: date) -> bool:
    """Whether the registry person held, on `day`, the office the mention's title names: every word of the
    title in the office's ("President" in "President of Nicaragua", "Defence Minister" in "Minister of
    Defence of Chile"; "Vice President" is not in it), and the title's state, when it names one."""
    role = reg.role_on(person, day)
    if role is None or m.role is None:
        return False
    if m.role_country is not None and role.country != m.role_country:
        return False
    return set(norm(m.role).split()) <= set(norm(role.title).split())


def titled_surnames(ctx: ArticleContext, mentions: Sequence[Mention]) -> list[Mention]:
    """A title and one name the registry lacks as a person ("el presidente Ortega", "Menteri Sugiono",
    "Defence Minister Marles") is the registry person with that surname who held that office on the
    article's day, when exactly one did; every mention of the person the title made is then that one.
    A title that fits none of them (a general, a namesake without the office) leaves the person discovered."""
    registry, day = ctx.registry, ctx.published
    if day is None:
        return list(mentions)
    index = surname_index(registry)
    swap: dict[str, str | None] = {}
    for m in mentions:
        if m.entity_type != EntityType.PERSON or m.how != MentionHow.TITLE_CUE or m.entity_id in registry.actors:
            continue
        words = norm(m.surface).split()
        fit = [c for c in index.get(words[0], ()) if _title_fits(registry, c, m, day)] if len(words) == 1 else []
        if len(fit) == 1 and swap.get(m.entity_id, fit[0]) == fit[0]:
            swap[m.entity_id] = fit[0]
        elif fit:
            swap[m.entity_id] = None  # two people fit, or two titles of one name point apart: neither
    swap = {k: v for k, v in swap.items() if v is not None}
    return [m.model_copy(update={"entity_id": swap[m.entity_id], "confidence": min(
        m.confidence, confidence.REGISTRY_SURNAME)}) if m.entity_id in swap else m for m in mentions]


_NAMED = frozenset({MentionHow.ALIAS, MentionHow.FUZZY, MentionHow.TITLE_CUE})


def _name_parts(mentions: Sequence[Mention]) -> dict[str, set[str]]:
    """Folded word of a person's full name (two words or more) -> the people named in the article with it."""
    parts: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_type != EntityType.PERSON or m.how not in _NAMED:
            continue  # a title filled with its holder ("the Russian minister") spells no name
        raw = m.surface.split()
        if len(raw) < 2:
            continue
        for word, folded in zip(raw, norm(m.surface).split(), strict=False):
            if len(folded) >= MIN_SURNAME and word[:1].isupper():
                parts.setdefault(folded, set()).add(m.entity_id)
    return parts


def name_part_mentions(ctx: ArticleContext, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` plus a word of a person named in full, standing alone, that no other person named in
    the article shares (see the module), in text order."""
    parts = {k: next(iter(v)) for k, v in _name_parts(mentions).items() if len(v) == 1}
    if not parts:
        return list(mentions)
    covered = _Spans(mentions)
    added: list[Mention] = []
    for sv in ctx.views:
        if not any(t.text in parts for t in sv.tokens):
            continue
        title_ends = _title_ends(sv, ctx.rules)
        for k, tok in enumerate(sv.tokens):
            person = parts.get(tok.text)
            if person is None or covered.overlaps(tok.start, tok.end) or not _alone(sv, k, title_ends):
                continue
            added.append(Mention(sentence_index=sv.sentence.index, start=tok.start, end=tok.end,
                                 surface=sv.raw(tok.start, tok.end), entity_id=person,
                                 entity_type=EntityType.PERSON, how=MentionHow.SURNAME,
                                 confidence=confidence.SURNAME_AGAIN))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else list(mentions)
