"""Multi-word phrase tables over folded tokens (`PhraseMatcher`) and the choice of non-overlapping matches."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from loaders.text.fold import Token, fold

T = TypeVar("T")
_GAP_CHARS = frozenset(" \t\u00a0-‐‑–.'’")
_HEADS_LIMIT = 1 << 14  # remembered words per table
_WORDS_LIMIT = 1 << 16  # remembered words of an index
_INDEXES_LIMIT = 64  # indexes kept by `phrase_index`
# Word lengths of the inflection rules (`Inflection`), the same for every language's phrase words:
STEM_MIN_LETTERS = 4  # a shorter word keeps its form: its stem would begin too many other words
LONG_ENDING_MIN_LETTERS = 6  # a two-letter ending is cut only when STEM_MIN_LETTERS are left
STEM_EXTRA_MAX = 3  # a case ending adds at most three letters to a stem ("Коре" + "ями"); more is another word
SHORT_STEM_EXTRA_MAX = 2  # to a stem of three letters, two ("Куб" + "ой"): "Ток" + "аев" is another word
SUFFIX_MIN_LETTERS = 4  # a shorter final word (an acronym: "US") takes no suffix ("Deutschland" + "s" does)
_ACROSS_WORDS = 4  # words read on each side of a gap a phrase may run across (`PhraseMatcher.find_across`)
_NEW_TOKEN = tuple.__new__  # (as `tokenize`: no named tuple constructor per word)
_ADDED = [0]  # phrases added to any table in this process: an index re-reads its tables' versions on a change


_SURNAME_STEM_MIN = 4  # letters a surname keeps when its case ending is cut


@dataclass(frozen=True, slots=True)
class Inflection:
    """How phrase words match inflected text words: the union of the language files' ``inflection:``
    (`loaders.lang.inflection`); the phrase tables are shared by all languages."""

    stem_script: re.Pattern[str] | None = None  # a word of STEM_MIN_LETTERS+ with one of these letters has a stem
    endings: frozenset[str] = frozenset()  # a last letter cut off to the stem
    long_endings: frozenset[str] = frozenset()  # two last letters cut off (LONG_ENDING_MIN_LETTERS+)
    last_suffixes: tuple[str, ...] = ()  # a final word (SUFFIX_MIN_LETTERS+) also matches with one ("s")
    surname_endings: frozenset[str] = frozenset()  # case endings of a surname in the stem script ("Петровым")
    oblique_endings: frozenset[str] = frozenset()  # endings no nominative name has ("Аденом"): ids of names
    adjective_endings: tuple[tuple[str, str], ...] = ()  # (word end, added ending): "polnisch" + "e" (German)

    def name_key(self, name: str) -> str:
        """A discovered name with each word's oblique-case ending cut, when it is written in the stem script
        ("Аденом Дуале" → "Аден Дуале", "Кофи Боатенгом" → "Кофи Боатенг"): the same person's id whatever
        case the sentence puts the name in; other names as they are."""
        if self.stem_script is None or not self.stem_script.search(name):
            return name
        words = []
        for word in name.split():
            for ending in sorted(self.oblique_endings, key=len, reverse=True):
                if word.lower().endswith(ending) and len(word) - len(ending) >= _SURNAME_STEM_MIN:
                    word = word[: -len(ending)]
                    break
            words.append(word)
        return " ".join(words)

    def surname_key(self, word: str) -> str:
        """A folded surname without its case ending, when it is written in the stem script ("петровым",
        "петрову" → "петров"; "боатенгом" → "боатенг"); other words as they are."""
        if self.stem_script is None or not self.stem_script.search(word):
            return word
        for ending in sorted(self.surname_endings, key=len, reverse=True):
            if word.endswith(ending) and len(word) - len(ending) >= _SURNAME_STEM_MIN:
                return word[: -len(ending)]
        return word


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    stem: str | None  # inflected forms allowed: the text token must start with the stem
    prefix: bool  # a trailing "*" in the phrase: any word starting with `text`
    suffixed: frozenset[str] = frozenset()  # the forms with a suffix it also matches as a phrase's last word


@dataclass(frozen=True, slots=True)
class _Phrase(Generic[T]):
    toks: tuple[_Tok, ...]
    payload: T
    second: frozenset[str] | None  # the text words its second word can match, when they are few


def _second_words(toks: tuple[_Tok, ...]) -> frozenset[str] | None:
    """The words that `_tok_ok` lets stand for a phrase's second word (None: one word, a stem or a prefix)."""
    if len(toks) < 2 or toks[1].prefix or toks[1].stem is not None:
        return None
    return frozenset((toks[1].text, *toks[1].suffixed)) if len(toks) == 2 else frozenset((toks[1].text,))


@dataclass(slots=True)
class _Entry(Generic[T]):
    """A phrase as added: its folded words, made into a `_Phrase` when first looked up."""

    words: tuple[str, ...]
    payload: T
    inflect: bool
    phrase: _Phrase[T] | None = None


_WORD = re.compile(r"\w+\*?")


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in a text: token span [first, last] and character span."""

    first: int
    last: int
    start: int
    end: int
    payload: T


def _make_tok(word: str, inflect: bool, how: Inflection) -> _Tok:
    if word.endswith("*"):
        return _Tok(word[:-1], None, True)
    if inflect and len(word) >= STEM_MIN_LETTERS and how.stem_script is not None and how.stem_script.search(word):
        stem = word[:-1] if word[-1] in how.endings else word
        if len(word) >= LONG_ENDING_MIN_LETTERS and word[-2:] in how.long_endings:
            stem = word[:-2]  # "Северная Корея" -> "Северную Корею": an adjective's ending is two letters
        return _Tok(word, stem, False)
    suffixed = frozenset([*(word + x for x in how.last_suffixes
                            if len(word) >= SUFFIX_MIN_LETTERS and not word.endswith(x)),
                          *(word + x for end, x in how.adjective_endings if word.endswith(end))])
    return _Tok(word, None, False, suffixed)


def _tok_ok(pt: _Tok, word: str, last: bool) -> bool:
    """Whether a text word matches a phrase word (`last`: the phrase's final word, which may take a suffix)."""
    if pt.prefix:
        return word.startswith(pt.text)
    if pt.stem is not None:
        extra = STEM_EXTRA_MAX if len(pt.stem) >= STEM_MIN_LETTERS else SHORT_STEM_EXTRA_MAX
        return word.startswith(pt.stem) and len(word) - len(pt.stem) <= extra
    if word == pt.text:
        return True
    return last and word in pt.suffixed


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

    The inflection data (`Inflection`, from the language files) lets words of a script match their
    inflected forms (stem + up to 3 letters: Cyrillic) and a final word of 4+ letters match with a
    suffix (the genitive "s": "Deutschlands"); a word written ``stem*`` matches any word starting
    with ``stem``.

    The phrases are indexed by their first word's key (the word itself, or the first 3 letters of a
    stem or prefix). For a text word, the phrases whose first word it matches are worked out once and
    remembered (`_heads`, bounded), so `find` costs one look-up per word plus the check of the rest of
    the few candidates; a word that starts no phrase is rejected by two set look-ups (`_probe`, `_pref`).
    """

    def __init__(self, inflection: Inflection) -> None:
        self._inflection = inflection
        self._first: dict[str, list[_Entry[T]]] = {}
        self._pref: dict[str, list[_Entry[T]]] = {}
        self._probe: set[str] = set()  # every exact first word, also with each suffix
        self._heads: dict[str, _Head[T]] = {}
        # the words of its phrases, made once: the registry's ~100k phrase words repeat ("Armed", "Forces")
        self._toks: dict[tuple[str, bool], _Tok] = {}
        self.version = 0  # phrases added so far

    def _tok(self, word: str, inflect: bool) -> _Tok:
        made = self._toks.get((word, inflect))
        if made is None:
            made = self._toks[(word, inflect)] = _make_tok(word, inflect, self._inflection)
        return made

    def add(self, phrase: str, payload: T, *, inflect: bool = True) -> None:
        """Add a phrase (any case/accents; ``*`` at a word's end makes it a prefix).

        Only the first word is read now (it says where the phrase is indexed); the phrase is made when a
        text word first looks it up (`_heads_of`): most of the registry's 36k names are never asked for in
        a process, and making them all took a third of a cold registry load."""
        words = _WORD.findall(fold(phrase))
        if not words:
            return
        head = self._tok(words[0], inflect)
        entry = _Entry(tuple(words), payload, inflect)
        if head.prefix or head.stem is not None:
            key = (head.stem if head.stem is not None else head.text)[:3]
            self._pref.setdefault(key, []).append(entry)
        else:
            self._first.setdefault(head.text, []).append(entry)
            self._probe.update((head.text, *(head.text + x for x in self._inflection.last_suffixes),
                                *(head.text + x for end, x in self._inflection.adjective_endings
                                  if head.text.endswith(end))))
        self._heads.clear()  # remembered candidates predate this phrase
        self.version += 1
        _ADDED[0] += 1

    def _phrase(self, entry: _Entry[T]) -> _Phrase[T]:
        """The phrase of an entry, made on first use and kept."""
        made = entry.phrase
        if made is None:
            toks = tuple(self._tok(w, entry.inflect) for w in entry.words)
            made = entry.phrase = _Phrase(toks, entry.payload, _second_words(toks))
        return made

    def _heads_of(self, word: str) -> _Head[T]:
        """Phrases whose first word matches `word`, in the order `find` reports them (remembered)."""
        cands = [*self._first.get(word, ())]
        for x in self._inflection.last_suffixes:
            if word.endswith(x):
                cands += self._first.get(word[: -len(x)], ())
        for end, x in self._inflection.adjective_endings:
            if word.endswith(end + x):
                cands += self._first.get(word[: -len(x)], ())
        cands += self._pref.get(word[:3], ())
        phrases = (self._phrase(e) for e in cands)
        got = _Head(tuple(ph for ph in phrases if _tok_ok(ph.toks[0], word, len(ph.toks) == 1)))
        if len(self._heads) >= _HEADS_LIMIT:
            self._heads.clear()  # a bound on memory over an unbounded vocabulary; results do not change
        self._heads[word] = got
        return got

    def candidates(self, word: str) -> _Head[T] | None:
        """The phrases whose first word matches the folded text word `word` (None: there are none)."""
        head = self._heads.get(word)
        if head is None:
            if word not in self._probe and not (self._pref and word[:3] in self._pref):
                return None  # most words start no phrase: two set look-ups, nothing stored
            head = self._heads_of(word)
        return head if head.any else None

    def find(self, tokens: Sequence[Token], text: str, offset: int = 0) -> list[PhraseMatch[T]]:
        """Every match (overlapping ones included) in `tokens` of `text` (`offset` = text's start).

        Over a sentence's `Tokens` the answer comes from that sentence's one scan by its `PhraseIndex`.
        """
        if isinstance(tokens, Tokens):
            scan = tokens._scan  # the common case, read inline: the sentence already scanned, same text
            if scan is not None and scan.offset == offset and scan.text is text:
                slot = scan.slots.get(id(self))
                if slot is not None and scan.versions[slot] == self.version:
                    hits = scan.hits.get(slot)
                    return list(hits) if hits else []
            return tokens.matches(self, text, offset)
        return self.scan(tokens, text, offset)

    def find_across(self, tokens: Sequence[Token], text: str, offset: int,
                    gap: tuple[int, int]) -> list[PhraseMatch[T]]:
        """The matches whose words run across the words ``tokens[gap[0]:gap[1]]`` as if these were not there
        ("recibió este martes a", "took part on Monday in": an inserted time phrase), each with words on both
        sides of the gap; a match's span covers the words left out. A few words each side are read."""
        a, b = gap
        if a <= 0 or b >= len(tokens) or a >= b:
            return []
        lo, hi = max(0, a - _ACROSS_WORDS), min(len(tokens), b + _ACROSS_WORDS)
        left, right = tokens[lo:a], tokens[b:hi]
        base, cut = left[0].start, left[-1].end
        shift = right[0].start - (cut + 1)  # the right words moved to one space after the left ones
        joined = text[base - offset : cut - offset] + " " + text[right[0].start - offset : right[-1].end - offset]
        words = [*left, *(_NEW_TOKEN(Token, (t.start - shift, t.end - shift, t.text)) for t in right)]
        return [PhraseMatch(m.first + lo, m.last + lo + (b - a), m.start, m.end + shift, m.payload)
                for m in self.scan(words, joined, base) if m.first < len(left) <= m.last]

    def scan(self, tokens: Sequence[Token], text: str, offset: int = 0) -> list[PhraseMatch[T]]:
        """`find` by a scan of `tokens` for this table alone."""
        out: list[PhraseMatch[T]] = []
        for i, tok in enumerate(tokens):
            head = self.candidates(tok.text)
            if head is not None:
                _matches_at(head, tokens, i, text, offset, out)
        return out


def _third_words(ph: _Phrase[Any]) -> frozenset[str] | None:
    """The words that `_tok_ok` lets stand for a phrase's third word (None: under three words, a stem or a
    prefix there)."""
    if len(ph.toks) < 3 or ph.toks[2].prefix or ph.toks[2].stem is not None:
        return None
    third = ph.toks[2]
    return frozenset((third.text, *third.suffixed)) if len(ph.toks) == 3 else frozenset((third.text,))


_THIRD_INDEX_MIN = 8  # candidates after the second word from which they are also sorted by the third


class _Head(Generic[T]):
    """The phrases a text word starts, sorted by the word after it, and where that leaves many (every
    state's "Armed Forces of …"), by the two words after it; each subset in the order of all."""

    __slots__ = ("any", "base", "by_next", "by_third", "third_rest")

    def __init__(self, cands: tuple[_Phrase[T], ...]) -> None:
        self.any = bool(cands)
        # One word, or a second word that is a stem or a prefix: whatever the next word is
        self.base = tuple(ph for ph in cands if ph.second is None)
        nexts = {w for ph in cands if ph.second is not None for w in ph.second}
        self.by_next = {w: tuple(ph for ph in cands if ph.second is None or w in ph.second) for w in nexts}
        self.by_third: dict[tuple[str, str], tuple[_Phrase[T], ...]] = {}
        self.third_rest: dict[str, tuple[_Phrase[T], ...]] = {}  # the phrases any third word may follow
        for w, group in self.by_next.items():
            if len(group) < _THIRD_INDEX_MIN:
                continue
            thirds = [(ph, _third_words(ph)) for ph in group]
            self.third_rest[w] = tuple(ph for ph, t3 in thirds if t3 is None)
            for t in {t for _, t3 in thirds if t3 is not None for t in t3}:
                self.by_third[(w, t)] = tuple(ph for ph, t3 in thirds if t3 is None or t in t3)


def _matches_at(head: _Head[T], tokens: Sequence[Token], i: int, text: str, offset: int,
                out: list[PhraseMatch[T]]) -> None:
    """Append the phrases of `head` (their first word matches tokens[i]) that match from tokens[i] on."""
    tok = tokens[i]
    n = len(tokens)
    cands = head.by_next.get(tokens[i + 1].text, head.base) if i + 1 < n else head.base
    if i + 1 < n and tokens[i + 1].text in head.third_rest:
        nxt = tokens[i + 1].text
        cands = head.by_third.get((nxt, tokens[i + 2].text), head.third_rest[nxt]) if i + 2 < n \
            else head.third_rest[nxt]
    for ph in cands:
        k = len(ph.toks)
        if k == 1:
            out.append(PhraseMatch(i, i, tok.start, tok.end, ph.payload))
        elif i + k <= n and _rest_ok(ph.toks, tokens, i, text, offset):
            out.append(PhraseMatch(i, i + k - 1, tok.start, tokens[i + k - 1].end, ph.payload))


class PhraseIndex:
    """Several phrase tables (a language's rules and the registry's aliases) searched in one pass.

    A word is looked up once for all the tables (`_words`, bounded); `scan` returns every table's
    matches in a sentence, each table's in the order its own `find` gives them.
    """

    def __init__(self, tables: Sequence[PhraseMatcher[Any]]) -> None:
        self.tables = tuple(tables)
        self.slots = {id(t): i for i, t in enumerate(self.tables)}  # the index holds its tables: ids stay theirs
        self._added = -1
        self._versions: tuple[int, ...] = ()
        self._words: dict[str, tuple[tuple[int, _Head[Any]], ...]] = {}
        self._probe: set[str] = set()  # every table's exact first words (and their suffixed forms)
        self._pref: set[str] = set()  # every table's stem and prefix keys
        self.versions()

    def versions(self) -> tuple[int, ...]:
        """How many phrases each table has had added (a change makes remembered words stale)."""
        if _ADDED[0] != self._added:  # a phrase was added somewhere: read the tables again
            self._added = _ADDED[0]
            versions = tuple(t.version for t in self.tables)
            if versions != self._versions:
                self._versions, self._words = versions, {}
                self._probe = set().union(*(t._probe for t in self.tables))
                self._pref = set().union(*(t._pref for t in self.tables))
        return self._versions

    def _entries(self, word: str) -> tuple[tuple[int, _Head[Any]], ...]:
        """(slot, candidates) of every table in which `word` may start a phrase (remembered)."""
        if word not in self._probe and word[:3] not in self._pref:
            got: tuple[tuple[int, _Head[Any]], ...] = ()  # no table's `candidates` has any: asked none
        else:
            got = tuple((slot, h) for slot, t in enumerate(self.tables) if (h := t.candidates(word)) is not None)
        if len(self._words) >= _WORDS_LIMIT:
            self._words.clear()  # a bound on memory over an unbounded vocabulary; results do not change
        self._words[word] = got
        return got

    def scan(self, tokens: Sequence[Token], text: str, offset: int) -> _Scan:
        """The matches of every table in `tokens`, by slot: one pass over the words."""
        versions = self.versions()  # (remembered words are dropped when a table changed)
        hits: dict[int, list[PhraseMatch[Any]]] = {}
        words = self._words
        n = len(tokens)
        for i, tok in enumerate(tokens):
            entries = words.get(tok.text)
            if entries is None:
                entries = self._entries(tok.text)
            for slot, head in entries:
                # most heads of a frequent word ("the", "la") need a next word the text does not have
                if head.base or (i + 1 < n and tokens[i + 1].text in head.by_next):
                    _matches_at(head, tokens, i, text, offset, hits.setdefault(slot, []))
        return _Scan(text, offset, versions, hits, self.slots)


class _Scan:
    """One sentence's scan: the text it was given, the tables' versions then and the matches by slot."""

    __slots__ = ("hits", "offset", "slots", "text", "versions")

    def __init__(self, text: str, offset: int, versions: tuple[int, ...],
                 hits: dict[int, list[PhraseMatch[Any]]], slots: dict[int, int]) -> None:
        self.text, self.offset, self.versions, self.hits, self.slots = text, offset, versions, hits, slots


class Tokens(list[Token]):
    """A sentence's words that remember one scan of them by a `PhraseIndex` (see `PhraseMatcher.find`).

    The first `find` of a table of the index over these words scans them once for all its tables and
    keeps each table's matches; the other tables' `find` calls read theirs. A table outside the index,
    another text or a table changed since the scan gets a scan of its own, so answers never differ.
    """

    def __init__(self, words: Iterable[Token] = (), index: PhraseIndex | None = None) -> None:
        super().__init__(words)
        self.searcher = index  # (`index` is list's)
        self._scan: _Scan | None = None

    def matches(self, table: PhraseMatcher[T], text: str, offset: int) -> list[PhraseMatch[T]]:
        """`table.find(self, text, offset)`, read from the scan of all the index's tables when it can be."""
        index = self.searcher
        slot = index.slots.get(id(table)) if index is not None else None
        if index is None or slot is None:
            return table.scan(self, text, offset)
        scan = self._scan
        if scan is None:
            scan = self._scan = index.scan(self, text, offset)
        same_text = scan.offset == offset and (scan.text is text or scan.text == text)
        if not same_text or scan.versions[slot] != table.version:
            return table.scan(self, text, offset)
        return list(scan.hits.get(slot, ()))


_INDEXES: dict[tuple[int, ...], PhraseIndex] = {}


def phrase_index(tables: Sequence[PhraseMatcher[Any]]) -> PhraseIndex:
    """The one `PhraseIndex` of these tables in this process (built on first use; a few are kept)."""
    key = tuple(id(t) for t in tables)
    index = _INDEXES.get(key)
    if index is None or any(a is not b for a, b in zip(index.tables, tables, strict=True)):
        if len(_INDEXES) >= _INDEXES_LIMIT:
            _INDEXES.clear()  # rules reloaded over and over (tests) must not pile up
        index = _INDEXES[key] = PhraseIndex(tables)
    return index


def longest(
    matches: Iterable[PhraseMatch[T]],
    rank: Callable[[PhraseMatch[T]], tuple[int, ...]] | None = None,
) -> list[PhraseMatch[T]]:
    """Non-overlapping matches in text order, chosen best `rank` first (default: longest, then earliest)."""
    ms = list(matches)
    if len(ms) < 2:
        return ms  # most calls: nothing or one match, chosen as it is
    chosen: list[PhraseMatch[T]] = []
    taken: set[int] = set()
    for m in sorted(ms, key=rank or (lambda m: (-(m.end - m.start), m.start))):
        span = range(m.first, m.last + 1)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
