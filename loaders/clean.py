"""Clean stage: an `ArticleRecord` becomes a `CleanArticle` (body text, language, sentences).

HTML pages go through trafilatura first (precision over recall, no comments, no tables); the text is
then cleaned line by line, whatever its origin. Only whole lines are removed, the kept text is verbatim:

* a dateline line near the top ("Kompas.com - 24/06/2021, 12:20 WIB") is removed and kept as metadata,
  and so is an ISO date field glued before the first sentence ("date 2023-04-11 MOSCOW: ...");
* lines matching the boilerplate cues of the language and of English (loaders/data/lang/*/language.yaml) are
  dropped; a short line starting with an end cue ("Halaman:", "Related articles") ends the body;
* a line repeated right after itself is kept once; a photo caption glued to a copy of itself
  ("CAPTION CREDIT CAPTION") is kept once, without an ALL-CAPS photo credit;
* very short lines without sentence punctuation (UI labels, "Jakarta -", counters) are dropped, and so
  is any run of short lines without sentence punctuation after the last sentence of the body.

The caption itself is kept: it may be the only sentence that says where a fact happened; the
extractor de-duplicates the facts a caption repeats.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pycountry
import trafilatura

from loaders.dates import Dateline, normalize_published, parse_dateline, parse_leadin
from loaders.errors import InputError
from loaders.lang import LangData, available_languages, detect_language, language_chain
from loaders.models import ArticleRecord, CleanArticle
from loaders.sentences import split_sentences

_HEAD_LINES = 8  # a dateline is looked for among the first non-blank lines only
_SHORT_WORDS = 3
_END_CUE_MAX_CHARS = 80
_TAIL_MAX_CHARS = 80
_TAIL_MAX_WORDS = 5  # a longer line may be the body's last sentence, cut off in an excerpt
_MIN_CAPTION = 25
_DATE_FIELD = re.compile(r"^\s*(?P<cue>[^\W\d_]+):?\s+(?P<iso>\d{4}-\d{2}(?:-\d{2})?)\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)]\s*$")


def clean(record: ArticleRecord) -> CleanArticle:
    """Turn a record into a clean article: boilerplate out, metadata filled, language known, split."""
    meta: dict[str, Any] = {}
    if record.html and record.html.strip():
        raw, meta = html_to_text(record.html, url=record.url)
    elif record.text and record.text.strip():
        raw = record.text
    else:
        raise InputError(f"{record.source}: the record has neither text nor html")
    language = _language(record, raw)
    text, dateline = clean_text(raw, language)
    if not text:
        raise InputError(f"{record.source}: no article text left after removing boilerplate")
    url = record.url or meta.get("url") or None
    try:
        published = normalize_published(record.published or (dateline.published if dateline else None)
                                        or meta.get("date"))
    except InputError as exc:
        raise InputError(f"{record.source}: {exc}") from exc
    outlet = record.outlet or (dateline.outlet if dateline else None) or _leadin_outlet(text)
    outlet = outlet or meta.get("sitename") or None
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return CleanArticle(
        id=article_id(url or record.identity, text),
        source=record.source,
        url=url,
        outlet=outlet,
        language=language,
        published=published,
        title=record.title or meta.get("title") or None,
        text=text,
        content_hash=content_hash,
        sentences=split_sentences(text, language),
    )


def _language(record: ArticleRecord, raw: str) -> str:
    """The record's language (ISO 639-1, any case) if the project has data for it, else detected."""
    if not record.language:
        return detect_language(raw)
    # "en-US", "pt_BR" and ISO 639-2/3 codes ("eng", "ind") name the same languages as "en", "pt", "id".
    code = re.split(r"[-_]", record.language.strip().lower(), maxsplit=1)[0]
    if len(code) == 3 and (found := pycountry.languages.get(alpha_3=code)) is not None:
        code = getattr(found, "alpha_2", code)
    if code not in available_languages():
        raise InputError(
            f"{record.source}: language {record.language!r} is not supported; "
            f"use one of {', '.join(available_languages())} or leave it out to detect it"
        )
    return code


def article_id(url: str | None, text: str) -> str:
    """`art:` + the first 16 hex digits of sha256 of the url (or a local file's identity), else of the text."""
    return "art:" + hashlib.sha256((url or text).encode("utf-8")).hexdigest()[:16]


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Main text of an HTML page (trafilatura) and its metadata (title, url, date, sitename)."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        # htmldate's extensive search turns a footer's "© 2024" into 2024-01-01: an invented date that
        # weekday references were then resolved against. Metadata, <time> elements and the URL still count.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return "", {}
    if not isinstance(doc, dict):
        doc = doc.as_dict()
    if not str(doc.get("text") or "").strip():
        return "", {}
    meta = {k: doc.get(k) for k in ("title", "url", "date", "sitename")}
    return str(doc["text"]), meta


def clean_text(text: str, lang: str) -> tuple[str, Dateline | None]:
    """Remove boilerplate lines from `text`; return the body and the dateline found at its top."""
    langs = language_chain(lang)  # the language, then those it inherits (English)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    dateline: Dateline | None = None
    m = _DATE_FIELD.match(text)
    cues = tuple(w for d in langs for w in d.boilerplate.dateline_words)
    if m and m.group("cue").casefold() in cues:
        # a metadata field glued before the first sentence ("date 2023-04-11 MOSCOW: ...")
        dateline, text = Dateline(published=m.group("iso")), text[m.end() :]
    lines = text.split("\n")
    kept: list[str] = []
    seen_nonblank = 0
    body_started = False
    for raw_line in lines:
        line = raw_line.rstrip()
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        seen_nonblank += 1
        if dateline is None and not body_started and seen_nonblank <= _HEAD_LINES:
            found = parse_dateline(stripped, lang) or parse_dateline(stripped)
            if found is not None:
                dateline = found
                continue
        folded = " ".join(stripped.casefold().split())
        if body_started and len(stripped) <= _END_CUE_MAX_CHARS and _any_prefix(folded, langs, "end"):
            break
        if _any_prefix(folded, langs, "drop") or _is_drop_line(folded, langs):
            continue
        if _is_short_label(stripped):
            continue
        previous = next((k for k in reversed(kept) if k.strip()), None)
        if previous is not None and previous.strip() == stripped:
            continue
        line = dedupe_glued_caption(line)
        kept.append(line)
        if _SENTENCE_END.search(stripped) and len(stripped.split()) > _SHORT_WORDS:
            body_started = True
    while kept and (not kept[-1].strip() or _is_tail_line(kept[-1])):
        kept.pop()
    body = "\n".join(kept).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", body), dateline


def _any_prefix(folded: str, langs: tuple[LangData, ...], kind: str) -> bool:
    """Whether the folded line starts with a cue (end cues or drop cues) of its language's chain."""
    for lang in langs:
        cues = lang.boilerplate.end_prefix if kind == "end" else lang.boilerplate.drop_prefix
        if not folded.startswith(cues):
            continue  # no cue at all (one C-level test): the usual case for a line of the body
        for cue in cues:
            if folded.startswith(cue) and (
                len(folded) == len(cue) or not cue[-1].isalnum() or not folded[len(cue)].isalnum()
            ):
                return True
    return False


def _is_drop_line(folded: str, langs: tuple[LangData, ...]) -> bool:
    """Whether the folded line is exactly a UI label of its language's chain."""
    core = folded.rstrip(":").strip()
    return any(core in d.boilerplate.drop_line for d in langs)


def _is_short_label(stripped: str) -> bool:
    """A line of at most a few words without sentence punctuation: a label, counter or lead-in stub."""
    return len(stripped.split()) <= _SHORT_WORDS and not _SENTENCE_END.search(stripped)


def _is_tail_line(line: str) -> bool:
    """A line after the body that is no sentence (short, no sentence punctuation at its end)."""
    stripped = line.strip()
    return (
        len(stripped) <= _TAIL_MAX_CHARS
        and len(stripped.split()) <= _TAIL_MAX_WORDS
        and not re.search(r"[.!?…\"”’»]\s*$", stripped)
    )


def dedupe_glued_caption(line: str) -> str:
    """Keep one copy of a caption glued to a repeat of itself, dropping an ALL-CAPS credit between them."""
    if len(line) < 2 * _MIN_CAPTION:
        return line
    probe = line[:_MIN_CAPTION]
    i = line.find(probe, (len(line) + 1) // 2)
    while i != -1:
        copy = line[i:]
        if line.startswith(copy):
            middle = line[len(copy) : i]
            letters = [c for c in middle if c.isalpha()]
            upper = sum(1 for c in letters if c.isupper())
            if not letters or upper >= 0.8 * len(letters):
                return copy.rstrip()
            return (copy + middle).rstrip()
        i = line.find(probe, i + 1)
    return line


def _leadin_outlet(text: str) -> str | None:
    """The agency or outlet named by the lead-in of the first body line, if any."""
    first = next((ln for ln in text.split("\n") if ln.strip()), "")
    return parse_leadin(first)
