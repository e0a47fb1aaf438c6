"""Portuguese, Italian, Malay and Tagalog as data: detection, dates, facts, negation, boilerplate.

Each paragraph is fictional (written for this test, no real article): a defence minister meets a general
of another state in a capital on a weekday with a date, a visit, a training pledge, an arms sale, a
denied meeting with a head of state, and a "Read also" line naming a sanction, which states nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.lang import detect_language, load_rules
from loaders.models import ArticleExtraction, ArticleRecord
from loaders.pipeline import extract
from loaders.registry import load_registry
from loaders.text import fold, tokenize

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = "2025-03-14"  # a Friday: "Tuesday" is 2025-03-11, "Monday" 2025-03-10, "Sunday" 2025-03-09

PT = (
    "MOSCOU — O ministro da Defesa da Rússia, Andrei Belousov, reuniu-se com o general Min Aung Hlaing "
    "em Moscou na terça-feira, 11 de março.\n"
    "Min Aung Hlaing chegou a Moscou no domingo para uma visita oficial à Rússia.\n"
    "A Rússia comprometeu-se a treinar oficiais de Mianmar nas suas academias militares.\n"
    "Segundo o ministério, a Rússia vendeu seis caças Su-30 a Mianmar em 2024.\n"
    "Min Aung Hlaing não se reuniu com o presidente Vladimir Putin durante a viagem.\n"
    "Leia também: EUA impõem novas sanções contra Mianmar\n"
)
IT = (
    "ROMA — Il ministro della Difesa Guido Crosetto ha incontrato martedì 11 marzo a Roma il generale "
    "Upendra Dwivedi, capo di stato maggiore dell'Esercito indiano.\n"
    "Upendra Dwivedi è arrivato in Italia lunedì per una visita ufficiale di tre giorni.\n"
    "L'Italia si è impegnata ad addestrare ufficiali dell'India nelle sue scuole militari.\n"
    "Secondo il ministero, l'Italia ha venduto elicotteri all'India nel 2024.\n"
    "Upendra Dwivedi non ha incontrato il presidente della Repubblica Sergio Mattarella durante la visita.\n"
    "Leggi anche: Gli Stati Uniti impongono sanzioni alla Russia\n"
)
MS = (
    "KUALA LUMPUR: Menteri Pertahanan Datuk Seri Mohamed Khaled Nordin mengadakan pertemuan dengan "
    "Jeneral Agus Subiyanto di Kuala Lumpur pada hari Selasa, 11 Mac.\n"
    "Beliau berkata Agus Subiyanto tiba di Malaysia pada hari Isnin bagi lawatan rasmi selama tiga hari.\n"
    "Kerajaan Malaysia berikrar untuk melatih pegawai tentera Indonesia menerusi program bersama.\n"
    "Menurut kenyataan kementerian, Korea Selatan telah menjual pesawat pejuang FA-50 kepada Malaysia "
    "pada tahun 2023.\n"
    "Bagaimanapun, Agus Subiyanto tidak bertemu dengan Yang di-Pertuan Agong Sultan Ibrahim semasa lawatan itu.\n"
    "Baca juga: Amerika Syarikat kenakan sekatan terhadap Myanmar\n"
)
TL = (
    "MAYNILA — Nakipagpulong si Defense Secretary Gilberto Teodoro Jr. kay Heneral Upendra Dwivedi sa "
    "Maynila noong Martes, Marso 11.\n"
    "Dumating si Upendra Dwivedi sa Pilipinas noong Lunes para sa tatlong araw na pagbisita.\n"
    "Nangako ang India na sasanayin ang mga tauhan ng hukbong dagat ng Pilipinas.\n"
    "Noong 2022, nagbenta ang India ng mga BrahMos missile sa Pilipinas.\n"
    "Hindi nakipagkita si Upendra Dwivedi kay Pangulong Ferdinand Marcos Jr. sa kanyang pagbisita.\n"
    "Basahin din: Nagpataw ng parusa ang Estados Unidos laban sa Myanmar\n"
)

# (subject, relation, object, date) that must come out
EXPECTED = {
    "pt": [
        ("per:andrei-belousov", "MET_WITH", "per:min-aung-hlaing", "2025-03-11"),
        ("per:min-aung-hlaing", "VISITED", "RUS", "2025-03-09"),
        ("RUS", "TRAINS", "MMR", None),
        ("RUS", "SUPPLIES_ARMS_TO", "MMR", "2024"),
    ],
    "it": [
        ("per:guido-crosetto", "MET_WITH", "per:upendra-dwivedi", "2025-03-11"),
        ("per:upendra-dwivedi", "VISITED", "ITA", "2025-03-10"),
        ("ITA", "TRAINS", "IND", None),
        ("ITA", "SUPPLIES_ARMS_TO", "IND", "2024"),
    ],
    "ms": [
        ("per:mohamed-khaled-nordin", "MET_WITH", "per:agus-subiyanto", "2025-03-11"),
        ("per:agus-subiyanto", "VISITED", "MYS", "2025-03-10"),
        ("MYS", "TRAINS", "IDN", None),
        ("KOR", "SUPPLIES_ARMS_TO", "MYS", "2023"),
    ],
    "tl": [
        ("per:gilberto-teodoro", "MET_WITH", "per:upendra-dwivedi", "2025-03-11"),
        ("per:upendra-dwivedi", "VISITED", "PHL", "2025-03-10"),
        ("IND", "TRAINS", "PHL", None),
        ("IND", "SUPPLIES_ARMS_TO", "PHL", "2022"),
    ],
}
# the denied meeting: (visitor, head of state)
DENIED = {
    "pt": ("per:min-aung-hlaing", "per:vladimir-putin"),
    "it": ("per:upendra-dwivedi", "per:sergio-mattarella"),
    "ms": ("per:agus-subiyanto", "per:sultan-ibrahim"),
    "tl": ("per:upendra-dwivedi", "per:ferdinand-marcos-jr"),
}
PLACES = {"pt": "plc:moscow", "it": "plc:rome", "ms": "plc:kuala-lumpur", "tl": "plc:manila"}
TEXTS = {"pt": PT, "it": IT, "ms": MS, "tl": TL}
CODES = sorted(TEXTS)


def _extract(code: str) -> ArticleExtraction:
    return extract(ArticleRecord(source=f"test-{code}", published=PUBLISHED, text=TEXTS[code]))


@pytest.mark.parametrize("code", CODES)
def test_the_language_is_detected(code: str) -> None:
    assert detect_language(TEXTS[code]) == code
    assert _extract(code).article.language == code


@pytest.mark.parametrize("code", CODES)
def test_the_expected_facts_come_out_with_their_dates(code: str) -> None:
    facts = {(f.subject, f.relation.value, f.object): f for f in _extract(code).facts}
    for subj, rel, obj, day in EXPECTED[code]:
        fact = facts.get((subj, rel, obj)) or (facts.get((obj, rel, subj)) if rel == "MET_WITH" else None)
        assert fact is not None, (code, subj, rel, obj, sorted(facts))
        assert fact.date == day, (code, rel, fact.date)
    meeting = next(f for f in facts.values() if f.relation.value == "MET_WITH")
    assert meeting.place == PLACES[code]


@pytest.mark.parametrize("code", CODES)
def test_the_denied_meeting_is_no_fact(code: str) -> None:
    ex = _extract(code)
    pair = set(DENIED[code])
    assert not any(f.relation.value == "MET_WITH" and {f.subject, f.object} == pair for f in ex.facts)
    assert any(f.relation.value == "MET_WITH" and {f.subject, f.object} == pair and f.status.value == "denied"
               for f in ex.withheld)


@pytest.mark.parametrize("code", CODES)
def test_the_read_also_line_states_nothing(code: str) -> None:
    ex = _extract(code)
    boilerplate = TEXTS[code].strip().splitlines()[-1]
    assert boilerplate not in ex.text
    assert not any(f.relation.value == "SANCTIONED" for f in ex.facts + ex.withheld)
    assert all(boilerplate not in f.evidence for f in ex.facts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menteri Pertahanan Rusia mengatakan bahwa pemerintah akan memperkuat kerja sama militer karena "
         "kedua negara adalah mitra lama, setelah pertemuan di Jakarta pada hari Selasa.", "id"),
        ("Menteri Pertahanan Malaysia berkata kerajaan akan mengukuhkan kerjasama pertahanan kerana beliau "
         "yakin bahawa latihan bersama tentera kedua-dua negara boleh diteruskan selepas lawatan itu.", "ms"),
        ("The defence minister said on Tuesday that the government would deepen military ties with the "
         "neighbouring state after the talks in the capital.", "en"),
        ("Le ministre de la Défense a déclaré mardi que le gouvernement allait renforcer la coopération "
         "militaire avec ses voisins après les entretiens dans la capitale.", "fr"),
        ("El ministro de Defensa dijo el martes que el gobierno va a reforzar la cooperación militar con los "
         "países vecinos tras las conversaciones en la capital.", "es"),
        ("Der Verteidigungsminister sagte am Dienstag, dass die Regierung die militärische Zusammenarbeit "
         "mit den Nachbarn nach den Gesprächen in der Hauptstadt ausbauen wird.", "de"),
        ("Министр обороны заявил во вторник, что правительство будет укреплять военное сотрудничество с "
         "соседями после переговоров в столице.", "ru"),
        ("O ministro da Defesa disse na terça-feira que o governo vai reforçar a cooperação militar com os "
         "países vizinhos após as conversações na capital.", "pt"),
        ("Il ministro della Difesa ha detto martedì che il governo rafforzerà la cooperazione militare con i "
         "paesi vicini dopo i colloqui nella capitale.", "it"),
        ("Sinabi ng kalihim ng tanggulang pambansa noong Martes na palalakasin ng pamahalaan ang "
         "kooperasyong militar sa mga kalapit na bansa.", "tl"),
    ],
)
def test_short_paragraphs_keep_their_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_the_indonesian_seed_article_stays_indonesian() -> None:
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        assert detect_language(path.read_text(encoding="utf-8")) == "id", path.name


def test_a_language_keeps_english_fallback_words_of_another_meaning_out() -> None:
    assert "no" not in load_rules("pt").words["negation"]  # "no domingo": in the, no negation
    assert "no" in load_rules("es").words["negation"]
    text = "May pulong si Teodoro."
    assert load_rules("tl").modality.find(tokenize(fold(text)), text) == []
    assert load_rules("en").modality.find(tokenize(fold(text)), text) != []


def test_country_names_of_a_language_file_add_to_names_yaml() -> None:
    reg = load_registry()
    assert reg.name_of("org:navy-rus") == "Russian Navy"  # names.yaml keeps the English demonym
    for text, iso in [("Mianmar", "MMR"), ("Alemanha", "DEU"), ("Germania", "DEU"), ("Rusya", "RUS"),
                      ("Jepun", "JPN"), ("russo", "RUS")]:
        hits = reg.matcher.find(tokenize(fold(text)), text)
        assert {h.payload.entity_id for h in hits} == {iso}, text
