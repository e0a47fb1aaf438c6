"""The extraction pipeline: record → clean → mentions → resolve → facts → fact view.

`extract` cleans one record and runs every stage on it (batches and their failure policy are `loaders.load`'s).
Heavy data (registry, rules, language data) is loaded once per process and cached, so one article costs
a few milliseconds; dates are found once per article by a regex pass (no dateparser in the loop) and
fuzzy matching runs only on capitalised names left unmatched.
"""

from __future__ import annotations

from loaders.clean import clean
from loaders.dates import find_dates, parse_published
from loaders.errors import ExtractionError, LoaderError
from loaders.facts import EXTRACTOR, extract_facts
from loaders.mentions import find_mentions, load_rules, view
from loaders.models import ArticleExtraction, ArticleMeta, ArticleRecord, CleanArticle
from loaders.registry import load_registry
from loaders.resolve import build_entities, registry_entities, resolve
from loaders.surnames import surname_mentions

__all__ = ["EXTRACTOR", "extract", "extract_article", "extract_cleaned"]


def extract_article(article: CleanArticle) -> ArticleExtraction:
    """The fact view of an already cleaned article."""
    registry = load_registry()
    rules = load_rules(article.language)
    published = parse_published(article.published)
    views = [view(sent) for sent in article.sentences]  # folded and tokenised once, for both stages
    mentions = find_mentions(article, registry=registry, rules=rules, published=published, views=views)
    mentions = resolve(article, mentions, registry=registry, rules=rules)
    mentions = surname_mentions(mentions, views, registry=registry, rules=rules, published=published)
    dates = find_dates(article.text, article.language, published)
    result = extract_facts(article, mentions, registry=registry, rules=rules, published=published,
                           dates=dates, views=views)
    kept = [m for m in mentions if m.sentence_index not in result.skipped_sentences]
    entities = build_entities(kept, registry=registry, published=published, extra=result.entities)
    known = {e.id for e in entities}
    for fact in [*result.facts, *result.withheld]:  # a withheld claim's actors are stored with it
        for ent_id in (fact.subject, fact.object, fact.place):
            if ent_id and ent_id not in known:
                entities += registry_entities([ent_id], registry=registry, published=published)
                known.add(ent_id)
    # Each actor's state comes along (implied, not named: mentions 0), so the graph links a person or an
    # institution to its state whichever article created that state's node first.
    states = sorted({e.country for e in entities if e.country and e.country not in known})
    entities += registry_entities(states, registry=registry, published=published)
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
