"""Who supplies, trains and visits when the sentence names it only by structure. Invented sentences:

- a supply noun with no supplier before it and a registry weapon after it: the weapon's maker's state supplies;
- "the training of Ghanaian pilots in Egypt": the state after the locative word trains the origin adjective's;
- a person does not visit the state of their own office: the guest named before the visit noun does.
"""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The delivery of Bayraktar TB2 drones to Kenya began in May."),
    ("fr", "La livraison de drones Bayraktar TB2 au Kenya a commencé en mai."),
])
def test_the_weapons_maker_supplies_when_no_supplier_is_named(lang: str, text: str) -> None:
    assert ("TUR", "SUPPLIES_ARMS_TO", "KEN") in triples(extract_text(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The plan covers the training of Ghanaian pilots in Egypt."),
    ("fr", "Le ministre a annoncé la formation de pilotes ghanéens en Égypte."),
    ("es", "El plan prevé la formación de pilotos chilenos en Brasil."),
])
def test_trainees_origin_and_the_place_of_training(lang: str, text: str) -> None:
    got = {(s, o) for s, rel, o in triples(extract_text(text, lang)) if rel == "TRAINS"}
    assert len(got) == 1 and next(iter(got))[0] in {"EGY", "BRA"} and next(iter(got))[1] in {"GHA", "CHL"}


def test_instructors_of_a_state_keep_training_where_they_are() -> None:
    got = triples(extract_text("Turkish instructors train Libyan pilots in Tripoli.", "en"))
    assert ("TUR", "TRAINS", "LBY") in got
    assert ("LBY", "TRAINS", "LBY") not in got


def test_a_host_does_not_visit_his_own_state() -> None:
    text = ("Le président ghanéen Kofi Mensah a reçu mercredi le ministre turc de la Défense, Ali Demir, "
            "en visite officielle au Ghana.")
    visits = {(s, o) for s, rel, o in triples(extract_text(text, "fr")) if rel == "VISITED"}
    assert visits == {("per:ali-demir", "GHA")}


@pytest.mark.parametrize(("lang", "text", "fact"), [
    ("id", "Malaysia membeli tiga kapal patroli dari perusahaan Turki.", ("TUR", "SUPPLIES_ARMS_TO", "MYS")),
    ("es", "Chile compró fusiles de la empresa brasileña.", ("BRA", "SUPPLIES_ARMS_TO", "CHL")),
])
def test_a_seller_named_by_its_company_noun_is_its_state(lang: str, text: str, fact: tuple[str, str, str]) -> None:
    assert fact in triples(extract_text(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Глава хунты Гвинеи Кофи Мбемба посетил Москву."),
    ("id", "Pemimpin junta Guinea Kofi Mbemba mengunjungi Moskow."),
    ("es", "El líder de la junta de Guinea Kofi Mbemba visitó Moscú."),
])
def test_a_junta_leader_title_names_the_head_of_that_states_armed_forces(lang: str, text: str) -> None:
    got = triples(extract_text(text, lang))
    assert any(rel == "HOLDS_ROLE" and o == "org:armed-forces-gin" for _, rel, o in got)
    assert any(rel == "VISITED" and o == "RUS" for _, rel, o in got)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Noruega sancionó a cinco funcionarios ghaneses, incluido el ministro de Defensa de Ghana, Kofi Mensah."),
    ("fr", "La Norvège a sanctionné cinq responsables ghanéens, dont le ministre ghanéen de la Défense, Kofi Mensah."),
    ("en", "Norway sanctioned five Ghanaian officials, including Ghana's Defence Minister Kofi Mensah."),
])
def test_a_group_member_named_after_an_inclusion_word_and_a_title_is_the_target(lang: str, text: str) -> None:
    got = triples(extract_text(text, lang))
    assert ("NOR", "SANCTIONED", "per:kofi-mensah") in got
    assert ("NOR", "SANCTIONED", "GHA") not in got


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway helped Kenya with the training of coast guards."),
    ("fr", "La Norvège a aidé le Kenya dans la formation de ses garde-côtes."),
    ("id", "Norwegia membantu Kenya dalam pelatihan penjaga pantai."),
    ("es", "Noruega ayudó a Kenia en la formación de sus guardacostas."),
])
def test_the_helped_actor_is_trained_by_the_helper(lang: str, text: str) -> None:
    got = triples(extract_text(text, lang))
    assert ("NOR", "TRAINS", "KEN") in got
    assert ("KEN", "TRAINS", "NOR") not in got
