"""HOLDS_ROLE facts: from the titles the article gives, and from the registry's dated roles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph_schema.model import Relation
from loaders import confidence
from loaders.facts.specs import EXTRACTOR, P
from loaders.models import CleanArticle, Fact, Mention, MentionHow
from loaders.registry import Registry
from loaders.text import SentenceView


def title_role_facts(sv: SentenceView, mentions: Sequence[Mention], seen: set[str], limit: int,
                reg: Registry) -> list[Fact]:
    """HOLDS_ROLE of people named with a title in one sentence (before `limit`), once per person."""
    out = []
    for m in mentions:
        if m.entity_type != P or m.start >= limit or m.entity_id in seen or m.how == MentionHow.ROLE_HOLDER:
            continue  # a holder looked up from the title's dated role says nothing new about the role
        actor = reg.get(m.entity_id)
        # "Bundeskanzler Olaf Scholz": a title naming no state is a role of the person's registered state
        target = m.role_org or m.role_country or (actor.country if actor is not None else None)
        org = reg.get(m.role_org) if m.role_org else None
        if org is not None and org.state_office and m.role_country and m.role_kind == org.kind:
            target = m.role_country  # "Defence Minister of X" holds a role of the state X; the head of
            # an agency named with its ministry ("Kepala … Kemenhan") holds one of the ministry
        if not m.role or not target:
            continue
        seen.add(m.entity_id)
        out.append(Fact(subject=m.entity_id, relation=Relation.HOLDS_ROLE, object=target, date=None,
                        place=None, evidence=sv.sentence.text, sentence_index=sv.sentence.index,
                        start=sv.sentence.start, end=sv.sentence.end,
                        confidence=round(confidence.TITLE_ROLE * m.confidence, 3), extractor=EXTRACTOR))
    return out


def registry_role_facts(article: CleanArticle, mentions: Sequence[Mention], reg: Registry,
                         published: date | None, seen: set[str], skipped: set[int]) -> list[Fact]:
    """HOLDS_ROLE of registry people named without a title: their registered role on the article's date."""
    out = []
    for m in mentions:
        if m.entity_type != P or m.descriptor or m.entity_id in seen or m.sentence_index in skipped \
                or m.how == MentionHow.ROLE_HOLDER:
            continue
        role = reg.role_on(m.entity_id, published)
        if role is None:
            continue
        org = reg.get(role.org) if role.org else None
        target = role.country if org is not None and org.state_office and role.country else role.org or role.country
        if not target:
            continue
        seen.add(m.entity_id)
        sent = next(s for s in article.sentences if s.index == m.sentence_index)
        out.append(Fact(subject=m.entity_id, relation=Relation.HOLDS_ROLE, object=target, date=None,
                        place=None, evidence=sent.text, sentence_index=sent.index, start=sent.start,
                        end=sent.end, confidence=round(confidence.REGISTRY_ROLE * m.confidence, 3),
                        extractor=EXTRACTOR))
    return out
