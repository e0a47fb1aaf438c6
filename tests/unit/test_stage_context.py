"""Every extraction stage takes the article's context as a required argument and nothing that defaults."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from loaders.context import ArticleContext
from loaders.facts import extract_facts
from loaders.mentions import find_mentions
from loaders.pipeline import EXTRACTORS
from loaders.resolve import build_entities, registry_entities, resolve

STAGES: list[Callable[..., Any]] = [find_mentions, resolve, extract_facts, build_entities, registry_entities,
                                    *EXTRACTORS.values()]


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.__name__)
def test_a_stage_takes_the_context_first_and_has_no_defaulted_parameter(stage: Callable[..., Any]) -> None:
    params = list(inspect.signature(stage, eval_str=True).parameters.values())
    assert params[0].annotation is ArticleContext
    assert [p.name for p in params if p.default is not inspect.Parameter.empty] == []
