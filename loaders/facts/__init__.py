"""Facts from resolved mentions and relation triggers (extractor ``rules.v1``).

Per sentence (sentences of related-article links — "Baca juga", "Read more" — are skipped):

* **HOLDS_ROLE** for every person named with a title (object: the title's organisation, else its state);
* a **trigger** of ``loaders/data/lang/<lang>/rules.yaml`` gives the relation; its arguments follow general
  rules: the subject is the nearest fitting actor before the trigger (not one already used as the
  object of an earlier trigger of the sentence, so "A flew to B to attend C" makes A the attendee), the
  object the first fitting actor after it; with no subject before it, "between A and B", a subject after
  the subordinate clause ("Before meeting A, B met C"), or "trigger A … B" ("talks of A with B", "a visit
  by A to B", "disampaikan A kepada B") are tried; "A and B held talks" pairs coordinated subjects; an
  object after a passive agent word ("by", "oleh") swaps the roles; ``reverse`` triggers ("bought")
  swap supplier and recipient; coordinated objects ("to A and B") each get a fact;
* a person where a state or organisation is needed stands for the organisation/state of their title;
  a capital city where a state is needed (recipient "à Bakou") stands for the state;
* **negation** cues between the subject and the trigger deny the fact; **modality** cues make it
  planned/agreed/announced. Denied facts, and planned meetings/visits/attendance, are *withheld* (kept
  apart from the fact view); planned cooperation or supply is a fact with its status;
* **date**: the date expression of the sentence nearest the trigger; a sentence that opens with a
  statement anaphor ("Pernyataan tersebut disampaikan … pada Selasa (22/6/2021)") dates the undated
  facts of the sentence before; **place**: a place named in the sentence, else the dateline city;
  a visit to a city is a visit to its state, the city being the place;
* ``reverse`` (purchase) triggers: the buyer is the recipient; the seller is the actor after a source
  word ("from", "dari", "de", "von"), else the maker's state of a weapon named after the trigger; a supply
  noun with an origin adjective ("delivery of Russian S-400 to India") has that state as the supplier;
* a trigger inside a relative clause ("…, which …", "yang …") takes its subject from the clause or the
  antecedent right before the pronoun; a trigger outside takes no argument and no date from inside one;
* accusations ("accused of supplying") are *alleged* and withheld; pledges are *announced*; a phone call
  is no meeting; a state and its own forces are not two parties of a tie; a sanctions sentence naming
  only targets takes the sanctioning actor of the article's previous sanctions;
* a marked list ("among those sanctioned are A, …; B, …") sanctions each item's head by the actor of the
  article's last sanctions fact (`lists`); hedges ("reportedly", ``hedges``) withhold a fact like an allegation;
* **HOLDS_ROLE** also for registry people whose title the text gives without spelling it out (a title cue or a
  verb of leading beside the name, ``role_verbs``): their registered role on the article date (none undated);
  a title naming nobody ("the Prime Minister of Myanmar") stands for its holder on the article's date
  (`loaders.mentions.titles.fill_titles`) but states no HOLDS_ROLE of its own;
* facts are de-duplicated on (subject, relation, object) — either order for symmetric relations —
  keeping the first evidence and the most precise date.

Modules: `extract` (the stage: `extract_facts(ctx, mentions)`), `specs` (relation slots and sets),
`triggers` (one argument finder per trigger kind, the ordered `POST_RULES`, the facts), `sentence`
(one sentence's actors seen from a trigger), `args`, `events`, `roles`, `lists`, `whenwhere` (status, date, place).
Every confidence figure is in `loaders.confidence`.
"""

from loaders.facts.extract import FactsResult, dedupe, extract_facts
from loaders.facts.specs import EXTRACTOR

__all__ = ["EXTRACTOR", "FactsResult", "dedupe", "extract_facts"]
