"""Per-state institutions expanded from name templates (loaders/data/actors/templates.yaml)."""

from __future__ import annotations

from typing import Any

from graph_schema.model import EntityType
from loaders.errors import RegistryError
from loaders.registry.model import Actor
from loaders.registry.yamlio import as_list


def expand_templates(
    spec: dict[str, Any],
    actors: dict[str, Actor],
    by_kind: dict[tuple[str, str], str],
    names: dict[str, dict[str, str]],
    demonyms: dict[str, str],
) -> None:
    """Per-state institutions from name templates ({en}, {id}, {ru}, {demonym} …).

    A kind flagged ``state_office`` flags every actor of that kind, the explicit entries included.
    """
    # "all": every state with an English demonym (loaders/data/countries/demonyms*.yaml)
    countries = sorted(demonyms) if spec.get("countries") == "all" else as_list(spec.get("countries"))
    office_kinds = {str(k) for k, tpl in (spec.get("kinds") or {}).items() if (tpl or {}).get("state_office")}
    for ent_id, actor in list(actors.items()):
        if actor.kind in office_kinds:
            actors[ent_id] = actor.model_copy(update={"state_office": True})
    for kind, tpl in (spec.get("kinds") or {}).items():
        for iso in countries:
            if (kind, iso) in by_kind or iso not in names:
                continue
            fields = dict(names[iso])
            fields["demonym"] = demonyms.get(iso, fields["en"])
            fields["iso3"] = iso
            try:
                name = str(tpl["name"]).format(**fields)
                aliases = []
                for a in as_list(tpl.get("aliases")):
                    try:
                        aliases.append(a.format(**fields))
                    except KeyError:
                        continue  # the state has no name in that language
            except KeyError as exc:
                raise RegistryError(f"templates.yaml: {kind}: {exc}") from exc
            ent_id = f"org:{kind.replace('_', '-')}-{iso.lower()}"
            actors[ent_id] = Actor(id=ent_id, type=EntityType.ORGANIZATION, name=name,
                                   aliases=tuple(dict.fromkeys([name, *aliases])), country=iso, kind=kind,
                                   state_office=kind in office_kinds)
            by_kind[(kind, iso)] = ent_id
