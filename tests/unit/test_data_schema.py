"""Language and rule files are schema-checked: a misspelt key fails loading, naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.datafiles import load_yaml
from loaders.errors import RegistryError
from loaders.lang import LANG_DIR, LANGUAGE_FILE, RULES_FILE, load_rules
from loaders.lang.data import read_language
from loaders.lang.schema import LanguageFile, RulesFile, checked


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("conjuctions: [and]\n", "conjuctions"),  # a typo of a word set
        ("titles:\n  - role: Minister\n    cue: [minister]\n    org_knd: ministry\n", "org_knd"),
        ("triggers:\n  MET_WITH:\n    strongg: [met]\n", "strongg"),
        ("triggers:\n  MEETS:\n    strong: [met]\n", "MEETS"),
        ("modality:\n  plannd: [will]\n", "plannd"),
    ],
)
def test_an_unknown_key_in_a_rules_file_fails_naming_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    _write(tmp_path, "xx/rules.yaml", text)
    with pytest.raises(RegistryError) as err:
        load_rules("xx", tmp_path)
    assert "xx/rules.yaml" in str(err.value) and key in str(err.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("stopwrds: [le, la]\n", "stopwrds"),
        ("boilerplate:\n  drop_prefx: [lire aussi]\n", "drop_prefx"),
    ],
)
def test_an_unknown_key_in_a_language_file_fails_naming_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    path = _write(tmp_path, "xx.yaml", text)
    with pytest.raises(RegistryError) as err:
        read_language(path, "xx")
    assert "xx.yaml" in str(err.value) and key in str(err.value)


def test_a_known_key_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, "xx.yaml", "stopwords: [Le, la]\nboilerplate:\n  drop_prefix: [Lire aussi]\n")
    data = read_language(path, "xx")
    assert data.stopwords == frozenset({"le", "la"}) and data.boilerplate.drop_prefix == ("lire aussi",)


@pytest.mark.parametrize(
    ("model", "path"),
    [(LanguageFile, p) for p in sorted(LANG_DIR.glob(f"*/{LANGUAGE_FILE}"))]
    + [(RulesFile, p) for p in sorted(LANG_DIR.glob(f"*/{RULES_FILE}"))],
    ids=lambda v: v.name if isinstance(v, Path) else v.__name__,
)
def test_every_shipped_data_file_fits_its_schema(model: type[LanguageFile] | type[RulesFile], path: Path) -> None:
    checked(model, load_yaml(path) or {}, path)
