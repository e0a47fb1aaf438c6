"""The facts stage: per sentence, role facts and trigger facts; then registry roles and de-duplication."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graph_schema.model import SYMMETRIC_RELATIONS, Relation
from loaders.context import ArticleContext
from loaders.facts.args import FactsCtx
from loaders.facts.lists import list_sanction_facts
from loaders.facts.receipts import receipt_triggers
from loaders.facts.reference import Referents, reference_mentions
from loaders.facts.roles import registry_role_facts, title_role_facts
from loaders.facts.sentence import SentenceFacts
from loaders.facts.specs import P
from loaders.facts.triggers import event_name_spans, run
from loaders.facts.whenwhere import (
    anaphora_date,
    dateline_place,
    inserted_phrases,
    nearest_date,
    sequence_spans,
    skip_from,
)
from loaders.mentions.lists import marker_span
from loaders.models import Entity, Fact, Mention
from loaders.text import SentenceView, longest


@dataclass
class FactsResult:
    """Facts asserted by the article, claims withheld (denied/planned), entities found on the way."""

    facts: list[Fact] = field(default_factory=list)
    withheld: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    skipped_sentences: set[int] = field(default_factory=set)


def _key(f: Fact) -> tuple[str, str, str]:
    if f.relation in SYMMETRIC_RELATIONS:
        a, b = sorted((f.subject, f.object))
        return (a, f.relation.value, b)
    return (f.subject, f.relation.value, f.object)


def dedupe(facts: Sequence[Fact]) -> list[Fact]:
    """One fact per (subject, relation, object): the first evidence, the most precise date, a place."""
    kept: dict[tuple[str, str, str], Fact] = {}
    for f in facts:
        k = _key(f)
        cur = kept.get(k)
        if cur is None:
            kept[k] = f
            continue
        update: dict[str, object] = {}
        if len(f.date or "") > len(cur.date or ""):
            update["date"] = f.date
        if cur.place is None and f.place is not None:
            update["place"] = f.place
        if f.confidence > cur.confidence:
            update["confidence"] = f.confidence
        if update:
            kept[k] = cur.model_copy(update=update)
    return list(kept.values())


def _person_roles(ctx: ArticleContext, mentions: Sequence[Mention]) -> dict[str, tuple[str | None, str | None]]:
    """Each person's (organisation, state): the article's title first, else the registry's role that day."""
    person_role: dict[str, tuple[str | None, str | None]] = {}
    for m in mentions:
        if m.entity_type == P and (m.role_org or m.role_country) and m.entity_id not in person_role:
            person_role[m.entity_id] = (m.role_org, m.role_country)
    for m in mentions:
        if m.entity_type == P and m.entity_id not in person_role:
            role = ctx.registry.role_on(m.entity_id, ctx.published)
            if role is not None:
                person_role[m.entity_id] = (role.org, role.country)
    return person_role


@dataclass
class _Article:
    """The facts found so far in an article, sentence by sentence."""

    found: list[tuple[Fact, bool]] = field(default_factory=list)  # (fact, asserted)
    roles_seen: set[str] = field(default_factory=set)
    prev_facts: list[int] = field(default_factory=list)  # indexes in `found` of the sentence before
    carried: dict[Relation, str] = field(default_factory=dict)
    refs: Referents = field(default_factory=Referents)  # what the sentences before named, for references
    before: SentenceView | None = None  # the sentence before (an event anaphora takes its date)


def _sentence(ctx: ArticleContext, fctx: FactsCtx, sv: SentenceView, ms: list[Mention], end: int, acc: _Article,
              result: FactsResult) -> None:
    """Role and trigger facts of one sentence (up to `end`)."""
    sent, rl = sv.sentence, fctx.rules
    acc.found += [(f, True) for f in title_role_facts(sv, ms, acc.roles_seen, end, fctx.reg)]
    refs = reference_mentions(ctx, sv, ms, acc.refs)
    kept = [m for m in ms if m.start not in refs.replaced]
    sf = SentenceFacts(sv, sorted([*kept, *refs.mentions], key=lambda m: m.start), fctx, end, acc.carried)
    sf.only_for, sf.article_pair = refs.only_for, acc.refs.pair_at(sv.sentence.index)
    sf.anaphora_date = anaphora_date(fctx, sv, acc.before)  # "Kontrak tersebut diteken …": the signing dated before
    marker = marker_span(sv, rl)  # "those sanctioned include": the list rule reads its targets (facts/lists.py)
    found = rl.triggers.find(sv.tokens, sent.text, sent.start)
    for gap in inserted_phrases(fctx, sv):  # "recibió este martes a", "took part on Monday in"
        found += rl.triggers.find_across(sv.tokens, sent.text, sent.start, gap)
    found = receipt_triggers(sv, rl, found, ms)
    sf.triggers = longest(t for t in found if rl.trigger_ok(sv, t)
                          and not (marker and marker[0] <= t.start < marker[1]))
    sf.event_spans = event_name_spans(sf)
    sf.sequence_spans = sequence_spans(fctx, sv, [(t.start, t.end) for t in sf.triggers])  # (once a sentence)
    for trig in sf.triggers:
        if trig.end <= end:
            run(sf, trig)
    sf.out += list_sanction_facts(sv, ms, fctx, (acc.found, sf.out), end)
    result.entities += sf.entities
    # "Pernyataan tersebut disampaikan … pada Selasa (22/6/2021)": the statement before is dated too
    anaphora = [h for h in rl.phrases["statement_anaphora"].find(sv.tokens[:4], sent.text, sent.start)
                if h.first == 0]
    if anaphora:
        day = nearest_date(fctx, sent, sent.start)
        if day:
            for i in acc.prev_facts:
                f, ok = acc.found[i]
                if f.date is None and f.relation != Relation.HOLDS_ROLE:
                    acc.found[i] = (f.model_copy(update={"date": day}), ok)
    acc.before = sv
    acc.prev_facts = list(range(len(acc.found), len(acc.found) + len(sf.out)))
    acc.found += sf.out
    acc.refs.note(ctx, ms, sf.out)


def extract_facts(ctx: ArticleContext, mentions: Sequence[Mention]) -> FactsResult:
    """The facts an article states, from its resolved mentions."""
    article = ctx.article
    fctx = FactsCtx(ctx, _person_roles(ctx, mentions), dateline_place(article, mentions, ctx.registry))
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    result = FactsResult()
    acc = _Article()
    for sv in ctx.views:
        sent = sv.sentence
        limit = skip_from(sv, fctx)
        if limit is not None and limit <= sent.start + (len(sent.text) - len(sent.text.lstrip())):
            result.skipped_sentences.add(sent.index)
            acc.prev_facts, acc.before = [], None
            continue
        end = limit if limit is not None else sent.end
        _sentence(ctx, fctx, sv, sorted(by_sentence.get(sent.index, []), key=lambda m: m.start), end, acc, result)
    acc.found += [(f, True) for f in registry_role_facts(ctx, mentions, acc.roles_seen,
                                                         result.skipped_sentences)]
    result.facts = dedupe([f for f, ok in acc.found if ok])
    asserted_keys = {_key(f) for f in result.facts}
    result.withheld = dedupe([f for f, ok in acc.found if not ok and _key(f) not in asserted_keys])
    coup = acc.refs.coup
    if coup is not None and any(coup.id in (f.subject, f.object) for f in [*result.facts, *result.withheld]):
        result.entities.append(coup)
    return result
