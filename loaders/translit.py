"""Spellings of romanised names in other languages' outlets, by rule (data: loaders/data/names/translit.yaml).

"Vladimir Rushailo" is "Wladimir Ruschailo" in German and "Vladimir Rouchaïlo" in French: outlets re-romanise Cyrillic
names by their own language's conventions. The rules rewrite each folded word of the English form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from loaders.datafiles import load_yaml
from loaders.registry.build import DATA_DIR
from loaders.text import norm

TRANSLIT_FILE = DATA_DIR / "names" / "translit.yaml"


@dataclass(frozen=True)
class _Language:
    letters: re.Pattern[str]
    table: dict[str, str]
    rules: tuple[tuple[re.Pattern[str], str], ...]
    whole_only: bool = False  # another script: no given name kept in the English form beside it

    def word(self, word: str) -> str:
        """One folded word in this language's spelling."""
        out = self.letters.sub(lambda m: self.table[m.group()], word) if self.table else word
        for pattern, repl in self.rules:
            out = pattern.sub(repl, out)
        return out


@dataclass(frozen=True)
class Transliterator:
    """The rules of translit.yaml: which states' names they apply to, and per language."""

    states: frozenset[str]
    languages: dict[str, _Language]

    def variants(self, name: str, country: str | None) -> list[str]:
        """The name's spellings in the other languages (folded), when its state writes Cyrillic: every word
        respelt ("Wiktor Chrenin"), and the surname alone, since outlets often keep a given name's English
        form ("Viktor Chrenin")."""
        if country not in self.states:
            return []
        words = norm(name).split()
        out = []
        for lang in self.languages.values():
            whole = " ".join(lang.word(w) for w in words)
            for spelt in (whole,) if lang.whole_only else (whole, " ".join([*words[:-1], lang.word(words[-1])])):
                if spelt != " ".join(words) and spelt not in out:
                    out.append(spelt)
        return out


def _language(raw: dict[str, Any]) -> _Language:
    table = {str(k): str(v) for k, v in (raw.get("letters") or {}).items()}
    letters = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)) or "(?!)")
    rules = tuple((re.compile(str(p)), str(r)) for p, r in raw.get("rules") or ())
    return _Language(letters, table, rules, bool(raw.get("whole_only")))


@lru_cache(maxsize=4)
def load_transliterator(path: Path = TRANSLIT_FILE) -> Transliterator:
    """translit.yaml, compiled."""
    raw: dict[str, Any] = load_yaml(path) or {}
    return Transliterator(states=frozenset(str(s) for s in raw.get("states") or ()),
                          languages={str(k): _language(v or {}) for k, v in (raw.get("languages") or {}).items()})
