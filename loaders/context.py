"""`ArticleContext`: what every extraction stage of one article needs, built once per article.

Stages take it as a required argument; the process-wide caches (registry, compiled rules, language
data) are consulted here only, when the context is built, so the pipeline reads as its list of stages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from loaders.dates import DateMention, find_dates, is_stamp, parse_published
from loaders.lang import LangData, Rules, lang_data, load_rules
from loaders.models import CleanArticle
from loaders.registry import Registry, load_registry
from loaders.text import PhraseIndex, SentenceView, phrase_index, view


@dataclass(frozen=True)
class ArticleContext:
    """One article with its language, rules, registry, publication day, sentence views and dates."""

    article: CleanArticle
    language: LangData
    rules: Rules
    registry: Registry
    published: date | None  # the publication day (a month or year stands for its last day)
    views: tuple[SentenceView, ...]  # the sentences folded and tokenised once, for every stage
    dates: tuple[DateMention, ...]  # the text's date expressions, resolved against `published`


def article_index(registry: Registry, rules: Rules) -> PhraseIndex:
    """The registry's aliases and every phrase table of the rules, searched in one pass per sentence."""
    return phrase_index((registry.matcher, rules.titles, rules.ranks, rules.triggers, rules.modality,
                         rules.regions, *rules.phrases.values()))


def build_context(article: CleanArticle, *, registry: Registry, rules: Rules) -> ArticleContext:
    """The context of `article` with the given registry and rules."""
    published = parse_published(article.published)
    index = article_index(registry, rules)
    return ArticleContext(
        article=article,
        language=lang_data(article.language),
        rules=rules,
        registry=registry,
        published=published,
        views=tuple(view(sent, index) for sent in article.sentences),
        dates=tuple(d for d in find_dates(article.text, article.language, published)
                    if not is_stamp(article.text, d, published)),
    )


def context_for(article: CleanArticle) -> ArticleContext:
    """The context of `article` with the process's registry and the rules of its language."""
    return build_context(article, registry=load_registry(), rules=load_rules(article.language))
