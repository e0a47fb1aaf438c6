"""A sentence folded and tokenised once, shared by the mention and fact stages."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.models import Sentence
from loaders.text.fold import Token, fold, tokenize


@dataclass
class SentenceView:
    """A sentence's folded text and words (offsets are article offsets)."""

    sentence: Sentence
    folded: str
    tokens: list[Token]

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


def view(sentence: Sentence) -> SentenceView:
    """Fold and tokenize one sentence."""
    folded = fold(sentence.text)
    return SentenceView(sentence, folded, tokenize(folded, sentence.start))
