"""Romance purchase verbs name their seller as the indirect object ("A compró fragatas a B", "A a acheté des
chasseurs à la B", ``seller_preps``), and a source word counts past an article ("auprès de la France");
right after the verb the same word marks a person or group received, no seller (invented sentences)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile compró cuatro fragatas a Francia en 2019.", "es"),
    ("Chile adquirió fragatas a la India.", "es"),
    ("O Chile comprou quatro fragatas à França em 2019.", "pt"),
    ("Le Chili a acheté quatre frégates à la France en 2019.", "fr"),
    ("Il Cile ha comprato quattro fregate alla Francia nel 2019.", "it"),
])
def test_the_indirect_object_of_a_purchase_sells(text: str, lang: str) -> None:
    sold = {(s, o) for s, r, o in triples(extract_text(text, lang)) if r == "SUPPLIES_ARMS_TO"}
    assert len(sold) == 1
    ((seller, buyer),) = sold
    assert buyer == "CHL"
    assert seller in {"FRA", "IND"}


def test_a_source_word_counts_past_an_article() -> None:
    assert ("FRA", "SUPPLIES_ARMS_TO", "CHL") in triples(
        extract_text("Le Chili a acheté des frégates auprès de la France.", "fr"))


@pytest.mark.parametrize(("text", "lang"), [
    ("Venezuela recibió a una delegación rusa.", "es"),
    ("Le Maroc a reçu à Rabat une délégation française.", "fr"),
    ("Chile compró fragatas; a Perú no le gustó.", "es"),
])
def test_a_person_received_or_another_clause_names_no_seller(text: str, lang: str) -> None:
    assert not [t for t in triples(extract_text(text, lang)) if t[1] == "SUPPLIES_ARMS_TO"]


@pytest.mark.parametrize("text", [
    "Norwegen hat Chile nach Angaben des Außenministeriums mehrere Patrouillenboote geliefert.",
    "Norwegen hat Chile dem Außenministerium zufolge mehrere Patrouillenboote geliefert.",
    "Norwegen hat laut der Regierung Patrouillenboote an Chile geliefert.",
])
def test_a_german_attribution_is_no_actor_of_a_clause_final_verb(text: str) -> None:
    sold = {t for t in triples(extract_text(text, "de")) if t[1] == "SUPPLIES_ARMS_TO"}
    assert sold == {("NOR", "SUPPLIES_ARMS_TO", "CHL")}


@pytest.mark.parametrize(("text", "lang", "sold"), [
    ("Chile compró fragatas, a pesar de las críticas de Perú.", "es", set()),
    ("Chile bought frigates, despite protests from Peru.", "en", set()),
    ("Chile bought, in 2019, frigates from France.", "en", {("FRA", "SUPPLIES_ARMS_TO", "CHL")}),
])
def test_a_seller_stands_in_the_purchase_clause(text: str, lang: str, sold: set[tuple[str, str, str]]) -> None:
    assert {t for t in triples(extract_text(text, lang)) if t[1] == "SUPPLIES_ARMS_TO"} == sold
