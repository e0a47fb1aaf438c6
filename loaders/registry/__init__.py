"""The actor registry: states (pycountry + curated names), people, organisations, places, weapons, events.

Everything is data: ``loaders/data/countries/*.yaml`` adds names in several languages, demonyms, capital
cities and epithets to pycountry's states; ``loaders/data/actors/*.yaml`` lists curated actors with their
aliases (any language or script), Wikidata QID where certain, state, and dated roles.
``loaders/data/actors/templates.yaml`` expands per-state institutions (defence ministry, armed forces …)
from the states' names, so "Kementerian Pertahanan Rusia" and "Ministry of Defence of India" need no
hand-written entry.

`load_registry()` builds, once per process, one alias index (`PhraseMatcher`) over case- and
accent-folded tokens; matching a sentence is then a dictionary lookup per token.

Modules: `model` (actors, roles, look-ups), `countries` (pycountry + country files), `templates`
(per-state institutions), `build` (`load_registry`), `yamlio` (reading the files).
"""

from loaders.errors import RegistryError
from loaders.registry.build import DATA_DIR, load_registry
from loaders.registry.model import Actor, AliasHit, Registry, Role

__all__ = ["DATA_DIR", "Actor", "AliasHit", "Registry", "RegistryError", "Role", "load_registry"]
