"""Data files keep every word as a string: yes/no/on/off are words in a language, not booleans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from loaders.datafiles import load_yaml, load_yaml_text
from loaders.lang import lang_data, load_rules

DATA = Path(__file__).resolve().parents[2] / "loaders" / "data"


def test_bare_yes_no_on_off_stay_words_and_true_false_stay_booleans() -> None:
    assert load_yaml_text("[no, on, off, yes, y, n]") == ["no", "on", "off", "yes", "y", "n"]
    assert load_yaml_text("{a: true, b: False}") == {"a": True, "b": False}


def _booleans_in_lists(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, bool):
                yield f"{path}[{i}]"
            yield from _booleans_in_lists(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _booleans_in_lists(item, f"{path}.{key}")


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_no_word_list_holds_a_boolean(path: Path) -> None:
    assert list(_booleans_in_lists(load_yaml(path), path.name)) == []


def test_english_stopwords_and_negation_keep_their_short_words() -> None:
    assert {"on", "in"} <= set(lang_data("en").stopwords)
    assert load_rules("es").has("negation", "no")
    assert load_rules("en").has("negation", "no")
