"""The clean stage: boilerplate, dateline, caption, metadata, ids."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from loaders.clean import clean, clean_text, dedupe_glued_caption
from loaders.errors import InputError
from loaders.models import ArticleRecord
from loaders.read import read_source

ROOT = Path(__file__).parents[2]
SEED_TXT = ROOT / "data" / "articles" / "kompas-2021-06-24-rusia-myanmar.txt"
SEED_JSON = ROOT / "data" / "articles" / "kompas-2021-06-24-rusia-myanmar.json"
PAGE = Path(__file__).parents[1] / "fixtures" / "pages" / "harbour-visit.html"


@pytest.fixture(scope="module")
def seed() -> str:
    [record] = read_source(str(SEED_TXT))
    return clean(record).text


@pytest.mark.parametrize(
    "gone",
    [
        "Kompas.com - 24/06/2021",
        "Baca juga",
        "Dapatkan informasi",
        "Daftarkan email",
        "Halaman:",
        "Sumber Reuters",
        "Rekomendasi untuk anda",
        "voucher",
        "komentar",
        "Close Ads",
        "Lengkapi Profil",
        "VADIM SAVITSKIY",
        "26th",
    ],
)
def test_seed_boilerplate_is_removed(seed: str, gone: str) -> None:
    assert gone.casefold() not in seed.casefold()


def test_seed_caption_is_kept_once_and_body_verbatim(seed: str) -> None:
    caption = "berjalan melewati penjaga sebelum memulai pembicaraan di Moskwa, Rusia, Selasa (22/6/2021)."
    assert seed.count(caption) == 1
    assert seed.startswith("Menteri Pertahanan Rusia Sergei Shoigu (kiri)")
    for kept in (
        "MOSKWA, KOMPAS.com – Menteri Pertahanan Rusia Sergei Shoigu mengatakan",
        "kata Shoigu dikutip RIA.",
        "Presiden Rusia Vladimir Putin tidak berencana untuk bertemu dengan Min Aung Hlaing.",
        "yang masuk daftar hitam oleh beberapa negara Barat.",
    ):
        assert kept in seed


def test_seed_txt_and_json_clean_to_the_same_text() -> None:
    [from_txt] = read_source(str(SEED_TXT))
    [from_json] = read_source(str(SEED_JSON))
    a, b = clean(from_txt), clean(from_json)
    assert a.text == b.text
    assert a.content_hash == b.content_hash == hashlib.sha256(a.text.encode()).hexdigest()
    assert b.id == "art:" + hashlib.sha256(str(b.url).encode()).hexdigest()[:16]
    # A local file without a URL is identified by where it lives (an edited file replaces its version).
    assert a.id == "art:" + hashlib.sha256(f"file:{SEED_TXT.resolve()}".encode()).hexdigest()[:16]
    assert (a.language, a.outlet, a.published) == ("id", "Kompas.com", "2021-06-24T12:20:00+07:00")


def test_sentences_index_the_clean_text(seed: str) -> None:
    [record] = read_source(str(SEED_TXT))
    article = clean(record)
    assert len(article.sentences) == 11
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text


def test_html_page_text_and_metadata() -> None:
    article = clean(ArticleRecord(source=str(PAGE), html=PAGE.read_text()))
    assert "visited the port of Eastharbour on Monday" in article.text
    assert "joint exercise in 2019" in article.text
    for gone in ("Read more", "Great article", "Sign in", "All rights reserved", "Story A"):
        assert gone not in article.text
    assert article.language == "en"
    assert article.url == "https://herald.example.org/world/navy-chief-visits-harbour"
    assert article.title == "Navy chief visits northern harbour"
    assert article.published is not None and article.published.startswith("2022-03-15")
    assert article.outlet == "The Example Herald"


def test_record_metadata_wins_over_the_page() -> None:
    record = ArticleRecord(source="x", html=PAGE.read_text(), title="Given", url="https://a.example/1")
    article = clean(record)
    assert (article.title, article.url) == ("Given", "https://a.example/1")


def test_caption_glued_to_itself_keeps_one_copy_without_an_all_caps_credit() -> None:
    caption = "The two ministers shake hands before their talks in the capital, Monday (3/1/2022)."
    assert dedupe_glued_caption(f"{caption} JOHN DOE/REUTERS via AP PHOTO{caption}") == caption
    assert dedupe_glued_caption(f"{caption} Photo by a friend {caption}") == f"{caption} Photo by a friend"
    assert dedupe_glued_caption(caption) == caption


def test_repeated_line_is_kept_once_and_labels_dropped() -> None:
    text = (
        "A headline about two ministers\n\nA headline about two ministers\nJane Roe\nJakarta -\n\n"
        "The ministers met on Monday and agreed to more talks.\nShare\nRead more: Another story\n"
        "They will meet again in May next year.\nTags\nMinisters\nTalks"
    )
    body, dateline = clean_text(text, "en")
    assert dateline is None
    assert body == (
        "A headline about two ministers\n\n"
        "The ministers met on Monday and agreed to more talks.\n"
        "They will meet again in May next year."
    )


def test_end_cue_drops_everything_after() -> None:
    text = "Minister A met Minister B on Monday in the capital.\nRelated articles\nMinister C visited D."
    assert clean_text(text, "en")[0] == "Minister A met Minister B on Monday in the capital."


def test_drop_cue_matches_whole_words_only() -> None:
    text = "Gabungan pasukan kedua negara berlatih bersama di Surabaya pada Senin."
    assert clean_text(text, "id")[0] == text


def test_language_is_detected_when_missing() -> None:
    record = ArticleRecord(source="x", text="Le ministre a rencontré son homologue à Paris et ils ont signé un accord.")
    assert clean(record).language == "fr"


def test_agency_lead_in_gives_the_outlet_when_missing() -> None:
    record = ArticleRecord(source="x", text="JAKARTA (ANTARA) - Menteri itu bertemu dengan duta besar di kantornya.")
    assert clean(record).outlet == "ANTARA"


@pytest.mark.parametrize(
    "record",
    [
        ArticleRecord(source="x"),
        ArticleRecord(source="x", text="Baca juga: Something\nShare"),
    ],
)
def test_record_without_body_is_an_input_error(record: ArticleRecord) -> None:
    with pytest.raises(InputError):
        clean(record)


def test_iso_date_field_glued_before_the_first_sentence_is_metadata() -> None:
    body, dateline = clean_text(" date 2023-04-11 MOSCOW: The admiral arrived in the capital.", "en")
    assert body == "MOSCOW: The admiral arrived in the capital."
    assert dateline is not None and dateline.published == "2023-04-11"


def test_a_sentence_starting_with_a_date_is_kept() -> None:
    text = "Monday 2023-04-11 was the day the admiral arrived."
    assert clean_text(text, "en") == (text, None)


@pytest.mark.parametrize("language", ["zz", "../../etc/x", "klingon"])
def test_an_unsupported_language_is_a_clear_input_error(language: str) -> None:
    from loaders.errors import InputError

    record = ArticleRecord(source="t.json", text="Russia and Myanmar signed an agreement.", language=language)
    with pytest.raises(InputError, match="not supported"):
        clean(record)


@pytest.mark.parametrize(("given", "code"), [("en-US", "en"), ("pt_BR", "pt"), ("eng", "en"), ("ind", "id")])
def test_regional_tags_and_three_letter_codes_name_the_same_language(given: str, code: str) -> None:
    record = ArticleRecord(source="t.json", text="Russia and Myanmar signed an agreement.", language=given)
    assert clean(record).language == code


def test_a_refused_publication_date_names_its_source() -> None:
    from loaders.errors import InputError

    record = ArticleRecord(source="feed.jsonl#L3", text="Russia and Myanmar signed an agreement.",
                           published="yesterday")
    with pytest.raises(InputError, match=r"^feed\.jsonl#L3: published"):
        clean(record)


def test_language_codes_are_case_insensitive_and_publication_dates_normalised() -> None:
    record = ArticleRecord(source="t.json", text="Russia and Myanmar signed an agreement.", language="EN",
                           published="24 June 2021")
    article = clean(record)
    assert article.language == "en"
    assert article.published == "2021-06-24"


_PAGE = ("<html><head><title>Ilse Varga in Graz</title>{meta}</head><body><article><h1>Ilse Varga in Graz</h1>"
         "<p>Ilse Varga met Tomas Brandt in Graz on Tuesday. Austria agreed to train Slovak pilots, the ministry "
         "said in a long statement.</p><p>More text follows here so that the page reads as an article.</p>"
         "</article><footer>© 2024 Example News. All rights reserved.</footer></body></html>")


def test_an_html_page_without_a_date_gets_none_not_its_copyright_year() -> None:
    article = clean(ArticleRecord(source="page.html", html=_PAGE.format(meta="")))
    assert article.published is None


def test_an_html_pages_published_meta_is_still_read() -> None:
    meta = '<meta property="article:published_time" content="2021-06-22T10:00:00+02:00">'
    article = clean(ArticleRecord(source="page.html", html=_PAGE.format(meta=meta)))
    assert article.published is not None and article.published.startswith("2021-06-22")
