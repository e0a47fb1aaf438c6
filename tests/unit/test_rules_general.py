"""General argument, modality, date and role rules (rules.v1), on sentences written for these tests."""

from __future__ import annotations

import pytest

from graph_schema.model import Modality, Relation
from loaders.models import ArticleExtraction
from tests.factories import article, extract_text, mentions_of


def run(text: str, lang: str = "en") -> ArticleExtraction:
    """This module's sentences are in 'en' unless they say otherwise."""
    return extract_text(text, lang)


def of(ex: ArticleExtraction, rel: Relation) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in ex.facts if f.relation == rel}


# --- purchase triggers: buyer = recipient, seller after a source word (or the weapon's maker) -------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Vietnam purchased Su-30 jets from Russia last year.", "en", ("RUS", "VNM")),
        ("Pembelian jet Rafale oleh Indonesia akhirnya disetujui parlemen.", "id", ("FRA", "IDN")),
        ("Malaysia membeli sistem rudal dari Tiongkok.", "id", ("CHN", "MYS")),
        ("L'Égypte a commandé des Rafale l'an dernier.", "fr", ("FRA", "EGY")),
    ],
)
def test_purchase_roles(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert of(run(text, lang), Relation.SUPPLIES_ARMS_TO) == {expected}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the state next to a purchase noun is a witness here; the weapon's maker is that same state
        ("Prancis menyaksikan pembelian jet Rafale di Jakarta.", "id"),
        # an actor after a purchase trigger with no source word is neither buyer nor seller
        ("India announced the purchase of new helicopters at a fair in Brazil.", "en"),
    ],
)
def test_purchase_without_a_seller_gives_no_supply(text: str, lang: str) -> None:
    assert not of(run(text, lang), Relation.SUPPLIES_ARMS_TO)


def test_origin_adjective_of_a_supply_noun_is_the_supplier() -> None:
    ex = run("Kazakhstan and Egypt discussed the delivery of Russian S-400 systems to Egypt.", "en")
    assert ("RUS", "EGY") in of(ex, Relation.SUPPLIES_ARMS_TO)
    assert ("KAZ", "RUS") not in of(ex, Relation.SUPPLIES_ARMS_TO)


# --- accusations are withheld -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Turkey was accused of supplying drones to Azerbaijan.", "en"),
        ("La Turquie a été accusée d'avoir livré des armes à l'Azerbaïdjan.", "fr"),
        ("Turki dituduh memasok senjata ke Azerbaijan.", "id"),
        ("Turquía fue acusada de suministrar armas a Azerbaiyán.", "es"),
    ],
)
def test_accused_supply_is_withheld_as_alleged(text: str, lang: str) -> None:
    ex = run(text, lang)
    assert not of(ex, Relation.SUPPLIES_ARMS_TO)
    assert [f.status for f in ex.withheld if f.relation == Relation.SUPPLIES_ARMS_TO] == [Modality.ALLEGED]


def test_asserted_supply_is_a_fact() -> None:
    assert of(run("Turkey supplied drones to Azerbaijan.", "en"), Relation.SUPPLIES_ARMS_TO) == {("TUR", "AZE")}


# --- relative clauses keep their arguments and dates ----------------------------------------------


def test_date_in_a_relative_clause_dates_only_the_clause() -> None:
    ex = run("Amerika Serikat mengecam Rusia karena mendukung junta militer Myanmar, yang merebut kekuasaan "
             "dalam kudeta 1 Februari, dalam forum itu.", "id")
    crit = next(f for f in ex.facts if f.relation == Relation.CRITICIZED)
    assert (crit.subject, crit.object, crit.date) == ("USA", "RUS", None)
    coup = next(f for f in ex.facts if f.relation == Relation.SEIZED_POWER_IN)
    assert coup.date == "2023-02-01"


def test_actor_in_a_relative_clause_is_no_argument_outside_it() -> None:
    ex = run("AS menjatuhkan sanksi terhadap negara mana pun yang membeli senjata dari Rusia.", "id")
    assert not of(ex, Relation.SANCTIONED)
    assert not of(ex, Relation.SUPPLIES_ARMS_TO)


def test_trigger_noun_heading_a_relative_clause_keeps_its_arguments() -> None:
    ex = run("Menteri itu memuji kerja sama yang dibangun antara Prancis dan Indonesia.", "id")
    assert {frozenset(p) for p in of(ex, Relation.COOPERATES_WITH)} == {frozenset({"FRA", "IDN"})}


# --- pledges are announced, not happened ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rusia berkomitmen untuk memperkuat hubungan militer dengan Laos.", "id"),
        ("Russia pledged to deepen military cooperation with Laos.", "en"),
    ],
)
def test_pledged_cooperation_is_announced(text: str, lang: str) -> None:
    coop = [f for f in run(text, lang).facts if f.relation == Relation.COOPERATES_WITH]
    assert [f.status for f in coop] == [Modality.ANNOUNCED]


def test_cooperation_without_pledge_happened() -> None:
    coop = [f for f in run("Rusia memperkuat hubungan militer dengan Laos.", "id").facts
            if f.relation == Relation.COOPERATES_WITH]
    assert [f.status for f in coop] == [Modality.HAPPENED]


# --- sanctions: lists of targets, the sanctioning actor carried over ------------------------------


def test_sanction_targets_listed_in_a_later_sentence_keep_the_sanctioning_actor() -> None:
    ex = run("The European Union imposed new sanctions on Iran on Monday.\n"
             "The sanctions target Mohammad Bagheri and Shahed Aviation Industries.", "en")
    assert {("org:eu", "IRN"), ("org:eu", "per:mohammad-bagheri")} <= of(ex, Relation.SANCTIONED)
    assert len({o for s, o in of(ex, Relation.SANCTIONED) if s == "org:eu"}) == 3


def test_comma_and_continues_a_list_of_targets_not_a_new_clause() -> None:
    ex = run("The European Union imposed new sanctions on Iran on Monday.\n"
             "The sanctions target Mohammad Bagheri, and Shahed Aviation Industries.", "en")
    assert ("org:shahed-aviation", "per:mohammad-bagheri") not in of(ex, Relation.SANCTIONED)
    assert ("org:eu", "org:shahed-aviation") in of(ex, Relation.SANCTIONED)


def test_no_sanctioning_actor_no_sanction() -> None:
    ex = run("The sanctions target Mohammad Bagheri and Shahed Aviation Industries.", "en")
    assert not of(ex, Relation.SANCTIONED)


# --- meetings, coordinated parties, one state's own forces ----------------------------------------


def test_phone_call_is_no_meeting() -> None:
    assert not of(run("Lloyd Austin spoke with Rajnath Singh by phone on Monday.", "en"), Relation.MET_WITH)


def test_coordinated_signatories_sign_with_each_other_not_with_their_own_navy() -> None:
    ex = run("India and the Philippines signed a deal for the sale of BrahMos missiles to the Philippine Navy.",
             "en")
    assert {frozenset(p) for p in of(ex, Relation.SIGNED_AGREEMENT_WITH)} == {frozenset({"IND", "PHL"})}
    assert ("PHL", "org:navy-phl") not in of(ex, Relation.SUPPLIES_ARMS_TO)


def test_speaker_after_verb_and_article_is_no_argument() -> None:
    ex = run("Es ging um die Unterstützung der Ukraine, erklärte das Bundesverteidigungsministerium.", "de")
    assert not of(ex, Relation.COOPERATES_WITH)


def test_subject_after_a_comma_must_open_the_main_clause() -> None:
    ex = run("En plus d'un soutien politique, la Turquie a livré des armes à Bakou, notamment des drones "
             "utilisés contre l'Arménie.", "fr")
    assert ("ARM", "TUR") not in of(ex, Relation.SUPPORTS)
    assert ("TUR", "AZE") in of(ex, Relation.SUPPLIES_ARMS_TO)


# --- roles -------------------------------------------------------------------------------------


def test_registry_person_without_title_states_no_role() -> None:
    # issue #9 item 8: a registry role the text does not state is not a fact of the article
    ex = run("Olaf Scholz traf Emmanuel Macron in Berlin.", "de")  # published 2023-03-15
    assert not any(s == "per:olaf-scholz" for s, _ in of(ex, Relation.HOLDS_ROLE))


def test_role_ended_before_the_article_date_is_not_held() -> None:
    ex = run("Imran Khan met Xi Jinping in Beijing.", "en")  # his premiership ended in 2022
    assert not any(s == "per:imran-khan" for s, _ in of(ex, Relation.HOLDS_ROLE))


def test_ambassador_to_a_state_holds_the_role_of_the_sending_state() -> None:
    ex = run("Russian Ambassador to Laos Pavel Sergeyev said the talks went well.", "en")
    assert of(ex, Relation.HOLDS_ROLE) == {("per:pavel-sergeyev", "RUS")}


def test_generational_suffix_belongs_to_the_name() -> None:
    art = article("Lloyd Austin III met Rajnath Singh.", "en")
    austin = next(m for m in mentions_of(art) if m.entity_id == "per:lloyd-austin")
    assert austin.surface == "Lloyd Austin III"
    roman_numeral_word = article("Lloyd Austin Invited Rajnath Singh.", "en")
    assert next(m for m in mentions_of(roman_numeral_word)
                if m.entity_id == "per:lloyd-austin").surface == "Lloyd Austin"


# --- ships: a ship stands for its fleet or navy, never for itself --------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Two Russian warships docked in Vietnam.", "en", ("org:navy-rus", "VNM")),
        ("The Pacific Fleet began a long cruise.\nTwo Russian corvettes docked in Vietnam.", "en",
         ("org:pacific-fleet-rus", "VNM")),
        ("The corvette Gromky docked in Vietnam.", "en", ("org:pacific-fleet-rus", "VNM")),
        ("Dua kapal perang Rusia bersandar di Surabaya.", "id", ("org:navy-rus", "IDN")),
    ],
)
def test_a_ship_calling_at_a_port_is_its_fleet_or_navy(text: str, lang: str, expected: tuple[str, str]) -> None:
    ex = run(text, lang)
    assert of(ex, Relation.VISITED) == {expected}
    assert not any(f.subject.startswith("wpn:") for f in ex.facts)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Two warships docked in Vietnam.", "en"),  # no state: whose navy is unknown
        ("Vietnam received two Russian-built warships.", "en"),  # not a port call
    ],
)
def test_ships_without_a_state_or_a_call_give_no_visit(text: str, lang: str) -> None:
    assert not of(run(text, lang), Relation.VISITED)


# --- long title chains: unit names, brackets and ranks between a title and the name -----------------


def test_a_title_chain_up_to_a_rank_gives_the_name_after_it() -> None:
    text = "Kepala Pusat Penerangan (Kapuspen) TNI Angkatan Laut Laksamana Pertama TNI Budi Santoso menyambut tamu."
    budi = next(m for m in mentions_of(article(text, "id")) if m.entity_id == "per:budi-santoso")
    assert budi.role_org == "org:navy-idn"


def test_a_title_chain_without_a_rank_discovers_no_person() -> None:
    text = "Kepala Pusat Penerangan TNI Angkatan Laut menyambut tamu itu."
    assert not [m for m in mentions_of(article(text, "id")) if m.entity_id.startswith("per:")]


# --- German: capitalised noun triggers, clause-final verbs --------------------------------------------


def test_a_german_noun_trigger_must_be_capitalised() -> None:
    # "treffen" (verb: hit) is no "Treffen" (meeting)
    assert not of(run("Die Sanktionen treffen Olaf Scholz und Emmanuel Macron.", "de"), Relation.MET_WITH)
    assert of(run("Nach dem Treffen von Olaf Scholz mit Emmanuel Macron gab es Fragen.", "de"), Relation.MET_WITH)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Olaf Scholz hat in Paris den Präsidenten Emmanuel Macron getroffen.",
         ("per:olaf-scholz", "per:emmanuel-macron")),
        ("Zugleich kündigten Polen und Dänemark an, weitere Panzer an die Ukraine zu liefern.", None),
    ],
)
def test_a_clause_final_german_verb_has_both_actors_before_it(text: str, expected: tuple[str, str] | None) -> None:
    ex = run(text, "de")
    if expected is not None:
        assert {frozenset(p) for p in of(ex, Relation.MET_WITH)} == {frozenset(expected)}
    else:
        assert of(ex, Relation.SUPPLIES_ARMS_TO) == {("POL", "UKR"), ("DNK", "UKR")}


def test_a_clause_final_verb_does_not_turn_a_companion_into_a_destination() -> None:
    ex = run("Olaf Scholz zeigte ein Foto mit Emmanuel Macron: Der Panzer ist angekommen.", "de")
    assert not of(ex, Relation.VISITED)


def test_the_head_of_an_agency_named_with_its_ministry_holds_a_role_of_the_ministry() -> None:
    ex = run("Kontrak diteken Kepala Badan Logistik (Kabalog) Kemenhan Marsda Agus Wibowo kemarin.", "id")
    assert ("per:agus-wibowo", "org:defence-ministry-idn") in of(ex, Relation.HOLDS_ROLE)


# --- a stated right, a capacity or a threat is no sanction ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Under the new law the United States has the right to impose sanctions on Vietnam.", "en"),
        ("Washington threatened to impose sanctions on Vietnam.", "en"),
        ("Undang-undang itu menyatakan AS berhak menjatuhkan sanksi terhadap Vietnam.", "id"),
        ("AS mengancam menjatuhkan sanksi terhadap Vietnam.", "id"),
    ],
)
def test_right_or_threat_to_sanction_is_withheld(text: str, lang: str) -> None:
    ex = run(text, lang)
    assert not of(ex, Relation.SANCTIONED)
    assert [f.status for f in ex.withheld if f.relation == Relation.SANCTIONED] == [Modality.PLANNED]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("The United States imposed sanctions on Vietnam.", "en"), ("AS menjatuhkan sanksi terhadap Vietnam.", "id")],
)
def test_imposed_sanctions_stay_a_fact(text: str, lang: str) -> None:
    assert of(run(text, lang), Relation.SANCTIONED) == {("USA", "VNM")}


# --- a partner after "with"/"dengan" is not the subject of a trigger -----------------------------


def test_partner_after_comitative_is_not_the_attendee() -> None:
    ex = run("Kehadiran kapal itu untuk mengikuti latihan bersama dengan TNI AL di Laut Jawa.", "id")
    assert not of(ex, Relation.ATTENDED)


def test_attendee_before_the_trigger_still_attends_with_its_partner() -> None:
    ex = run("TNI AL mengikuti latihan bersama dengan Angkatan Laut Rusia di Laut Jawa.", "id")
    assert {s for s, _ in of(ex, Relation.ATTENDED)} == {"org:navy-idn"}


# --- one person spelt two ways in an article is one person -----------------------------------------


def test_respelt_discovered_person_is_the_same_person() -> None:
    ex = run("Indian envoy Shambhu Kumaran attended the talks.\nLater the Indian ambassador Sambhu Kumaran "
             "spoke to reporters.", "en")
    assert [f.subject for f in ex.facts if f.relation == Relation.HOLDS_ROLE] == ["per:shambhu-kumaran"]


def test_different_people_with_close_names_stay_apart() -> None:
    ex = run("The Chinese envoy Li Wenhao spoke first.\nLater the Chinese ambassador Li Wenbo spoke.", "en")
    assert {f.subject for f in ex.facts if f.relation == Relation.HOLDS_ROLE} == {"per:li-wenhao", "per:li-wenbo"}


# --- a year inside a name is not the date of the sentence ------------------------------------------


def test_year_in_an_exercise_name_is_not_the_date() -> None:
    ex = run("On June 2, Vietnam and Japan expanded their cooperation at the Shangri-La Dialogue 2022.", "en")
    assert {f.date for f in ex.facts if f.relation == Relation.COOPERATES_WITH} == {"2022-06-02"}


def test_plain_year_still_dates_the_sentence() -> None:
    ex = run("Vietnam and Japan signed a defence agreement in 2021.", "en")
    assert [f.date for f in ex.facts if f.relation == Relation.SIGNED_AGREEMENT_WITH] == ["2021"]


# --- "Attaché X from the Russian embassy": the state after the name is the title's ----------------


def test_affiliation_after_the_name_gives_the_title_its_state() -> None:
    ex = run("Defence attaché Ivan Petrov of the Russian embassy in Laos said on Friday that talks would resume.")
    assert ("per:ivan-petrov", "RUS") in of(ex, Relation.HOLDS_ROLE)


def test_title_without_affiliation_states_no_role_tie() -> None:
    ex = run("Military attaché Ivan Petrov visited the base in Laos.")
    assert not of(ex, Relation.HOLDS_ROLE)


# --- a visit stated as a noun with its visitor after it ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Dalam kunjungan Presiden Vietnam Vo Van Thuong ke Jepang, kedua negara membahas perdagangan.", "id",
         ("per:vo-van-thuong", "JPN")),
        ("L'accord a été annoncé à l'occasion du déplacement en Égypte du président vietnamien Vo Van Thuong, "
         "invité de marque.", "fr", ("per:vo-van-thuong", "EGY")),
    ],
)
def test_visit_noun_takes_its_visitor_from_after_it(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in of(run(text, lang), Relation.VISITED)


def test_visit_noun_without_a_visitor_after_it_states_no_visit() -> None:
    assert not of(run("Kunjungan itu berlangsung tiga hari di Jepang.", "id"), Relation.VISITED)


# --- "A, after talks with B, said": B is the partner, not the speaker ------------------------------


def test_actor_after_a_preposition_before_a_speech_verb_is_no_speaker() -> None:
    ex = run("Presiden Vietnam Vo Van Thuong, seusai pertemuan dengan Perdana Menteri Jepang Kenji Sato, "
             "mengatakan hal itu.", "id")
    pairs = of(ex, Relation.MET_WITH)
    assert ("per:vo-van-thuong", "per:kenji-sato") in pairs or ("per:kenji-sato", "per:vo-van-thuong") in pairs


def test_speaker_after_a_quote_is_still_no_object() -> None:
    ex = run("Pertemuan itu penting, kata Perdana Menteri Jepang Kenji Sato.", "id")
    assert not of(ex, Relation.MET_WITH)


# --- a joint pledge of coordinated parties is cooperation ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Vietnamese and Japanese governments agreed to establish two new training centres.", "en"),
        ("Vietnam dan Jepang sepakat membangun pusat pelatihan baru.", "id"),
    ],
)
def test_joint_pledge_is_agreed_cooperation(text: str, lang: str) -> None:
    ex = run(text, lang)
    assert of(ex, Relation.COOPERATES_WITH) in ({("VNM", "JPN")}, {("JPN", "VNM")})
    assert {f.status for f in ex.facts if f.relation == Relation.COOPERATES_WITH} == {Modality.AGREED}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vietnam agreed to buy new patrol boats.", "en"),  # one party alone pledges nothing to another
        ("Vietnam and Japan did not agree to establish new bases.", "en"),
    ],
)
def test_pledge_without_two_parties_or_denied_is_no_cooperation(text: str, lang: str) -> None:
    assert not of(run(text, lang), Relation.COOPERATES_WITH)
