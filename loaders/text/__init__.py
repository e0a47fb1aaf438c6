"""Text primitives: folding, name keys, tokens, phrase tables, sentence views, taken spans."""

from loaders.text.fold import Token, fold, norm, slug, tokenize
from loaders.text.phrases import Inflection, PhraseIndex, PhraseMatch, PhraseMatcher, Tokens, longest, phrase_index
from loaders.text.sentence_view import SentenceView, view
from loaders.text.spans import Spans

__all__ = ["Inflection", "PhraseIndex", "PhraseMatch", "PhraseMatcher", "SentenceView", "Spans", "Token", "Tokens",
           "fold", "longest", "norm", "phrase_index", "slug", "tokenize", "view"]
