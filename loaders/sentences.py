"""Sentence splitting with exact character offsets into the clean text.

A sentence ends at a newline, or at `.`, `!`, `?` or `…` (with any closing quotes and brackets after
it) followed by white space and a character that can start a sentence. A period does not end a sentence
after an abbreviation of the language (loaders/data/lang/<code>.yaml `abbreviations`), after a single
capital letter (an initial), or after a dotted acronym ("U.S."); a period between digits never does.
"""

from __future__ import annotations

import re

from loaders.language import lang_data
from loaders.models import Sentence

_CLOSERS = "\"'”’»)]›“‘«"  # “ and « close quotes in German and Danish typography
_OPENERS = "\"'“‘„«([‹—–-"
_BOUNDARY = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_ACRONYM = re.compile(r"^(?:[^\W\d_]\.){2,}$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Split `text` into sentences whose `text` equals `text[start:end]`."""
    abbreviations = lang_data(lang).abbreviations | lang_data("en").abbreviations
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        seg_start = 0
        for m in _BOUNDARY.finditer(line):
            if not _ends_sentence(line, m, abbreviations):
                continue
            _append(sentences, text, line_start + seg_start, line_start + m.end())
            seg_start = m.end()
        _append(sentences, text, line_start + seg_start, line_start + len(line))
    return sentences


def _ends_sentence(line: str, m: re.Match[str], abbreviations: frozenset[str]) -> bool:
    """Whether the punctuation matched by `m` closes a sentence."""
    rest = line[m.end() :].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    punct = m.group(0).rstrip(_CLOSERS)
    if punct != ".":
        return True
    before = _TOKEN_BEFORE.search(line[: m.start()])
    if before is None:
        return True
    token = before.group(1).lstrip(_OPENERS) + "."
    if token.casefold() in abbreviations:
        return False
    return not (_INITIAL.match(token) or _ACRONYM.match(token))


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Append the stripped span [start, end) of `text` as a sentence, unless it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text[start:end]))
