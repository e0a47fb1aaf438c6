"""Phrase tables: inflection-tolerant matching, the first-word index and the one-pass `PhraseIndex`.

Phrases and sentences are invented; the answers over a sentence's `Tokens` (one scan for all tables)
must equal a table's own scan, match for match and in the same order.
"""

from __future__ import annotations

import pytest

from loaders.lang import inflection
from loaders.models import Sentence
from loaders.text import (
    PhraseIndex,
    PhraseMatch,
    PhraseMatcher,
    SentenceView,
    Token,
    fold,
    phrase_index,
    tokenize,
    view,
)
from loaders.text import phrases as phrases_module


def _table(*phrases: str) -> PhraseMatcher[str]:
    table: PhraseMatcher[str] = PhraseMatcher(inflection())
    for phrase in phrases:
        table.add(phrase, phrase)
    return table


def _sv(text: str, index: PhraseIndex | None = None, start: int = 100) -> SentenceView:
    return view(Sentence(index=0, start=start, end=start + len(text), text=text), index)


def _found(table: PhraseMatcher[str], sv: SentenceView) -> list[tuple[str, str]]:
    return [(m.payload, sv.raw(m.start, m.end)) for m in table.find(sv.tokens, sv.sentence.text, sv.start)]


def _spans(matches: list[PhraseMatch[str]]) -> list[tuple[int, int, int, int, str]]:
    return [(m.first, m.last, m.start, m.end, m.payload) for m in matches]


TABLES = {
    "titles": ("minister of defence", "minister", "deputy minister", "министр обороны", "Verteidigungsminister",
               "menteri pertahanan", "ministre des armées"),
    "places": ("Nordland", "Валдария", "Pulau Kelapa", "Nordland Sea"),
    "verbs": ("verteidig*", "met with", "встретился с", "bertemu"),
    "cues": ("a", "the", "минист*", "de"),
}
SENTENCES = [
    "The deputy minister of defence of Nordland met with the minister of defence.",
    "Министр обороны Валдарии встретился с министром обороны Нордландии.",
    "Der Verteidigungsminister Nordlands verteidigte die Pläne des Verteidigungsministers.",
    "Menteri Pertahanan bertemu Menteri Pertahanan Pulau Kelapa di Pulau Kelapa.",
    "La ministre des Armées de Nordland a rencontré le ministre.",
    "minister   of defence, minister-of-defence and minister.of.defence",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_one_scan_for_all_tables_answers_as_each_tables_own_scan(text: str) -> None:
    tables = [_table(*phrases) for phrases in TABLES.values()]
    sv = _sv(text, PhraseIndex(tables))
    plain = list(sv.tokens)
    for table in [*tables, *reversed(tables)]:  # any order of calls, each twice
        got = table.find(sv.tokens, sv.sentence.text, sv.start)
        assert _spans(got) == _spans(table.find(plain, sv.sentence.text, sv.start))
        assert _spans(got) == _spans(table.scan(plain, sv.sentence.text, sv.start))


@pytest.mark.parametrize(("phrase", "text", "expected"), [
    ("министр обороны", "Министра обороны Валдарии", ["Министра обороны"]),  # Russian case endings
    ("министр обороны", "министрами обороны", ["министрами обороны"]),  # stem + up to 3 letters
    ("министр обороны", "министрамиии обороны", []),  # not 4
    ("Валдария", "в Валдарии и Валдарией", ["Валдарии", "Валдарией"]),
    ("Nordland", "Nordlands Marine", ["Nordlands"]),  # German genitive on the last word
    ("Nordland Coast", "Nordlands Coast", []),  # ... but not on a word inside the phrase
    ("Nordland Coast", "the Nordland Coasts", ["Nordland Coasts"]),
    ("Nordland Sea", "the Nordland Seas", []),  # a word under 4 letters takes no "s"
    ("Kos", "Koss", []),  # short words take no genitive
    ("verteidig*", "Sie verteidigten Verteidigung", ["verteidigten", "Verteidigung"]),  # prefix
    ("menteri pertahanan", "Menteri   Pertahanan", ["Menteri   Pertahanan"]),  # a short gap
    ("menteri pertahanan", "Menteri, Pertahanan", []),  # a comma is no gap inside a phrase
    ("vice president", "the vice-president", ["vice-president"]),
    ("ministre des armées", "LA MINISTRE DES ARMEES", ["MINISTRE DES ARMEES"]),  # case and accents
])
def test_phrase_matches_inflected_and_spaced_forms(phrase: str, text: str, expected: list[str]) -> None:
    table = _table(phrase)
    sv = _sv(text, PhraseIndex([table]))
    assert [raw for _, raw in _found(table, sv)] == expected
    assert [raw for _, raw in _found(table, _sv(text))] == expected


def test_overlapping_matches_are_all_reported_in_text_order() -> None:
    table = _table("deputy minister", "minister", "minister of defence")
    sv = _sv("The deputy minister of defence spoke.", PhraseIndex([table]))
    assert _found(table, sv) == [("deputy minister", "deputy minister"), ("minister", "minister"),
                                 ("minister of defence", "minister of defence")]


def test_a_slice_of_the_tokens_is_searched_alone() -> None:
    table = _table("minister of defence", "minister")
    sv = _sv("The minister of defence of Nordland.", PhraseIndex([table]))
    head = sv.tokens[:3]  # "the minister of": the longer phrase runs past the slice
    assert [m.payload for m in table.find(head, sv.sentence.text, sv.start)] == ["minister"]


def test_a_table_outside_the_index_and_another_text_get_their_own_scan() -> None:
    inside, outside = _table("Nordland"), _table("Pulau Kelapa")
    sv = _sv("Nordland and Pulau Kelapa.", PhraseIndex([inside]))
    assert _found(outside, sv) == [("Pulau Kelapa", "Pulau Kelapa")]
    assert _found(inside, sv) == [("Nordland", "Nordland")]
    words = tokenize(fold("Kelapa Nordland"), sv.start)
    assert [m.payload for m in inside.find(words, "Kelapa Nordland", sv.start)] == ["Nordland"]


def test_a_phrase_added_after_a_scan_is_found() -> None:
    table = _table("Nordland")
    index = PhraseIndex([table])
    first = _sv("Valdaria met Nordland.", index)
    assert [p for p, _ in _found(table, first)] == ["Nordland"]
    table.add("Valdaria", "Valdaria")
    assert [p for p, _ in _found(table, first)] == ["Valdaria", "Nordland"]
    assert [p for p, _ in _found(table, _sv("Valdaria met Nordland.", index))] == ["Valdaria", "Nordland"]


def test_the_answer_is_a_fresh_list_each_time() -> None:
    table = _table("Nordland")
    sv = _sv("Nordland.", PhraseIndex([table]))
    table.find(sv.tokens, sv.sentence.text, sv.start).clear()
    assert _found(table, sv) == [("Nordland", "Nordland")]


def test_bounded_memos_do_not_change_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phrases_module, "_HEADS_LIMIT", 2)
    monkeypatch.setattr(phrases_module, "_WORDS_LIMIT", 3)
    tables = [_table(*phrases) for phrases in TABLES.values()]
    index = PhraseIndex(tables)
    for text in SENTENCES * 2:
        sv = _sv(text, index)
        for table in tables:
            assert _spans(table.find(sv.tokens, text, sv.start)) == _spans(table.scan(list(sv.tokens), text,
                                                                                     sv.start))


def test_phrase_index_is_built_once_per_set_of_tables() -> None:
    a, b = _table("Nordland"), _table("Valdaria")
    assert phrase_index((a, b)) is phrase_index((a, b))
    assert phrase_index((a, b)) is not phrase_index((b, a))


def test_tokens_are_words_of_the_folded_text_with_shifted_offsets() -> None:
    words = tokenize(fold("Menteri Šojgu, 3 kapal"), 10)
    assert words == [Token(10, 17, "menteri"), Token(18, 23, "sojgu"), Token(25, 26, "3"), Token(27, 32, "kapal")]
    assert all(type(w) is Token for w in words) and words[1].text == "sojgu" and words[1].end == 23


def test_many_phrases_sharing_two_words_are_told_apart_by_the_third() -> None:
    """Every state's "armed forces of X": past `_THIRD_INDEX_MIN` such phrases the third word picks the
    candidates; the answers are those of the phrases checked one by one (two-word and stem phrases too)."""
    states = [f"Nordland{i}" for i in range(phrases_module._THIRD_INDEX_MIN * 2)]
    phrases = [*(f"armed forces of {s}" for s in states), "armed forces", "armed forces of the north",
               "armed forces of валдари*", "armed forces of Nordland3 navy"]
    table = _table(*phrases)
    text = ("The armed forces of Nordland3 navy met the armed forces of Nordland7, the armed forces of the north "
            "and the armed forces of валдарии, then the armed forces.")
    sv = _sv(text)
    got = _found(table, sv)
    expected = {(p, sv.raw(m.start, m.end)) for p in phrases for m in _table(p).find(sv.tokens, text, sv.start)}
    assert set(got) == expected
    assert ("armed forces of Nordland7", "armed forces of Nordland7") in got
    assert ("armed forces of валдари*", "armed forces of валдарии") in got
    assert ("armed forces of Nordland3 navy", "armed forces of Nordland3 navy") in got
