"""What the loaders know about each language, as data: text data, detection, compiled rules, file schemas.

Modules: `data` (``loaders/data/lang/<code>/language.yaml``: stopwords, dates, sentence splitting, boilerplate),
`detect` (stopword-count detection), `rules` (``loaders/data/lang/<code>/rules.yaml`` compiled, with the
inherit chain), `schema` (the files' pydantic schemas, ``extra="forbid"``).
"""

from loaders.lang.data import (
           LANG_DIR,
           LANGUAGE_FILE,
           Boilerplate,
           LangData,
           all_lang_data,
           available_languages,
           inflection,
           lang_data,
           language_chain,
           name_suffixes,
           possessive_endings,
)
from loaders.lang.detect import detect_language
from loaders.lang.rules import RULES_FILE, Rules, TitleCue, Trigger, load_rules
from loaders.lang.schema import TriggerStrength

__all__ = ["LANGUAGE_FILE", "LANG_DIR", "RULES_FILE", "Boilerplate", "LangData", "Rules",
           "TitleCue", "Trigger", "TriggerStrength", "all_lang_data", "available_languages", "detect_language",
           "inflection", "lang_data", "language_chain", "load_rules", "name_suffixes", "possessive_endings"]
