"""The actor registry: folding, the alias index, templates, dated roles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph_schema.model import EntityType
from loaders import errors, registry
from loaders.registry import load_registry
from loaders.text import fold, longest, norm, tokenize


def _find(text: str) -> list[tuple[str, str]]:
    reg = load_registry()
    folded = fold(text)
    return [(text[m.start : m.end], m.payload.entity_id)
            for m in longest(reg.matcher.find(tokenize(folded), text))]


def test_fold_keeps_length_and_strips_accents() -> None:
    for s in ["Éric Trappier", "Türkiye", "Россия", "Straße", "İstanbul"]:
        assert len(fold(s)) == len(s)
    assert fold("Éric") == "eric"
    assert norm("  Min   Aung\tHlaing ") == "min aung hlaing"


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Russland", "RUS"), ("Russie", "RUS"), ("Россия", "RUS"), ("России", "RUS"), ("Rusia", "RUS"),
        ("Birmania", "MMR"), ("Burma", "MMR"), ("Мьянма", "MMR"), ("Tiongkok", "CHN"),
        ("Amerika Serikat", "USA"), ("Deutschlands", "DEU"), ("Korea Utara", "PRK"),
        ("Negeri Paman Sam", "USA"), ("Negeri Tirai Bambu", "CHN"),
    ],
)
def test_country_names_in_several_languages(text: str, entity_id: str) -> None:
    assert _find(text) == [(text, entity_id)]


def test_ambiguous_short_names_are_dropped() -> None:
    # "Korea" alone could be either state; "Congo" too
    assert [e for _, e in _find("Korea")] == []


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Kementerian Pertahanan India", "org:defence-ministry-ind"),
        ("Ministry of Defence of Pakistan", "org:defence-ministry-pak"),
        ("Минобороны Китая", "org:defence-ministry-chn"),
        ("Tatmadaw", "org:armed-forces-mmr"),
        ("Pentagon", "org:defence-ministry-usa"),
        ("Uni Eropa", "org:eu"),
        ("Moscow", "plc:moscow"),
        ("Su-30SME", "wpn:su-30sme"),
        ("Wolodymyr Selenskyj", "per:volodymyr-zelensky"),
        ("Владимир Путин", "per:vladimir-putin"),
        ("Владимира Путина", "per:vladimir-putin"),
    ],
)
def test_actor_aliases(text: str, entity_id: str) -> None:
    assert _find(text)[0] == (text, entity_id)


def test_longest_alias_wins() -> None:
    assert _find("junta militer Myanmar") == [("junta militer Myanmar", "org:armed-forces-mmr")]


def test_templates_fill_kinds_for_states() -> None:
    reg = load_registry()
    ministry = reg.org_of_kind("defence_ministry", "IND")
    assert ministry == "org:defence-ministry-ind"
    actor = reg.get(ministry)
    assert actor is not None and actor.name == "Ministry of Defence of India" and actor.country == "IND"


def test_capitals_and_types() -> None:
    reg = load_registry()
    assert reg.capitals["RUS"] == "plc:moscow"
    moscow = reg.get("plc:moscow")
    assert moscow is not None and moscow.type == EntityType.PLACE and moscow.capital_of == "RUS"
    assert reg.name_of("RUS") == "Russia"


def test_roles_are_dated() -> None:
    reg = load_registry()
    before = reg.role_on("per:prabowo-subianto", date(2021, 6, 24))
    after = reg.role_on("per:prabowo-subianto", date(2025, 1, 1))
    assert before is not None and before.title == "Minister of Defence of Indonesia"
    assert after is not None and after.title == "President of Indonesia"


def test_registry_is_loaded_once() -> None:
    assert load_registry() is load_registry()


def test_a_malformed_data_file_is_a_registry_error_of_the_loader_catalogue(tmp_path: Path) -> None:
    (tmp_path / "countries").mkdir()
    (tmp_path / "countries" / "names.yaml").write_text("RUS: [unclosed\n", encoding="utf-8")
    with pytest.raises(errors.RegistryError) as caught:
        load_registry.__wrapped__(tmp_path)
    assert isinstance(caught.value, errors.LoaderError) and caught.value.code == "registry_invalid"
    assert registry.RegistryError is errors.RegistryError  # still importable from the registry
    assert "RegistryError" in (errors.__doc__ or "")


@pytest.mark.parametrize(
    ("entity_id", "state_office"),
    [("org:defence-ministry-ind", True), ("org:foreign-ministry-rus", True),  # from templates.yaml
     ("org:defence-ministry-usa", True),  # an explicit entry of a flagged kind
     ("org:armed-forces-ind", False), ("org:navy-rus", False), ("IND", False)],
)
def test_ministries_of_state_office_kinds_are_flagged(entity_id: str, state_office: bool) -> None:
    actor = load_registry().get(entity_id)
    assert actor is not None and actor.state_office is state_office


@pytest.mark.parametrize(("text", "lang", "org"), [
    ("The Malian military hosted a Chilean delegation.", "en", "org:armed-forces-mli"),
    ("Delegasi Chili mengunjungi markas militer Mali.", "id", "org:armed-forces-mli"),
    ("Делегация Чили посетила штаб армии Мали.", "ru", "org:armed-forces-mli"),
    ("La delegación de Chile visitó el Ministerio de Defensa de Kenia.", "es", "org:defence-ministry-ken"),
])
def test_every_state_has_its_institutions_by_template(text: str, lang: str, org: str) -> None:
    """templates.yaml names every state's ministries and forces (``countries: all``), with CLDR's names."""
    from tests.factories import extract_text

    assert org in {e.id for e in extract_text(text, lang).entities}
