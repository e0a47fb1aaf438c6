"""Reading registry data files: YAML with the project's booleans, errors naming the file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from loaders.datafiles import load_yaml
from loaders.errors import RegistryError


def read_yaml(path: Path) -> Any:
    """A registry YAML file's content; a `RegistryError` naming the file when it cannot be read."""
    try:
        return load_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc


def as_list(value: Any) -> list[str]:
    """A scalar or a list of a data file, as a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]



def parse_date(value: Any) -> date | None:
    """A role date of a data file: 2021, 2021-06 or an ISO day."""
    if value is None or isinstance(value, date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return date(int(text[:4]), int(text[5:]), 1)
    return date.fromisoformat(text)

