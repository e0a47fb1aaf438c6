"""When and where: a fact's status (negation, modality), date and place; the dateline city; clauses."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from graph_schema.model import Modality, Relation
from loaders.dates import DateMention
from loaders.facts.args import FactsCtx
from loaders.facts.specs import CLAUSE_BREAK, PL
from loaders.lang import Rules
from loaders.models import CleanArticle, Mention, Sentence
from loaders.registry import Registry
from loaders.text import SentenceView, norm


def status_between(sv: SentenceView, ctx: FactsCtx, start: int, end: int) -> Modality:
    """Negation or modality cues in [start, end) of the sentence."""
    toks = sv.words_within(start, end)
    if not toks:
        return Modality.HAPPENED
    if any(ctx.rules.has("negation", t.text) for t in toks) or ctx.rules.phrases["negation"].find(
            toks, sv.sentence.text, sv.start):
        return Modality.DENIED
    found = ctx.rules.modality.find(toks, sv.sentence.text, sv.start)
    if found:
        return Modality(found[-1].payload)
    return Modality.HAPPENED


# standing ties that an act of ending ("denounced the accords", "kündigte die Zusammenarbeit") denies
ENDABLE_TIES = frozenset({Relation.COOPERATES_WITH, Relation.SUPPLIES_ARMS_TO, Relation.TRAINS,
                          Relation.SUPPORTS, Relation.SANCTIONED})
TERMINATION_REACH = 120  # characters before a trigger searched for a verb that ends the tie


def tie_ended(sv: SentenceView, ctx: FactsCtx, rel: Relation, start: int, trig_start: int) -> bool:
    """Whether a verb ending a tie stands in [start, trigger) of the sentence, commas notwithstanding.

    "X denounced, overnight, the cooperation accords between A and B": no tie of A and B is asserted.
    """
    if rel not in ENDABLE_TIES:
        return False
    lo = max(start, trig_start - TERMINATION_REACH, sv.start)
    toks = sv.words_within(lo, trig_start)
    return bool(toks) and bool(ctx.rules.phrases["termination_cues"].find(toks, sv.sentence.text, sv.start))


def nearest_date(ctx: FactsCtx, sent: Sentence, near: int,
                  skip: Sequence[tuple[int, int]] = ()) -> str | None:
    """The date of the sentence nearest `near`, leaving out dates inside the `skip` spans."""
    best: tuple[bool, int, str] | None = None
    for d in _dates_of(ctx, sent):
        if any(a <= d.start < b for a, b in skip):
            continue  # "…, which seized power in the 1 February coup, …" dates the coup, not the clause
        rank = (d.weak, abs(d.start - near), d.value)  # a stated date before a recency cue
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None


def _dates_of(ctx: FactsCtx, sent: Sentence) -> list[DateMention]:
    """The dates lying in a sentence (dates are in text order: only the sentence's are read)."""
    first = bisect_left(ctx.date_starts, sent.start)
    return [d for d in ctx.dates[first : bisect_left(ctx.date_starts, sent.end, lo=first)]
            if d.start >= sent.start and d.end <= sent.end]


def sentence_dates(ctx: FactsCtx, sent: Sentence) -> set[str]:
    """The values of the stated (not weak) dates of a sentence."""
    return {d.value for d in _dates_of(ctx, sent) if not d.weak}


_SEQUENCE_REACH = 8  # words from a sequence word to the date of the event it names ("after the February 2021 coup")
_NOUN_AFTER_DATE = 2  # words after that date in which the event's noun may stand ("after the 2021 military coup")


def sequence_spans(ctx: FactsCtx, sv: SentenceView, nouns: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Phrases naming another event before or after ("after the 2021 coup", "après le coup d'État de 2021",
    "nach dem Putsch von 2021"): from a ``sequence_words`` word to the first date after it, a few words on and
    in its clause, when an event is named by a noun there (`nouns`: the sentence's trigger spans; a coup or an
    event noun) — not a clause the word opens ("after, on 20 August, N visited …" dates N's visit). That date is
    the other event's; a trigger outside the phrase is not dated by it."""
    rules = ctx.rules
    if sv.word_set.isdisjoint(rules.words.get("sequence_words", ())):
        return []
    dates = _dates_of(ctx, sv.sentence)
    text, start = sv.sentence.text, sv.start
    named = [*nouns, *((h.start, h.end) for key in ("coup_nouns", "event_nouns")
                       for h in rules.phrases[key].find(sv.tokens, text, start))]
    out: list[tuple[int, int]] = []
    for k, tok in enumerate(sv.tokens):
        if not rules.has("sequence_words", tok.text):
            continue
        reach = sv.tokens[k + _SEQUENCE_REACH].start if k + _SEQUENCE_REACH < len(sv.tokens) else sv.sentence.end
        d = next((d for d in dates if tok.end <= d.start < reach), None)
        if d is None or CLAUSE_BREAK.search(sv.raw(tok.end, d.start)):
            continue
        after = [t for t in sv.words_after(d.end, _NOUN_AFTER_DATE) if not CLAUSE_BREAK.search(sv.raw(d.end, t.start))]
        phrase_end = after[-1].end if after else d.end
        if any(tok.end <= a < phrase_end for a, _ in named):
            out.append((tok.start, d.end))
    return out


ANAPHORA_STEM_CUT = 2  # letters an inflected noun of the sentence before may differ by at its end ("Abkommens")


def anaphora_date(ctx: FactsCtx, sv: SentenceView, before: SentenceView | None) -> str | None:
    """The date a sentence opening with an event anaphora ("The contract was signed by …", "Kontrak tersebut",
    "Dieses Abkommen") takes from the sentence before it: when it states no date of its own, the sentence
    before names the anaphora's noun and states exactly one date (the event it dated is the one referred to)."""
    if before is None:
        return None
    rules = ctx.rules
    hits = [h for h in rules.phrases["event_anaphora"].find(sv.tokens[:4], sv.sentence.text, sv.start)
            if h.first == 0]
    if not hits or sentence_dates(ctx, sv.sentence):
        return None
    nouns = [w for w in norm(hits[0].payload).split()
             if not rules.has("determiners", w) and not rules.has("demonstratives", w)]
    stems = [n[: max(4, len(n) - ANAPHORA_STEM_CUT)] for n in nouns]
    if not any(t.text.startswith(stem) for t in before.tokens for stem in stems):
        return None
    values = sentence_dates(ctx, before.sentence)
    return next(iter(values)) if len(values) == 1 else None


def place_for(rel: Relation, obj: str, args: Sequence[Mention], ctx: FactsCtx) -> str | None:
    """A fact's place: a visit's city of the visited state, else a place named, else the dateline."""
    places = [m for m in args if m.entity_type == PL]
    if rel == Relation.VISITED:
        for m in places:
            actor = ctx.reg.get(m.entity_id)
            if actor is not None and actor.country == obj:
                return m.entity_id
        if ctx.dateline:
            actor = ctx.reg.get(ctx.dateline)
            if actor is not None and actor.country == obj:
                return ctx.dateline
        return None
    if places:
        return places[0].entity_id
    return ctx.dateline


def dateline_place(article: CleanArticle, mentions: Sequence[Mention], reg: Registry) -> str | None:
    """The dateline city ("JAKARTA, KOMPAS.com –", "BANGKOK, October 23. /TASS/", "Jakarta (ANTARA) -")."""
    for m in mentions:
        if m.sentence_index > 4:
            break
        if m.entity_type != PL:
            continue
        letters = [c for c in m.surface if c.isalpha()]
        sent = next((s for s in article.sentences if s.index == m.sentence_index), None)
        at_start = sent is not None and not article.text[sent.start : m.start].strip()
        after = article.text[m.end : m.end + 4]
        if (letters and all(c.isupper() for c in letters) and len(letters) > 3) or (
                at_start and re.match(r"^\s*(?:\(|[-–—:,])", after)):
            return m.entity_id
    return None


def relative_spans(sv: SentenceView, rules: Rules) -> list[tuple[int, int]]:
    """Relative clauses of a sentence ("…, yang …", "which …", "qui …"): pronoun to the next clause break."""
    spans = []
    for h in rules.phrases["relative_pronouns"].find(sv.tokens, sv.sentence.text, sv.start):
        brk = CLAUSE_BREAK.search(sv.raw(h.end, sv.sentence.end))
        spans.append((h.start, h.end + brk.start() if brk else sv.sentence.end))
    return spans


def skip_from(sv: SentenceView, ctx: FactsCtx) -> int | None:
    """Offset where a related-article link starts in the sentence ("Baca juga: …"), if any."""
    hits = ctx.rules.phrases["skip_sentences"].find(sv.tokens, sv.sentence.text, sv.start)
    for h in hits:
        after = sv.raw(h.end, min(h.end + 2, sv.sentence.end)).lstrip()
        before = sv.raw(sv.start, h.start).strip()
        multiword = h.last > h.first
        if after.startswith(":") or (not before and multiword):
            return h.start
    return None


_TIME_LEAD_WORDS = 2  # small words a time phrase may open with before its date ("on", "este", "во", "pada")


def inserted_phrases(ctx: FactsCtx, sv: SentenceView) -> list[tuple[int, int]]:
    """Word ranges (token indexes, end excluded) that may stand between the words of a trigger phrase: a
    time phrase (a stated date, with or without the small words opening it: "este martes", "on Monday",
    "во вторник") and a run of adverbs (``inserted_adverbs``: "también", "également"), set off by no comma
    or by a pair of them ("recibió, este martes, a B")."""
    tokens, rules = sv.tokens, ctx.rules
    runs: list[tuple[int, int]] = []
    for d in _dates_of(ctx, sv.sentence):
        if d.weak:
            continue
        a, b = sv.token_index_at(d.start), sv.token_index_after_end(d.end)
        runs.append((a, b))
        for k in range(1, _TIME_LEAD_WORDS + 1):
            if a - k < 0 or not (tokens[a - k].text in rules.stopwords or rules.has("determiners", tokens[a - k].text)):
                break
            runs.append((a - k, b))
    adverbs = rules.words.get("inserted_adverbs")
    if adverbs and not adverbs.isdisjoint(sv.word_set):
        i = 0
        while i < len(tokens):
            j = i
            while j < len(tokens) and tokens[j].text in adverbs:
                j += 1
            if j > i:
                runs.append((i, j))
            i = j + 1
    return [(a, b) for a, b in runs
            if 0 < a < b < len(tokens) and _bracketed(sv.raw(tokens[a - 1].end, tokens[b].start))]


def _bracketed(gap: str) -> bool:
    """Whether an inserted phrase's text is set off by no clause break or by a pair of commas only."""
    breaks = CLAUSE_BREAK.findall(gap)
    return not breaks or (breaks == [",", ","] and gap.lstrip().startswith(",") and gap.rstrip().endswith(","))
