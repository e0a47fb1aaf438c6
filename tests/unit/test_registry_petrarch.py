"""Intergovernmental organisations imported from PETRARCH2's Phoenix dictionary (loaders/registry_petrarch.py,
generated loaders/data/actors/generated/organizations.json): parsed from TABARI entries, office holders and
categories left out, near spellings of a known organisation merged into it. Invented text."""

from __future__ import annotations

from graph_schema.model import Relation
from loaders.registry import load_registry
from loaders.registry_petrarch import load_petrarch_rules, organisations, parse_entries
from tests.factories import extract_text

TABARI = """\
GREEN_RIVER_COMMISSION [IGOGRC]
+GRC_COMMISSION
+GREEN_RIVER_JOINT_COMMISSION
INTERNATIONAL_GOVERNMENT_ORGANIZATION [IGO]
GRC_SECRETARY_GENERAL [IGOGRC 980101-051231]
GREEN_RIVER_COMMISSION_OFFICIALS [IGOGRC]
ORANGE_TRADERS_GUILD [NGO]  # not an IGO code
"""


def test_tabari_entries_keep_organisations_only() -> None:
    orgs = organisations(parse_entries(TABARI), load_petrarch_rules())
    assert [(o.id, o.name, [a.casefold() for a in o.aliases]) for o in orgs] == [
        ("org:igo-green-river-commission", "Green River Commission",
         ["grc commission", "green river joint commission"])]  # upper-case dictionary names: case is lost


def test_an_imported_organisation_is_an_actor() -> None:
    facts = extract_text("The International Atomic Energy Agency criticised Iran on Monday.", "en").facts
    assert (Relation.CRITICIZED, "org:igo-international-atomic-energy-agency", "IRN") in {
        (f.relation, f.subject, f.object) for f in facts}


def test_near_spellings_and_hand_written_organisations_are_not_duplicated() -> None:
    reg = load_registry()
    igo = {a.id for a in reg.actors.values() if a.id.startswith("org:igo-")}
    assert "org:igo-the-united-nations" not in igo  # "The United Nations": the hand-written UN
    assert len({"org:igo-secretariat-of-the-un", "org:igo-un-secretariat",
                "org:igo-united-nations-secretariat"} & igo) <= 1
    assert not any("asian-nations" in i or "asia-nations" in i for i in igo)  # ASEAN is hand-written
