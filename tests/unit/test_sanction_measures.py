""""The measures target X and Y": the sanctioning actor of the article's sanctions before, for each target,
in every language (the noun-and-verb cues are SANCTIONED triggers of the language's rules.yaml)."""

from __future__ import annotations

import pytest

from tests.factories import extract_text, triples


@pytest.mark.parametrize(("lang", "text", "actor", "targets"), [
    ("en", "Canada imposed new sanctions on Venezuela on Monday.\n"
           "The measures target Defence Minister Vladimir Padrino and the state firm Cavim.",
     "CAN", {"per:vladimir-padrino", "org:cavim"}),
    ("fr", "L'UE a adopté lundi des sanctions contre l'Iran.\n"
           "Les mesures visent le général Karim Saberi et la société Qods Aviation Industries.",
     "org:eu", {"per:karim-saberi", "org:qods-aviation-industries"}),
    ("es", "Estados Unidos sancionó el lunes a Nicaragua.\n"
           "Las medidas afectan al ministro de Defensa Julio Avilés y a la empresa Albanisa.",
     "USA", {"per:julio-aviles", "org:albanisa"}),
    ("de", "Die EU hat neue Sanktionen gegen Myanmar beschlossen.\n"
           "Die Maßnahmen treffen General Tun Aung und die Firma Star Sapphire Trading.",
     "org:eu", {"per:tun-aung", "org:star-sapphire-trading"}),
    ("id", "Amerika Serikat menjatuhkan sanksi terhadap Myanmar pada Senin.\n"
           "Sanksi tersebut menyasar Jenderal Tun Aung dan perusahaan Star Sapphire Trading.",
     "USA", {"per:tun-aung", "org:star-sapphire-trading"}),
    ("ru", "Евросоюз ввел санкции против Ирана.\n"
           "Ограничения затрагивают компанию Qods Aviation Industries.",
     "org:eu", {"org:qods-aviation-industries"}),
])
def test_the_measures_target_the_listed_actors(lang: str, text: str, actor: str, targets: set[str]) -> None:
    got = {o for s, r, o in triples(extract_text(text, lang, "2022-10-20")) if s == actor and r == "SANCTIONED"}
    assert targets <= got


def test_measures_without_sanctions_before_name_no_sanctioning_actor() -> None:
    ex = extract_text("The measures target inflation and the housing market.", "en", "2022-10-20")
    assert not any(f.relation.value == "SANCTIONED" for f in ex.facts)
