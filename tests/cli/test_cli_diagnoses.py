"""``score`` names each diagnosis: its id, the two figures, the gap, the threshold, the verdict."""

import json

import pytest

from tests.cli.commands import answers_file
from tests.cli.commands import run_cli as cli
from tests.paths import ROOT
from tests.samples import ORGANISATIONS

DEFAULT = ROOT / "questionnaires" / "transformation.yaml"


@pytest.mark.parametrize(
    ("name", "raised"),
    [
        ("tools_heavy", ["tools_ahead_of_people"]),
        ("stalled", ["stall"]),
        ("balanced", []),
        ("both", ["stall", "tools_ahead_of_people"]),
    ],
)
def test_score_json_lists_each_diagnosis_with_its_figures(tmp_path, name, raised):
    answers = answers_file(tmp_path, ORGANISATIONS[name])
    run = cli("score", "--questionnaire", DEFAULT, "--answers", answers, "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    diagnoses = {d["id"]: d for d in result["diagnoses"]}
    assert list(diagnoses) == ["stall", "tools_ahead_of_people"]
    assert [i for i, d in diagnoses.items() if d["raised"]] == raised
    stall = diagnoses["stall"]
    assert (stall["ahead_score"], stall["behind_score"], stall["threshold"]) == (
        result["symmetry"]["customer_score"],
        result["symmetry"]["internal_score"],
        15,
    )
    tools = diagnoses["tools_ahead_of_people"]
    scores = {d["id"]: d["score"] for d in result["dimensions"]}
    people = (scores["culture"] + scores["employee_experience"]) / 2
    assert tools["ahead_score"] == scores["tools"]
    assert tools["behind_score"] == pytest.approx(people)
    assert tools["gap"] == pytest.approx(scores["tools"] - people)
    assert tools["threshold"] == 15


def test_score_prints_the_warning_in_the_terminal(tmp_path):
    answers = answers_file(tmp_path, ORGANISATIONS["tools_heavy"])
    run = cli("score", "--questionnaire", DEFAULT, "--answers", answers)
    assert "Tools ahead of people: Tools and digital workplace 100 / 100 against" in run.stdout
    assert "gap 100 points (threshold 15 points); WARNING" in run.stdout


def test_the_roadmap_command_puts_people_before_tools(tmp_path):
    answers = answers_file(tmp_path, ORGANISATIONS["tools_heavy"])
    run = cli("roadmap", "--questionnaire", DEFAULT, "--answers", answers, "--lang", "fr")
    assert run.returncode == 0, run.stderr
    assert "Les outils avant les personnes : dans chaque phase" in run.stdout.replace("\u00a0", " ")
    assert "elle répond à l’alerte" in run.stdout
