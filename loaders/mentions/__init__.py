"""Entity mentions per sentence: exact aliases, title cues (roles, new people), fuzzy names.

Stages inside `find_mentions`, all driven by data:

1. exact aliases of the registry (`Registry.matcher`, `aliases`): one dict lookup per folded
   word, longest match wins; short all-caps aliases (US, RI, EU) must match in case, capitalised
   aliases must be capitalised in the text;
2. title cues of ``loaders/data/lang/<lang>/rules.yaml`` (``titles``, ``ranks``; modules `titles`, `chain`):
   "Menteri Pertahanan India Rajnath Singh", "Russian Defence Minister …", "Wang Yi, Menteri Luar Negeri Tiongkok"
   give the person a role (English title, organisation, state); the state/organisation words of the
   title become *descriptor* mentions (named, but not actors of that sentence); a capitalised name
   after a cue that the registry lacks becomes a discovered person ``per:<normalised-name>``;
3. fuzzy matching (`names`) (rapidfuzz, high threshold) only for capitalised multi-word names left unmatched,
   against person/organisation aliases sharing a word ("Rajnat Singh" → Rajnath Singh);
4. a discovered or fuzzy-matched person's surname alone, later in the article, is that person.

Modules: `find` (the stage: `find_mentions(ctx)`), `found` (what a sentence names), `aliases`, `titles`,
`chain`, `ships`, `names`, `appositions` (names beside a title), `orgforms` (organisations by their
form), `lists` (marked lists "N, title; N, title"), `paired` ("the presidents of A and B, N1 and N2"),
`counterparts` (names after "counterpart"), `leadin` (a lead-in's place is no actor), `items` (what they
pass between them).
"""

from loaders.mentions.find import find_mentions

__all__ = ["find_mentions"]
