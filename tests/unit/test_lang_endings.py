"""Endings and suffixes the matchers read from the language files (loaders/data/lang/), not from code.

Each test writes a language file of its own with another ending and checks that the behaviour follows
the file; the names and sentences are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.lang import inflection, name_suffixes, possessive_endings
from loaders.lang.data import inflection_of, read_language
from loaders.mentions import items as items_module
from loaders.mentions.names import suffix_patterns
from loaders.text import Inflection, PhraseMatcher, fold, tokenize


def _lang(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "xx.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_name_suffixes_come_from_the_language_file(tmp_path: Path) -> None:
    data = read_language(_lang(tmp_path, "name_suffixes: [Jnr., V]\n"), "xx")
    after, stopless = suffix_patterns(data.name_suffixes)
    assert after.match(" Jnr. said")
    assert after.match(", Jnr said")
    assert after.match(" V met")
    assert not after.match(" Jr. said")  # not in this file
    assert not after.match(" Vo met")
    assert stopless.search("Tomas Ardelean Jnr")
    assert not stopless.search("Tomas Ardelean V")  # written without a full stop in the file


def test_no_name_suffixes_match_nothing() -> None:
    after, stopless = suffix_patterns(())
    assert not after.match(" said") and not after.match(" Jr.")
    assert not stopless.search("Ana Petrescu Jr")


def test_the_shipped_name_suffixes_and_possessives_are_the_union_of_the_files() -> None:
    assert {"Jr.", "Sr.", "II", "III", "IV"} <= set(name_suffixes())
    assert {"'s", "’s"} <= set(possessive_endings())


def test_possessive_endings_come_from_the_language_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = read_language(_lang(tmp_path, "possessive_endings: [-n]\n"), "xx")
    monkeypatch.setattr(items_module, "possessive_endings", lambda: data.possessive_endings)
    assert items_module.tight("-n ")  # the file's ending stands for a gap
    assert not items_module.tight("'s ")  # the English one is not in this file


def _finds(how: Inflection, phrase: str, text: str) -> bool:
    table: PhraseMatcher[str] = PhraseMatcher(how)
    table.add(phrase, phrase)
    folded = fold(text)
    return bool(table.find(tokenize(folded), folded))


def test_stems_and_endings_come_from_the_language_files(tmp_path: Path) -> None:
    data = read_language(_lang(tmp_path, 'inflection:\n  stem_letters: "\\u0370-\\u03ff"\n  endings: [α]\n'), "xx")
    how = inflection_of([data])
    assert _finds(how, "Κρήτα", "στην Κρήτης σήμερα")  # the stem "κρητ" plus up to 3 letters
    assert not _finds(how, "Κρήτα", "στην Κρίτης σήμερα")
    assert not _finds(how, "Северная Корея", "в Северную Корею")  # no Cyrillic data in this file
    shipped = inflection()
    assert _finds(shipped, "Северная Корея", "в Северную Корею")  # ru.yaml's endings


def test_a_final_word_suffix_comes_from_the_language_files(tmp_path: Path) -> None:
    data = read_language(_lang(tmp_path, "inflection:\n  last_suffixes: [n]\n"), "xx")
    how = inflection_of([data])
    assert _finds(how, "Vale Verde", "in Vale Verden")
    assert not _finds(how, "Vale Verde", "in Vale Verdes")  # the German "s" is not in this file
    assert _finds(inflection(), "Vale Verde", "in Vale Verdes")  # de.yaml's genitive "s"
    assert not _finds(inflection_of([]), "Vale Verde", "in Vale Verdes")
