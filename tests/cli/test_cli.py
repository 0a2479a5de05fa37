"""The command line, run as a user runs it: a subprocess of `python -m assessment`."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.commands import answers_file
from tests.cli.commands import run_cli as cli
from tests.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal.yaml"
DEFAULT = ROOT / "questionnaires" / "transformation.yaml"


def write_answers(tmp_path: Path, answers: dict, questionnaire: str = "minimal") -> Path:
    return answers_file(tmp_path, answers, questionnaire)


def test_validate_prints_a_one_line_summary_per_valid_file():
    run = cli("validate", DEFAULT, MINIMAL)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("transformation.yaml: OK, transformation v")
    assert "4 dimensions" in lines[0]
    assert lines[1].startswith("minimal.yaml: OK, minimal v0.1: 2 dimensions, 4 questions")


def test_validate_lists_every_problem_and_fails():
    run = cli("validate", MINIMAL, FIXTURES / "broken" / "non_positive_weight.yaml")
    assert run.returncode == 1
    assert "minimal.yaml: OK" in run.stdout
    assert (
        "non_positive_weight.yaml:54: dimensions[0].questions[1].weight: must be greater than 0"
        in run.stderr
    )
    assert "non_positive_weight.yaml: INVALID, 1 problem(s)" in run.stderr


def test_validate_a_missing_file_fails_with_its_name():
    run = cli("validate", "nowhere.yaml")
    assert run.returncode == 1
    assert "nowhere.yaml: cannot be read" in run.stderr


def test_score_prints_a_readable_table(tmp_path):
    answers = write_answers(tmp_path, {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2})
    run = cli("score", "--questionnaire", MINIMAL, "--answers", answers)
    assert run.returncode == 0, run.stderr
    assert re.search(r"^Culture +63 +2/2 \(100%\)$", run.stdout, re.MULTILINE)
    assert "Level 4: Climbing" in run.stdout
    assert "STALL WARNING" in run.stdout


def test_score_speaks_french_when_asked(tmp_path):
    answers = write_answers(tmp_path, {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2})
    run = cli("score", "--questionnaire", MINIMAL, "--answers", answers, "--lang", "fr")
    assert "Niveau 4: Montée" in run.stdout
    assert "ALERTE DÉCROCHAGE" in run.stdout


def test_score_json_has_dimensions_overall_and_symmetry(tmp_path):
    answers = write_answers(tmp_path, {"share": 5, "sponsor": 3, "ambition": 5, "equipped": None})
    run = cli("score", "--questionnaire", MINIMAL, "--answers", answers, "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert [(d["id"], d["score"], d["coverage"]) for d in result["dimensions"]] == [
        ("culture", 62.5, 1.0),
        ("cx", 100.0, 0.5),
    ]
    assert result["overall"]["score"] == pytest.approx(81.25)
    assert result["overall"]["level"] == 5
    assert result["symmetry"]["index"] == pytest.approx(37.5)
    # both sides above the midpoint, yet ambition leads by more than the threshold
    assert result["symmetry"]["quadrant"] == "airborne"
    assert result["symmetry"]["stall"] is True


def test_score_names_the_question_with_a_bad_answer(tmp_path):
    answers = write_answers(tmp_path, {"share": 7, "sponsor": 3})
    run = cli("score", "--questionnaire", MINIMAL, "--answers", answers)
    assert run.returncode == 1
    assert "answers.json: question 'share': 7 is outside the scale (1–5)" in run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "answers.json:1: not valid JSON"),
        ('["a list"]', 'expected an object {"questionnaire"'),
        (
            '{"questionnaire": "other", "answers": {}}',
            "answers are for questionnaire 'other', not 'minimal'",
        ),
        (
            '{"questionnaire": "minimal", "answers": {"ghost": 2}}',
            "question 'ghost': no such question",
        ),
    ],
)
def test_score_rejects_a_broken_answers_file_clearly(tmp_path, content, message):
    path = tmp_path / "answers.json"
    path.write_text(content)
    run = cli("score", "--questionnaire", MINIMAL, "--answers", path)
    assert run.returncode == 1
    assert message in run.stderr
    assert "Traceback" not in run.stderr


def test_template_lists_every_question_with_null_and_scores_as_empty(tmp_path):
    run = cli("template", "--questionnaire", DEFAULT)
    assert run.returncode == 0, run.stderr
    template = json.loads(run.stdout)
    assert template["questionnaire"] == "transformation"
    assert len(template["answers"]) >= 32
    assert set(template["answers"].values()) == {None}
    path = tmp_path / "t.json"
    path.write_text(run.stdout)
    scored = json.loads(
        cli("score", "--questionnaire", DEFAULT, "--answers", path, "--json").stdout
    )
    assert scored["overall"] == {"score": None, "level": None, "coverage": 0.0}


def test_schema_command_prints_the_published_schema():
    run = cli("schema")
    assert run.returncode == 0
    published = json.loads((ROOT / "questionnaires" / "questionnaire.schema.json").read_text())
    assert json.loads(run.stdout) == published


def test_unknown_command_is_a_usage_error():
    run = cli("fly")
    assert run.returncode == 2
    assert "invalid choice" in run.stderr


def test_export_writes_a_workbook_that_opens(tmp_path):
    from openpyxl import load_workbook

    answers = write_answers(tmp_path, {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2})
    out = tmp_path / "report.xlsx"
    run = cli(
        "export", "--questionnaire", MINIMAL, "--answers", answers, "--out", out, "--lang", "fr"
    )
    assert run.returncode == 0, run.stderr
    assert f"wrote {out}" in run.stdout
    assert load_workbook(out).sheetnames[:4] == ["Synthèse", "Scores", "Symétrie", "Réponses"]


def test_import_restores_an_app_export_into_the_database(tmp_path):
    from assessment.profile import Profile
    from assessment.store import Store
    from exports.json_backup import build_json
    from tests.samples import bundle

    export = tmp_path / "export.json"
    export.write_bytes(build_json(bundle("en")))
    database = f"sqlite:///{tmp_path / 'imported.db'}"
    env = {**os.environ, "DATABASE_URL": database}
    command = [sys.executable, "-m", "assessment", "import", str(export)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert run.returncode == 0, run.stderr
    token = re.search(r"\?a=([\w-]+)", run.stdout).group(1)
    store = Store(database)
    record = store.find(token)
    assert isinstance(record.profile, Profile)
    assert store.answers(record.id) == bundle().answers
    store.dispose()


def test_import_refuses_a_broken_file_and_says_why(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    run = cli("import", broken)
    assert run.returncode == 1
    assert "broken.xlsx: damaged or truncated" in run.stderr


def test_export_chooses_the_pdf_report_and_the_deck_by_the_suffix(tmp_path):
    from pptx import Presentation

    from tests.rendering import pdf_text

    answers = write_answers(tmp_path, {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2})
    for name in ("report.pdf", "deck.PPTX"):
        out = tmp_path / name
        run = cli(
            "export", "--questionnaire", MINIMAL, "--answers", answers, "--out", out, "--lang", "fr"
        )
        assert run.returncode == 0, run.stderr
        assert f"wrote {out}" in run.stdout
    pdf = tmp_path / "report.pdf"
    assert "Rapport au comité de pilotage" in pdf_text(pdf)
    assert len(Presentation(str(tmp_path / "deck.PPTX")).slides) >= 5
