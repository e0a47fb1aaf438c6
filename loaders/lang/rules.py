"""The compiled rules of one language: title cues, ranks, relation triggers, modality and cue word sets.

A language's file ``loaders/data/lang/<code>/rules.yaml`` names the rules it ``inherit:``s (every language
but English inherits English, `loaders.lang.inherit`); ``not_inherited:`` keeps an inherited phrase out.
Each file is checked against `loaders.lang.schema.RulesFile` when it is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph_schema.model import Modality
from loaders.datafiles import load_yaml
from loaders.errors import RegistryError
from loaders.lang.data import LANG_DIR, inflection, lang_data, language_chain
from loaders.lang.inherit import chain, inherited
from loaders.lang.schema import InflectedFile, RulesFile, TriggerStrength, checked
from loaders.text import PhraseMatch, PhraseMatcher, SentenceView, fold, norm

RULES_FILE = "rules.yaml"  # in each language's folder of LANG_DIR
INFLECTED_FILE = "inflected.yaml"  # beside it: trigger forms generated from lemmas (scripts/import_inflections.py)


@dataclass(frozen=True)
class TitleCue:
    """A title word or phrase and what it means."""

    role: str
    org_kind: str | None
    needs_org: bool
    shared: bool = False  # several people hold it at once (deputy minister, ambassador): no holder by date


@dataclass(frozen=True)
class Trigger:
    """A relation trigger phrase."""

    relation: str
    strength: TriggerStrength
    capitalised: bool = False  # a noun in a language that capitalises nouns: "Treffen", not the verb "treffen"


@dataclass
class Rules:
    """The compiled rules of one language (plus English)."""

    lang: str
    titles: PhraseMatcher[TitleCue]
    ranks: PhraseMatcher[str]
    triggers: PhraseMatcher[Trigger]
    words: dict[str, frozenset[str]]  # single-word cue sets: conjunctions, negation, …
    phrases: dict[str, PhraseMatcher[str]]  # multi-word cue sets: skip_sentences, anaphora, …
    modality: PhraseMatcher[str]
    # "the West African country", "le pays sud-américain": payload the world regions it names (regions.yaml)
    regions: PhraseMatcher[frozenset[str]]
    stopwords: frozenset[str] = field(default_factory=frozenset)
    # month and weekday names of the language and of the fallback language, folded: never a person's name
    calendar_words: frozenset[str] = field(default_factory=frozenset)
    verb_final: bool = False  # "A hat B getroffen": a clause-final verb has both its actors before it
    future_endings: tuple[str, ...] = ()  # "entrenará": a trigger verb so ending states a plan (as written)
    # the language's own definite articles (none: it has none), before a description that refers ("the
    # West African country"); not inherited, English "the" is no article of Indonesian
    definite_articles: frozenset[str] = frozenset()
    lowercase_name_words: bool = False  # "Forum économique d'Accra": lower-case words after a name's head

    def future_form(self, word: str) -> bool:
        """Whether a word as written is a synthetic future form of the language ("livrera", "fornirà")."""
        low = word.lower()
        return len(low) >= _FUTURE_MIN and low.endswith(self.future_endings) if self.future_endings else False

    def trigger_ok(self, sv: SentenceView, m: PhraseMatch[Trigger]) -> bool:
        """Whether a trigger found in a sentence counts: a capitalised noun trigger must be capitalised."""
        return not m.payload.capitalised or sv.raw(m.start, m.end)[:1].isupper()

    def has(self, kind: str, word: str) -> bool:
        """Whether a folded word is in one of the single-word cue sets."""
        return word in self.words.get(kind, _NO_WORDS)


_NO_WORDS: frozenset[str] = frozenset()
_FUTURE_MIN = 6  # letters of a word below which an ending says nothing ("era", "irá")
WORD_SETS = ("between", "conjunctions", "passive_agents", "negation", "locative_preps", "speech_verbs",
              "source_preps", "recipient_preps", "object_preps", "comitative_preps", "determiners",
              "host_preps", "former", "title_links", "name_particles", "affiliation_preps",
              "org_suffixes", "org_prefixes", "company_nouns", "arms_words", "counterpart_nouns", "event_compounds",
              "event_name_cues", "event_links", "coup_verbs", "since_words", "ruling_words",
              "passive_cues", "complementizers", "charge_preps", "infinitive_markers",
              "member_nouns", "org_heads", "relative_words", "subject_pronouns", "copulas",
              "group_nouns", "state_heads", "inclusion_words", "attendance_preps",
              "adversative_preps", "force_heads", "assist_verbs", "under_preps", "demonstratives", "seller_preps",
              "attribution_words", "cause_preps", "concessive_preps", "auxiliaries",
              "genitive_preps", "sequence_words", "inserted_adverbs", "individual_nouns",
              "gratitude_verbs")
PHRASE_SETS = ("skip_sentences", "statement_anaphora", "event_anaphora", "event_nouns", "capital_words",
                "negation", "conjunctions", "relative_pronouns", "remote_contact", "ship_nouns",
                "list_markers", "role_verbs", "military_references", "pair_references", "people_pair_references",
                "coup_nouns",
                "body_phrases", "termination_cues", "presence_cues", "place_relatives", "military_nouns",
                "failed_coup_words", "reliance_cues", "intention_cues",
                "contrastive_conjunctions", "receipt_verbs", "goods_nouns")
# the reference sets, also compiled into one matcher whose payload is the set's name (one scan a sentence)
REFERENCE_SETS = ("military_references", "pair_references", "people_pair_references", "coup_nouns")
# the nouns of state institutions, compiled into one matcher whose payload is the institution's kind
INSTITUTIONS = "institution_nouns"


def _read_rules(path: Path) -> dict[str, Any]:
    """One rules file, schema-checked (an empty one when the language has none)."""
    if not path.exists():
        return {}
    try:
        raw = load_yaml(path) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: {exc}") from exc
    checked(RulesFile, raw, path)
    return _with_inflected(dict(raw), path.parent / INFLECTED_FILE)


def _with_inflected(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    """A rules file with the generated inflected forms of its lemmas added to its triggers."""
    if not path.exists():
        return raw
    try:
        extra = load_yaml(path) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: {exc}") from exc
    checked(InflectedFile, extra, path)
    triggers = {rel: dict(groups or {}) for rel, groups in (raw.get("triggers") or {}).items()}
    for rel, groups in (extra.get("triggers") or {}).items():
        for strength, phrases in groups.items():
            have = triggers.setdefault(rel, {})
            have[strength] = [*(have.get(strength) or []), *phrases]
    return {**raw, "triggers": triggers}


def _rules_raw(lang: str, lang_dir: Path) -> list[dict[str, Any]]:
    """The rules files of `lang`'s inherit chain (``inherit:`` of each rules file), the language first."""
    raws: dict[str, dict[str, Any]] = {}

    def parents(code: str) -> tuple[str, ...]:
        raws[code] = _read_rules(lang_dir / code / RULES_FILE)
        return inherited(raws[code])

    codes = chain(lang, parents, lambda code: lang_dir / code / RULES_FILE)
    return [raws[code] for code in codes if (lang_dir / code / RULES_FILE).exists()]


def _without(raw: dict[str, Any], dropped: set[str]) -> dict[str, Any]:
    """A rules file without the cue phrases in `dropped` (folded), in every section.

    ``not_inherited: [may]`` in Tagalog rules: the English modal "may" is the Tagalog "there is/has";
    ``[no]`` in Portuguese: "no" is "in the", not a negation.
    """
    def keep(phrase: Any) -> bool:
        return norm(str(phrase)) not in dropped

    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "titles":
            out[key] = [{**t, "cue": [c for c in t["cue"] if keep(c)]} for t in value or []]
        elif key in ("triggers", "modality"):
            out[key] = {k: ({s: [p for p in ps or [] if keep(p)] for s, ps in v.items()} if isinstance(v, dict)
                            else [p for p in v or [] if keep(p)]) for k, v in (value or {}).items()}
        elif isinstance(value, list):
            out[key] = [p for p in value if keep(p)]
        else:
            out[key] = value
    return out


def _calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names of the language and the languages its data inherits, folded.

    The language data's chain (``language.yaml`` ``inherit:``), not the rules': English month names are no
    person's name in any language that inherits English.
    """
    out: set[str] = set()
    for data in language_chain(lang):
        out.update(fold(str(w)) for w in (*data.months, *data.weekdays))
    return frozenset(out)


def _stopwords(lang: str) -> frozenset[str]:
    """The language's stopwords, folded (none for a language without a data file)."""
    return frozenset(fold(w) for w in lang_data(lang).stopwords)


def _with_compounds(phrase: str, modifiers: Sequence[str]) -> list[str]:
    """A phrase and, when it is one capitalised noun, the compounds the language's ``compound_modifiers``
    make with it ("Kooperation" → "Rüstungskooperation", "Konferenz" → "Sicherheitskonferenz"): German
    writes a qualified noun as one word, so a trigger or event noun is also the tail of a compound."""
    if not modifiers or " " in phrase or not phrase[:1].isupper() or phrase.endswith("*"):
        return [phrase]
    return [phrase, *(f"{m}{phrase.lower()}" for m in modifiers)]


def _add_region_phrases(regions: PhraseMatcher[frozenset[str]], raw: dict[str, Any]) -> None:
    """A rules file's descriptions of a state by its region: each ``region_words`` adjective with each
    ``region_nouns`` noun, in the file's order (``region_noun_first``: "pays africain", "negara Afrika")."""
    nouns = [str(n) for n in raw.get("region_nouns") or []]
    words: dict[str, set[str]] = {}
    for region, adjectives in (raw.get("region_words") or {}).items():
        for adjective in adjectives or []:
            words.setdefault(str(adjective), set()).add(str(region))
    for adjective, keys in words.items():
        for noun in nouns:
            phrase = f"{noun} {adjective}" if raw.get("region_noun_first") else f"{adjective} {noun}"
            regions.add(phrase, frozenset(keys), inflect=False)


@lru_cache(maxsize=32)
def load_rules(lang: str, lang_dir: Path = LANG_DIR) -> Rules:
    """The rules of `lang` merged with English ones, compiled once."""
    titles: PhraseMatcher[TitleCue] = PhraseMatcher(inflection())
    ranks: PhraseMatcher[str] = PhraseMatcher(inflection())
    triggers: PhraseMatcher[Trigger] = PhraseMatcher(inflection())
    modality: PhraseMatcher[str] = PhraseMatcher(inflection())
    regions: PhraseMatcher[frozenset[str]] = PhraseMatcher(inflection())
    words: dict[str, set[str]] = {k: set() for k in WORD_SETS}
    phrases: dict[str, PhraseMatcher[str]] = {k: PhraseMatcher(inflection())
                                              for k in (*PHRASE_SETS, "references", INSTITUTIONS)}
    verb_final = lowercase_names = False
    future: tuple[str, ...] = ()
    definite: frozenset[str] = frozenset()
    dropped: set[str] = set()  # cues a file keeps its fallbacks (inherited file, English) from adding
    for i, raw in enumerate(_rules_raw(lang, lang_dir)):
        if i == 0:
            verb_final = bool(raw.get("verb_final"))
            lowercase_names = bool(raw.get("lowercase_name_words"))
            future = tuple(str(e).lower() for e in raw.get("future_endings") or [])
            definite = frozenset(norm(str(w)) for w in raw.get("definite_articles") or [])
        if dropped:
            raw = _without(raw, dropped)
        dropped |= {norm(str(w)) for w in raw.get("not_inherited") or []}
        for t in raw.get("titles") or []:
            needs_org = bool(t.get("needs_org", False))
            cue = TitleCue(str(t["role"]), t.get("org_kind"), needs_org, bool(t.get("shared", needs_org)))
            for phrase in t["cue"]:
                titles.add(str(phrase), cue, inflect=False)
        for r in raw.get("ranks") or []:
            ranks.add(str(r), str(r), inflect=False)
        modifiers = [str(m) for m in raw.get("compound_modifiers") or []]
        for rel, groups in (raw.get("triggers") or {}).items():
            for strength, phrase_list in (groups or {}).items():
                for phrase in phrase_list or []:
                    cap = bool(raw.get("nouns_capitalised")) and str(phrase)[:1].isupper()
                    trigger = Trigger(str(rel), TriggerStrength(strength), cap)
                    for form in _with_compounds(str(phrase), modifiers if strength == "strong" else []):
                        triggers.add(form, trigger, inflect=False)
        for status, phrase_list in (raw.get("modality") or {}).items():
            for phrase in phrase_list or []:
                modality.add(str(phrase), str(status), inflect=False)
        for phrase in raw.get("hedges") or []:  # "reportedly", "probablement": stated as unsure
            modality.add(str(phrase), Modality.ALLEGED.value, inflect=False)
        for key in WORD_SETS:
            words[key].update(norm(str(w)) for w in raw.get(key) or [])
        for key in PHRASE_SETS:
            for phrase in raw.get(key) or []:
                for form in _with_compounds(str(phrase), modifiers if key == "event_nouns" else []):
                    phrases[key].add(form, str(phrase), inflect=False)
        _add_region_phrases(regions, raw)
        for key in REFERENCE_SETS:
            for phrase in raw.get(key) or []:
                phrases["references"].add(str(phrase), key, inflect=False)
        for kind, phrase_list in (raw.get(INSTITUTIONS) or {}).items():
            for phrase in phrase_list or []:
                phrases[INSTITUTIONS].add(str(phrase), str(kind), inflect=False)
    return Rules(lang=lang, titles=titles, ranks=ranks, triggers=triggers, regions=regions,
                 words={k: frozenset(v) for k, v in words.items()}, phrases=phrases,
                 modality=modality, stopwords=_stopwords(lang), calendar_words=_calendar_words(lang),
                 verb_final=verb_final, future_endings=future, lowercase_name_words=lowercase_names,
                 definite_articles=definite)
