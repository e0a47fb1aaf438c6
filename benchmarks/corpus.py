"""A deterministic generator of realistic news articles for the benchmarks.

Articles are built from the registry under loaders/data/actors (people with the title they held on the
article's date, their states, weapons with their makers, places), in five languages, with the parts a
real page carries around the news: a teaser line, neutral filler paragraphs and boilerplate. The same
seed and index always give the same article, so every size is a prefix of the next (1k ⊂ 10k ⊂ 100k).

Actors are drawn with a Zipf-like weight (a few states and officials dominate the news, as they do), so
the graph has hubs and a long tail; dates spread over ten years.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from functools import cache

from pydantic import BaseModel, ConfigDict

from graph_schema.model import EntityType
from loaders.models import ArticleRecord
from loaders.registry import Actor, Registry, load_registry

LANGUAGES: tuple[str, ...] = ("en", "en", "en", "de", "fr", "es", "id")  # English-heavy, as the news is
_FIRST_DAY = date(2015, 1, 1)
_DAYS = 3650

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
}
_DATE_FORMAT: dict[str, str] = {"en": "on {d} {m} {y}", "de": "am {d}. {m} {y}", "fr": "le {d} {m} {y}",
                                "es": "el {d} de {m} de {y}", "id": "pada {d} {m} {y}"}

# Fact sentences: {p}/{q} people (en: with their title), {a}/{b} states, {w} a weapon, {pl} a place, {t} a date.
_FACTS: dict[str, tuple[str, ...]] = {
    "en": ("{p} met {q} in {pl} {t}.", "{a} will supply {w} to {b}, {p} said.",
           "{a} and {b} signed an agreement on military cooperation {t}.", "{p} visited {b} {t}.",
           "{a} imposed sanctions on {b}.", "{a} delivered {w} to {b} {t}."),
    "de": ("{p} traf {t} in {pl} mit {q} zusammen.", "{a} liefert {w} an {b}.",
           "{a} und {b} unterzeichneten {t} ein Abkommen über militärische Zusammenarbeit.",
           "{p} besuchte {t} {b}."),
    "fr": ("{p} a rencontré {q} à {pl} {t}.", "{a} va livrer des {w} à {b}.",
           "{a} et {b} ont signé un accord de coopération militaire {t}.", "{p} s'est rendu en visite à {pl}."),
    "es": ("{p} se reunió con {q} en {pl} {t}.", "{a} suministrará {w} a {b}.",
           "{a} y {b} firmaron un acuerdo de cooperación militar {t}.", "{p} visitó {pl} {t}."),
    "id": ("{p} bertemu dengan {q} di {pl} {t}.", "{a} akan memasok {w} kepada {b}.",
           "{a} dan {b} menandatangani perjanjian kerja sama militer {t}.", "{p} mengunjungi {pl} {t}."),
}
_FILLER: dict[str, tuple[str, ...]] = {
    "en": ("Officials said the talks would continue next month and that further details were not yet available.",
           "Analysts noted that the region has seen a steady rise in defence spending over the past decade.",
           "The statement did not say how much the programme would cost or when it would be completed.",
           "Local media reported that the delegation also toured an industrial site and a training school.",
           "Diplomats from several countries attended a reception held later in the evening.",
           "The ministry's spokesperson declined to comment on the schedule of future meetings."),
    "de": ("Weitere Einzelheiten wurden zunächst nicht bekannt, hieß es aus Regierungskreisen.",
           "Beobachter verweisen darauf, dass die Verteidigungsausgaben in der Region seit Jahren steigen.",
           "Die Gespräche sollen im kommenden Monat fortgesetzt werden, teilte ein Sprecher mit.",
           "Über die Kosten des Programms machte das Ministerium keine Angaben."),
    "fr": ("Les discussions doivent se poursuivre le mois prochain, selon des sources diplomatiques.",
           "Les analystes soulignent que les dépenses militaires de la région augmentent depuis dix ans.",
           "Le communiqué ne précise ni le coût du programme ni son calendrier.",
           "La délégation a également visité un site industriel et une école de formation."),
    "es": ("Las conversaciones continuarán el próximo mes, según fuentes diplomáticas.",
           "Los analistas señalan que el gasto en defensa de la región ha crecido durante la última década.",
           "El comunicado no precisó el coste del programa ni su calendario.",
           "La delegación también visitó una planta industrial y una escuela de formación."),
    "id": ("Pembicaraan akan dilanjutkan bulan depan, kata sumber diplomatik.",
           "Para analis mencatat bahwa belanja pertahanan di kawasan itu terus meningkat selama satu dekade.",
           "Pernyataan itu tidak menyebutkan biaya program maupun jadwal penyelesaiannya.",
           "Delegasi juga mengunjungi sebuah kawasan industri dan sekolah pelatihan."),
}
_TEASER: dict[str, str] = {"en": "Read also: {x}", "de": "Lesen Sie auch: {x}", "fr": "À lire aussi : {x}",
                           "es": "Lea también: {x}", "id": "Baca juga: {x}"}
_BOILERPLATE: dict[str, str] = {
    "en": "Subscribe to our newsletter for the day's top stories. © All rights reserved.",
    "de": "Abonnieren Sie unseren Newsletter. © Alle Rechte vorbehalten.",
    "fr": "Abonnez-vous à notre newsletter. © Tous droits réservés.",
    "es": "Suscríbase a nuestro boletín. © Todos los derechos reservados.",
    "id": "Ikuti berita terkini di kanal kami. © Hak cipta dilindungi undang-undang.",
}
_OUTLETS: tuple[str, ...] = ("Bench Herald", "Bench Tribune", "Bench Kurier", "Bench Diario", "Bench Harian")


class Pools(BaseModel):
    """The registry actors articles draw from, hubs first."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    people: tuple[Actor, ...]
    states: tuple[str, ...]
    weapons: tuple[Actor, ...]
    places: tuple[Actor, ...]


@cache
def pools() -> Pools:
    """People with dated roles, the states that have names in every article language, weapons, places."""
    registry = load_registry()
    named = [c for c, names in sorted(registry.names.items()) if all(lang in names for lang in _MONTHS)]
    people = tuple(a for a in registry.actors.values() if a.type is EntityType.PERSON and a.roles)
    weapons = tuple(a for a in registry.actors.values() if a.type is EntityType.WEAPON)
    places = tuple(a for a in registry.actors.values() if a.type is EntityType.PLACE)
    return Pools(people=people, states=tuple(named), weapons=weapons, places=places)


def _zipf_pick(rng: random.Random, items: Sequence[str] | Sequence[Actor], skew: float = 1.1) -> int:
    """An index into items, index i drawn with weight 1 / (i + 1) ** skew."""
    weights = [1.0 / (i + 1) ** skew for i in range(len(items))]
    return rng.choices(range(len(items)), weights=weights)[0]


def _state_name(registry: Registry, state: str, lang: str) -> str:
    return registry.names[state].get(lang) or registry.names[state]["en"]


def _person(registry: Registry, actor: Actor, day: date, lang: str) -> str:
    """The person's name, in English with the title the registry says they held on `day`."""
    role = registry.role_on(actor.id, day)
    return f"{role.title} {actor.name}" if role is not None and lang == "en" else actor.name


def _fact_sentence(rng: random.Random, registry: Registry, lang: str, day: date) -> str:
    p = pools()
    first, second = rng.sample(range(len(p.people)), 2)
    a_i, b_i = _zipf_pick(rng, p.states), _zipf_pick(rng, p.states)
    if a_i == b_i:
        b_i = (b_i + 1) % len(p.states)
    when = _DATE_FORMAT[lang].format(d=day.day, m=_MONTHS[lang][day.month - 1], y=day.year)
    return rng.choice(_FACTS[lang]).format(
        p=_person(registry, p.people[first], day, lang), q=_person(registry, p.people[second], day, lang),
        a=_state_name(registry, p.states[a_i], lang), b=_state_name(registry, p.states[b_i], lang),
        w=rng.choice(p.weapons).name, pl=rng.choice(p.places).name, t=when,
    )


def _body(rng: random.Random, registry: Registry, lang: str, day: date, words: int) -> list[str]:
    """Paragraphs: a fact or two, then filler, until about `words` words."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        facts = [_fact_sentence(rng, registry, lang, day) for _ in range(rng.randint(1, 2))]
        filler = rng.sample(_FILLER[lang], k=min(3, len(_FILLER[lang])))
        paragraph = " ".join([*facts, *filler])
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def article(index: int, *, seed: int = 12, words: int = 500) -> ArticleRecord:
    """Article number `index` of the corpus `seed`: always the same text for the same arguments."""
    rng = random.Random(f"{seed}:{index}")
    registry = load_registry()
    lang = rng.choice(LANGUAGES)
    day = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS))
    paragraphs = _body(rng, registry, lang, day, words)
    title = " ".join(paragraphs[0].split()[:9])
    teaser = _TEASER[lang].format(x=_fact_sentence(rng, registry, lang, day).rstrip("."))
    text = "\n\n".join([title, *paragraphs[:2], teaser, *paragraphs[2:], _BOILERPLATE[lang]])
    return ArticleRecord(
        source=f"bench:{seed}:{index}", url=f"https://bench.example.org/{seed}/{index}",
        outlet=_OUTLETS[index % len(_OUTLETS)], language=lang, published=day.isoformat(), title=title,
        text=text,
    )


def articles(count: int, *, start: int = 0, seed: int = 12, words: int = 500) -> Iterator[ArticleRecord]:
    """Articles start … start + count - 1 of the corpus `seed`."""
    for index in range(start, start + count):
        yield article(index, seed=seed, words=words)
