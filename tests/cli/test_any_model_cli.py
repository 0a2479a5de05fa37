"""A consultant's own models through the command line: a three-language model scored and
exported in German, and an exported workbook of an English-only model imported back."""

import io
import json
import os

from openpyxl import load_workbook

from assessment.questionnaire import load_questionnaire
from assessment.store import Store
from tests.cli.commands import answers_file, run_cli
from tests.paths import FIXTURES

OWN = FIXTURES / "any_model"
MODEL = load_questionnaire(OWN / "data_practice.yaml")
PROFILE = ["--organisation", "Acme", "--sector", "J", "--size", "50-249", "--country", "DE"]
PROFILE += ["--role", "it"]


def test_a_three_language_model_is_scored_and_exported_in_german(tmp_path):
    path = OWN / "trilingual.yaml"
    answers = answers_file(tmp_path, {"together_speak_up": 3, "cadence_focus": 1}, "team_health")
    run = run_cli("score", "--questionnaire", path, "--answers", answers, "--lang", "de")
    assert run.returncode == 0, run.stderr
    assert "Miteinander" in run.stdout and "Alle trauen sich zu widersprechen." in run.stdout
    out = tmp_path / "report.xlsx"
    run = run_cli(
        "export", "--questionnaire", path, "--answers", answers, "--out", out, "--lang", "de",
        *PROFILE,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    book = load_workbook(io.BytesIO(out.read_bytes()))
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert "Teamgesundheit" in cells and "Miteinander" in cells


def test_an_exported_workbook_of_a_model_of_ones_own_imports_back(tmp_path):
    levels = {q.id: 1 + i % 4 for i, (_, q) in enumerate(MODEL.questions())}
    answers = answers_file(tmp_path, levels, MODEL.id)
    out = tmp_path / "report.xlsx"
    run = run_cli(
        "export", "--questionnaire", OWN / "data_practice.yaml", "--answers", answers,
        "--out", out, *PROFILE,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    database = f"sqlite:///{tmp_path / 'imported.db'}"
    env = {**os.environ, "OWN_QUESTIONNAIRES": str(OWN), "DATABASE_URL": database}
    run = run_cli("import", out, env=env)
    assert run.returncode == 0, run.stderr
    token = run.stdout.split("?a=")[1].split()[0]
    store = Store(database)
    assert store.answers(store.find(token).id) == levels
    store.dispose()
    assert json.loads(answers.read_text())["questionnaire"] == "data_practice"
