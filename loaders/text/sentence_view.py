"""A sentence folded and tokenised once, shared by the mention and fact stages."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.models import Sentence
from loaders.text.fold import fold, tokenize
from loaders.text.phrases import PhraseIndex, Tokens


@dataclass
class SentenceView:
    """A sentence's folded text and words (offsets are article offsets).

    `tokens` remember one scan of the sentence by the article's `PhraseIndex`: `table.find(sv.tokens, …)`
    for a table of the index, after the first, reads its matches instead of passing over the words again.
    """

    sentence: Sentence
    folded: str
    tokens: Tokens

    @property
    def start(self) -> int:
        """Article offset of the sentence."""
        return self.sentence.start

    def raw(self, start: int, end: int) -> str:
        """Original text between two article offsets inside this sentence."""
        return self.sentence.text[start - self.start : end - self.start]

    def token_index_at(self, offset: int) -> int:
        """Index of the first word starting at or after `offset`."""
        for i, tok in enumerate(self.tokens):
            if tok.start >= offset:
                return i
        return len(self.tokens)


def view(sentence: Sentence, index: PhraseIndex | None = None) -> SentenceView:
    """Fold and tokenize one sentence (its phrase tables searched by `index`, if given, in one pass)."""
    folded = fold(sentence.text)
    return SentenceView(sentence, folded, Tokens(tokenize(folded, sentence.start), index))
