"""Named events and attendance, references across the article, coups in passing and everyday vocabulary
(rules.v1, issue #9), on sentences written for these tests with invented actors."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from loaders.models import ArticleExtraction
from tests.factories import extract_text


def of(ex: ArticleExtraction, rel: Relation) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in ex.facts if f.relation == rel}


def event_names(ex: ArticleExtraction) -> dict[str, set[str]]:
    """Discovered event id (its year dropped) -> its name and aliases."""
    return {e.id.rsplit("-", 1)[0]: {e.name, *e.aliases} for e in ex.entities if e.id.startswith("evt:")}


def attended(ex: ArticleExtraction) -> set[tuple[str, str]]:
    return {(s, o.rsplit("-", 1)[0]) for s, o in of(ex, Relation.ATTENDED)}


# --- event names: lower-case heads, tails after a capitalised name, possessives, compounds ----------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a capitalised name ending in lower-case words up to its event noun
        ("Chile's Defence Minister Ana Reyes met Peru's Defence Minister Luis Soto on the sidelines of "
         "APEC defence ministers meeting.", "en", ("per:ana-reyes", "evt:apec-defence-ministers-meeting")),
        # a possessive inside the name, then an ordinal and a modifier before the event noun
        ("Chile's Defence Minister Ana Reyes spoke during the Andean Institute for Strategy's 12th annual "
         "conference in Lima.", "en",
         ("per:ana-reyes", "evt:andean-institute-for-strategy-s-12th-annual-conference")),
        # a plural possessive ("Ministers’") inside a capitalised name
        ("Chile's Defence Minister Ana Reyes spoke on the sidelines of the Andean Defence Ministers’ "
         "Informal Meeting.", "en", ("per:ana-reyes", "evt:andean-defence-ministers-informal-meeting")),
        # a lower-case head noun with its modifier, after a determiner
        ("Chile attended the signing ceremony in Lima.", "en", ("CHL", "evt:signing-ceremony")),
        # German: a compound ending in an event noun, a truncated compound joined by "und"
        ("Chile sprach am Rande einer Luft- und Waffenschau in Lima.", "de",
         ("CHL", "evt:luft-und-waffenschau")),
        # Spanish: a demonstrative before the name
        ("Chile llegó a Lima para participar en dichos Juegos Andinos Internacionales.", "es",
         ("CHL", "evt:juegos-andinos-internacionales")),
        # French: a meeting noun after "en marge de"
        ("Le Chili a signé un accord avec le Pérou en marge de la réunion des ministres andins.", "fr",
         ("CHL", "evt:reunion-des-ministres-andins")),
    ],
)
def test_event_names_after_attendance_cues(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in attended(extract_text(text, lang))


def test_the_name_as_written_with_its_determiner_is_an_alias() -> None:
    names = event_names(extract_text("Chile attended the signing ceremony in Lima.", "en"))
    assert names["evt:signing-ceremony"] == {"signing ceremony", "the signing ceremony"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile and Peru attended the signing ceremony in Lima.", "en"),
        ("Le Chili et le Pérou ont assisté à la cérémonie de signature à Lima.", "fr"),
    ],
)
def test_a_trigger_inside_an_event_name_is_no_trigger(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert {s for s, _ in of(ex, Relation.ATTENDED)} == {"CHL", "PER"}
    assert not of(ex, Relation.SIGNED_AGREEMENT_WITH)


def test_every_party_between_and_attends() -> None:
    ex = extract_text("The deal was signed in Lima between Chile's Defence Minister Ana Reyes and Peru's Defence "
                      "Minister Luis Soto on the sidelines of the Andean Security Forum.", "en")
    assert attended(ex) == {("per:ana-reyes", "evt:andean-security-forum"),
                            ("per:luis-soto", "evt:andean-security-forum")}


def test_a_state_and_an_unknown_title_before_a_name_keep_a_coordination() -> None:
    # "US Secretary of War" is no title the rules know; the state still qualifies the person
    ex = extract_text("The pact was exchanged between Chile’s Defence Minister Ana Reyes and US Under "
                      "Secretary of War Luis Soto on the sidelines of the Andean Security Forum.", "en")
    assert {s for s, _ in attended(ex)} >= {"per:ana-reyes"}
    assert len(attended(ex)) == len({s for s, _ in attended(ex)})


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile's Defence Minister Ana Reyes spoke on the sidelines of the Andean Defence Ministers Meeting.", "en"),
        ("Chile's Defence Minister Ana Reyes spoke on the sidelines of the Pacific Foreign Ministers Forum.", "en"),
    ],
)
def test_a_meeting_noun_names_an_event_never_a_person(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    people = {e.id for e in ex.entities if e.type.value == "Person"}
    assert people == {"per:ana-reyes"}
    assert {s for s, _ in attended(ex)} == {"per:ana-reyes"}


# --- a joint exercise named after a name cue, between two parties ---------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "event"),
    [
        ('A joint military exercise codenamed "Blue Shield" between Chile and Peru started on Monday.', "en",
         "evt:blue-shield"),
        ("Un exercice conjoint baptisé « Bouclier Andin » entre le Chili et le Pérou a commencé lundi.", "fr",
         "evt:bouclier-andin"),
        ('Latihan militer gabungan bertajuk "Perisai Andes" antara Chili dan Peru dimulai pada Senin.', "id",
         "evt:perisai-andes"),
    ],
)
def test_a_named_joint_exercise_between_two_parties(text: str, lang: str, event: str) -> None:
    ex = extract_text(text, lang)
    assert attended(ex) == {("CHL", event), ("PER", event)}
    assert of(ex, Relation.COOPERATES_WITH) == {("CHL", "PER")}


# --- reference across the article (loaders/facts/reference.py) -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "rel"),
    [
        ("Chile and Peru held talks in Lima on Monday.\nThe two countries signed a defence pact.", "en",
         Relation.SIGNED_AGREEMENT_WITH),
        ("Le Chili et le Pérou ont tenu des pourparlers à Lima.\nLes deux pays ont signé un accord de défense.",
         "fr", Relation.SIGNED_AGREEMENT_WITH),
        ("Chili dan Peru mengadakan pembicaraan di Lima.\nKerja sama kedua negara terus meningkat.", "id",
         Relation.COOPERATES_WITH),
        ("Chile und Peru führten Gespräche in Lima.\nDie Zusammenarbeit beider Länder wächst.", "de",
         Relation.COOPERATES_WITH),
    ],
)
def test_the_two_countries_are_the_two_states_named_before(text: str, lang: str, rel: Relation) -> None:
    pairs = {frozenset(p) for p in of(extract_text(text, lang), rel)}
    assert frozenset({"CHL", "PER"}) in pairs


def test_the_two_countries_fill_no_one_sided_slot() -> None:
    ex = extract_text("Chile and Peru held talks in Lima.\nThe visit by Chilean ships to the two countries ended.",
                      "en")
    assert not {o for _, o in of(ex, Relation.VISITED)} & {"CHL", "PER"}


def test_a_pair_reference_before_any_two_states_names_nothing() -> None:
    ex = extract_text("The two countries signed a defence pact.", "en")
    assert not of(ex, Relation.SIGNED_AGREEMENT_WITH)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Thai military staged a coup on Monday.\nCanada later criticised the junta.", "en"),
        ("The Thai military staged a coup on Monday.\nCanada condemned the regime.", "en"),
        ("Militer Thailand melancarkan kudeta pada Senin.\nKanada mengecam junta.", "id"),
    ],
)
def test_the_junta_is_the_article_coup_agent(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert ("CAN", "org:armed-forces-tha") in of(ex, Relation.CRITICIZED)


def test_the_junta_before_any_coup_names_nothing() -> None:
    assert not of(extract_text("Canada criticised the junta.", "en"), Relation.CRITICIZED)


# --- a coup as an event: criticised, never seized by its critics ------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "critics", "names"),
    [
        ("Canada's Prime Minister Mark Lane condemned the coup in Bolivia today.", "en",
         {"per:mark-lane"}, {"coup", "the coup"}),
        ("Japan and Canada have condemned the power grab.", "en", {"JPN", "CAN"}, {"power grab", "the power grab"}),
        ("L'Allemagne et le Japon condamnent le putsch.", "fr", {"DEU", "JPN"}, {"putsch", "le putsch"}),
        ("Jepang mengecam kudeta di Bolivia.", "id", {"JPN"}, {"kudeta"}),
    ],
)
def test_a_condemned_coup_is_the_criticism_object(text: str, lang: str, critics: set[str], names: set[str]) -> None:
    ex = extract_text(text, lang)
    coups = {e.id: {e.name, *e.aliases} for e in ex.entities if e.id.startswith("evt:coup")}
    assert len(coups) == 1
    coup_id, coup_names = next(iter(coups.items()))
    assert coup_names == names
    assert {s for s, o in of(ex, Relation.CRITICIZED) if o == coup_id} == critics
    assert not of(ex, Relation.SEIZED_POWER_IN)


@pytest.mark.parametrize(
    "text",
    [
        "Lane, speaking during a visit to Fiji today, called the coup illegitimate.",
        "Canada's Prime Minister Mark Lane urged that ousted President Juan Ortiz be reinstated.",
    ],
)
def test_who_names_a_coup_or_its_victim_seized_no_power(text: str) -> None:
    ex = extract_text("Canada's Prime Minister Mark Lane spoke in Ottawa.\n" + text, "en")
    assert not of(ex, Relation.SEIZED_POWER_IN)
    assert not of(ex, Relation.ATTENDED)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Thai military staged a coup in 2014.", "en"),
        ("The coup was led by the Thai military in 2014.", "en"),
        ("Militer Thailand melancarkan kudeta pada 2014.", "id"),
        ("Pada 2014, kudeta dilakukan oleh militer Thailand.", "id"),
    ],
)
def test_a_coup_verb_ties_the_agent(text: str, lang: str) -> None:
    assert of(extract_text(text, lang), Relation.SEIZED_POWER_IN) == {("org:armed-forces-tha", "THA")}


def test_an_abbreviation_in_parentheses_keeps_a_list_of_critics() -> None:
    ex = extract_text("France, the European Union (EU) and Japan condemned the coup.", "en")
    assert {s for s, _ in of(ex, Relation.CRITICIZED)} == {"FRA", "org:eu", "JPN"}


# --- everyday vocabulary (rules/<lang>.yaml) and arguments from structure --------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile's Defence Minister Ana Reyes was received by Peru's Defence Minister Luis Soto in Lima.", "en"),
        ("La ministre chilienne de la Défense Ana Reyes a été reçue par le ministre péruvien de la Défense "
         "Luis Soto à Lima.", "fr"),
        ("La ministra de Defensa de Chile, Ana Reyes, fue recibida por el ministro de Defensa de Perú, "
         "Luis Soto, en Lima.", "es"),
        ("Menteri Pertahanan Chili Ana Reyes disambut oleh Menteri Pertahanan Peru Luis Soto pada Senin.", "id"),
    ],
)
def test_received_by_is_a_meeting(text: str, lang: str) -> None:
    pairs = {frozenset(p) for p in of(extract_text(text, lang), Relation.MET_WITH)}
    assert frozenset({"per:ana-reyes", "per:luis-soto"}) in pairs


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile left the talks, accusing Peru of bad faith.", "en"),
        ("Le Chili a quitté les pourparlers, accusant le Pérou de mauvaise foi.", "fr"),
        ("Chile abandonó las conversaciones, acusando a Perú de mala fe.", "es"),
    ],
)
def test_a_participle_of_accusation_criticises(text: str, lang: str) -> None:
    assert ("CHL", "PER") in of(extract_text(text, lang), Relation.CRITICIZED)


@pytest.mark.parametrize(
    ("text", "lang", "rel"),
    [
        ("Il y a une semaine, l'Espagne a remis aux militaires péruviens plusieurs avions.", "fr",
         Relation.SUPPLIES_ARMS_TO),
        ("Des instructeurs militaires espagnols forment l'armée péruvienne.", "fr", Relation.TRAINS),
        ("Instructores de España entrenan al ejército de Perú.", "es", Relation.TRAINS),
        ("Инструкторы из Испании обучают военных Перу.", "ru", Relation.TRAINS),
    ],
)
def test_supply_and_training_verbs(text: str, lang: str, rel: Relation) -> None:
    assert ("ESP", "PER") in of(extract_text(text, lang), rel)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile, a long-time ally of Peru, bought jets from Spain.", "en"),
        ("Chile, un aliado de Perú desde hace mucho tiempo, compró aviones a España.", "es"),
        ("Chile, ein enger Verbündeter Perus, kaufte Flugzeuge von Spanien.", "de"),
    ],
)
def test_an_ally_apposition_cooperates_and_the_head_stays_the_subject(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert of(ex, Relation.COOPERATES_WITH) == {("CHL", "PER")}
    assert ("PER", "ESP") not in {(o, s) for s, o in of(ex, Relation.SUPPLIES_ARMS_TO)}


def test_an_inflected_russian_adjective_in_a_state_name() -> None:
    ex = extract_text("Министр обороны Чили Ана Рейес посетила Северную Корею.", "ru")
    assert {o for _, o in of(ex, Relation.VISITED)} == {"PRK"}


def test_a_person_is_no_visit_destination() -> None:
    ex = extract_text("Chile's Defence Minister Ana Reyes paid a visit to Peru's Defence Minister Luis Soto.", "en")
    assert not of(ex, Relation.VISITED)


# --- coups in passing, qualified military references, agentless passives ----------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Thai military, in power since the 2014 coup, arrested the opposition.", "en"),
        ("Militer Thailand, yang berkuasa sejak kudeta 2014, menangkap para aktivis.", "id"),
        ("Thailand's military rulers, who seized power in 2014, arrested the opposition.", "en"),
    ],
)
def test_a_coup_in_passing_gives_its_military_agent(text: str, lang: str) -> None:
    assert of(extract_text(text, lang), Relation.SEIZED_POWER_IN) == {("org:armed-forces-tha", "THA")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Canada's Prime Minister Mark Lane has praised Japan since the coup.", "en"),
        ("Le Premier ministre canadien Mark Lane soutient le Japon depuis le coup d'État.", "fr"),
        ("Perdana Menteri Kanada Mark Lane memuji Jepang sejak kudeta.", "id"),
    ],
)
def test_since_the_coup_names_no_agent_by_itself(text: str, lang: str) -> None:
    assert not of(extract_text(text, lang), Relation.SEIZED_POWER_IN)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Canada criticised the Thai junta.", "en"),
        ("Kanada mengecam junta militer Thailand.", "id"),
        ("Canada condemned Thailand's military rulers.", "en"),
    ],
)
def test_a_qualified_military_reference_is_that_state_military(text: str, lang: str) -> None:
    assert of(extract_text(text, lang), Relation.CRITICIZED) == {("CAN", "org:armed-forces-tha")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile and Peru held talks in Lima.\nThe deal was signed in Lima on Monday.", "en"),
        ("Chile y Perú mantuvieron conversaciones en Lima.\nEl acuerdo fue firmado en Lima el lunes.", "es"),
        ("Chili dan Peru mengadakan pembicaraan di Lima.\nPerjanjian itu ditandatangani di Lima pada Senin.", "id"),
        ("Chile and Peru held talks in Lima.\nSigned in 2019, the pact allows joint patrols.", "en"),
    ],
)
def test_an_agentless_passive_signing_takes_the_two_states_named_before(text: str, lang: str) -> None:
    pairs = {frozenset(p) for p in of(extract_text(text, lang), Relation.SIGNED_AGREEMENT_WITH)}
    assert pairs == {frozenset({"CHL", "PER"})}


@pytest.mark.parametrize(
    "text",
    [
        "The deal was signed in Lima on Monday.",  # no states named before
        "Chile and Peru held talks in Lima.\nThe deal was signed with Spain in Lima.",  # a party is named
    ],
)
def test_a_passive_naming_a_party_or_without_states_before_takes_no_pair(text: str) -> None:
    pairs = {frozenset(p) for p in of(extract_text(text, "en"), Relation.SIGNED_AGREEMENT_WITH)}
    assert frozenset({"CHL", "PER"}) not in pairs


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Canada's Prime Minister Mark Lane, whose party is a junior partner in the coalition, is a staunch "
         "backer of close ties with Tokyo.", "en"),
        ("Kanadas Premierminister Mark Lane ist ein Befürworter enger Beziehungen zu Japan.", "de"),
        ("Perdana Menteri Kanada Mark Lane adalah pendukung kuat hubungan erat dengan Jepang.", "id"),
    ],
)
def test_a_backer_noun_supports(text: str, lang: str) -> None:
    assert ("per:mark-lane", "JPN") in of(extract_text(text, lang), Relation.SUPPORTS)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile is one of the closest allies of Peru's Defence Minister Luis Soto.", "en"),
        ("Chili adalah sekutu dekat Menteri Pertahanan Peru Luis Soto.", "id"),
    ],
)
def test_an_ally_of_a_person_supports_that_person(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert of(ex, Relation.SUPPORTS) == {("CHL", "per:luis-soto")}
    assert not of(ex, Relation.COOPERATES_WITH)


@pytest.mark.parametrize(
    ("text", "lang", "rel"),
    [
        ("Kanada und Japan haben am Montag scharf kritisiert.", "de", Relation.CRITICIZED),
        ("Chile und Peru haben am Montag Panzer geliefert.", "de", Relation.SUPPLIES_ARMS_TO),
    ],
)
def test_coordinated_subjects_are_never_each_others_object(text: str, lang: str, rel: Relation) -> None:
    assert not of(extract_text(text, lang), rel)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile signed a deal to buy jets, Peru's defence ministry said.", "en"),
        ("Chile signed a deal to buy jets, Peru's foreign ministry said on Monday.", "en"),
    ],
)
def test_an_office_speaking_is_an_attribution(text: str, lang: str) -> None:
    assert not of(extract_text(text, lang), Relation.SIGNED_AGREEMENT_WITH)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("В Берлине состоялась встреча министров иностранных дел Германии и Украины Анналены Бербок и "
         "Дмитрия Кулебы.", "ru"),
        ("En Berlín tuvo lugar la reunión de los cancilleres de Alemania y Ucrania, Annalena Baerbock y "
         "Dmytro Kuleba.", "es"),
        ("In Berlin a meeting of the foreign ministers of Germany and Ukraine, Annalena Baerbock and Dmytro "
         "Kuleba, took place.", "en"),
    ],
)
def test_a_meeting_noun_takes_its_first_fitting_parties_after_it(text: str, lang: str) -> None:
    pairs = {frozenset(p) for p in of(extract_text(text, lang), Relation.MET_WITH)}
    assert pairs == {frozenset({"per:annalena-baerbock", "per:dmytro-kuleba"})}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Lima Times, citing two sources at Chile's embassy, reported that the air force chief attended "
         "the Andean Air Show.", "en"),
        ("The Lima Times, mengutip dua sumber kedutaan Chili, melaporkan bahwa kepala angkatan udara "
         "menghadiri pameran Andes Air Show.", "id"),
        ("Le Lima Times, citant l'ambassade du Chili, rapporte que le chef de l'armée de l'air a participé au "
         "salon Andes Air Show.", "fr"),
    ],
)
def test_a_reporter_before_a_complementizer_attends_nothing(text: str, lang: str) -> None:
    assert not {s for s, _ in of(extract_text(text, lang), Relation.ATTENDED)} & {"CHL"}


def test_an_accused_party_names_no_accuser() -> None:
    ex = extract_text("The visit follows Chile's decision to halt exports of drones made by a Chilean company "
                      "accused of attacking a Peruvian army post.", "en")
    assert not of(ex, Relation.CRITICIZED)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile's Defence Minister Ana Reyes visited Lima, Peru, to attend the Andean Security Forum.", "en"),
        ("Menteri Pertahanan Chili Ana Reyes mengunjungi Lima, Peru, untuk menghadiri Forum Keamanan Andes.",
         "id"),
    ],
)
def test_a_state_after_its_city_is_an_address(text: str, lang: str) -> None:
    ex = extract_text(text, lang)
    assert {s for s, _ in of(ex, Relation.ATTENDED)} == {"per:ana-reyes"}
    assert {o for _, o in of(ex, Relation.VISITED)} == {"PER"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile's Defence Minister Ana Reyes meets Thai military officers studying in Lima.", "en"),
        ("La ministre chilienne de la Défense Ana Reyes a rencontré des officiers de l'armée thaïlandaise.", "fr"),
        ("Menteri Pertahanan Chili Ana Reyes bertemu perwira Militer Thailand di Lima.", "id"),
    ],
)
def test_members_named_by_their_institution_are_no_meeting_party(text: str, lang: str) -> None:
    assert not of(extract_text(text, lang), Relation.MET_WITH)


def test_two_institutions_do_not_meet() -> None:
    ex = extract_text("The Thai military was welcomed by the Indian Navy in Chennai.", "en")
    assert not of(ex, Relation.MET_WITH)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Canada imposed sanctions against supporters of Peru's Defence Minister Luis Soto.", "en"),
        ("Kanada verhängte Sanktionen gegen Unterstützer des Verteidigungsministers Luis Soto.", "de"),
        ("Kanada menjatuhkan sanksi terhadap pendukung Menteri Pertahanan Peru Luis Soto.", "id"),
    ],
)
def test_a_backer_noun_after_a_preposition_names_no_holder(text: str, lang: str) -> None:
    assert not of(extract_text(text, lang), Relation.SUPPORTS)
