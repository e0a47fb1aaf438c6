"""Organisations the registry does not know, found by their form (rules.v2).

Three forms; the words are data of each language (``org_suffixes``, ``org_prefixes``, ``company_nouns``
in loaders/data/lang/*/rules.yaml, English merged into every language):

- a capitalised name closed by a legal or group suffix: "Andes Optics Ltd", "Kestrel Systems GmbH";
- a legal prefix before a capitalised name: "PT Sinar Baja", "JSC Volna";
- a company noun right before a capitalised name: "the firm Kestrel Systems", "die Firma Nordwerk",
  "la empresa Aceros Patagonia", "perusahaan Sinar Baja".

The name must not overlap another mention and holds at most four capitalised words besides the suffix.

Two more forms name institutions (``org_heads``, ``body_phrases``):

- an abbreviation in capitals spelt out in parentheses right after it, the spelling headed by an
  institution noun: "the CMRN (Comité militaire pour le renouveau national)", "der NRK (Nationaler Rat …)";
- a body named by a lower-case phrase: "the transitional council", "la garde républicaine", "dewan militer".
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from loaders.text import Token, slug

if TYPE_CHECKING:
    from loaders.lang import Rules
    from loaders.text import SentenceView, Spans

_MAX_WORDS = 4
_QUOTES = "\"'“”«»„"


@dataclass(frozen=True)
class OrgSpan:
    """A discovered organisation's span and id."""

    start: int
    end: int
    entity_id: str


def _covered(tok: Token, taken: Spans) -> bool:
    return taken.overlaps(tok.start, tok.end)


def _capitalised(sv: SentenceView, tok: Token, rules: Rules) -> bool:
    raw = sv.raw(tok.start, tok.end).lstrip(_QUOTES)
    return raw[:1].isupper() and tok.text not in rules.stopwords and not raw.isdigit()


def _joined(sv: SentenceView, a: Token, b: Token) -> bool:
    gap = sv.raw(a.end, b.start)
    return len(gap) <= 3 and gap.strip(_QUOTES + "& ") in ("", "-")


def _run_forward(sv: SentenceView, i: int, rules: Rules, taken: Spans) -> int:
    """Index after the capitalised run starting at token i (i itself when there is none)."""
    j = i
    toks = sv.tokens
    while j < len(toks) and j - i < _MAX_WORDS and not _covered(toks[j], taken) \
            and _capitalised(sv, toks[j], rules) and (j == i or _joined(sv, toks[j - 1], toks[j])):
        j += 1
    return j


def _span(sv: SentenceView, first: Token, last: Token) -> OrgSpan:
    start, end = first.start, last.end
    name = sv.raw(start, end).strip(_QUOTES)
    return OrgSpan(start, end, f"org:{slug(name)}")


def _by_suffix(sv: SentenceView, rules: Rules, taken: Spans) -> list[OrgSpan]:
    out: list[OrgSpan] = []
    if rules.words.get("org_suffixes", frozenset()).isdisjoint(sv.word_set):
        return out  # no suffix word in the sentence
    toks = sv.tokens
    for k, tok in enumerate(toks):
        if not rules.has("org_suffixes", tok.text) or not sv.raw(tok.start, tok.end)[:1].isupper() or k == 0:
            continue
        i = k
        while i > 0 and k - i < _MAX_WORDS and not _covered(toks[i - 1], taken) \
                and _capitalised(sv, toks[i - 1], rules) and _joined(sv, toks[i - 1], toks[i]) \
                and not rules.has("org_suffixes", toks[i - 1].text):
            i -= 1
        if sv.raw(tok.end, tok.end + 1) == "-":
            continue  # "Co-operation"
        if i < k and not _covered(tok, taken):
            out.append(_span(sv, toks[i], tok))
    return out


def _after_cue(sv: SentenceView, rules: Rules, taken: Spans, kind: str,
               keep_cue: bool) -> list[OrgSpan]:
    out: list[OrgSpan] = []
    if rules.words.get(kind, frozenset()).isdisjoint(sv.word_set):
        return out  # no cue word in the sentence
    toks = sv.tokens
    for k, tok in enumerate(toks[:-1]):
        if not rules.has(kind, tok.text):
            continue
        if keep_cue and not sv.raw(tok.start, tok.end).isupper():
            continue  # "PT", "JSC": a legal prefix is written in capitals
        gap = sv.raw(tok.end, toks[k + 1].start)
        if gap.strip(_QUOTES + " ") or "," in gap:
            continue
        j = _run_forward(sv, k + 1, rules, taken)
        if j > k + 1:
            out.append(_span(sv, tok if keep_cue else toks[k + 1], toks[j - 1]))
    return out


_ABBREVIATION = (2, 8)  # letters of an abbreviation ("CNR", "CMPSR")
_SPELT_OUT_HEAD = 4  # words of the parenthesised spelling searched for its institution noun


def _spelt_out(sv: SentenceView, rules: Rules, taken: Spans) -> list[OrgSpan]:
    """"the CMRN (Comité militaire pour le renouveau national)": the abbreviation is an institution."""
    out: list[OrgSpan] = []
    if "(" not in sv.sentence.text:
        return out  # the spelling is in parentheses
    toks = sv.tokens
    for k, tok in enumerate(toks[:-1]):
        raw = sv.raw(tok.start, tok.end)
        if not (_is_abbreviation(raw) and raw.isupper()) \
                or _covered(tok, taken) or sv.raw(tok.end, toks[k + 1].start).strip() != "(":
            continue
        close = sv.raw(tok.end, sv.sentence.end).find(")")
        inside = [t for t in toks[k + 1:] if close >= 0 and t.end <= tok.end + close][:_SPELT_OUT_HEAD]
        if inside and sv.raw(inside[0].start, inside[0].end)[:1].isupper() \
                and any(rules.has("org_heads", t.text) for t in inside):
            out.append(OrgSpan(tok.start, tok.end, f"org:{slug(raw)}"))
    return out


_NAME_WORDS = 10  # words of an institution's capitalised name before its abbreviation


def _is_abbreviation(raw: str) -> bool:
    return raw.isalpha() and raw[:1].isupper() and _ABBREVIATION[0] <= len(raw) <= _ABBREVIATION[1]


def _named_before_abbreviation(sv: SentenceView, rules: Rules, taken: Spans) -> list[OrgSpan]:
    """"the Andean Council of Defence Ministers (ACDM)": a capitalised name holding an institution noun,
    its abbreviation in parentheses right after it; both name the institution."""
    out: list[OrgSpan] = []
    if "(" not in sv.sentence.text:
        return out  # the abbreviation is in parentheses
    toks = sv.tokens
    for k, tok in enumerate(toks[1:], start=1):
        if not _is_abbreviation(sv.raw(tok.start, tok.end)) or sv.raw(toks[k - 1].end, tok.start).strip() != "(" \
                or not sv.raw(tok.end, sv.sentence.end).startswith(")") or _covered(tok, taken) \
                or _parent_after(sv, tok.end + 1, rules):
            continue
        # the nearest capitalised institution noun before it, past lower-case words ("Conseil militaire de
        # transition"), then the capitalised words right before that noun ("Economic Community")
        h = k - 1

        def heads(t: Token) -> bool:
            return rules.has("org_heads", t.text) or rules.has("force_heads", t.text)

        while h > 0 and k - h <= _NAME_WORDS and not (_capitalised(sv, toks[h], rules) and heads(toks[h])):
            h -= 1
        if not heads(toks[h]) or any(_covered(t, taken) for t in toks[h:k]) \
                or any(sv.raw(a.end, t.start).strip(" -") for a, t in pairwise(toks[h:k])):
            continue
        # a force's noun ("Forces", ``force_heads``) heads a name it ends or that goes on in lower case ("Forces
        # de défense côtière"), not one going on capitalised: "the Visiting Forces Agreement (VFA)"
        if not rules.has("org_heads", toks[h].text) and any(
                _capitalised(sv, t, rules) and not rules.has("title_links", t.text) for t in toks[h + 1:k]):
            continue
        i = h
        while i > 0 and _capitalised(sv, toks[i - 1], rules) and not _covered(toks[i - 1], taken) \
                and not sv.raw(toks[i - 1].end, toks[i].start).strip(" -"):
            i -= 1
        name = toks[i:k]
        if name:
            span = _span(sv, name[0], name[-1])
            out += [span, OrgSpan(tok.start, tok.end, span.entity_id)]
    return out


def _parent_after(sv: SentenceView, pos: int, rules: Rules) -> bool:
    """"Badan Logistik (Kabalog) Kemenhan": a capitalised word right after the parentheses names the
    institution the named unit belongs to, which the title rules read."""
    nxt = next((t for t in sv.tokens if t.start >= pos), None)
    return nxt is not None and not sv.raw(pos, nxt.start).strip() and _capitalised(sv, nxt, rules)


def _bodies(sv: SentenceView, rules: Rules, taken: Spans) -> list[OrgSpan]:
    """"the transitional council", "la garde républicaine": a body named by its lower-case phrase."""
    hits = rules.phrases["body_phrases"].find(sv.tokens, sv.sentence.text, sv.start)
    return [OrgSpan(h.start, h.end, f"org:{slug(sv.raw(h.start, h.end))}") for h in hits
            if not taken.overlaps(h.start, h.end) and not _in_parentheses(sv, h.start)]


def _in_parentheses(sv: SentenceView, pos: int) -> bool:
    """Whether `pos` lies inside an open parenthesis (the spelling of an abbreviation names no body)."""
    before = sv.raw(sv.start, pos)
    return before.rfind("(") > before.rfind(")")


def find_org_spans(sv: SentenceView, rules: Rules, taken: Spans) -> list[OrgSpan]:
    """Organisations named by their form in one sentence, not overlapping `taken` or each other."""
    found: list[OrgSpan] = []
    for cands in (_by_suffix(sv, rules, taken), _after_cue(sv, rules, taken, "org_prefixes", True),
                  _after_cue(sv, rules, taken, "company_nouns", False), _spelt_out(sv, rules, taken),
                  _named_before_abbreviation(sv, rules, taken),
                  _bodies(sv, rules, taken)):
        for c in cands:
            if not any(f.start < c.end and c.start < f.end for f in found):
                found.append(c)
    return sorted(found, key=lambda f: f.start)


_APPOSITION_WORDS = 8


def _apposition_names_firms(sv: SentenceView, end: int, rules: Rules) -> bool:
    """Whether ", <up to 8 words with a company noun>" follows `end` ("…, two of the largest contractors")."""
    rest = sv.raw(end, sv.sentence.end)
    if not rest.lstrip(" ").startswith(","):
        return False
    first_comma = end + rest.index(",") + 1
    stop = sv.raw(first_comma, sv.sentence.end)
    cut = min([i for i in (stop.find(","), stop.find(";"), stop.find(".")) if i >= 0], default=len(stop))
    words = [t.text for t in sv.tokens if first_comma <= t.start < first_comma + cut][:_APPOSITION_WORDS]
    # a plural of the noun: "contractors", "Rüstungskonzerne", "empresas", "perusahaan"
    return any(rules.has("company_nouns", w[:len(w) - cut]) for w in words for cut in (0, 1, 2))


def coordinated_orgs(sv: SentenceView, org_items: list[tuple[int, int, str]], rules: Rules,
                     taken: Spans) -> list[OrgSpan]:
    """"A and B, two defence contractors": a capitalised name coordinated with an organisation `A`
    (start, end, kind of actor) before an apposition naming firms is an organisation too."""
    out: list[OrgSpan] = []
    toks = sv.tokens
    for _, a_end, _ in org_items:
        k = next((i for i, t in enumerate(toks) if t.start >= a_end), None)
        if k is None or k + 1 >= len(toks) or not rules.has("conjunctions", toks[k].text) \
                or sv.raw(a_end, toks[k].start).strip():
            continue
        j = _run_forward(sv, k + 1, rules, taken)
        if j > k + 1 and _apposition_names_firms(sv, toks[j - 1].end, rules):
            out.append(_span(sv, toks[k + 1], toks[j - 1]))
    return out
