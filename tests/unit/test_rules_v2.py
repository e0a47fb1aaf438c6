"""rules.v2: people the registry does not know, named in an apposition to a title, and titles with a
demonym inside them (loaders/mentions/). Sentences and people are invented."""

from __future__ import annotations

import pytest

from graph_schema.model import Relation
from tests.unit.test_rules_general import of, run


def roles(text: str, lang: str) -> set[tuple[str, str]]:
    return of(run(text, lang), Relation.HOLDS_ROLE)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # name, comma, title
        ("Tomas Herrera Vidal, the defence minister of Chile, said the talks went well.", "en",
         ("per:tomas-herrera-vidal", "CHL")),
        # title, comma, name, comma
        ("The Foreign Minister of Peru, Ana Lucia Quispe, met officials in Lima.", "en",
         ("per:ana-lucia-quispe", "PER")),
        ("Le ministre de la Défense du Sénégal, Moussa Ndiaye Fall, a rencontré son homologue.", "fr",
         ("per:moussa-ndiaye-fall", "SEN")),
        ("Der Verteidigungsminister von Chile, Tomas Herrera Vidal, traf Vertreter Perus.", "de",
         ("per:tomas-herrera-vidal", "CHL")),
        ("El ministro de Defensa de Chile, Tomás Herrera Vidal, visitó Perú.", "es",
         ("per:tomas-herrera-vidal", "CHL")),
        ("Menteri Pertahanan Chile, Tomas Herrera, bertemu dengan Presiden Peru.", "id",
         ("per:tomas-herrera", "CHL")),
    ],
)
def test_apposition_discovers_the_person(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in roles(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le ministre allemand de la Défense, Lukas Brenner, a visité le Chili.", "fr",
         ("per:lukas-brenner", "DEU")),
        ("El ministro japonés de Defensa, Kenji Morita, llegó a Lima.", "es",
         ("per:kenji-morita", "JPN")),
    ],
)
def test_demonym_inside_a_title_is_its_state(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert roles(text, lang) == {expected}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a single capitalised word, a place or a date before the comma is no person
        ("In Valparaiso, the defence minister of Chile said nothing.", "en"),
        ("Last Tuesday, the President of Chile met reporters.", "en"),
        ("Am Montag, der Verteidigungsminister von Chile, sprach nicht.", "de"),
        # a name not closed by a comma (or a bracket, or the end) is not an apposition
        ("The Foreign Minister of Peru, Ana Lucia Quispe and others arrived.", "en"),
    ],
)
def test_no_person_without_an_apposition(text: str, lang: str) -> None:
    found = {p for p, _ in roles(text, lang)}
    assert not any(p.startswith("per:") for p in found), found


# --- sanction and criticism cues per language (loaders/data/lang/*/rules.yaml) ----------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Kanada verhängte ein neues Sanktionspaket gegen Kuba.", "de", ("CAN", "CUB")),
        ("Die Schweiz will Syrien nicht sanktionieren, doch Kanada sanktionierte Syrien.", "de", ("CAN", "SYR")),
        ("L'Union européenne sanctionne la Syrie.", "fr", ("org:eu", "SYR")),
        ("Japón impuso sanciones contra Corea del Norte.", "es", ("JPN", "PRK")),
        ("Канада ввела санкции против Венесуэлы.", "ru", ("CAN", "VEN")),
        ("Kanada menjatuhkan sanksi terhadap Venezuela.", "id", ("CAN", "VEN")),
    ],
)
def test_sanction_cues(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in of(run(text, lang), Relation.SANCTIONED)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Kanada übte scharfe Kritik an Venezuela.", "de", ("CAN", "VEN")),
        ("Le Canada critique le Venezuela.", "fr", ("CAN", "VEN")),
        ("Chile criticó duramente a Venezuela.", "es", ("CHL", "VEN")),
        ("Канада раскритиковала Венесуэлу.", "ru", ("CAN", "VEN")),
        ("Kanada mengecam Venezuela.", "id", ("CAN", "VEN")),
        ("Japan voiced criticism of North Korea.", "en", ("JPN", "PRK")),
    ],
)
def test_criticism_cues(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in of(run(text, lang), Relation.CRITICIZED)


# --- a coup noun governed by another verb, or reported, names no coup agent (loaders/facts/) -----------


@pytest.mark.parametrize(
    "text",
    [
        "Canadian Foreign Minister Laura Brenner condemned the coup in Bolivia.",
        "Canadian Foreign Minister Laura Brenner denounced the putsch in Bolivia.",
        "Canadian Foreign Minister Laura Brenner said the coup in Bolivia was a setback.",
    ],
)
def test_a_critic_or_reporter_of_a_coup_seized_no_power(text: str) -> None:
    assert not of(run(text, "en"), Relation.SEIZED_POWER_IN)


@pytest.mark.parametrize("text", ["The Thai military staged a coup in 2014.",
                                  "The Thai military seized power in Thailand in 2014."])
def test_a_coup_agent_still_seizes_power(text: str) -> None:
    assert of(run(text, "en"), Relation.SEIZED_POWER_IN) == {("org:armed-forces-tha", "THA")}


# --- organisations found by their form (loaders/mentions/orgforms.py) ---------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Canada sanctioned Andes Optics Ltd and Kestrel Systems GmbH over exports.", "en",
         {("CAN", "org:andes-optics-ltd"), ("CAN", "org:kestrel-systems-gmbh")}),
        ("Japan blacklisted the firm Kestrel Systems.", "en", {("JPN", "org:kestrel-systems")}),
        ("Die EU verhängte Sanktionen gegen die Firma Nordwerk.", "de", {("org:eu", "org:nordwerk")}),
        ("Canadá sancionó a la empresa Aceros Patagonia.", "es", {("CAN", "org:aceros-patagonia")}),
        ("Le Japon a sanctionné la société Vercors Optique.", "fr", {("JPN", "org:vercors-optique")}),
    ],
)
def test_sanctioned_organisations_by_form(text: str, lang: str, expected: set[tuple[str, str]]) -> None:
    assert of(run(text, lang), Relation.SANCTIONED) == expected


def test_legal_prefix_names_an_organisation() -> None:
    ex = run("PT Sinar Baja menandatangani kontrak dengan Chile.", "id")
    assert ("org:pt-sinar-baja", "CHL") in of(ex, Relation.SIGNED_AGREEMENT_WITH)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Defence Co-operation Agreement was signed by Chile and Peru.", "en"),  # "Co-" is no suffix
        ("The company said Chile signed a contract with Peru.", "en"),  # no name after the noun
        ("Pt. 2: Chile signed a contract with Peru.", "en"),  # a prefix must be written in capitals
    ],
)
def test_no_organisation_without_its_form(text: str, lang: str) -> None:
    ids = {e.id for e in run(text, lang).entities}
    assert not any(i.startswith("org:") for i in ids), ids


# --- rank with a full stop, hyphenated given names (loaders/mentions/) ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesian Navy chief Adm. Budi Santoso arrived in Manila.", ("per:budi-santoso", "org:navy-idn")),
        ("South Korean Defense Minister Kim Min-jun visited Chile.", ("per:kim-min-jun", "KOR")),
    ],
)
def test_rank_abbreviation_and_hyphenated_names(text: str, expected: tuple[str, str]) -> None:
    assert expected in roles(text, "en")


# --- demonyms of more states (loaders/data/countries/demonyms.yaml) --------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Serbian President Milan Petrovic visited Chile.", "en", ("per:milan-petrovic", "SRB")),
        ("Der serbische Präsident Milan Petrovic besuchte Chile.", "de", ("per:milan-petrovic", "SRB")),
        ("El presidente chileno, Tomás Herrera, visitó Perú.", "es", ("per:tomas-herrera", "CHL")),
        ("Le président chilien Tomás Herrera a visité le Pérou.", "fr", ("per:tomas-herrera", "CHL")),
        ("Le ministre sénégalais de la Défense, Moussa Ndiaye Fall, est arrivé à Lima.", "fr",
         ("per:moussa-ndiaye-fall", "SEN")),
    ],
)
def test_demonyms_of_more_states(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in roles(text, lang)


# --- relations carried by agent nouns, copulas and appositions (loaders/facts/) ---------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Italy is the main arms supplier of Egypt.", "en", ("ITA", "EGY")),
        ("Italy, Egypt's main arms supplier, denied the report.", "en", ("ITA", "EGY")),
        ("Italien ist der wichtigste Waffenlieferant Ägyptens.", "de", ("ITA", "EGY")),
        ("Prancis adalah pemasok senjata utama Yunani.", "id", ("FRA", "GRC")),
        ("Greece is a major buyer of French arms.", "en", ("FRA", "GRC")),
        ("La France est le premier fournisseur d'armes de la Grèce.", "fr", ("FRA", "GRC")),
        ("España es el principal proveedor de armas de Chile.", "es", ("ESP", "CHL")),
    ],
)
def test_agent_nouns_carry_supply(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert of(run(text, lang), Relation.SUPPLIES_ARMS_TO) == {expected}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile, a supplier of copper to China, raised prices.", "en"),
        ("Chile is a major buyer of Chinese cars.", "en"),
        ("Brazil is looking for a new supplier.", "en"),
        ("Die Firma Nordwerk ist Lieferant von Stahl für Chile.", "de"),
    ],
)
def test_agent_nouns_without_arms_carry_nothing(text: str, lang: str) -> None:
    assert not of(run(text, lang), Relation.SUPPLIES_ARMS_TO)


# --- named events and attendance (loaders/facts/events.py, event and sidelines cues as data)-----------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Chile attended the Andean Security Forum in Lima.", "en", ("CHL", "evt:andean-security-forum")),
        ("Le Chili a participé au salon Eurosatory à Paris.", "fr", ("CHL", "evt:salon-eurosatory")),
        ("Chile participó en la Feria Internacional del Aire.", "es", ("CHL", "evt:feria-internacional-del-aire")),
        ("Chile signed a deal with Peru on the sidelines of the Andean Security Forum.", "en",
         ("CHL", "evt:andean-security-forum")),
        ("Chile und Peru unterzeichneten am Rande der Pacific Defence Expo ein Abkommen.", "de",
         ("PER", "evt:pacific-defence-expo")),
        ("Chile menandatangani perjanjian dengan Peru di sela-sela Forum Keamanan Andes.", "id",
         ("CHL", "evt:forum-keamanan-andes")),
    ],
)
def test_named_events_are_attended(text: str, lang: str, expected: tuple[str, str]) -> None:
    attended = {(s, o.rsplit("-", 1)[0]) for s, o in of(run(text, lang), Relation.ATTENDED)}
    assert expected in attended


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chile attended to the needs of Peru.", "en"),  # no event noun
        ("Chile took part in Peru's Andean Security talks.", "en"),  # no event noun in the name
    ],
)
def test_no_event_without_an_event_noun(text: str, lang: str) -> None:
    assert not of(run(text, lang), Relation.ATTENDED)


# --- verb-second inversion in German (loaders/facts/) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rel", "expected"),
    [
        ("Im Mai lieferte Chile Panzer an Peru.", Relation.SUPPLIES_ARMS_TO, ("CHL", "PER")),
        ("Anfang April verkaufte Kanada Drohnen an Chile.", Relation.SUPPLIES_ARMS_TO, ("CAN", "CHL")),
        ("Gestern kritisierte Chile die Regierung Perus.", Relation.CRITICIZED, ("CHL", "PER")),
    ],
)
def test_subject_after_an_inverted_verb(text: str, rel: Relation, expected: tuple[str, str]) -> None:
    assert of(run(text, "de"), rel) == {expected}


def test_an_agentless_passive_names_no_supplier() -> None:
    assert not of(run("Im Mai wurden Panzer an Peru geliefert.", "de"), Relation.SUPPLIES_ARMS_TO)


# --- "under sanctions of X": the target before, the sanctioning actor after ------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Chile has been under sanctions of Canada since 2021.", "en", ("CAN", "CHL")),
        ("Die Firma Nordwerk steht unter Sanktionen der EU.", "de", ("org:eu", "org:nordwerk")),
        ("Menteri Pertahanan Chile, Tomas Herrera, berada di bawah sanksi Kanada.", "id",
         ("CAN", "per:tomas-herrera")),
    ],
)
def test_under_sanctions_of(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert of(run(text, lang), Relation.SANCTIONED) == {expected}


def test_under_sanctions_without_a_target_gives_nothing() -> None:
    assert not of(run("Under sanctions of Canada, trade fell sharply.", "en"), Relation.SANCTIONED)
