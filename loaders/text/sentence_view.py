"""A sentence folded and tokenised once, shared by the mention and fact stages."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from loaders.models import Sentence
from loaders.text.fold import Token, fold, tokenize
from loaders.text.phrases import PhraseIndex, Tokens

_START = attrgetter("start")
_END = attrgetter("end")


@dataclass
class SentenceView:
    """A sentence's folded text and words (offsets are article offsets).

    `tokens` remember one scan of the sentence by the article's `PhraseIndex`: `table.find(sv.tokens, …)`
    for a table of the index, after the first, reads its matches instead of passing over the words again.
    """

    sentence: Sentence
    folded: str
    tokens: Tokens
    # Article offset of the sentence: a plain attribute, read hundreds of times per article.
    start: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.sentence.start

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The sentence's folded words as a set: a rule whose cue words are disjoint from it has nothing to do."""
        return frozenset(t.text for t in self.tokens)

    def raw(self, start: int, end: int) -> str:
        """Original text between two article offsets inside this sentence."""
        base = self.start
        return self.sentence.text[start - base : end - base]

    def token_index_at(self, offset: int) -> int:
        """Index of the first word starting at or after `offset`."""
        return bisect_left(self.tokens, offset, key=_START)

    def words_after(self, offset: int, count: int) -> list[Token]:
        """The first `count` words starting at or after `offset` (by bisection, not a scan)."""
        i = bisect_left(self.tokens, offset, key=_START)
        return self.tokens[i : i + count]

    def token_index_after_end(self, offset: int) -> int:
        """Index after the last word ending at or before `offset` (the number of such words)."""
        return bisect_right(self.tokens, offset, key=_END)

    def words_within(self, start: int, end: int) -> list[Token]:
        """The words lying wholly in [start, end), in text order (by bisection, not a scan)."""
        return self.tokens[self.token_index_at(start) : self.token_index_after_end(end)]

    def words_before(self, offset: int, count: int) -> list[Token]:
        """The last `count` words ending at or before `offset`, in text order (by bisection, not a scan)."""
        j = bisect_right(self.tokens, offset, key=_END)
        return self.tokens[max(0, j - count) : j]


def view(sentence: Sentence, index: PhraseIndex | None = None) -> SentenceView:
    """Fold and tokenize one sentence (its phrase tables searched by `index`, if given, in one pass)."""
    folded = fold(sentence.text)
    return SentenceView(sentence, folded, Tokens(tokenize(folded, sentence.start), index))
