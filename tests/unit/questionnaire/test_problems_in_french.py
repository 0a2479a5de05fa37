"""A French author reads what is wrong with a questionnaire, an action library or a KPI file in
French, behind the same location as in English; no-break spaces as French typography has them."""

import pytest

from assessment.i18n import in_language
from assessment.questionnaire import load_questionnaire
from assessment.questionnaire.loader import DEFAULT_QUESTIONNAIRE, QuestionnaireError
from assessment.roadmap.kpis import load_kpis
from assessment.roadmap.library import LibraryError, load_library
from tests.paths import FIXTURES

NBSP = "\u00a0"
QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)


def problems(load, path) -> tuple[list[str], list[str]]:
    with pytest.raises((QuestionnaireError, LibraryError)) as error:
        load(path)
    return in_language(error.value.problems, "fr"), [str(p) for p in error.value.problems]


@pytest.mark.parametrize(
    ("name", "french"),
    [
        ("missing_field", "missing_field.yaml:2: version: champ obligatoire manquant"),
        (
            "duplicate_id",
            f"duplicate_id.yaml:51: dimensions[0].questions[1].id: identifiant de question en "
            f"double{NBSP}: 'share' (déjà pris en dimensions[0].questions[0].id)",
        ),
        (
            "unknown_top_level_key",
            f"unknown_top_level_key.yaml:21: colour: clé de premier niveau inconnue (vérifiez "
            f"l’orthographe{NBSP}; voir questionnaires/README.md)",
        ),
        (
            "wrong_type",
            "wrong_type.yaml:54: dimensions[0].questions[1].weight: doit être un nombre (ce texte "
            "n’en est pas un) (reçu 'heavy')",
        ),
        (
            "non_positive_weight",
            "non_positive_weight.yaml:54: dimensions[0].questions[1].weight: doit être "
            "supérieur à 0",
        ),
        (
            "empty_scale",
            "empty_scale.yaml:7: scale.levels: doit compter au moins 2 élément(s), 0 trouvé(s)",
        ),
    ],
)
def test_a_broken_questionnaire_is_explained_in_french(name, french):
    said, english = problems(load_questionnaire, FIXTURES / "broken" / f"{name}.yaml")
    assert said == [french]
    assert english[0].split(": ")[:2] == french.split(": ")[:2]  # the same location


def test_a_yaml_syntax_error_keeps_pyyaml_s_words_in_a_french_sentence():
    said, _ = problems(load_questionnaire, FIXTURES / "broken" / "yaml_syntax.yaml")
    assert said == [
        f"yaml_syntax.yaml:5: erreur de syntaxe YAML{NBSP}: did not find expected ',' or '}}' "
        f"(while parsing a flow mapping, à partir de la ligne 4)"
    ]


@pytest.mark.parametrize(
    ("name", "french"),
    [
        (
            "unknown_phase",
            f"unknown_phase.yaml:28: actions[2].phase: valeur inconnue pour phase{NBSP}: "
            f"'rollout' (valeurs possibles{NBSP}: awareness, pilot ou diffusion)",
        ),
        (
            "missing_threshold",
            f"missing_threshold.yaml:36: actions[2].when[0]: «{NBSP}question{NBSP}» demande un "
            f"seuil{NBSP}: ajoutez below: <0-100>",
        ),
        (
            "dependency_cycle",
            f"dependency_cycle.yaml:16: actions[0].depends_on: cycle de dépendances{NBSP}: "
            f"brief → sponsor → brief",
        ),
        (
            "wrong_questionnaire",
            "wrong_questionnaire.yaml:4: questionnaire: cette bibliothèque est écrite pour le "
            "questionnaire 'minimal', pas 'transformation'",
        ),
    ],
)
def test_a_broken_action_library_is_explained_in_french(name, french):
    path = FIXTURES / "roadmap_broken" / f"{name}.yaml"
    said, _ = problems(lambda p: load_library(p, QUESTIONNAIRE), path)
    assert said == [french]


@pytest.mark.parametrize(
    ("name", "french"),
    [
        ("duplicate_key", "duplicate_key.yaml:8: kpis[0].unit: clé en double (aussi à la ligne 7)"),
        (
            "step_out_of_range",
            "step_out_of_range.yaml:16: kpis[0].step: doit être au-dessus de 0 et au plus 100 "
            "pour l’unité score (0 à 100), reçu 150",
        ),
        (
            "unknown_question",
            f"unknown_question.yaml:12: kpis[0].questions[0]: question inconnue{NBSP}: "
            f"'culture_knowledge_share' (absente du questionnaire 'transformation')",
        ),
    ],
)
def test_a_broken_kpi_file_is_explained_in_french(name, french):
    path = FIXTURES / "kpis_broken" / f"{name}.yaml"
    said, _ = problems(lambda p: load_kpis(p, QUESTIONNAIRE), path)
    assert said == [french]
