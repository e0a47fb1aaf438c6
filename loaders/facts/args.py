"""Fact arguments: what a mention stands for in a slot, and the small text tests around actors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from graph_schema.model import EntityType
from loaders import confidence
from loaders.context import ArticleContext
from loaders.dates import DateMention
from loaders.facts.specs import ORG, PL, C, P
from loaders.lang import Rules
from loaders.models import CleanArticle, Mention
from loaders.registry import Registry
from loaders.text import SentenceView, fold


@dataclass
class Arg:
    """A slot filler: the mention and the entity it stands for there, with its confidence."""

    mention: Mention
    entity_id: str
    confidence: float


@dataclass
class FactsCtx:
    """What the facts stage knows of the article: its `ArticleContext` (article, registry, rules, published,
    dates, read through properties), and what the stage adds: persons' roles and the dateline."""

    context: ArticleContext
    person_role: dict[str, tuple[str | None, str | None]]  # person -> (role org, role state)
    dateline: str | None
    date_starts: list[int] = field(init=False)  # the dates' starts, bisected per fact (whenwhere.nearest_date)

    def __post_init__(self) -> None:
        self.date_starts = [d.start for d in self.dates]

    @property
    def article(self) -> CleanArticle:
        return self.context.article

    @property
    def reg(self) -> Registry:
        return self.context.registry

    @property
    def rules(self) -> Rules:
        return self.context.rules

    @property
    def dates(self) -> tuple[DateMention, ...]:
        """The text's dates in text order (find_dates)."""
        return self.context.dates

    @property
    def published(self) -> date | None:
        return self.context.published


_COMPANY = "company"  # an organisation kind (loaders/data/actors/organizations.yaml)


def convert(m: Mention, allowed: frozenset[EntityType], ctx: FactsCtx, *, object_slot: bool) -> Arg | None:
    """The entity a mention stands for in a slot accepting `allowed` types (None: it does not fit)."""
    if m.entity_type == EntityType.WEAPON:
        # a named ship calling at a port or taking part in an exercise: its fleet or navy acts
        actor = ctx.reg.get(m.entity_id)
        if actor is None or actor.operator is None or P not in allowed:
            return None
        operator = ctx.reg.get(actor.operator)
        if operator is not None and operator.type in allowed:
            return Arg(m, operator.id, m.confidence * confidence.SHIP_OPERATOR)
        return None
    if m.entity_type in allowed:
        return Arg(m, m.entity_id, m.confidence)
    if m.entity_type == P and (ORG in allowed or C in allowed):
        org, country = ctx.person_role.get(m.entity_id, (None, None))
        if org is None and country is None:
            actor = ctx.reg.get(m.entity_id)
            # (or the state the mention itself was given: "the two ministers" of a meeting of known states)
            country = (actor.country if actor else None) or m.role_country
        target = country if (country and C in allowed) else org  # a state before its ministry
        org_actor = ctx.reg.get(org) if org else None
        if org_actor is not None and org_actor.kind == _COMPANY and ORG in allowed:
            target = org  # a company's executive speaks for the company, not for its state
        if target:
            return Arg(m, target, m.confidence * confidence.PERSON_FOR_STATE)
    if m.entity_type == PL and C in allowed and object_slot:
        actor = ctx.reg.get(m.entity_id)
        if actor is not None and actor.capital_of and ctx.reg.get(actor.capital_of) is not None:
            return Arg(m, actor.capital_of, m.confidence * confidence.CAPITAL_FOR_STATE)
    return None


def words_between(sv: SentenceView, start: int, end: int) -> list[str]:
    """The folded words lying wholly in [start, end)."""
    return [t.text for t in sv.words_within(start, end)]


def conj_gap(sv: SentenceView, ctx: FactsCtx, start: int, end: int) -> str | None:
    """"word" if only a conjunction lies between two actors, "comma" if only a comma, else None."""
    gap = re.sub(r"\([^()]{0,40}\)", " ", sv.raw(start, end))
    # "France, the EU and Japan": an article before a listed actor belongs to it
    words = [w for w in re.findall(r"\w+", fold(gap)) if not ctx.rules.has("determiners", w)]
    if not words:
        # (", l'Union": the apostrophe of an elided article belongs to it)
        return "comma" if gap.strip(" '’" + "".join(re.findall(r"[^\W\d_]", gap))) == "," else None
    toks = sv.words_within(start, end)
    hits = ctx.rules.phrases["conjunctions"].find(toks, sv.sentence.text, sv.start)
    return "word" if len(words) <= 3 and hits else None


def ext_start(m: Mention) -> int:
    """Where a mention starts, its title included."""
    return m.title_start if m.title_start is not None else m.start
