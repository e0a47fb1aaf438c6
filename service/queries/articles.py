"""Articles: lists, one article with the facts extracted from it, loading and retracting."""

from __future__ import annotations

from collections import Counter
from typing import LiteralString

from neo4j import Driver

from loaders.models import ArticleRecord
from service.deps import Page
from service.queries._common import ENTITY_TYPES, date_filter, read, ref
from service.queries.events import claim_from_row
from service.schemas import ArticleDetail, ArticleSummary, IngestResult, MentionedEntity, RetractResult

_SUMMARY: LiteralString = """
       a.id AS id, a.url AS url, a.outlet AS outlet, a.language AS language, a.published AS published,
       a.title AS title, toString(a.loaded_at) AS loaded_at, a.extractor AS extractor,
       COUNT { MATCH (c:Claim)-[:FROM_ARTICLE]->(a) } AS claims"""

LIST: LiteralString = (
    """
MATCH (a:Article)
WHERE ($outlet IS NULL OR a.outlet = $outlet)
  AND ($language IS NULL OR a.language = $language)
  AND """
    + date_filter("a.published")
    + """
WITH a ORDER BY coalesce(a.published, '') DESC, a.id
SKIP $skip LIMIT $limit
RETURN"""
    + _SUMMARY
)

DETAIL: LiteralString = (
    """
MATCH (a:Article {id: $id})
RETURN a.content_hash AS content_hash,"""
    + _SUMMARY
    + """,
       COLLECT { MATCH (a)-[m:MENTIONS]->(e:Entity)
                 WHERE m.count > 0  // count 0: implied (an actor's state), not named
                 WITH e, m ORDER BY m.count DESC, e.name
                 RETURN {id: e.id, name: e.name, type: head([l IN labels(e) WHERE l IN $entity_types]),
                         count: m.count, surface: coalesce(m.surface, [])} } AS entities
"""
)

FACTS: LiteralString = (
    """
MATCH (c:Claim)-[:FROM_ARTICLE]->(art:Article {id: $id})
OPTIONAL MATCH (c)-[:SUBJECT]->(s:Entity)
OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (pl:Entity {id: c.place_id})
WITH c, art, s, o, pl ORDER BY c.sentence_index, c.relation, c.id
RETURN {claim_id: c.id, relation: c.relation, sentence: c.sentence, sentence_index: c.sentence_index,
        start: c.start, end: c.end, confidence: c.confidence, status: c.status, date: c.date,
        extractor: c.extractor,
        article: {id: art.id, url: art.url, outlet: art.outlet, published: art.published, title: art.title}}
       AS evidence, """
    + ref("s")
    + " AS subject, "
    + ref("o")
    + " AS object, "
    + ref("pl")
    + """ AS place, c.event_id AS event_id
"""
)

STORED_URL: LiteralString = "MATCH (a:Article {id: $id}) RETURN a.url AS url"


def list_articles(*, driver: Driver, database: str, outlet: str | None, language: str | None,
                  since: str | None, until: str | None, page: Page) -> list[ArticleSummary]:
    """Articles, newest first."""
    rows = read(driver, LIST, database=database, outlet=outlet, language=language, since=since,
                until=until, skip=page.offset, limit=page.limit + 1)
    return [ArticleSummary.model_validate(row) for row in rows]


def get(*, driver: Driver, database: str, article_id: str) -> ArticleDetail | None:
    """One article with its mentions and the claims extracted from it."""
    rows = read(driver, DETAIL, database=database, id=article_id, entity_types=ENTITY_TYPES)
    if not rows:
        return None
    facts = read(driver, FACTS, database=database, id=article_id, entity_types=ENTITY_TYPES)
    return ArticleDetail.model_validate({
        **rows[0],
        "entities": [MentionedEntity.model_validate(e) for e in rows[0]["entities"]],
        "facts": [claim_from_row(f) for f in facts],
    })


def ingest(*, driver: Driver, database: str, record: ArticleRecord) -> IngestResult:
    """Run the loader on one record and write it (idempotent: an unchanged article writes nothing)."""
    from loaders import pipeline, write  # the loader's registry loads on first use only

    extraction = pipeline.extract(record)
    summary = write.write_article(driver, extraction, database=database)
    url = extraction.article.url
    if summary.duplicate_of:  # nothing was written: answer with the stored twin's URL, not the posted one
        rows = read(driver, STORED_URL, database=database, id=summary.duplicate_of)
        url = rows[0]["url"] if rows else None
    return IngestResult(
        article_id=summary.duplicate_of or summary.article_id, status=summary.status,
        duplicate_of=summary.duplicate_of, url=url,
        language=extraction.article.language, entities=len(extraction.entities),
        facts=len(extraction.facts),
        relations=dict(Counter(f.relation.value for f in extraction.facts)),
        written={"entities": summary.entities, "claims": summary.claims, "events": summary.events,
                 "ties": summary.ties},
    )


def retract(*, driver: Driver, database: str, article_id: str) -> RetractResult:
    """Remove the article's claims and exactly what only they supported."""
    from loaders import write

    summary = write.retract_article_id(driver, article_id, database=database)
    return RetractResult(article_id=summary.article_id, retracted=True,
                         details=summary.model_dump(exclude={"article_id"}))
