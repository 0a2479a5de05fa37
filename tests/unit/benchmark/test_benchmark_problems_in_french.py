"""A French author reads what is wrong with a benchmark dataset in French, its file and line
first as in English; no-break spaces as French typography has them."""

import shutil

import pytest

from assessment.benchmark import BenchmarkError, load_benchmarks
from assessment.i18n import in_language
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from tests.paths import FIXTURES

NBSP, NNBSP = "\u00a0", "\u202f"
QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)


def french_problems(tmp_path, *names: str) -> list[str]:
    for name in names:
        for path in (FIXTURES / "benchmark_broken").glob(f"{name}.*"):
            shutil.copy(path, tmp_path / path.name)
    with pytest.raises(BenchmarkError) as caught:
        load_benchmarks(QUESTIONNAIRE, tmp_path)
    return in_language(caught.value.problems, "fr")


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "wrong_column",
            [
                f"wrong_column.csv:1{NBSP}: colonne 'valeur'{NBSP}: colonne inattendue",
                f"wrong_column.csv:1{NBSP}: colonne 'value'{NBSP}: absente",
            ],
        ),
        (
            "over_100",
            [
                f"over_100.csv:3{NBSP}: colonne «{NBSP}value{NBSP}»{NBSP}: 120{NNBSP}% n’est "
                f"pas un pourcentage (0 à 100)"
            ],
        ),
        (
            "duplicate_row",
            [
                f"duplicate_row.csv:3{NBSP}: ligne en double{NBSP}: l’identifiant 'ok_row' est "
                f"déjà à la ligne 2"
            ],
        ),
        (
            "missing_provenance",
            [
                f"missing_provenance.csv{NBSP}: pas de fichier de provenance "
                f"missing_provenance.yaml à côté"
            ],
        ),
    ],
)
def test_a_broken_dataset_is_explained_in_french(tmp_path, fixture, expected):
    assert french_problems(tmp_path, fixture) == expected


def test_a_broken_distribution_is_explained_in_french(tmp_path):
    assert french_problems(tmp_path, "distribution_shares") == [
        f"distribution_shares.csv:2{NBSP}: colonne «{NBSP}share{NBSP}»{NBSP}: 130 n’est pas un "
        f"pourcentage (0 à 100)",
        f"distribution_shares.csv:4{NBSP}: ligne en double{NBSP}: sme/low est déjà à la ligne 3",
        f"distribution_shares.csv:5{NBSP}: colonne 'share'{NBSP}: 'abc' n’est pas un nombre",
        f"distribution_shares.csv{NBSP}: le groupe 'sme' n’a pas de ligne pour high, very_high",
    ]
