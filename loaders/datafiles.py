"""Reading the loaders' YAML data files.

YAML 1.1 (PyYAML's default) reads the bare words yes/no/on/off/y/n as booleans, so a word list such as
English stopwords ``[..., on, ...]`` or Spanish negation ``[no, nunca]`` silently loses its words. Data
files here hold words of many languages, so only ``true`` and ``false`` are booleans; every other bare
word stays a string.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it


class _WordsLoader(_BASE_LOADER):  # type: ignore[misc]
    """SafeLoader (libyaml's parser where available: several times faster) whose booleans are only
    true/false (any case)."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml_text(text: str) -> Any:
    """Parse YAML data text (booleans only true/false).

    A generated file written as JSON (a subset of YAML, with the same booleans) is read by the json
    module, many times faster than PyYAML's scanner (loaders/data/countries/cldr.yaml).
    """
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass  # YAML flow style, not JSON
    return yaml.load(text, Loader=_WordsLoader)


def load_yaml(path: Path) -> Any:
    """Parse a YAML data file (booleans only true/false)."""
    return load_yaml_text(path.read_text(encoding="utf-8"))


def dumps_country_table(about: str, entries: dict[str, Any]) -> str:
    """A generated table of states (ISO alpha-3 → entry) as JSON, a subset of YAML that loads fast: the
    ``_about`` note first, then one state per line, so a re-run's diff shows the states that changed."""
    lines = [json.dumps({"_about": {"note": about}}, ensure_ascii=False)[:-1] + ","]
    lines += [f"{json.dumps(iso)}:{json.dumps(e, ensure_ascii=False, sort_keys=True)}," for iso, e in entries.items()]
    lines[-1] = lines[-1][:-1]
    return "\n".join([*lines, "}", ""])


@dataclass(frozen=True)
class Snapshot:
    """A repository snapshot brought in with the search tool's `fetch` (a bare mirror), for the import
    scripts: its commit and commit day, which the derived files name, and its files as text."""

    repo: Path
    commit: str
    date: str

    def show(self, path: str) -> str:
        """A file of the snapshot's commit, as text."""
        return _git(self.repo, "show", f"{self.commit}:{path}")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def snapshot(repo: Path) -> Snapshot:
    """The snapshot at `repo`'s HEAD."""
    commit = _git(repo, "rev-parse", "HEAD").strip()
    return Snapshot(repo, commit, _git(repo, "log", "-1", "--format=%cs", commit).strip())
