"""The PLOVER/CAMEO code table is checked against PLOVER's categories, modes and CAMEO translation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph_schema.codes import CODES_FILE, code_table, codes_of, load_codes
from graph_schema.model import PLOVER, RELATION_EVENT, Relation


def test_every_event_relation_has_a_plover_category_and_cameo_root() -> None:
    for relation in RELATION_EVENT:
        codes = codes_of(relation)
        assert codes is not None and codes.plover and len(codes.cameo) == 2, relation


@pytest.mark.parametrize(("relation", "plover", "mode", "cameo"), [
    (Relation.VISITED, "CONSULT", "visit", "04"),
    (Relation.MET_WITH, "CONSULT", None, "04"),
    (Relation.COOPERATES_WITH, "COOPERATE", None, "06"),
    (Relation.SANCTIONED, "SANCTION", "discontinue", "16"),
    (Relation.CRITICIZED, "ACCUSE", "disapprove", "11"),
])
def test_known_relations_get_the_spec_codes(relation: Relation, plover: str, mode: str | None, cameo: str) -> None:
    codes = codes_of(relation)
    assert codes is not None and (codes.plover, codes.mode, codes.cameo) == (plover, mode, cameo)


def test_holds_role_is_no_event() -> None:
    assert codes_of(Relation.HOLDS_ROLE) is None and len(code_table().categories) == 16


@pytest.mark.parametrize(("relation", "field", "value", "message"), [
    ("VISITED", "mode", "phone-in", "not a mode"),
    ("VISITED", "cameo", "16", "does not translate"),
    ("VISITED", "plover", "GREET", "not a PLOVER category"),
])
def test_a_table_contradicting_plover_is_refused(tmp_path: Path, relation: str, field: str, value: str,
                                                 message: str) -> None:
    data = yaml.safe_load(CODES_FILE.read_text(encoding="utf-8"))
    data["relations"][relation][field] = value
    path = tmp_path / "codes.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_codes(path)


def test_a_relation_left_out_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(CODES_FILE.read_text(encoding="utf-8"))
    del data["relations"]["TRAINS"]
    path = tmp_path / "codes.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="TRAINS"):
        load_codes(path)


def test_the_category_stored_on_claims_is_the_code_tables() -> None:
    assert {r: c.plover for r, c in code_table().relations.items() if c} == PLOVER
