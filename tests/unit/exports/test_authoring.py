"""A questionnaire written in a spreadsheet: converted both ways by the command line, the
default questionnaire unchanged by the round trip, every problem located as Sheet!Cell."""

import io
import json

import pytest
from openpyxl import load_workbook

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.scoring import score
from exports.authoring import (
    WorkbookProblem,
    blank_workbook,
    questionnaire_workbook,
    read_workbook,
)
from tests.cli.commands import run_cli
from tests.paths import FIXTURES
from tests.samples import answers

MODEL = FIXTURES / "any_model" / "data_practice.yaml"
FILES = [DEFAULT_QUESTIONNAIRE, MODEL, FIXTURES / "any_model" / "trilingual.yaml"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_yaml_to_workbook_to_yaml_gives_the_same_questionnaire(tmp_path, path):
    book, back = tmp_path / "model.xlsx", tmp_path / "model.yaml"
    assert run_cli("convert", path, book).returncode == 0
    run = run_cli("convert", book, back)
    assert run.returncode == 0, run.stderr
    assert load_questionnaire(back) == load_questionnaire(path)
    assert run_cli("validate", back).returncode == 0


def test_the_default_questionnaire_scores_the_same_after_the_round_trip(tmp_path):
    original = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    questionnaire, _ = read_workbook(questionnaire_workbook(original), "t.xlsx")
    assert score(questionnaire, answers()) == score(original, answers())


def test_the_workbook_has_one_column_per_language_and_names_option_lists():
    book = load_workbook(io.BytesIO(questionnaire_workbook(load_questionnaire(MODEL))))
    headers = [c.value for c in book["questions"][1]]
    assert "text::en" in headers and "options" in headers
    assert [c.value for c in book["options"][1]][:4] == [
        "list",
        "value",
        "label::en",
        "description::en",
    ]
    values = [row[1].value for row in book["options"].iter_rows(min_row=2)]
    assert values == [0, 0.25, 0.5, 1]  # one shared list, written once


def broken(edit) -> list[str]:
    book = load_workbook(io.BytesIO(questionnaire_workbook(load_questionnaire(MODEL))))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(WorkbookProblem) as error:
        read_workbook(buffer.getvalue(), "model.xlsx")
    return [str(p) for p in error.value.problems]


def test_every_problem_of_a_workbook_is_located_at_its_cell():
    def edit(book):
        book["questions"]["D3"] = "polcy"  # theme of the second question
        book["questions"]["A7"] = "govrnance"  # dimension of the sixth
        book["options"]["B3"] = 2  # an option worth twice full marks
        book["settings"]["F2"] = None  # title::en

    problems = broken(edit)
    assert "model.xlsx:questions!D3: dimensions[0].questions[1].theme: unknown theme 'polcy'" in (
        " ".join(problems)
    )
    assert any(
        p.startswith("model.xlsx:questions!A7: unknown dimension 'govrnance'") for p in problems
    )
    # a problem of the shared option list is said once, at its cell
    assert [p for p in problems if "options!B3" in p] == [
        "model.xlsx:options!B3: dimensions[0].questions[0].options[1].value: "
        "must be less than or equal to 1 (got 2)"
    ]
    assert any(p.startswith("model.xlsx:settings!") and "title" in p for p in problems)


def test_a_misspelt_column_or_a_missing_sheet_is_named():
    def misspelt(book):
        book["questions"]["I1"] = "txt::en"

    assert any(
        p.startswith("model.xlsx:questions!I1: unknown column txt::en") for p in broken(misspelt)
    )

    def without_questions(book):
        del book["questions"]

    assert broken(without_questions) == [
        "model.xlsx: no sheet named questions: start from the blank workbook "
        "(python -m assessment convert --blank model.xlsx)"
    ]


def test_a_file_that_is_not_a_workbook_is_refused_in_one_line(tmp_path):
    fake = tmp_path / "model.xlsx"
    fake.write_bytes(b"PK not really a zip")
    run = run_cli("convert", fake, tmp_path / "out.yaml")
    assert run.returncode == 1 and "model.xlsx: not an .xlsx workbook" in run.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_the_blank_workbook_converts_to_a_valid_starting_file(tmp_path):
    blank = tmp_path / "blank.xlsx"
    run = run_cli("convert", "--blank", "--languages", "en,de", blank)
    assert run.returncode == 0, run.stderr
    questionnaire, data = read_workbook(blank.read_bytes(), "blank.xlsx")
    assert questionnaire.languages == ["en", "de"] and len(questionnaire.questions()) == 1
    assert blank_workbook(["en", "de"]) and data["id"] == "my_model"


def test_template_lists_each_questions_options_by_position():
    run = run_cli("template", "--questionnaire", MODEL)
    template = json.loads(run.stdout)
    assert template["choices"]["governance_01"] == [
        "1 = No",
        "2 = In places",
        "3 = Mostly",
        "4 = Yes, everywhere",
        "null = Don't know",
    ]
    assert set(template["answers"].values()) == {None} and len(template["answers"]) == 90
