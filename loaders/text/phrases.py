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
_RU_ADJECTIVE_ENDINGS = frozenset({"ая", "ий", "ый", "ое", "ой", "ые", "ие", "яя", "ее"})
_GAP_CHARS = frozenset(" \t\u00a0-‐‑–.'’")

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
        if len(word) >= 6 and word[-2:] in _RU_ADJECTIVE_ENDINGS:
            stem = word[:-2]  # "Северная Корея" -> "Северную Корею": an adjective's ending is two letters
        return _Tok(word, stem, False)
    return _Tok(word, None, False)


class PhraseMatcher(Generic[T]):
    """Multi-word phrases over folded tokens: one dict lookup per text token, then a short check.

    Cyrillic words match their inflected forms (stem + up to 3 letters); a Latin word of 4+ letters
    also matches with a genitive "s" ("Deutschlands"); a word written ``stem*`` matches any word
    starting with ``stem``.
    """

    def __init__(self) -> None:
        self._first: dict[str, list[_Phrase[T]]] = {}
        self._pref: dict[str, list[_Phrase[T]]] = {}

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

    @staticmethod
    def _tok_ok(pt: _Tok, word: str, last: bool) -> bool:
        if pt.prefix:
            return word.startswith(pt.text)
        if pt.stem is not None:
            return word.startswith(pt.stem) and len(word) - len(pt.stem) <= 3
        if word == pt.text:
            return True
        return last and len(pt.text) >= 4 and word == pt.text + "s" and not pt.text.endswith("s")

    def find(self, tokens: Sequence[Token], text: str, offset: int = 0) -> list[PhraseMatch[T]]:
        """Every match (overlapping ones included) in `tokens` of `text` (`offset` = text's start)."""
        out: list[PhraseMatch[T]] = []
        n = len(tokens)
        for i, tok in enumerate(tokens):
            cands = list(self._first.get(tok.text, ()))
            if tok.text.endswith("s"):
                cands += self._first.get(tok.text[:-1], ())
            cands += self._pref.get(tok.text[:3], ())
            for ph in cands:
                k = len(ph.toks)
                if i + k > n:
                    continue
                ok = True
                for j, pt in enumerate(ph.toks):
                    t = tokens[i + j]
                    if not self._tok_ok(pt, t.text, j == k - 1):
                        ok = False
                        break
                    if j:
                        gap = text[tokens[i + j - 1].end - offset : t.start - offset]
                        if len(gap) > 3 or not all(c in _GAP_CHARS for c in gap):
                            ok = False
                            break
                if ok:
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
