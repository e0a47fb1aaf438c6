"""Mentions: exact aliases with case rules, title cues (roles, discovered people), fuzzy names."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_schema.model import EntityType
from loaders.errors import RegistryError
from loaders.lang import Rules, load_rules
from loaders.lang import rules as rules_module
from loaders.models import Mention
from loaders.registry import DATA_DIR
from tests.factories import article, mentions_of


def by_id(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.entity_id: m for m in mentions}


def test_title_cue_gives_role_org_and_state() -> None:
    ms = by_id(mentions_of(article("Menteri Pertahanan India Rajnath Singh tiba di Jakarta.")))
    singh = ms["per:rajnath-singh"]
    assert singh.role == "Minister of Defence of India"
    assert singh.role_org == "org:defence-ministry-ind" and singh.role_country == "IND"
    assert ms["IND"].descriptor and not ms["plc:jakarta"].descriptor


def test_english_title_before_name_with_demonym_and_rank() -> None:
    ms = by_id(mentions_of(article("Indian Army Chief Gen. Manoj Pande met him.", "en")))
    assert ms["per:manoj-pande"].role_org == "org:army-ind"


def test_appositive_title() -> None:
    ms = by_id(mentions_of(article("Ia bertemu dengan Wang Yi, Menteri Luar Negeri Tiongkok.")))
    assert ms["per:wang-yi"].role == "Minister of Foreign Affairs of China"


def test_title_cue_discovers_unknown_person_and_surname() -> None:
    text = "Duta Besar Indonesia Budi Santoso Wirawan hadir.\nWirawan lalu pulang."
    ms = mentions_of(article(text))
    people = [m for m in ms if m.entity_type == EntityType.PERSON]
    assert {m.entity_id for m in people} == {"per:budi-santoso-wirawan"}
    assert people[0].how == "title-cue" and people[0].role == "Ambassador of Indonesia"
    assert people[-1].surface == "Wirawan"


def test_fuzzy_only_for_capitalised_multiword_names() -> None:
    ms = mentions_of(article("Kemudian Rajnat Singh berbicara, dan rajnat singh juga."))
    fuzzy = [m for m in ms if m.how == "fuzzy"]
    assert [(m.surface, m.entity_id) for m in fuzzy] == [("Rajnat Singh", "per:rajnath-singh")]


def test_short_all_caps_alias_needs_same_case() -> None:
    ms = mentions_of(article("We met as friends, said the US envoy.", "en"))
    assert [(m.surface, m.entity_id) for m in ms] == [("US", "USA")]


def test_capitalised_alias_needs_capital_in_text() -> None:
    ms = mentions_of(article("Mereka membahas jordan dan Jordan.", "id"))
    assert [m.surface for m in ms] == ["Jordan"]


def _rules_without(tmp_path: Path, key: str) -> Rules:
    """English rules without one of their word lists."""
    en = (DATA_DIR / "lang" / "en" / "rules.yaml").read_text(encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "rules.yaml").write_text("".join(ln for ln in en.splitlines(keepends=True)
                                              if not ln.startswith(f"{key}:")), encoding="utf-8")
    return load_rules("en", tmp_path)


@pytest.mark.parametrize(
    ("key", "text", "person", "role_country"),
    [
        ("title_links", "Minister of Defence of the Philippines Gilberto Teodoro arrived.", "per:gilberto-teodoro",
         "PHL"),
        ("name_particles", "German Defence Minister Karl van der Berg arrived.", "per:karl-van-der-berg", "DEU"),
    ],
)
def test_title_link_words_and_name_particles_are_rules_data(tmp_path: Path, key: str, text: str, person: str,
                                                            role_country: str) -> None:
    found = by_id(mentions_of(article(text, "en")))
    assert found[person].role_country == role_country
    without = by_id(mentions_of(article(text, "en"), rules=_rules_without(tmp_path, key)))
    assert person not in without or without[person].role_country is None


def test_a_broken_language_file_is_an_error_not_silently_no_stopwords(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(code: str) -> None:
        raise RegistryError(f"{code}.yaml: bad YAML")

    monkeypatch.setattr(rules_module, "lang_data", broken)
    with pytest.raises(RegistryError):
        load_rules("xx", tmp_path)
