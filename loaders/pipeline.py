"""The extraction pipeline: record → clean → context → mentions → resolve → facts → entities → fact view.

`extract` cleans one record and runs every stage on it (batches and their failure policy are `loaders.load`'s).
`extract_article` builds the article's `ArticleContext` once (registry, rules and language data are loaded
once per process and cached; sentences folded and dates found once per article) and calls the stages in
order, each taking that context; fuzzy matching runs only on capitalised names left unmatched.
Extractors are registered under versioned names (`EXTRACTORS`): a new behaviour gets a new name.

The stages build no reference cycles (tests/unit/test_input_scale.py checks it), and what they make lives
until the article is done, so the cyclic garbage collector's passes during an extraction would free
nothing: `extract_article` pauses it (`collector_paused`). Its full passes over the article's growing
heap took about half the CPU time of a 1 MB article.
"""

from __future__ import annotations

from collections.abc import Callable

from loaders.clean import clean
from loaders.context import ArticleContext, context_for
from loaders.errors import ExtractionError, LoaderError
from loaders.facts import EXTRACTOR, extract_facts
from loaders.mentions import find_mentions
from loaders.models import ArticleExtraction, ArticleMeta, ArticleRecord, CleanArticle, Entity, Fact
from loaders.resolve import build_entities, registry_entities, resolve
from loaders.surnames import name_part_mentions, surname_mentions, titled_surnames
from loaders.text.collector import collector_paused

__all__ = ["EXTRACTOR", "EXTRACTORS", "extract", "extract_article", "extract_cleaned"]


def _implied_entities(ctx: ArticleContext, entities: list[Entity], facts: list[Fact]) -> list[Entity]:
    """Entities a fact names without the article naming them, then each actor's state."""
    known = {e.id for e in entities}
    for fact in facts:  # a withheld claim's actors are stored with it
        for ent_id in (fact.subject, fact.object, fact.place, fact.weapon):
            if ent_id and ent_id not in known:
                entities += registry_entities(ctx, [ent_id])
                known.add(ent_id)
    # Each actor's state comes along (implied, not named: mentions 0), so the graph links a person or an
    # institution to its state whichever article created that state's node first.
    states = sorted({e.country for e in entities if e.country and e.country not in known})
    return entities + registry_entities(ctx, states)


def extract_rules_v1(ctx: ArticleContext) -> ArticleExtraction:
    """The fact view of the context's article by the rule set ``rules.v1``."""
    article = ctx.article
    mentions = titled_surnames(ctx, resolve(ctx, find_mentions(ctx)))
    mentions = name_part_mentions(ctx, surname_mentions(ctx, mentions))
    result = extract_facts(ctx, mentions)
    kept = [m for m in mentions if m.sentence_index not in result.skipped_sentences]
    entities = _implied_entities(ctx, build_entities(ctx, kept, result.entities), [*result.facts, *result.withheld])
    return ArticleExtraction(
        source=article.source,
        article=ArticleMeta(id=article.id, url=article.url, outlet=article.outlet, language=article.language,
                            published=article.published, title=article.title,
                            content_hash=article.content_hash),
        text=article.text,
        entities=entities,
        facts=result.facts,
        withheld=result.withheld,
    )


EXTRACTORS: dict[str, Callable[[ArticleContext], ArticleExtraction]] = {EXTRACTOR: extract_rules_v1}


def extract_article(article: CleanArticle) -> ArticleExtraction:
    """The fact view of an already cleaned article."""
    with collector_paused():
        return EXTRACTORS[EXTRACTOR](context_for(article))


def extract_cleaned(article: CleanArticle) -> ArticleExtraction:
    """The fact view of a cleaned article; a bug in a stage becomes an `ExtractionError`."""
    try:
        return extract_article(article)
    except LoaderError:
        raise
    except Exception as exc:  # a bug in a stage must not look like a crash of the whole batch
        raise ExtractionError(f"{article.source}: {type(exc).__name__}: {exc}") from exc


def extract(record: ArticleRecord) -> ArticleExtraction:
    """Clean one record and extract its fact view (`LoaderError` subclasses on failure)."""
    return extract_cleaned(clean(record))
