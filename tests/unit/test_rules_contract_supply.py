""""A signed a contract with B for the delivery of X": of the signer and its partner, the company supplies the
other; two states (or two companies) say nothing of who delivers (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Hanwha Aerospace Co. signed a contract with Lithuania for the delivery of artillery ammunition.", "en",
     ("org:hanwha-aerospace", "SUPPLIES_ARMS_TO", "LTU")),
    ("Lithuania signed a contract with Hanwha Aerospace Co. for the delivery of artillery ammunition.", "en",
     ("org:hanwha-aerospace", "SUPPLIES_ARMS_TO", "LTU")),
    ("La Lituanie a signé avec le groupe Nexter un contrat pour la livraison de canons Caesar.", "fr",
     ("org:nexter", "SUPPLIES_ARMS_TO", "LTU")),
    ("Colombia firmó con la empresa Saab AB un contrato para el suministro de cazas.", "es",
     ("org:saab-ab", "SUPPLIES_ARMS_TO", "COL")),
])
def test_the_company_of_a_supply_contract_supplies(text: str, lang: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


def test_a_contract_of_two_states_names_no_supplier() -> None:
    facts = triples(extract_text("Poland signed a contract with Lithuania for the delivery of artillery "
                                 "ammunition.", "en"))
    assert not [t for t in facts if t[1] == "SUPPLIES_ARMS_TO"]
