"""Multi-word phrase tables over folded tokens (`PhraseMatcher`) and the choice of non-overlapping matches."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from loaders.text.fold import Token, fold

T = TypeVar("T")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_RU_ENDINGS = "аяоеиыуюйьё"
_GAP_CHARS = frozenset(" \t\u00a0-‐‑–.'’")
_HEADS_LIMIT = 1 << 14  # remembered words per matcher

@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    stem: str | None  # inflected forms allowed: the text token must start with the stem
    prefix: bool  # a trailing "*" in the phrase: any word starting with `text`


@dataclass(frozen=True, slots=True)
class _Phrase(Generic[T]):
    toks: tuple[_Tok, ...]
    payload: T


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in a text: token span [first, last] and character span."""

    first: int
    last: int
    start: int
    end: int
    payload: T


def _make_tok(word: str, inflect: bool) -> _Tok:
    if word.endswith("*"):
        return _Tok(word[:-1], None, True)
    if inflect and len(word) >= 4 and _CYRILLIC.search(word):
        stem = word[:-1] if word[-1] in _RU_ENDINGS else word
        return _Tok(word, stem, False)
    return _Tok(word, None, False)


def _tok_ok(pt: _Tok, word: str, last: bool) -> bool:
    """Whether a text word matches a phrase word (`last`: the phrase's final word, which may take "s")."""
    if pt.prefix:
        return word.startswith(pt.text)
    if pt.stem is not None:
        return word.startswith(pt.stem) and len(word) - len(pt.stem) <= 3
    if word == pt.text:
        return True
    return last and len(pt.text) >= 4 and word == pt.text + "s" and not pt.text.endswith("s")


def _rest_ok(toks: tuple[_Tok, ...], tokens: Sequence[Token], i: int, text: str, offset: int) -> bool:
    """Whether a phrase whose first word matched tokens[i] goes on, word by word, over short gaps."""
    k = len(toks)
    prev_end = tokens[i].end
    for j in range(1, k):
        t = tokens[i + j]
        if not _tok_ok(toks[j], t.text, j == k - 1):
            return False
        gap = text[prev_end - offset : t.start - offset]
        if len(gap) > 3 or not all(c in _GAP_CHARS for c in gap):
            return False
        prev_end = t.end
    return True


class PhraseMatcher(Generic[T]):
    """Multi-word phrases over folded tokens: one dict lookup per text token, then a short check.

    Cyrillic words match their inflected forms (stem + up to 3 letters); a Latin word of 4+ letters
    also matches with a genitive "s" ("Deutschlands"); a word written ``stem*`` matches any word
    starting with ``stem``.

    The phrases are indexed by their first word's key (the word itself, or the first 3 letters of a
    stem or prefix). For a text word, the phrases whose first word it matches are worked out once and
    remembered (`_heads`, bounded), so `find` costs one look-up per word plus the check of the rest of
    the few candidates; a word that starts no phrase is rejected by two set look-ups (`_probe`, `_pref`).
    """

    def __init__(self) -> None:
        self._first: dict[str, list[_Phrase[T]]] = {}
        self._pref: dict[str, list[_Phrase[T]]] = {}
        self._probe: set[str] = set()  # every exact first word, also with a trailing "s"
        self._heads: dict[str, tuple[_Phrase[T], ...]] = {}

    def add(self, phrase: str, payload: T, *, inflect: bool = True) -> None:
        """Add a phrase (any case/accents; ``*`` at a word's end makes it a prefix)."""
        words = re.findall(r"\w+\*?", fold(phrase))
        if not words:
            return
        toks = tuple(_make_tok(w, inflect) for w in words)
        entry = _Phrase(toks, payload)
        head = toks[0]
        if head.prefix or head.stem is not None:
            key = (head.stem if head.stem is not None else head.text)[:3]
            self._pref.setdefault(key, []).append(entry)
        else:
            self._first.setdefault(head.text, []).append(entry)
            self._probe.update((head.text, head.text + "s"))
        self._heads.clear()  # remembered candidates predate this phrase

    def _heads_of(self, word: str) -> tuple[_Phrase[T], ...]:
        """Phrases whose first word matches `word`, in the order `find` reports them (remembered)."""
        cands = [*self._first.get(word, ())]
        if word.endswith("s"):
            cands += self._first.get(word[:-1], ())
        cands += self._pref.get(word[:3], ())
        got = tuple(ph for ph in cands if _tok_ok(ph.toks[0], word, len(ph.toks) == 1))
        if len(self._heads) >= _HEADS_LIMIT:
            self._heads.clear()  # a bound on memory over an unbounded vocabulary; results do not change
        self._heads[word] = got
        return got

    def find(self, tokens: Sequence[Token], text: str, offset: int = 0) -> list[PhraseMatch[T]]:
        """Every match (overlapping ones included) in `tokens` of `text` (`offset` = text's start)."""
        out: list[PhraseMatch[T]] = []
        n = len(tokens)
        heads, probe, pref = self._heads, self._probe, self._pref
        for i, tok in enumerate(tokens):
            word = tok.text
            cands = heads.get(word)
            if cands is None:
                if word not in probe and not (pref and word[:3] in pref):
                    continue  # most words start no phrase: two set look-ups, nothing stored
                cands = self._heads_of(word)
            for ph in cands:
                k = len(ph.toks)
                if k == 1:
                    out.append(PhraseMatch(i, i, tok.start, tok.end, ph.payload))
                elif i + k <= n and _rest_ok(ph.toks, tokens, i, text, offset):
                    out.append(PhraseMatch(i, i + k - 1, tok.start, tokens[i + k - 1].end, ph.payload))
        return out


def longest(
    matches: Iterable[PhraseMatch[T]],
    rank: Callable[[PhraseMatch[T]], tuple[int, ...]] | None = None,
) -> list[PhraseMatch[T]]:
    """Non-overlapping matches in text order, chosen best `rank` first (default: longest, then earliest)."""
    chosen: list[PhraseMatch[T]] = []
    taken: set[int] = set()
    for m in sorted(matches, key=rank or (lambda m: (-(m.end - m.start), m.start))):
        span = range(m.first, m.last + 1)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
