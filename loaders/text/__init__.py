"""Text primitives: folding, name keys, tokens, phrase tables, sentence views."""

from loaders.text.fold import Token, fold, norm, slug, tokenize
from loaders.text.phrases import PhraseMatch, PhraseMatcher, longest
from loaders.text.sentence_view import SentenceView, view

__all__ = ["PhraseMatch", "PhraseMatcher", "SentenceView", "Token", "fold", "longest", "norm", "slug",
           "tokenize", "view"]
