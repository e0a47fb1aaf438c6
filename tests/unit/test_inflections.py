"""Trigger verbs given by lemma (``loaders/data/lang/<code>/lemmas.yaml``) match every inflected form, from the
generated ``inflected.yaml`` (scripts/import_inflections.py, simplemma's dictionaries); a contract partner
sells what the signer buys; a partner after "with" receives no supply. Invented sentences."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.factories import extract_text, script_module, triples

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    return script_module("import_inflections")


def test_rerunning_the_import_changes_no_byte() -> None:
    mod = _script()
    for code in ("de", "es", "fr", "it", "pt"):
        path = ROOT / "loaders" / "data" / "lang" / code / "inflected.yaml"
        assert mod.inflected(code) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("es", "Noruega capacitará a pilotos chilenos.", ("NOR", "TRAINS", "CHL")),
    ("es", "Kenia suministrará drones a Uganda.", ("KEN", "SUPPLIES_ARMS_TO", "UGA")),
    ("es", "Perú sancionaba a Bolivia desde 2019.", ("PER", "SANCTIONED", "BOL")),
    ("fr", "La Norvège fournira des drones au Kenya.", ("NOR", "SUPPLIES_ARMS_TO", "KEN")),
    ("fr", "Le Ghana condamnait le Togo.", ("GHA", "CRITICIZED", "TGO")),
    ("de", "Schweden verkaufte Kampfjets an Chile.", ("SWE", "SUPPLIES_ARMS_TO", "CHL")),
    ("pt", "A Noruega fornecerá drones ao Quênia.", ("NOR", "SUPPLIES_ARMS_TO", "KEN")),
    ("it", "La Norvegia fornirà droni al Kenya.", ("NOR", "SUPPLIES_ARMS_TO", "KEN")),
])
def test_an_inflected_form_of_a_lemma_triggers(lang: str, text: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


def test_a_first_person_form_in_a_quote_is_no_trigger() -> None:
    text = "«Apoyamos al pueblo chileno», dijo el ministro de Defensa de Perú, Luis Quispe."
    assert not any(rel == "SUPPORTS" for _, rel, _ in triples(extract_text(text, "es")))


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Chile firmó un contrato con Suecia para la compra de 24 cazas."),
    ("en", "Chile signed a contract with Sweden for the purchase of 24 fighter jets."),
    ("id", "Chile menandatangani kontrak dengan Swedia untuk pembelian 24 jet tempur."),
])
def test_the_contract_partner_sells_what_the_signer_buys(lang: str, text: str) -> None:
    got = triples(extract_text(text, lang))
    assert ("SWE", "SUPPLIES_ARMS_TO", "CHL") in got
    assert ("CHL", "SUPPLIES_ARMS_TO", "SWE") not in got


def test_a_source_named_after_the_purchase_beats_the_contract_partner() -> None:
    got = triples(extract_text("Chile signed a deal with Peru to buy tanks from Sweden.", "en"))
    assert ("SWE", "SUPPLIES_ARMS_TO", "CHL") in got
    assert ("PER", "SUPPLIES_ARMS_TO", "CHL") not in got


def test_a_partner_after_with_receives_no_supply() -> None:
    text = "Chile hat mit Schweden einen Vertrag über die Lieferung von Panzern unterzeichnet."
    assert not any(rel == "SUPPLIES_ARMS_TO" for _, rel, _ in triples(extract_text(text, "de")))
