"""Endings and suffixes the matchers read from the language files (loaders/data/lang/), not from code.

Each test writes a language file of its own with another ending and checks that the behaviour follows
the file; the names and sentences are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.lang import name_suffixes, possessive_endings
from loaders.lang.data import read_language
from loaders.mentions import items as items_module
from loaders.mentions.names import suffix_patterns


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
