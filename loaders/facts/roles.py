"""HOLDS_ROLE facts: from the titles the article gives, and from the registry's dated roles."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph_schema.model import Relation
from loaders import confidence
from loaders.context import ArticleContext
from loaders.facts.specs import EXTRACTOR, P
from loaders.lang import Rules
from loaders.models import Fact, Mention, MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView


def _named_after(sv: SentenceView, title: Mention, mentions: Sequence[Mention]) -> bool:
    """"Le ministre malien de la Défense, N, …": a title filled with its holder, whom the text then names
    in an apposition, states the role of N."""
    nxt = next((m for m in mentions if m.start >= title.end), None)
    return nxt is not None and nxt.entity_id == title.entity_id and not nxt.role \
        and sv.raw(title.end, nxt.start).strip() == ","


def title_role_facts(sv: SentenceView, mentions: Sequence[Mention], seen: set[str], limit: int,
                reg: Registry) -> list[Fact]:
    """HOLDS_ROLE of people named with a title in one sentence (before `limit`), once per person."""
    out = []
    for m in mentions:
        if m.entity_type != P or m.start >= limit or m.entity_id in seen \
                or (m.how == MentionHow.ROLE_HOLDER and not _named_after(sv, m, mentions)):
            continue  # a holder looked up from the title's dated role says nothing new about the role
        actor = reg.get(m.entity_id)
        # "Bundeskanzler Olaf Scholz": a title naming no state is a role of the person's registered state
        target = m.role_org or m.role_country or (actor.country if actor is not None else None)
        org = reg.get(m.role_org) if m.role_org else None
        if org is not None and org.state_office and m.role_country and m.role_kind == org.kind:
            target = m.role_country  # "Defence Minister of X" holds a role of the state X; the head of
            # an agency named with its ministry ("Kepala … Kemenhan") holds one of the ministry
        elif org is not None and org.state_office and m.how == MentionHow.ROLE_HOLDER and org.country:
            target = org.country  # the holder of a state's office holds a role of the state
        if not m.role or not target:
            continue
        seen.add(m.entity_id)
        out.append(Fact(subject=m.entity_id, relation=Relation.HOLDS_ROLE, object=target, date=None,
                        place=None, evidence=sv.sentence.text, sentence_index=sv.sentence.index,
                        start=sv.sentence.start, end=sv.sentence.end,
                        confidence=round(confidence.TITLE_ROLE * m.confidence, 3), extractor=EXTRACTOR))
    return out


_BEFORE_GAP = 60  # characters between a title and the name it stands before, at most
_CLAUSE_END = re.compile(r"[.;:!?\"\u201c\u201d\u00ab\u00bb]")
_APPOSITION = re.compile(r"^\s*,\s*(?:\w+\s+)?$")


def title_beside(sv: SentenceView, m: Mention, people: Sequence[Mention], rules: Rules) -> bool:
    """Whether the sentence gives the person a title: a title cue or a verb of leading (``role_verbs``: "the
    junta led by") before the name in the same clause with no other person between ("President of X Name",
    "президентов X и Y Имя"), or a title in an apposition after it."""
    hits: list[tuple[int, int]] = [(h.start, h.end) for h in rules.titles.find(sv.tokens, sv.sentence.text, sv.start)]
    hits += [(h.start, h.end) for h in rules.phrases["role_verbs"].find(sv.tokens, sv.sentence.text, sv.start)]
    for h_start, h_end in hits:
        if h_end <= m.start:
            gap = sv.raw(h_end, m.start)
            if len(gap) <= _BEFORE_GAP and not _CLAUSE_END.search(gap) \
                    and not any(h_end <= p.start < m.start for p in people):
                return True
        elif h_start >= m.end and _APPOSITION.match(sv.raw(m.end, h_start)):
            return True
    return False


def registry_role_facts(ctx: ArticleContext, mentions: Sequence[Mention], seen: set[str],
                        skipped: set[int]) -> list[Fact]:
    """HOLDS_ROLE of registry people the article names with a title it does not spell out in full: their
    registered role on the article's date. No date, or no title beside the name: the text states no role
    (the registry's role stays registry data)."""
    reg, published = ctx.registry, ctx.published
    if published is None:
        return []
    views = {sv.sentence.index: sv for sv in ctx.views}
    out = []
    for m in mentions:
        if m.entity_type != P or m.descriptor or m.entity_id in seen or m.sentence_index in skipped \
                or m.how == MentionHow.ROLE_HOLDER:
            continue
        role = reg.role_on(m.entity_id, published)
        sv = views[m.sentence_index]
        people = [p for p in mentions if p.sentence_index == m.sentence_index and p.entity_type == P]
        if role is None or not title_beside(sv, m, people, ctx.rules):
            continue
        org = reg.get(role.org) if role.org else None
        target = role.country if org is not None and org.state_office and role.country else role.org or role.country
        if not target:
            continue
        seen.add(m.entity_id)
        sent = sv.sentence
        out.append(Fact(subject=m.entity_id, relation=Relation.HOLDS_ROLE, object=target, date=None,
                        place=None, evidence=sent.text, sentence_index=sent.index, start=sent.start,
                        end=sent.end, confidence=round(confidence.REGISTRY_ROLE * m.confidence, 3),
                        extractor=EXTRACTOR))
    return out
