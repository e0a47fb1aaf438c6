"""Resolution: decide what each mention stands for in context, and build the article's entities.

* A capital city named as an actor stands for its state ("Beijing berkomitmen …", "Moscow said") and
  becomes a mention of the state (``how="metonym"``); named as a location ("di Beijing", "in Moscow",
  "ibu kota India, New Delhi", a dateline "JAKARTA, KOMPAS.com –") it stays the city.
* Entities are the ids mentioned: canonical name and ids from the registry (or the name as written for
  discovered people), the forms the article used, the role the article gives (else the registry's role
  on the publication date), the state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from graph_schema.model import EntityType
from loaders import confidence
from loaders.context import ArticleContext
from loaders.lang import Rules, inflection
from loaders.models import CleanArticle, Entity, EntitySource, Mention, MentionHow, RoleSpan
from loaders.registry import Actor, Registry, Role
from loaders.text import fold, tokenize

_DATELINE_AFTER = re.compile(r"^\s*(?:\(|[-–—:,]|\.\s*[A-Z])")


def _is_location_use(article: CleanArticle, m: Mention, rules: Rules, reg: Registry,
                     mentions_by_start: dict[int, Mention], country_ends: frozenset[int]) -> bool:
    text = article.text
    sent = article.sentences[m.sentence_index] if m.sentence_index < len(article.sentences) else None
    sent_start = sent.start if sent and sent.index == m.sentence_index else 0
    before = text[sent_start : m.start]
    after = text[m.end : m.end + 40]
    letters = [c for c in m.surface if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return True  # dateline "JAKARTA, KOMPAS.com –"
    if not before.strip() and _DATELINE_AFTER.match(after):
        return True  # "Jakarta (ANTARA) -", "(Bakou) …"
    stripped = before.rstrip()
    if stripped.endswith(("(", "–", "-")):
        return True  # "(Bakou)", "– Moscow"
    if stripped.endswith(",") and sent_start + len(stripped) - 1 in country_ends:
        return True  # apposition to a state: "ibu kota India, New Delhi" (not "Under the deal, Seoul will …")
    if after.startswith(")"):
        return True
    tail = fold(before[-40:])
    words = tokenize(tail)
    if words:
        if rules.has("locative_preps", words[-1].text):
            return True
        for cw in rules.phrases["capital_words"].find(words, tail):
            if cw.end >= len(tail.rstrip(" ,")) - 1:
                return True  # "the capital, Moscow", "ibu kota Beijing"
    m_after = re.match(r"^\s*,\s*", after)
    if m_after:
        nxt = mentions_by_start.get(m.end + m_after.end())
        if nxt is not None and nxt.entity_type == EntityType.COUNTRY:
            return True  # "Beijing, Tiongkok"
    return False


def resolve(ctx: ArticleContext, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with capital cities used as actors turned into their states."""
    article, reg, rl = ctx.article, ctx.registry, ctx.rules
    by_start = {m.start: m for m in mentions}
    country_ends = frozenset(m.end for m in mentions if m.entity_type == EntityType.COUNTRY)
    out: list[Mention] = []
    for m in mentions:
        if m.entity_type == EntityType.PLACE and not m.descriptor:
            actor = reg.get(m.entity_id)
            # (a capital of a state the registry lacks, such as Pristina, stays a place: its state has no node)
            if actor is not None and actor.capital_of and reg.get(actor.capital_of) is not None \
                    and not _is_location_use(article, m, rl, reg, by_start, country_ends):
                m = m.model_copy(update={"entity_id": actor.capital_of, "entity_type": EntityType.COUNTRY,
                                         "how": MentionHow.METONYM,
                                         "confidence": min(m.confidence, confidence.METONYM_CAP)})
        prev = out[-1] if out else None
        if prev is not None and m.entity_type == EntityType.ORGANIZATION and prev.how == MentionHow.DEMONYM \
                and not article.text[prev.end : m.start].strip():
            own = _demonym_office(reg, prev, m)
            if own is not None:
                out[-1] = own
                continue
        out.append(m)
    return out


def _demonym_office(reg: Registry, demonym: Mention, m: Mention) -> Mention | None:
    """"dem kenianischen Verteidigungsministerium": a state institution named by a bare noun that the
    registry gives to one state (the German ministry) is, right after another state's demonym, that
    state's institution of the same kind (one mention of both words)."""
    actor = reg.get(m.entity_id)
    if actor is None or actor.kind is None or actor.country is None or actor.country == demonym.entity_id:
        return None
    office = reg.org_of_kind(actor.kind, demonym.entity_id)
    if office is None:
        return None
    return m.model_copy(update={"start": demonym.start, "surface": f"{demonym.surface} {m.surface}",
                                "entity_id": office, "confidence": min(m.confidence, demonym.confidence)})


def _span(role: Role) -> RoleSpan:
    return RoleSpan(title=role.title, org=role.org, country=role.country,
                    start=role.start.isoformat() if role.start else None,
                    end=role.end.isoformat() if role.end else None)


def _entity_from_actor(actor: Actor, published: date | None, reg: Registry) -> Entity:
    """The entity of a registry actor: its names, dated roles (the one held on `published` first), state."""
    role = reg.role_on(actor.id, published) if actor.type == EntityType.PERSON else None
    return Entity(id=actor.id, type=actor.type, name=actor.name, aliases=[], known_aliases=list(actor.aliases),
                  role=role.title if role else None, roles=[_span(r) for r in actor.roles], qid=actor.qid,
                  country=actor.country if actor.type != EntityType.COUNTRY else actor.id, source=actor.source)


def build_entities(ctx: ArticleContext, mentions: Sequence[Mention], extra: Sequence[Entity]) -> list[Entity]:
    """One entity per id mentioned, in order of first mention, plus `extra` (e.g. discovered events).

    `mentions` counts the mentions resolved to each entity (an `extra` entity brings its own count).
    """
    reg, published = ctx.registry, ctx.published
    entities: dict[str, Entity] = {}
    role_from_text: set[str] = set()
    for m in mentions:
        ent = entities.get(m.entity_id)
        if ent is None:
            actor = reg.get(m.entity_id)
            if actor is not None:
                ent = _entity_from_actor(actor, published, reg)
            else:
                # "с Шафри Шамсуддином" alone: the name without the ending no nominative has
                name = inflection().name_key(m.surface) if m.entity_type == EntityType.PERSON else m.surface
                ent = Entity(id=m.entity_id, type=m.entity_type, name=name, aliases=[],
                             country=m.role_country, source=EntitySource.DISCOVERED)
            entities[m.entity_id] = ent
        ent.mentions += 1
        if m.surface not in ent.aliases:
            ent.aliases.append(m.surface)
        if actor_less(ent, reg) and m.entity_type == EntityType.PERSON and ent.name != m.surface \
                and inflection().name_key(ent.name) != ent.name and inflection().name_key(m.surface) == m.surface:
            ent.name = m.surface  # "с Аденом Дуале", then "Аден Дуале": the name as a subject writes it
        if m.role and m.entity_id not in role_from_text:
            ent.role = m.role  # the article's own title beats the registry's
            role_from_text.add(m.entity_id)
        if m.role_country and ent.country is None:
            ent.country = m.role_country
    for e in extra:
        if e.id in entities:
            entities[e.id].mentions += e.mentions  # a discovered event named again
        else:
            entities[e.id] = e.model_copy()
    return list(entities.values())


def actor_less(ent: Entity, reg: Registry) -> bool:
    """Whether an entity is discovered in the text (the registry has no actor of that id)."""
    return ent.source == EntitySource.DISCOVERED and reg.get(ent.id) is None


def registry_entities(ctx: ArticleContext, ids: Sequence[str]) -> list[Entity]:
    """Entities for registry ids a fact refers to without the article naming them (a title's ministry)."""
    actors = (ctx.registry.get(ent_id) for ent_id in ids)
    return [_entity_from_actor(actor, ctx.published, ctx.registry) for actor in actors if actor is not None]
