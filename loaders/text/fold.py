"""Case- and accent-folding, name keys and word tokens: the text primitives every stage shares."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple


class _FoldTable(dict[int, str]):
    """Length-preserving fold: each character becomes one lower-case, accent-less character."""

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        base = base.casefold()
        out = base[0] if base else ch
        self[key] = out
        return out


_FOLD = _FoldTable()
_TOKEN = re.compile(r"\w+")

def fold(text: str) -> str:
    """Case- and accent-fold `text` keeping its length, so offsets stay valid."""
    return text.translate(_FOLD)


def norm(text: str) -> str:
    """Fold and collapse whitespace: the key under which names are compared."""
    return " ".join(_TOKEN.findall(fold(text)))


def slug(text: str) -> str:
    """A stable id part for a name: folded tokens joined by hyphens."""
    return "-".join(_TOKEN.findall(fold(text)))


class Token(NamedTuple):
    """A word of a folded text, with its offsets (a named tuple: made by the hundred per article)."""

    start: int
    end: int
    text: str


_NEW = tuple.__new__


def tokenize(folded: str, offset: int = 0) -> list[Token]:
    """Words of an already folded text (offsets shifted by `offset`)."""
    # tuple.__new__ skips the named tuple's Python-level constructor: a quarter of the cost of a sentence's view
    return [_NEW(Token, (m.start() + offset, m.end() + offset, m.group())) for m in _TOKEN.finditer(folded)]

