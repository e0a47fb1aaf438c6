"""Text primitives: folding, name keys, tokens, phrase tables, sentence views."""

from loaders.text.fold import Token, fold, norm, slug, tokenize
from loaders.text.phrases import Inflection, PhraseIndex, PhraseMatch, PhraseMatcher, Tokens, longest, phrase_index
from loaders.text.sentence_view import SentenceView, view

__all__ = ["Inflection", "PhraseIndex", "PhraseMatch", "PhraseMatcher", "SentenceView", "Token", "Tokens", "fold",
           "longest", "norm", "phrase_index", "slug", "tokenize", "view"]
