"""The seed's story told with other actors, in Indonesian and English: the rules are general."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.models import ArticleRecord
from loaders.pipeline import extract

ROOT = Path(__file__).resolve().parents[2]

INDONESIAN = """NEW DELHI, KOMPAS.com – Menteri Pertahanan Indonesia Prabowo Subianto mengatakan \
Jakarta berkomitmen untuk memperkuat hubungan militer dengan India.

Pernyataan tersebut disampaikan Prabowo kepada Kepala Staf Angkatan Darat India Jenderal Manoj \
Pande pada Selasa (14/3/2023) sebagaimana dilansir Reuters.

Diberitakan sebelumnya, Prabowo Subianto terbang ke ibu kota India, New Delhi, pada Minggu \
(12/3/2023) untuk menghadiri konferensi pertahanan.

Baca juga: Amerika Serikat Jatuhkan Sanksi terhadap India

Sebelum bertemu dengan Manoj Pande, Prabowo sempat bertemu dengan Rajnath Singh, Menteri Pertahanan India.

Namun, Perdana Menteri India Narendra Modi tidak berencana untuk bertemu dengan Prabowo.

New Delhi juga memberikan pelatihan kepada ribuan tentara Indonesia.

Selain itu, "Negeri Bollywood" juga menjual senjata ke militer Indonesia.
"""

ENGLISH = """NEW DELHI, March 15 (Reuters) - Indonesian Defence Minister Prabowo Subianto said \
Jakarta was committed to strengthening military ties with India.

Prabowo told Indian Army Chief Gen. Manoj Pande on Tuesday that the two countries trust each other.

Prabowo Subianto flew to the Indian capital, New Delhi, on Sunday to attend a defence conference.

Read more: United States imposes sanctions on India

Before meeting Manoj Pande, Prabowo met Rajnath Singh, India's defence minister.

But Indian Prime Minister Narendra Modi does not plan to meet Prabowo, his office said.

New Delhi also provides training to thousands of Indonesian soldiers.

India also sells weapons to the Indonesian military.
"""

EXPECTED = {
    ("per:prabowo-subianto", "MET_WITH", "per:manoj-pande", "2023-03-14"),
    ("per:prabowo-subianto", "VISITED", "IND", "2023-03-12"),
    ("per:prabowo-subianto", "MET_WITH", "per:rajnath-singh", None),
    ("IDN", "COOPERATES_WITH", "IND", None),
    ("IND", "TRAINS", "IDN", None),
    ("IND", "SUPPLIES_ARMS_TO", "org:armed-forces-idn", None),
    ("per:prabowo-subianto", "HOLDS_ROLE", "IDN", None),
    ("per:manoj-pande", "HOLDS_ROLE", "org:army-ind", None),
    ("per:rajnath-singh", "HOLDS_ROLE", "IND", None),
    ("per:narendra-modi", "HOLDS_ROLE", "IND", None),
}


@pytest.mark.parametrize(("text", "lang"), [(INDONESIAN, "id"), (ENGLISH, "en")])
def test_paraphrase_yields_the_corresponding_facts(text: str, lang: str) -> None:
    ex = extract(ArticleRecord(source=f"paraphrase-{lang}.txt", text=text, language=lang,
                               published="2023-03-15T10:00:00+07:00"))
    got = {(f.subject, f.relation.value, f.object): f for f in ex.facts}
    sym = {"MET_WITH", "COOPERATES_WITH"}
    for subject, relation, obj, day in EXPECTED:
        fact = got.get((subject, relation, obj)) or (got.get((obj, relation, subject)) if relation in sym
                                                     else None)
        if fact is None and relation in ("TRAINS",):
            fact = got.get((subject, relation, "org:armed-forces-idn"))
        assert fact is not None, (subject, relation, obj, sorted(got))
        if day is not None:
            assert fact.date == day
    visit = got[("per:prabowo-subianto", "VISITED", "IND")]
    assert visit.place == "plc:new-delhi"
    meeting = next(f for k, f in got.items() if k[1] == "MET_WITH" and "per:manoj-pande" in k)
    assert meeting.place == "plc:new-delhi"  # the dateline city
    assert not [k for k in got if k[1] == "MET_WITH" and "per:narendra-modi" in k]
    assert not [k for k in got if k[1] == "SANCTIONED"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Presiden Tiongkok Xi Jinping tidak berencana untuk bertemu dengan Hun Manet.", "id"),
        ("Chinese President Xi Jinping does not plan to meet Hun Manet.", "en"),
        ("Xi Jinping belum bertemu dengan Hun Manet.", "id"),
        ("Xi Jinping never met Hun Manet.", "en"),
    ],
)
def test_negation_means_no_meeting(text: str, lang: str) -> None:
    ex = extract(ArticleRecord(source="neg.txt", text=text, language=lang, published="2023-03-15"))
    assert not [f for f in ex.facts if f.relation.value == "MET_WITH"]


SEED_NAMES = re.compile(r"shoigu|min aung|patrushev|moskwa|beruang", re.IGNORECASE)


@pytest.mark.parametrize(
    "path",
    sorted(
        [*(ROOT / "loaders").rglob("*.py"), *(ROOT / "graph_schema").rglob("*.py"),
         *(ROOT / "loaders" / "data" / "rules").glob("*.yaml"), *(ROOT / "loaders" / "data" / "lang").glob("*.yaml")]
    ),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_rule_or_code_file_names_a_seed_actor(path: Path) -> None:
    assert not SEED_NAMES.search(path.read_text(encoding="utf-8"))
