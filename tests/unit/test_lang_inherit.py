"""The inherit chain is data: each language's files name what they inherit; a cycle names its files."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.errors import RegistryError
from loaders.lang import LANG_DIR, LANGUAGE_FILE, RULES_FILE, available_languages, lang_data, load_rules
from loaders.lang.data import language_chain
from loaders.lang.inherit import chain, inherited


def _rules(root: Path, code: str, text: str) -> None:
    (root / code).mkdir(parents=True, exist_ok=True)
    (root / code / RULES_FILE).write_text(text, encoding="utf-8")


def test_a_language_gets_a_word_set_key_only_its_parent_has(tmp_path: Path) -> None:
    _rules(tmp_path, "aa", "negation: [nimmer]\n")
    _rules(tmp_path, "bb", "inherit: [aa]\nconjunctions: [und]\n")
    _rules(tmp_path, "cc", "conjunctions: [och]\n")
    bb = load_rules("bb", tmp_path)
    assert bb.has("negation", "nimmer") and bb.has("conjunctions", "und")
    assert not load_rules("cc", tmp_path).has("negation", "nimmer")  # no inherit: nothing of aa


def test_a_cycle_fails_naming_the_files(tmp_path: Path) -> None:
    _rules(tmp_path, "aa", "inherit: [cc]\n")
    _rules(tmp_path, "bb", "inherit: aa\n")
    _rules(tmp_path, "cc", "inherit: [bb]\n")
    with pytest.raises(RegistryError) as err:
        load_rules("bb", tmp_path)
    message = str(err.value)
    assert "cycle" in message
    for code in ("aa", "bb", "cc"):
        assert str(tmp_path / code / RULES_FILE) in message


def test_chain_is_depth_first_and_each_language_once() -> None:
    parents = {"x": ("y", "z"), "y": ("w",), "z": ("w",), "w": ()}
    assert chain("x", lambda c: parents[c], lambda c: Path(c)) == ("x", "y", "w", "z")
    assert inherited({"inherit": "w"}) == ("w",) and inherited({}) == ()


def test_every_shipped_language_but_english_inherits_english_and_english_nothing() -> None:
    for code in available_languages():
        files = (LANG_DIR / code / LANGUAGE_FILE, LANG_DIR / code / RULES_FILE)
        assert all(f.is_file() for f in files), code
        codes = [d.code for d in language_chain(code)]
        assert codes == (["en"] if code == "en" else [code, "en"]), code
    assert lang_data("en").inherit == ()
    assert load_rules("fr").has("negation", "never")  # an English word set key, in French through the chain
