"""Hostile files through ``python -m assessment``, as a user runs it: a located refusal and exit
code 1, never a traceback or a hang, and the database file byte-identical; and a workbook or
JSON exported from the command line imports again."""

import hashlib
import os

import pytest

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from tests.cli.commands import answers_file, run_cli
from tests.hostile import alias_bomb, hostile_jsons, hostile_workbooks

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
PROFILE = ["--organisation", "Ærø & Fils", "--sector", "J", "--size", "10-49"]
PROFILE += ["--country", "FR", "--role", "it"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "assessments.db"
    Store(f"sqlite:///{path}").dispose()  # the file exists, with its schema
    return path


def cli(db, *args):
    return run_cli(*args, env=os.environ | {"DATABASE_URL": f"sqlite:///{db}"})


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assessments(db) -> int:
    store = Store(f"sqlite:///{db}")
    with store.engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM assessments").scalar()
    store.dispose()
    return count


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_an_export_from_the_command_line_imports_again(tmp_path, db, suffix):
    answers = answers_file(tmp_path, {q.id: 4 for _, q in QUESTIONNAIRE.questions()})
    out = tmp_path / f"report{suffix}"
    common = ["--questionnaire", DEFAULT_QUESTIONNAIRE, "--answers", answers, "--out", out]
    assert cli(db, "export", *common, *PROFILE).returncode == 0
    run = cli(db, "import", out)
    assert run.returncode == 0, run.stderr
    assert "imported as a new assessment" in run.stdout

    assert cli(db, "export", *common).returncode == 0  # no profile given
    run = cli(db, "import", out)
    assert run.returncode == 1 and "--organisation" in run.stderr
    run = cli(db, "import", out, *PROFILE)
    assert run.returncode == 0, run.stderr
    assert assessments(db) == 2


def test_a_profile_on_the_command_line_is_all_or_nothing_and_checked(tmp_path, db):
    answers = answers_file(tmp_path, {})
    out = tmp_path / "x.json"
    common = ["--questionnaire", DEFAULT_QUESTIONNAIRE, "--answers", answers, "--out", out]
    run = cli(db, "export", *common, "--organisation", "Acme")
    assert run.returncode == 1 and "also needs --sector, --size, --country, --role" in run.stderr
    run = cli(db, "export", *common, *PROFILE[:-1], "astronaut")
    assert run.returncode == 1 and "unknown role 'astronaut'" in run.stderr
    assert not out.exists()


HOSTILE = {
    **{f"{name}.xlsx": data for name, data in hostile_workbooks().items()},
    **{f"{name}.json": data for name, data in hostile_jsons().items()},
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_import_is_refused_and_the_database_is_byte_identical(tmp_path, db, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    before = digest(db)
    run = cli(db, "import", path)
    assert run.returncode == 1
    assert run.stderr.startswith(f"error: {name}") and "Traceback" not in run.stderr
    assert digest(db) == before


def test_a_hostile_questionnaire_is_refused_by_validate_without_hanging(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(levels=12))
    run = run_cli("validate", bomb)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("bomb.yaml:5: more than 50,000 values once its aliases")


def test_a_csv_cell_beyond_the_field_limit_is_refused_and_changes_nothing(tmp_path, db):
    path = tmp_path / "clients.csv"
    header = "sector,size_class," + ",".join(d.id for d in QUESTIONNAIRE.ordered_dimensions())
    path.write_text(header + "\nJ,50-249," + "9" * 200_000 + ",1,1,1\n")
    before = digest(db)
    run = run_cli("benchmark", "import", path, "--database", f"sqlite:///{db}")
    assert run.returncode == 1 and "clients.csv:2: this line cannot be read as CSV" in run.stderr
    assert "Traceback" not in run.stderr and digest(db) == before


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'{"answers": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested more than 32"),
        (b'{"questionnaire": "transformation", "answers": {"x": ' + b"9" * 5000 + b"}}", "digits"),
    ],
)
def test_a_hostile_answers_file_is_refused_without_a_traceback(tmp_path, content, said):
    answers = tmp_path / "answers.json"
    answers.write_bytes(content)
    run = run_cli("score", "--questionnaire", DEFAULT_QUESTIONNAIRE, "--answers", answers)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("error: answers.json: not an answers file") and said in run.stderr
