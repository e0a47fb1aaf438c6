"""rules.v2: people and their stated roles, lists of sanctioned people and firms, and what counts as a
stated role (loaders/mentions/lists.py, titles.py; loaders/facts/lists.py, roles.py).

Sentences, people and firms are invented; the states are any states.
"""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from tests.unit.test_rules_general import of, run

# --- lists after a marker: "<Name>, <title>; <Name>, <title>" --------------------------------------------


LISTS = [
    ("Canada imposed sanctions on Cuba on Monday.\n"
     "Among those sanctioned are Pedro Alvarez Rojas, a deputy finance minister of Cuba; Marta Ines Cabrera, "
     "head of the customs agency; and Julio Cesar Ferrer, mayor of Holguin.", "en", "CAN", "CUB",
     ["per:pedro-alvarez-rojas", "per:marta-ines-cabrera", "per:julio-cesar-ferrer"]),
    ("Japón impuso sanciones contra Bolivia.\n"
     "Entre los sancionados figuran Ramiro Quispe Mamani, viceministro de Minería de Bolivia; Elena Choque "
     "Flores, directora de aduanas y Mario Cruz Vaca, alcalde de Oruro.", "es", "JPN", "BOL",
     ["per:ramiro-quispe-mamani", "per:elena-choque-flores", "per:mario-cruz-vaca"]),
    ("Kanada verhängte Sanktionen gegen Kuba.\n"
     "Zu den betroffenen Personen zählen Pedro Alvarez Rojas, Vizeminister der Finanzen Kubas; Marta Ines "
     "Cabrera, Chefin der Zollbehörde.", "de", "CAN", "CUB",
     ["per:pedro-alvarez-rojas", "per:marta-ines-cabrera"]),
    ("Le Canada a imposé des sanctions contre Cuba.\n"
     "Parmi les personnes sanctionnées figurent Pedro Alvarez Rojas, vice-ministre des Finances de Cuba ; "
     "Marta Ines Cabrera, directrice des douanes.", "fr", "CAN", "CUB",
     ["per:pedro-alvarez-rojas", "per:marta-ines-cabrera"]),
]


@pytest.mark.parametrize(("text", "lang", "actor", "state", "people"), LISTS)
def test_listed_people_are_sanctioned_by_the_actor_before(text: str, lang: str, actor: str, state: str,
                                                           people: list[str]) -> None:
    sanctioned = of(run(text, lang), Relation.SANCTIONED)
    assert {(actor, p) for p in people} <= sanctioned


@pytest.mark.parametrize(("text", "lang", "actor", "state", "people"), LISTS)
def test_listed_titles_share_the_state_the_list_names(text: str, lang: str, actor: str, state: str,
                                                      people: list[str]) -> None:
    assert {(p, state) for p in people} <= of(run(text, lang), Relation.HOLDS_ROLE)


def test_a_state_alias_inside_a_listed_name_is_part_of_the_name() -> None:
    text = ("Canada imposed sanctions on Cuba.\n"
            "Among those sanctioned are Luis Chad Moreno, a deputy minister of Cuba; Ana Peru Salas, a judge.")
    ex = run(text, "en")
    assert {("CAN", "per:luis-chad-moreno"), ("CAN", "per:ana-peru-salas")} <= of(ex, Relation.SANCTIONED)
    assert not any(o in ("TCD", "PER") for _, o in of(ex, Relation.SANCTIONED))


def test_a_list_without_an_earlier_sanction_sanctions_nobody() -> None:
    text = "Among those sanctioned are Pedro Alvarez Rojas, a deputy finance minister; Marta Ines Cabrera, a judge."
    assert of(run(text, "en"), Relation.SANCTIONED) == set()


def test_a_listed_firm_after_a_company_noun_is_sanctioned() -> None:
    text = ("Die EU hat am Montag Sanktionen gegen Kuba verhängt.\n"
            "Unter den betroffenen Unternehmen ist die staatseigene Firma Nordwerk, ein großer Hersteller.")
    assert ("org:eu", "org:nordwerk") in of(run(text, "de"), Relation.SANCTIONED)


def test_a_possessor_before_a_kinship_noun_is_no_listed_target() -> None:
    text = ("Canada imposed sanctions on Cuba.\n"
            "Those sanctioned include Alexander Lukashenko's son Pavlik; Marta Ines Cabrera, a judge of Cuba.")
    sanctioned = of(run(text, "en"), Relation.SANCTIONED)
    assert ("CAN", "per:marta-ines-cabrera") in sanctioned
    assert not any("lukashenko" in o for _, o in sanctioned)


# --- what counts as a stated role (issue #9 item 8) -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The coalition led by Olaf Scholz approved the budget on Monday.", "en"),
        ("El gobierno que encabeza Olaf Scholz aprobó el presupuesto.", "es"),
        ("La coalition dirigée par Olaf Scholz a approuvé le budget.", "fr"),
        ("Koalisi yang dipimpin oleh Olaf Scholz menyetujui anggaran itu.", "id"),
    ],
)
def test_a_verb_of_leading_states_the_registry_role(text: str, lang: str) -> None:
    assert ("per:olaf-scholz", "DEU") in of(run(text, lang), Relation.HOLDS_ROLE)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Olaf Scholz met Emmanuel Macron in Lisbon.", "en"),
        ("Olaf Scholz se reunió con Emmanuel Macron en Lisboa.", "es"),
        ("Olaf Scholz traf Emmanuel Macron in Lissabon.", "de"),
    ],
)
def test_a_registry_role_the_text_does_not_state_is_no_fact(text: str, lang: str) -> None:
    assert of(run(text, lang), Relation.HOLDS_ROLE) == set()


def test_an_undated_article_states_no_registry_role() -> None:
    from tests.factories import extract_text
    ex = extract_text("The coalition led by Olaf Scholz approved the budget.", "en", published=None)
    assert of(ex, Relation.HOLDS_ROLE) == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ukrainian Defence Minister Olexi Reznikov visited Chile.", "en"),
        ("Le ministre ukrainien de la Défense Oleksi Reznikov a visité le Chili.", "fr"),
        ("Der ukrainische Verteidigungsminister Olexi Reznikov besuchte Chile.", "de"),
    ],
)
def test_a_given_name_before_a_known_surname_is_that_person(text: str, lang: str) -> None:
    roles = of(run(text, lang), Relation.HOLDS_ROLE)
    assert ("per:oleksii-reznikov", "UKR") in roles
    assert not any(p.startswith("per:ole") and p != "per:oleksii-reznikov" for p, _ in roles)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("PANAMA (Reuters) - The foreign ministers imposed new sanctions on Cuba on Monday.", "en"),
        ("PANAMA (dpa) - Die Außenminister haben am Montag Sanktionen gegen Kuba verhängt.", "de"),
        ("PANAMÁ (EFE) - Los cancilleres impusieron sanciones contra Cuba el lunes.", "es"),
    ],
)
def test_a_lead_in_place_is_no_actor(text: str, lang: str) -> None:
    assert not any(s == "PAN" for s, _ in of(run(text, lang), Relation.SANCTIONED))


# --- titles before a name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Department of National Defense (DND) spokesperson Lorna Bautista Cruz said the drills went well.",
         "en", ("per:lorna-bautista-cruz", "org:defence-ministry-phl")),
        ("Kementerian Pertahanan India (Kemhan India) juru bicara Arif Rahman Hakim mengatakan itu.", "id",
         ("per:arif-rahman-hakim", "org:defence-ministry-ind")),
        ("The Indian Ministry of Defence (MoD) spokesman Vikram Rao Nair declined to comment.", "en",
         ("per:vikram-rao-nair", "org:defence-ministry-ind")),
    ],
)
def test_an_abbreviation_in_brackets_before_a_title_keeps_its_organisation(
        text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in of(run(text, lang), Relation.HOLDS_ROLE)


def test_a_chief_of_the_armed_forces_holds_a_role_of_the_forces_with_his_full_name() -> None:
    ex = run("Armed Forces of the Philippines chief Gen. Ramiro Lumbera Vasquez Jr. (right) met the press.", "en")
    assert of(ex, Relation.HOLDS_ROLE) == {("per:ramiro-lumbera-vasquez-jr", "org:armed-forces-phl")}
    person = next(e for e in ex.entities if e.id == "per:ramiro-lumbera-vasquez-jr")
    assert person.name == "Ramiro Lumbera Vasquez Jr."


# --- a descriptor noun before a name: a person, a partner, no role ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chilean Defence Minister Ana Rojas Diaz met her Peruvian counterpart, Luis Vega Torres, in Lima.", "en"),
        ("Le ministre chilien de la Défense Ana Rojas Diaz a rencontré son homologue péruvien, Luis Vega Torres, "
         "à Lima.", "fr"),
        ("El ministro de Defensa de Chile, Ana Rojas Diaz, se reunió con su homólogo peruano Luis Vega Torres.",
         "es"),
        ("Der chilenische Verteidigungsminister Ana Rojas Diaz traf seinen peruanischen Amtskollegen Luis Vega "
         "Torres in Lima.", "de"),
    ],
)
def test_a_counterpart_is_a_person_and_a_partner_without_a_role(text: str, lang: str) -> None:
    ex = run(text, lang)
    met = of(ex, Relation.MET_WITH)
    pair = ("per:ana-rojas-diaz", "per:luis-vega-torres")
    assert pair in met or pair[::-1] in met
    assert not any(p == "per:luis-vega-torres" for p, _ in of(ex, Relation.HOLDS_ROLE))


def test_a_single_capitalised_word_after_a_counterpart_noun_is_no_person() -> None:
    ex = run("The minister met his counterpart Tuesday in Lima.", "en")
    assert not any(e.id.startswith("per:") for e in ex.entities)


# --- coordinated sanction objects named as firms by an apposition ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "firm"),
    [
        ("Peru on Monday sanctioned Lockheed Martin and Kestrel Dynamics, two of the largest American defense "
         "contractors.", "en", "org:kestrel-dynamics"),
        ("Peru sanktionierte Lockheed Martin und Nordwerk, zwei große Rüstungskonzerne.", "de", "org:nordwerk"),
        ("Perú sancionó a Lockheed Martin y Aceros Andinos, dos grandes empresas de defensa.", "es",
         "org:aceros-andinos"),
    ],
)
def test_a_name_coordinated_with_a_firm_before_a_firms_apposition_is_sanctioned(
        text: str, lang: str, firm: str) -> None:
    assert {("PER", "org:lockheed-martin"), ("PER", firm)} <= of(run(text, lang), Relation.SANCTIONED)


def test_a_name_coordinated_with_a_firm_without_an_apposition_is_no_firm() -> None:
    # (a name with a company word, "Kestrel Dynamics", is a firm by its form: loaders/mentions/orgforms.py)
    ex = run("Peru sanctioned Lockheed Martin and Kestrel Nordahl on Monday.", "en")
    assert not any(e.id == "org:kestrel-nordahl" for e in ex.entities)


# --- one title for two states and two people -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The presidents of Chile and Peru, Ana Rojas Diaz and Luis Vega Torres, opened the forum.", "en"),
        ("Los presidentes de Chile y Perú, Ana Rojas Diaz y Luis Vega Torres, inauguraron el foro.", "es"),
        ("Die Präsidenten von Chile und Peru, Ana Rojas Diaz und Luis Vega Torres, eröffneten das Forum.", "de"),
        ("Президенты Чили и Перу Ана Рохас Диас и Луис Вега Торрес открыли форум.", "ru"),
    ],
)
def test_a_title_of_two_states_gives_each_person_the_state_in_order(text: str, lang: str) -> None:
    roles = of(run(text, lang), Relation.HOLDS_ROLE)
    states = sorted(s for _, s in roles)
    assert states == ["CHL", "PER"], roles
    first = min(roles, key=lambda r: text.lower().find(r[0].split(":")[1].split("-")[0][:3]))
    assert first[1] == "CHL"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Пезешкиан передал послание от верховного лидера Ирана аятоллы Али Хаменеи.", "ru",
         ("per:ali-khamenei", "IRN")),
        ("He carried a message from Iran's Supreme Leader Ayatollah Ali Khamenei to Lima.", "en",
         ("per:ali-khamenei", "IRN")),
    ],
)
def test_a_rank_stands_between_a_title_and_its_name_in_lower_case_too(
        text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in of(run(text, lang), Relation.HOLDS_ROLE)


# --- a minister of a portfolio, up to the state --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The Minister of Economy and Finance of Mali Amadou Keita Traore arrived in Lima.", "en",
         ("per:amadou-keita-traore", "MLI")),
        ("El ministro de Hacienda y Crédito Público de Colombia Andrés Pérez Gómez llegó a Lima.", "es",
         ("per:andres-perez-gomez", "COL")),
        ("Документ подписал министр экономического развития Чили Педро Сото.", "ru", ("per:педро-сото", "CHL")),
    ],
)
def test_a_minister_of_a_portfolio_holds_a_role_of_the_state_after_it(
        text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in of(run(text, lang), Relation.HOLDS_ROLE)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # an adjective of origin after the portfolio is no state of the title ("the Chilean portfolio")
        ("El líder de la cartera chilena, Pedro Soto Vidal, habló.", "es"),
        # a headline's capitalised words are no name after a title
        ("Chilean Defense Chief Visits Peruvian Arms Makers", "en"),
    ],
)
def test_a_portfolio_ends_at_a_state_name_not_an_adjective(text: str, lang: str) -> None:
    assert not any(s == "PER" or p.startswith("per:pedro") or "makers" in p
                   for p, s in of(run(text, lang), Relation.HOLDS_ROLE))


@pytest.mark.parametrize(
    "text",
    [
        "Делегацию возглавил заместителем министра обороны Чили Иваном Петровым.",  # instrumental
        "Делегация во главе с заместителем главы Минобороны Чили Педро Сото прибыла в Лиму.",
        "Он встретился с министром обороны Чили Педро Сото.",
    ],
)
def test_an_inflected_russian_title_is_matched_in_any_case(text: str) -> None:
    roles = of(run(text, "ru"), Relation.HOLDS_ROLE)
    # "заместитель главы Минобороны Чили": a post inside Chile's ministry, which every state has (templates)
    assert len(roles) == 1 and next(iter(roles))[1] in ("CHL", "org:defence-ministry-chl"), roles


# --- headlines of other articles state no role -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "headline"),
    [
        ("Menteri Pertahanan Chile Pedro Soto Vidal tiba di Lima pada Senin untuk pembicaraan.\n"
         "Berita Lainnya\nPresiden Peru: kerja sama harus diperkuat\n16 November 2024 14:49 WIB", "id",
         "Presiden Peru"),
        ("Chile's defence minister Pedro Soto Vidal arrived in Lima on Monday for talks with officials.\n"
         "Other news\nPeru's President: ties must grow\n16 November 2024", "en", "Peru's President"),
        ("El ministro de Defensa de Chile, Pedro Soto Vidal, llegó a Lima el lunes para conversar con el gobierno.\n"
         "Otras noticias\nEl presidente de Perú: hay que ampliar la cooperación\n16 de noviembre de 2024", "es",
         "El presidente de Perú"),
    ],
)
def test_the_headlines_after_an_other_news_heading_are_no_text(text: str, lang: str, headline: str) -> None:
    from loaders.clean import clean_text
    body, _ = clean_text(text, lang)
    assert "Pedro Soto Vidal" in body
    assert headline not in body


# --- "under sanctions of X": the holder is the target ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Menteri Pertahanan Chile Pedro Soto Vidal berada di bawah sanksi Amerika Serikat sejak 2021.", "id"),
        ("Menteri Pertahanan Chile Pedro Soto Vidal berada di bawah sekatan Amerika Syarikat sejak 2021.", "ms"),
        ("Chile's Defence Minister Pedro Soto Vidal has been under sanctions of the United States since 2021.",
         "en"),
        ("El ministro de Defensa de Chile, Pedro Soto Vidal, está bajo sanciones de Estados Unidos desde 2021.",
         "es"),
    ],
)
def test_under_sanctions_of_a_state_the_holder_is_its_target(text: str, lang: str) -> None:
    assert of(run(text, lang), Relation.SANCTIONED) == {("USA", "per:pedro-soto-vidal")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Canada reportedly sanctioned Cuba on Monday.", "en"),
        ("Le Canada aurait sanctionné Cuba lundi.", "fr"),
        ("Kanada hat Berichten zufolge Sanktionen gegen Kuba verhängt.", "de"),
        ("Kanada dikabarkan menjatuhkan sanksi terhadap Kuba.", "id"),
    ],
)
def test_a_hedged_sanction_is_not_stated(text: str, lang: str) -> None:
    ex = run(text, lang)
    assert of(ex, Relation.SANCTIONED) == set()
    assert any(f.relation == Relation.SANCTIONED for f in ex.withheld)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Canada sanctioned Cuba on Monday.", "en"),
        ("Le Canada a sanctionné Cuba lundi.", "fr"),
        ("Kanada hat Sanktionen gegen Kuba verhängt.", "de"),
        ("Kanada menjatuhkan sanksi terhadap Kuba.", "id"),
    ],
)
def test_an_unhedged_sanction_is_stated(text: str, lang: str) -> None:
    assert of(run(text, lang), Relation.SANCTIONED) == {("CAN", "CUB")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Officials in Lima spoke with United States Defense Sec. Lloyd Austin III on Monday.", "en",
         ("per:lloyd-austin", "USA")),
        ("Der EU-Außenbeauftragte Josep Borrell reiste am Montag nach Lima.", "de", ("per:josep-borrell", "org:eu")),
        ("Le chef de la diplomatie européenne Josep Borrell est arrivé lundi à Lima.", "fr",
         ("per:josep-borrell", "org:eu")),
    ],
)
def test_a_registry_person_with_a_title_beside_holds_the_registered_role(
        text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in of(run(text, lang), Relation.HOLDS_ROLE)
