"""`python -m assessment benchmark …`, run as a consultant runs it: a subprocess."""

import json
import os

import pytest

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import DocumentKind, Store
from tests.cli.commands import run_cli
from tests.paths import ROOT

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
HEADER = "sector,size_class,culture,tools,employee_experience,customer_symmetry\n"


def cli(*args, env: dict | None = None):
    return run_cli("benchmark", *args, env=env)


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'pool.db'}"


def rows_in(db: str) -> int:
    store = Store(db)
    try:
        return len(store.benchmark_rows(QUESTIONNAIRE.id))
    finally:
        store.dispose()


def test_import_adds_a_batch_and_reports_it(tmp_path, db):
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + "J,50-249,62.5,40,55,\nC,250+,30,35,42.5,50\n")
    run = cli("import", path, "--database", db)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("imported 2 row(s) from clients.csv as batch ")
    assert rows_in(db) == 2
    listed = cli("batches", "--database", db)
    assert " 2 row(s)  transformation  " in listed.stdout


def test_a_broken_file_saves_nothing_and_lists_every_error(tmp_path, db):
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + "J,50-249,62.5,40,55,\nJ,50-249,abc,40,55,\nQ,huge,1,2,3,4\n")
    run = cli("import", path, "--database", db)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "error: clients.csv:3: column 'culture': 'abc' is not a number",
        "error: clients.csv:4: column 'size_class': 'huge', expected 1-9, 10-49, 50-249, 250+",
        "error: clients.csv: nothing was imported",
    ]
    assert rows_in(db) == 0


def test_a_file_that_is_not_utf8_or_missing_is_refused(tmp_path, db):
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + "J,50-249,50,50,50,50\n# société\n").encode("latin-1"))
    run = cli("import", latin, "--database", db)
    assert run.returncode == 1 and "not UTF-8 text" in run.stderr
    run = cli("import", tmp_path / "nowhere.csv", "--database", db)
    assert run.returncode == 1 and "error: nowhere.csv: cannot be read" in run.stderr


def test_export_is_anonymised_and_holds_only_opted_in_assessments_and_imports(tmp_path, db):
    store = Store(db)
    answers = {q.id: 4 for _, q in QUESTIONNAIRE.questions()}
    for name, opt_in in (("Secret Shared Ltd", True), ("Secret Private Ltd", False)):
        profile = Profile(
            organisation=name, sector="K", size_class="10-49", country="FR", role="hr"
        )
        token, record = store.create_assessment(QUESTIONNAIRE, profile, "fr")
        for question_id, level in answers.items():
            store.save_answer(record.id, question_id, level)
        if opt_in:
            store.save_document(record.id, DocumentKind.pool, {"opt_in": True})
            shared_token = token
    store.dispose()
    source = tmp_path / "clients.csv"
    source.write_text(HEADER + "J,50-249,62.5,40,55,\n")
    assert cli("import", source, "--database", db).returncode == 0

    out = tmp_path / "pool.csv"
    run = cli(
        "export", "--out", out, "--database", db, env=os.environ | {"BENCHMARK_MIN_PEERS": "1"}
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote 2 row(s) to {out}\n"
    text = out.read_text()
    assert text.splitlines() == [
        HEADER.strip(),
        "J,50-249,62.5,40.0,55.0,",
        "K,10-49,75.0,75.0,75.0,75.0",
    ]
    assert "Secret" not in text and shared_token not in text


def test_delete_removes_a_batch_and_an_unknown_batch_fails(tmp_path, db):
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + "J,50-249,62.5,40,55,\n")
    batch_id = cli("import", path, "--database", db).stdout.split()[-1]
    run = cli("delete", batch_id, "--database", db)
    assert run.returncode == 0 and rows_in(db) == 0
    run = cli("delete", batch_id, "--database", db)
    assert run.returncode == 1 and f"error: no batch '{batch_id}'" in run.stderr


def test_validate_checks_the_shipped_files_and_reports_broken_ones():
    run = cli("validate")
    assert run.returncode == 0, run.stderr
    assert "OK, 13 reference point(s), 1 distribution(s)" in run.stdout
    run = cli("validate", ROOT / "tests" / "fixtures" / "benchmark_broken")
    assert run.returncode == 1
    assert "error: non_numeric.csv:3: column 'value': 'n/a' is not a number" in run.stderr


def test_show_prints_percentiles_or_says_there_are_not_enough_peers(tmp_path, db):
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + "".join(f"J,50-249,{10 * i},{10 * i},,\n" for i in range(6)))
    assert cli("import", path, "--database", db).returncode == 0
    answers = tmp_path / "answers.json"
    levels = {q.id: 3 for _, q in QUESTIONNAIRE.questions()}
    answers.write_text(json.dumps({"questionnaire": QUESTIONNAIRE.id, "answers": levels}))
    args = ("show", "--answers", answers, "--sector", "J", "--size-class", "50-249")
    run = cli(*args, "--database", db)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "pool: 6 organisation(s); at least 5 peers needed"
    assert lines[1] == (
        "Culture: 50, percentile 92 among 6 peer(s) (sector_size); quartiles 12 / 25 / 38"
    )
    assert lines[3].endswith(": not enough peers yet in any group")
    env = {**os.environ, "BENCHMARK_MIN_PEERS": "7"}
    run = cli(*args, "--database", db, env=env)
    assert "Culture: not enough peers yet in any group" in run.stdout


def test_export_holds_back_peer_groups_under_the_minimum_size(tmp_path, db):
    """A peer group of one in an exported file is that organisation's scores."""
    source = tmp_path / "clients.csv"
    crowd = "".join(f"K,10-49,{50 + n},40,55,60\n" for n in range(5))
    source.write_text(HEADER + crowd + "J,250+,99,99,99,99\n")
    assert cli("import", source, "--database", db).returncode == 0
    out = tmp_path / "pool.csv"
    run = cli("export", "--out", out, "--database", db)
    assert run.returncode == 0, run.stderr
    assert "wrote 5 row(s)" in run.stdout
    assert "held back 1 row(s) of peer groups under 5" in run.stdout
    lines = out.read_text().splitlines()
    assert len(lines) == 6 and not any(line.startswith("J,") for line in lines)
