"""A language's inherit chain: the language, then what its file names under ``inherit:``, depth first.

``es/language.yaml`` with ``inherit: [en]`` reads as Spanish, then English; English inherits nothing. The
same reading serves ``language.yaml`` and ``rules.yaml`` (each file names its own parents). A cycle is an
error naming the files that form it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from loaders.errors import RegistryError


def inherited(raw: dict[str, Any]) -> tuple[str, ...]:
    """The codes a file's ``inherit:`` names (one code or a list; none when missing)."""
    value = raw.get("inherit")
    if value is None:
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value)


def chain(code: str, parents: Callable[[str], tuple[str, ...]], path_of: Callable[[str], Path]) -> tuple[str, ...]:
    """`code` and every language it inherits, depth first, each once; `RegistryError` on a cycle."""
    out: list[str] = []

    def visit(c: str, path: tuple[str, ...]) -> None:
        if c in path:
            files = " -> ".join(str(path_of(x)) for x in (*path[path.index(c):], c))
            raise RegistryError(f"inherit cycle: {files}")
        if c in out:
            return
        out.append(c)
        for parent in parents(c):
            visit(parent, (*path, c))

    visit(code, ())
    return tuple(out)
