"""Sentence splitting with exact character offsets into the clean text.

A sentence ends at a newline, or at `.`, `!`, `?` or `…` (with any closing quotes and brackets after
it) followed by white space and a character that can start a sentence. A period after an abbreviation
of the language (loaders/data/lang/<code>/language.yaml `abbreviations`), a single capital letter (an initial)
or a dotted acronym ("U.S.") ends a sentence only when a closing quote or bracket follows it
(`He said “no.” Then`) or the next word is one of the language's `sentence_starters` ("in the U.S.
The president", "at 5 p.m. The next day"); a period between digits never does.

Web pages often lose the space between paragraphs ("…in the capital.The minister said…"): a period, "!" or
"?" glued to the next word also ends a sentence when a lower-case word of two letters or more ends before
it and a capitalised word starts after it ("year.Korean"), unless the word before is an abbreviation or
the run holds a URL or an e-mail address ("Example.Com", "www.x.Org") — so "U.S.Army", "Ph.D" and
"kompas.com" stay whole.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from loaders.lang import lang_data, language_chain
from loaders.models import Sentence
from loaders.text.collector import collector_paused

_CLOSERS = "\"'”’»)]›“‘«"  # “ and « close quotes in German and Danish typography
_OPENERS = "\"'“‘„«([‹—–-"
# The look-behind and possessive quantifiers keep a long run of punctuation from being re-scanned at
# every position (quadratic); a match is still the whole run that ends in white space.
_BOUNDARY = re.compile(rf"(?<![.!?…])[.!?…]++[{re.escape(_CLOSERS)}]*+(?=\s)")
_NON_SPACE = re.compile(r"\S")
_ACRONYM = re.compile(r"^(?:[^\W\d_]\.){2,}$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# a quote between a glued end and the next word more often opens the next sentence: it is left to it
_GLUED = re.compile(rf"(?<![.!?…])[.!?]++(?=[{re.escape(_CLOSERS)}]*+[^\W\d_])")
_URL_MARKS = ("/", "@", "www", "http")
_TLDS = frozenset({"com", "net", "org", "info", "biz", "gov", "edu"})  # "Example.Com" is a host name
_GLUED_LOOKBACK = 40  # characters scanned back for a URL in the run before a glued boundary


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Split `text` into sentences whose `text` equals `text[start:end]`."""
    with collector_paused():  # thousands of models, no cycles: a collection pass would only re-walk them
        return _split(text, lang)


def _split(text: str, lang: str) -> list[Sentence]:
    abbreviations = frozenset().union(*(d.abbreviations for d in language_chain(lang)))
    starters = lang_data(lang).sentence_starters
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        seg_start = 0
        for end in _boundaries(line, abbreviations, starters):
            _append(sentences, text, line_start + seg_start, line_start + end)
            seg_start = end
        _append(sentences, text, line_start + seg_start, line_start + len(line))
    return sentences


def _boundaries(line: str, abbreviations: frozenset[str], starters: frozenset[str]) -> Iterator[int]:
    """Where the sentences of one line end, in order: before white space, or glued to the next word."""
    spaced = (m.end() for m in _BOUNDARY.finditer(line) if _ends_sentence(line, m, abbreviations, starters))
    glued = (m.end() for m in _GLUED.finditer(line) if _glued_end(line, m, abbreviations))
    return heapq.merge(spaced, glued)


def _glued_end(line: str, m: re.Match[str], abbreviations: frozenset[str]) -> bool:
    """"capital.The minister": a sentence end glued to a capitalised word (see the module's docstring)."""
    ahead = line[m.end() : m.end() + _GLUED_LOOKBACK]
    quotes = len(ahead) - len(ahead.lstrip(_CLOSERS))
    before, after = line[max(0, m.start() - 2) : m.start()], line[m.end() + quotes : m.end() + quotes + 2]
    if len(before) < 2 or not before.isalpha() or not before.islower():
        return False
    if len(after) < 2 or not (after[0].isupper() and after[1].islower()):
        return False
    word = _FIRST_WORD.match(line, m.end() + quotes)
    if word is not None and word.group(0).casefold() in _TLDS:
        return False
    run = line[max(0, m.start() - _GLUED_LOOKBACK) : m.start()].split()[-1:]
    token = run[0].lstrip(_OPENERS) if run else ""
    if "." in token or any(mark in token.casefold() for mark in _URL_MARKS):
        return False
    return (token + ".").casefold() not in abbreviations


def _ends_sentence(line: str, m: re.Match[str], abbreviations: frozenset[str],
                   starters: frozenset[str] = frozenset()) -> bool:
    """Whether the punctuation matched by `m` closes a sentence.

    Looks only at the characters next to the match (never slices the rest of the line), so splitting
    a line is linear in its length.
    """
    nxt_match = _NON_SPACE.search(line, m.end())
    if nxt_match is None:
        return True
    nxt = nxt_match.group(0)
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    punct = m.group(0).rstrip(_CLOSERS)
    if punct != m.group(0) or punct != ".":
        return True  # "?", "!", or a period closed by a quote or bracket: `He said “no.” Then`
    token = _token_before(line, m.start())
    if not token:
        return True
    token = token.lstrip(_OPENERS) + "."
    if token.casefold() in abbreviations or _INITIAL.match(token) or _ACRONYM.match(token):
        word = _FIRST_WORD.match(line, nxt_match.start())  # an initial itself ("В. В. Путин") starts nothing
        return word is not None and word.group(0).casefold() in starters and line[word.end() : word.end() + 1] != "."
    return True


def _token_before(line: str, end: int) -> str:
    """The run of non-space characters ending at `end` (a boundary follows white space, so the runs
    scanned for successive boundaries do not overlap)."""
    start = end
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:end]


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Append the stripped span [start, end) of `text` as a sentence, unless it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        # built without validation: the values are ints and a str made here (validating was a fifth of the
        # splitter's time on many short sentences)
        sentences.append(Sentence.model_construct(index=len(sentences), start=start, end=end, text=text[start:end]))
